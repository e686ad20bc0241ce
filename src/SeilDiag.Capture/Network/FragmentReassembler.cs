using System.Net;

namespace SeilDiag.Capture.Network;

/// <summary>
/// Reassembles IPv4 and IPv6 fragments (IKE messages with certificates are routinely fragmented).
/// Bounded: at most <see cref="MaxPending"/> datagrams are held, so a capture full of stray fragments
/// cannot grow memory without limit; evicted datagrams are reported by the caller as incomplete.
/// </summary>
public sealed class FragmentReassembler
{
    public const int MaxPending = 256;
    public const int MaxDatagram = 65535 + 40;

    private readonly record struct Key(IPAddress Source, IPAddress Destination, uint Id, byte Protocol);

    private sealed class Pending(long firstFrame)
    {
        public long FirstFrame { get; } = firstFrame;
        public SortedList<int, byte[]> Pieces { get; } = [];
        public int TotalLength { get; set; } = -1;
    }

    private readonly Dictionary<Key, Pending> _pending = [];
    private readonly Queue<Key> _order = new();

    /// <summary>Frames whose fragments never completed (reported at the end).</summary>
    public IEnumerable<long> Incomplete => _pending.Values.Select(p => p.FirstFrame);

    /// <summary>Adds one fragment; returns the whole payload when this fragment completes the datagram.</summary>
    public byte[]? Add(long frame, IPAddress source, IPAddress destination, uint id, byte protocol, int offset, bool more, ReadOnlySpan<byte> data, out string? problem)
    {
        problem = null;
        var key = new Key(source, destination, id, protocol);
        if (!_pending.TryGetValue(key, out var pending))
        {
            if (_pending.Count >= MaxPending)
            {
                var old = _order.Dequeue();
                _pending.Remove(old);
            }
            pending = new Pending(frame);
            _pending[key] = pending;
            _order.Enqueue(key);
        }
        if (offset + data.Length > MaxDatagram)
        {
            problem = $"fragment at offset {offset} would make the datagram longer than {MaxDatagram} bytes";
            return null;
        }
        pending.Pieces[offset] = data.ToArray();
        if (!more)
        {
            pending.TotalLength = offset + data.Length;
        }
        if (pending.TotalLength < 0)
        {
            return null;
        }
        var covered = 0;
        foreach (var (start, bytes) in pending.Pieces)
        {
            if (start > covered)
            {
                return null;
            }
            covered = Math.Max(covered, start + bytes.Length);
        }
        if (covered < pending.TotalLength)
        {
            return null;
        }
        var whole = new byte[pending.TotalLength];
        foreach (var (start, bytes) in pending.Pieces)
        {
            var n = Math.Min(bytes.Length, whole.Length - start);
            if (n > 0)
            {
                bytes.AsSpan(0, n).CopyTo(whole.AsSpan(start));
            }
        }
        _pending.Remove(key);
        return whole;
    }
}
