using SeilDiag.Capture.Reading;
using SeilDiag.Diagnostics;

namespace SeilDiag.Capture.Pipeline;

/// <summary>
/// Up to <see cref="MaxFrames"/> frames copied into one reusable buffer, handed from the read-ahead thread to the
/// analysis thread in file order, plus what the reader reported while reading them (in the same order).
/// </summary>
internal sealed class FrameBatch
{
    public const int MaxFrames = 512;
    public const int DataSize = 1 << 20;

    public byte[] Data { get; private set; } = new byte[DataSize];

    public int Used { get; private set; }

    public List<BatchedFrame> Frames { get; } = new(MaxFrames);

    /// <summary>Reader findings, each to be reported before the frame at <c>Before</c> (Frames.Count = after the last).</summary>
    public List<(int Before, Diagnostic Finding)> Findings { get; } = [];

    /// <summary>The exception the reader threw; it ends the stream, after this batch's frames and findings.</summary>
    public Exception? Error { get; set; }

    public bool Fits(int length) => Frames.Count < MaxFrames && (Frames.Count == 0 || Used + length <= Data.Length);

    public void Add(CaptureFrame frame, PrecomputedIcv? icv)
    {
        var span = frame.Data.Span;
        if (Frames.Count == 0 && span.Length > Data.Length)
        {
            Data = new byte[span.Length];
        }
        span.CopyTo(Data.AsSpan(Used));
        Frames.Add(new BatchedFrame(frame.Number, frame.Time, frame.LinkType, Used, span.Length, frame.OriginalLength, icv));
        Used += span.Length;
    }

    public CaptureFrame Frame(int index)
    {
        var f = Frames[index];
        return new CaptureFrame(f.Number, f.Time, f.LinkType, Data.AsMemory(f.Offset, f.Length), f.OriginalLength);
    }

    public void Clear()
    {
        Used = 0;
        Frames.Clear();
        Findings.Clear();
        Error = null;
        if (Data.Length > DataSize)
        {
            Data = new byte[DataSize]; // a huge frame does not pin a huge buffer for the rest of the file
        }
    }
}

internal readonly record struct BatchedFrame(long Number, DateTimeOffset Time, LinkType LinkType, int Offset, int Length, int OriginalLength, PrecomputedIcv? Icv);
