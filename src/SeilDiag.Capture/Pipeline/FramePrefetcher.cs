using System.Threading.Channels;
using SeilDiag.Capture.Reading;

namespace SeilDiag.Capture.Pipeline;

/// <summary>
/// Reads a capture file on a second thread: frames are copied into pooled <see cref="FrameBatch"/>es and passed
/// through a bounded channel in file order, with the reader's findings and exceptions in their original place,
/// so the analysis thread sees exactly what a direct read would give. The read-ahead thread also verifies plain
/// ESP ICVs (<see cref="IcvPrecheck"/>). Memory is bounded: at most <see cref="Depth"/> + 2 batches exist.
/// </summary>
internal sealed class FramePrefetcher : IDisposable
{
    private const int Depth = 4;

    private readonly IFrameReader _reader;
    private readonly CaptureFindings _readerFindings;
    private readonly IcvPrecheck _precheck;
    private readonly long _maxFrames;
    private readonly Channel<FrameBatch> _full = Channel.CreateBounded<FrameBatch>(new BoundedChannelOptions(Depth) { SingleReader = true, SingleWriter = true });
    private readonly Channel<FrameBatch> _free = Channel.CreateUnbounded<FrameBatch>(new UnboundedChannelOptions { SingleReader = true, SingleWriter = true });
    private readonly CancellationTokenSource _stop = new();
    private readonly Thread _thread;
    private int _reported;

    /// <param name="reader">Reports into <paramref name="readerFindings"/>, which only the read-ahead thread touches.</param>
    public FramePrefetcher(IFrameReader reader, CaptureFindings readerFindings, CaptureKeys keys, long maxFrames)
    {
        _reader = reader;
        _readerFindings = readerFindings;
        _reported = readerFindings.Diagnostics.Count;
        _precheck = new IcvPrecheck(keys);
        _maxFrames = maxFrames;
        _thread = new Thread(Run) { IsBackground = true, Name = "SeilDiag capture read-ahead" };
        _thread.Start();
    }

    /// <summary>The next batch in file order, or null at the end; give it back with <see cref="Return"/>.</summary>
    public FrameBatch? Next()
    {
        var reader = _full.Reader;
        FrameBatch? batch;
        while (!reader.TryRead(out batch))
        {
            if (!reader.WaitToReadAsync().AsTask().GetAwaiter().GetResult())
            {
                return null;
            }
        }
        return batch;
    }

    public void Return(FrameBatch batch)
    {
        batch.Clear();
        _free.Writer.TryWrite(batch);
    }

    private void Run()
    {
        var batch = Rent();
        try
        {
            while (true)
            {
                CaptureFrame frame;
                bool more;
                try
                {
                    more = _reader.TryRead(out frame);
                }
                catch (Exception e)
                {
                    TakeFindings(batch);
                    batch.Error = e;
                    Send(batch);
                    return;
                }
                TakeFindings(batch);
                if (!more)
                {
                    break;
                }
                if (!batch.Fits(frame.Data.Length))
                {
                    Send(batch);
                    batch = Rent();
                }
                var icv = Precheck(frame);
                batch.Add(frame, icv);
                if (_maxFrames > 0 && frame.Number >= _maxFrames)
                {
                    break;
                }
            }
            Send(batch);
        }
        catch (OperationCanceledException)
        {
            // The analysis stopped early (an exception on its side); nothing more to hand over.
        }
        catch (Exception e)
        {
            // A bug on this thread must surface on the analysis thread, not vanish. A fresh batch: the current one
            // may already have been handed over.
            var failed = new FrameBatch { Error = e };
            try
            {
                Send(failed);
            }
            catch (OperationCanceledException)
            {
                // The analysis has already stopped.
            }
        }
        finally
        {
            _full.Writer.TryComplete();
        }
    }

    private PrecomputedIcv? Precheck(CaptureFrame frame)
    {
        if (!_precheck.Enabled)
        {
            return null;
        }
        try
        {
            return _precheck.Check(frame.Number, frame.LinkType, frame.Data.Span);
        }
        catch (Exception e) when (e is ArgumentException or IndexOutOfRangeException or System.Security.Cryptography.CryptographicException)
        {
            // No verdict ahead of time only means the analysis thread verifies this packet itself, with the same
            // code that reports any problem properly.
            return null;
        }
    }

    private void TakeFindings(FrameBatch batch)
    {
        var all = _readerFindings.Diagnostics;
        for (; _reported < all.Count; _reported++)
        {
            batch.Findings.Add((batch.Frames.Count, all[_reported]));
        }
    }

    private FrameBatch Rent() => _free.Reader.TryRead(out var batch) ? batch : new FrameBatch();

    private void Send(FrameBatch batch)
    {
        var writer = _full.Writer;
        while (!writer.TryWrite(batch))
        {
            if (!writer.WaitToWriteAsync(_stop.Token).AsTask().GetAwaiter().GetResult())
            {
                return;
            }
        }
    }

    /// <summary>Stops the read-ahead thread and waits for it, so the reader can be disposed safely.</summary>
    public void Dispose()
    {
        _stop.Cancel();
        _thread.Join();
        _precheck.Dispose();
        _stop.Dispose();
    }
}
