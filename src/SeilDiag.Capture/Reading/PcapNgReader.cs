using System.Buffers.Binary;

namespace SeilDiag.Capture.Reading;

/// <summary>
/// pcapng (SHB, IDB, EPB, SPB, the obsolete PB; several interfaces and sections, either byte order,
/// if_tsresol). Blocks the front-end does not use (NRB, ISB, DSB, custom) are skipped; block types it does
/// not know are skipped with a finding. Managed for the same reason as <see cref="PcapReader"/>.
/// </summary>
public sealed class PcapNgReader : IFrameReader
{
    private const uint SectionHeader = 0x0A0D0D0A;
    private const uint InterfaceDescription = 1;
    private const uint ObsoletePacket = 2;
    private const uint SimplePacket = 3;
    private const uint NameResolution = 4;
    private const uint InterfaceStatistics = 5;
    private const uint EnhancedPacket = 6;
    private const uint DecryptionSecrets = 0x0A;
    private const uint Journal = 9;
    private const uint CustomCopy = 0x00000BAD;
    private const uint CustomNoCopy = 0x40000BAD;
    private const uint ByteOrderMagic = 0x1A2B3C4D;

    /// <summary>Larger blocks are length-field lies (pcapng readers in the wild use similar caps).</summary>
    public const int MaxBlockLength = 16 * 1024 * 1024;

    private sealed record Interface(LinkType LinkType, int SnapLength, long UnitsPerSecond, long OffsetSeconds);

    private readonly Stream _stream;
    private readonly CaptureFindings _findings;
    private readonly List<Interface> _interfaces = [];
    private readonly HashSet<uint> _reportedUnknown = [];
    private readonly byte[] _head = new byte[8];
    private byte[] _block = new byte[65536];
    private bool _bigEndian;
    private bool _done;
    private long _number;
    private long _blockIndex;
    private bool _pendingHead;

    private PcapNgReader(Stream stream, CaptureFindings findings)
    {
        _stream = stream;
        _findings = findings;
    }

    public static bool IsPcapNgMagic(ReadOnlySpan<byte> head) =>
        head.Length >= 4 && BinaryPrimitives.ReadUInt32LittleEndian(head) == SectionHeader;

    /// <summary>Opens with the first 8 bytes (block type and length of the first SHB) already read.</summary>
    public static PcapNgReader Open(Stream stream, ReadOnlySpan<byte> first8, CaptureFindings findings)
    {
        var reader = new PcapNgReader(stream, findings);
        first8[..8].CopyTo(reader._head);
        reader._pendingHead = true;
        return reader;
    }

    public bool TryRead(out CaptureFrame frame)
    {
        frame = default;
        while (!_done)
        {
            if (!_pendingHead)
            {
                var got = _stream.ReadFully(_head);
                if (got == 0)
                {
                    _done = true;
                    break;
                }
                if (got < 8)
                {
                    Stop($"capture ends inside the header of block {_blockIndex + 1}: the file is truncated");
                    break;
                }
            }
            _pendingHead = false;
            _blockIndex++;
            var rawType = BinaryPrimitives.ReadUInt32LittleEndian(_head);
            if (rawType == SectionHeader)
            {
                if (!ReadSectionHeader())
                {
                    break;
                }
                continue;
            }
            var type = Read32(_head, 0);
            var length = Read32(_head, 4);
            if (length < 12 || length % 4 != 0 || length > MaxBlockLength)
            {
                Stop($"block {_blockIndex} (type 0x{type:x}) has an impossible length {length}: the length field is corrupt; the rest of the file is not read");
                break;
            }
            var bodyLength = (int)length - 8;
            if (_block.Length < bodyLength)
            {
                _block = new byte[Math.Max(bodyLength, _block.Length * 2)];
            }
            var read = _stream.ReadFully(_block.AsSpan(0, bodyLength));
            if (read < bodyLength)
            {
                Stop($"capture ends inside block {_blockIndex} (type 0x{type:x}, {read} of {bodyLength} bytes): the file is truncated");
                break;
            }
            var trailer = Read32(_block, bodyLength - 4);
            if (trailer != length)
            {
                Stop($"block {_blockIndex} (type 0x{type:x}): trailing length {trailer} differs from leading length {length}: the file is corrupt; the rest is not read");
                break;
            }
            var body = _block.AsSpan(0, bodyLength - 4);
            switch (type)
            {
                case InterfaceDescription:
                    ReadInterface(body);
                    break;
                case EnhancedPacket:
                    if (TryEnhanced(body, out frame))
                    {
                        return true;
                    }
                    break;
                case SimplePacket:
                    if (TrySimple(body, out frame))
                    {
                        return true;
                    }
                    break;
                case ObsoletePacket:
                    if (TryObsolete(body, out frame))
                    {
                        return true;
                    }
                    break;
                case NameResolution or InterfaceStatistics or DecryptionSecrets or Journal or CustomCopy or CustomNoCopy:
                    break; // known and not needed for IKE/ESP analysis
                default:
                    if (_reportedUnknown.Add(type))
                    {
                        _findings.Corrupt(null, $"pcapng block {_blockIndex} has unknown type 0x{type:x8}; skipped (and any further blocks of this type)");
                    }
                    break;
            }
        }
        return false;
    }

