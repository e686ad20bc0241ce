namespace SeilDiag.Capture.Reading;

/// <summary>A forward-only source of frames (a pcap or pcapng file, or a live interface).</summary>
public interface IFrameReader : IDisposable
{
    /// <summary>Reads the next frame; false at the end (or when the rest of the file is unusable, after a finding).</summary>
    bool TryRead(out CaptureFrame frame);
}
