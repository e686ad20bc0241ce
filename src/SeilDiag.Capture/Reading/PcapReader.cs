using System.Buffers.Binary;

namespace SeilDiag.Capture.Reading;

/// <summary>
/// Classic libpcap files, both byte orders, microsecond (a1b2c3d4) and nanosecond (a1b23c4d) timestamps.
/// Written in managed code on purpose: SharpPcap needs the native libpcap even to read a file, which a
/// fresh machine or a Windows support desk may not have.
/// </summary>
public sealed class PcapReader : IFrameReader
{
    /// <summary>No real link layer needs more; a larger length field is a lie and the file cannot be resynchronised.</summary>
    public const int MaxFrameLength = 256 * 1024;

    private readonly Stream _stream;
    private readonly CaptureFindings _findings;
    private readonly bool _bigEndian;
    private readonly bool _nanoseconds;
    private readonly LinkType _linkType;
    private readonly byte[] _header = new byte[16];
    private byte[] _buffer = new byte[65536];
    private long _number;
    private bool _done;

    private PcapReader(Stream stream, CaptureFindings findings, bool bigEndian, bool nanoseconds, LinkType linkType)
    {
        _stream = stream;
        _findings = findings;
        _bigEndian = bigEndian;
        _nanoseconds = nanoseconds;
        _linkType = linkType;
    }

    public static bool IsPcapMagic(ReadOnlySpan<byte> head) =>
        head.Length >= 4 && BinaryPrimitives.ReadUInt32LittleEndian(head) is 0xa1b2c3d4 or 0xd4c3b2a1 or 0xa1b23c4d or 0x4d3cb2a1;

    /// <summary>Opens after the caller has read the 24-byte global header into <paramref name="globalHeader"/>.</summary>
    public static PcapReader Open(Stream stream, ReadOnlySpan<byte> globalHeader, CaptureFindings findings)
    {
        var magic = BinaryPrimitives.ReadUInt32LittleEndian(globalHeader);
        var bigEndian = magic is 0xd4c3b2a1 or 0x4d3cb2a1;
        var nanoseconds = magic is 0xa1b23c4d or 0x4d3cb2a1;
        var rawLink = bigEndian ? BinaryPrimitives.ReadUInt32BigEndian(globalHeader[20..]) : BinaryPrimitives.ReadUInt32LittleEndian(globalHeader[20..]);
        // The upper bits carry the FCS length and other flags (pcap-linktype(7)); the type is the low 16 bits.
        return new PcapReader(stream, findings, bigEndian, nanoseconds, (LinkType)(rawLink & 0xffff));
    }

    public bool TryRead(out CaptureFrame frame)
    {
        frame = default;
        if (_done)
        {
            return false;
        }
        var got = _stream.ReadFully(_header);
        if (got == 0)
        {
            _done = true;
            return false;
        }
        var number = _number + 1;
        if (got < 16)
        {
            _findings.Corrupt(number, $"capture ends inside the record header of packet {number} ({got} of 16 bytes): the file is truncated");
            _done = true;
            return false;
        }
        var seconds = Read32(0);
        var fraction = Read32(4);
        var included = Read32(8);
        var original = Read32(12);
        if (included > MaxFrameLength)
        {
            _findings.Corrupt(number, $"packet {number} claims {included} captured bytes (more than {MaxFrameLength}): the length field is corrupt; the rest of the file is not read");
            _done = true;
            return false;
        }
        if (_buffer.Length < included)
        {
            _buffer = new byte[Math.Max(included, _buffer.Length * 2)];
        }
        var read = _stream.ReadFully(_buffer.AsSpan(0, (int)included));
        if (read < included)
        {
            _findings.Corrupt(number, $"capture ends inside packet {number} ({read} of {included} bytes): the file is truncated");
            _done = true;
            return false;
        }
        _number = number;
        var ticks = _nanoseconds ? fraction / 100 : fraction * 10L;
        var time = DateTimeOffset.FromUnixTimeSeconds(seconds).AddTicks(ticks);
        frame = new CaptureFrame(number, time, _linkType, _buffer.AsMemory(0, (int)included), (int)Math.Min(original, int.MaxValue));
        return true;
    }

    private uint Read32(int offset) => _bigEndian
        ? BinaryPrimitives.ReadUInt32BigEndian(_header.AsSpan(offset))
        : BinaryPrimitives.ReadUInt32LittleEndian(_header.AsSpan(offset));

    public void Dispose() => _stream.Dispose();
}