    private bool ReadSectionHeader()
    {
        // The byte-order magic decides how to read the section, including this block's own length.
        Span<byte> magic = stackalloc byte[4];
        if (_stream.ReadFully(magic) < 4)
        {
            Stop("capture ends inside a section header block: the file is truncated");
            return false;
        }
        var le = BinaryPrimitives.ReadUInt32LittleEndian(magic);
        if (le == ByteOrderMagic)
        {
            _bigEndian = false;
        }
        else if (BinaryPrimitives.ReadUInt32BigEndian(magic) == ByteOrderMagic)
        {
            _bigEndian = true;
        }
        else
        {
            Stop($"section header block {_blockIndex} has byte-order magic 0x{le:x8}, expected 0x1a2b3c4d: not a pcapng file or corrupt");
            return false;
        }
        var length = Read32(_head, 4);
        if (length < 28 || length % 4 != 0 || length > MaxBlockLength)
        {
            Stop($"section header block {_blockIndex} has an impossible length {length}");
            return false;
        }
        var rest = (int)length - 12;
        if (_block.Length < rest)
        {
            _block = new byte[rest];
        }
        if (_stream.ReadFully(_block.AsSpan(0, rest)) < rest)
        {
            Stop("capture ends inside a section header block: the file is truncated");
            return false;
        }
        _interfaces.Clear(); // interface IDs are per section
        return true;
    }

    private void ReadInterface(ReadOnlySpan<byte> body)
    {
        if (body.Length < 8)
        {
            _findings.Corrupt(null, $"interface description block {_blockIndex} is {body.Length} bytes, expected at least 8; interface {_interfaces.Count} assumed Ethernet");
            _interfaces.Add(new Interface(LinkType.Ethernet, 0, 1_000_000, 0));
            return;
        }
        var linkType = (LinkType)Read16(body, 0);
        var snap = (int)Math.Min(Read32(body, 4), int.MaxValue);
        long units = 1_000_000;
        long offset = 0;
        var options = body[8..];
        while (options.Length >= 4)
        {
            var code = Read16(options, 0);
            var len = Read16(options, 2);
            if (code == 0)
            {
                break;
            }
            if (4 + len > options.Length)
            {
                _findings.Corrupt(null, $"interface description block {_blockIndex}: option {code} runs past the block");
                break;
            }
            var value = options.Slice(4, len);
            if (code == 9 && len >= 1)
            {
                // if_tsresol: high bit set = negative power of 2, otherwise of 10.
                var r = value[0];
                var exponent = r & 0x7f;
                units = (r & 0x80) != 0 ? (exponent < 63 ? 1L << exponent : long.MaxValue) : (long)Math.Min(Math.Pow(10, exponent), long.MaxValue);
            }
            else if (code == 14 && len >= 8)
            {
                offset = (long)Read64(value);
            }
            options = options[Math.Min(options.Length, 4 + ((len + 3) & ~3))..];
        }
        _interfaces.Add(new Interface(linkType, snap, Math.Max(1, units), offset));
    }

