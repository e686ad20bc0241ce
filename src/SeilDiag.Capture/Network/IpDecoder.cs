using System.Buffers.Binary;
using System.Net;

namespace SeilDiag.Capture.Network;

/// <summary>Decodes IPv4/IPv6 headers (IPv6 extension headers included) and feeds fragments to the reassembler.</summary>
public sealed class IpDecoder
{
    private readonly FragmentReassembler _reassembler = new();

    public FragmentReassembler Reassembler => _reassembler;

    public enum Result
    {
        Packet,
        /// <summary>A fragment was stored; the datagram is not complete yet.</summary>
        Fragment,
        Malformed,
    }

    public Result Decode(long frame, ushort etherType, ReadOnlyMemory<byte> data, out IpPacket? packet, out string? problem)
    {
        packet = null;
        problem = null;
        var span = data.Span;
        if (etherType == LinkLayer.EtherTypeIPv4)
        {
            if (span.Length < 20 || span[0] >> 4 != 4)
            {
                problem = $"IPv4 header truncated or wrong version ({span.Length} bytes)";
                return Result.Malformed;
            }
            var ihl = (span[0] & 0x0f) * 4;
            var total = BinaryPrimitives.ReadUInt16BigEndian(span[2..]);
            if (ihl < 20 || span.Length < ihl)
            {
                problem = $"IPv4 header length {ihl} is invalid";
                return Result.Malformed;
            }
            if (total < ihl)
            {
                problem = $"IPv4 total length {total} is smaller than its header ({ihl})";
                return Result.Malformed;
            }
            var end = Math.Min(total, span.Length); // snap length may cut; Ethernet padding may extend
            var id = BinaryPrimitives.ReadUInt16BigEndian(span[4..]);
            var flagsOffset = BinaryPrimitives.ReadUInt16BigEndian(span[6..]);
            var more = (flagsOffset & 0x2000) != 0;
            var fragOffset = (flagsOffset & 0x1fff) * 8;
            var protocol = span[9];
            var src = new IPAddress(span.Slice(12, 4));
            var dst = new IPAddress(span.Slice(16, 4));
            var payload = data[ihl..end];
            if (more || fragOffset != 0)
            {
                var whole = _reassembler.Add(frame, src, dst, id, protocol, fragOffset, more, payload.Span, out problem);
                if (whole is null)
                {
                    return problem is null ? Result.Fragment : Result.Malformed;
                }
                payload = whole;
            }
            packet = new IpPacket(src, dst, protocol, payload, span[8]);
            return Result.Packet;
        }
        if (etherType == LinkLayer.EtherTypeIPv6)
        {
            if (span.Length < 40 || span[0] >> 4 != 6)
            {
                problem = $"IPv6 header truncated or wrong version ({span.Length} bytes)";
                return Result.Malformed;
            }
            var payloadLength = BinaryPrimitives.ReadUInt16BigEndian(span[4..]);
            var next = span[6];
            var src = new IPAddress(span.Slice(8, 16));
            var dst = new IPAddress(span.Slice(24, 16));
            var end = Math.Min(40 + payloadLength, span.Length);
            var offset = 40;
            int? fragOffset = null;
            var more = false;
            uint id = 0;
            // Walk extension headers: hop-by-hop, routing, destination options, fragment.
            while (next is 0 or 43 or 60 or 44)
            {
                if (offset + 8 > end)
                {
                    problem = "IPv6 extension header truncated";
                    return Result.Malformed;
                }
                var h = span[offset..];
                if (next == 44)
                {
                    var fo = BinaryPrimitives.ReadUInt16BigEndian(h[2..]);
                    fragOffset = (fo >> 3) * 8;
                    more = (fo & 1) != 0;
                    id = BinaryPrimitives.ReadUInt32BigEndian(h[4..]);
                    next = h[0];
                    offset += 8;
                }
                else
                {
                    var len = (h[1] + 1) * 8;
                    next = h[0];
                    offset += len;
                }
            }
            if (offset > end)
            {
                problem = "IPv6 extension headers run past the packet";
                return Result.Malformed;
            }
            var payload = data[offset..end];
            if (fragOffset is { } fragmentOffset)
            {
                var whole = _reassembler.Add(frame, src, dst, id, next, fragmentOffset, more, payload.Span, out problem);
                if (whole is null)
                {
                    return problem is null ? Result.Fragment : Result.Malformed;
                }
                payload = whole;
            }
            packet = new IpPacket(src, dst, next, payload, span[7]);
            return Result.Packet;
        }
        problem = $"EtherType 0x{etherType:x4} is not IP";
        return Result.Malformed;
    }
}