    private bool TryEnhanced(ReadOnlySpan<byte> body, out CaptureFrame frame)
    {
        frame = default;
        var number = _number + 1;
        if (body.Length < 20)
        {
            _findings.Corrupt(number, $"enhanced packet block {_blockIndex} is too short ({body.Length} bytes)");
            _number = number;
            return false;
        }
        var ifId = Read32(body, 0);
        var ts = ((ulong)Read32(body, 4) << 32) | Read32(body, 8);
        var captured = Read32(body, 12);
        var original = Read32(body, 16);
        return MakeFrame(number, ifId, ts, captured, original, 20, body.Length - 20, out frame);
    }

    private bool TryObsolete(ReadOnlySpan<byte> body, out CaptureFrame frame)
    {
        frame = default;
        var number = _number + 1;
        if (body.Length < 20)
        {
            _findings.Corrupt(number, $"packet block {_blockIndex} is too short ({body.Length} bytes)");
            _number = number;
            return false;
        }
        var ifId = Read16(body, 0);
        var ts = ((ulong)Read32(body, 4) << 32) | Read32(body, 8);
        return MakeFrame(number, ifId, ts, Read32(body, 12), Read32(body, 16), 20, body.Length - 20, out frame);
    }

    private bool TrySimple(ReadOnlySpan<byte> body, out CaptureFrame frame)
    {
        frame = default;
        var number = _number + 1;
        if (body.Length < 4)
        {
            _findings.Corrupt(number, $"simple packet block {_blockIndex} is too short");
            _number = number;
            return false;
        }
        var original = Read32(body, 0);
        var snap = _interfaces.Count > 0 && _interfaces[0].SnapLength > 0 ? _interfaces[0].SnapLength : int.MaxValue;
        var captured = (uint)Math.Min(Math.Min(original, (uint)snap), (uint)(body.Length - 4));
        // SPBs carry no timestamp.
        return MakeFrame(number, 0, null, captured, original, 4, body.Length - 4, out frame);
    }

    private bool MakeFrame(long number, uint ifId, ulong? ts, uint captured, uint original, int dataOffset, int available, out CaptureFrame frame)
    {
        frame = default;
        _number = number;
        if (ifId >= _interfaces.Count)
        {
            _findings.Corrupt(number, $"packet {number} refers to interface {ifId}, but only {_interfaces.Count} interface(s) are described; skipped");
            return false;
        }
        if (captured > available)
        {
            _findings.Corrupt(number, $"packet {number} claims {captured} captured bytes but its block holds {available}; skipped");
            return false;
        }
        var iface = _interfaces[(int)ifId];
        var time = DateTimeOffset.UnixEpoch;
        if (ts is { } t)
        {
            var seconds = (long)(t / (ulong)iface.UnitsPerSecond) + iface.OffsetSeconds;
            var rem = (double)(t % (ulong)iface.UnitsPerSecond);
            var ticks = (long)(rem * TimeSpan.TicksPerSecond / iface.UnitsPerSecond);
            time = seconds is >= -62135596800 and <= 253402300799
                ? DateTimeOffset.FromUnixTimeSeconds(seconds).AddTicks(ticks)
                : DateTimeOffset.UnixEpoch;
        }
        // The frame aliases the block buffer (the body starts at offset 0 of it); valid until the next TryRead.
        frame = new CaptureFrame(number, time, iface.LinkType, _block.AsMemory(dataOffset, (int)captured), (int)Math.Min(original, int.MaxValue));
        return true;
    }

    private void Stop(string message)
    {
        _findings.Corrupt(null, message);
        _done = true;
    }

    private uint Read32(ReadOnlySpan<byte> b, int offset) =>
        _bigEndian ? BinaryPrimitives.ReadUInt32BigEndian(b[offset..]) : BinaryPrimitives.ReadUInt32LittleEndian(b[offset..]);

    private ushort Read16(ReadOnlySpan<byte> b, int offset) =>
        _bigEndian ? BinaryPrimitives.ReadUInt16BigEndian(b[offset..]) : BinaryPrimitives.ReadUInt16LittleEndian(b[offset..]);

    private ulong Read64(ReadOnlySpan<byte> b) =>
        _bigEndian ? BinaryPrimitives.ReadUInt64BigEndian(b) : BinaryPrimitives.ReadUInt64LittleEndian(b);

    public void Dispose() => _stream.Dispose();
}
