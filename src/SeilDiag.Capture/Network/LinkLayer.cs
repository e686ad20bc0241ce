using System.Buffers.Binary;
using SeilDiag.Capture.Reading;

namespace SeilDiag.Capture.Network;

/// <summary>Strips the link-layer header and finds the network-layer packet and its EtherType.</summary>
public static class LinkLayer
{
    public const ushort EtherTypeIPv4 = 0x0800;
    public const ushort EtherTypeIPv6 = 0x86DD;

    /// <summary>The offset of the IP header and its EtherType; false (with a reason) when the frame carries no IP.</summary>
    public static bool TryGetNetwork(LinkType linkType, ReadOnlySpan<byte> frame, out int offset, out ushort etherType, out string? problem)
    {
        offset = 0;
        etherType = 0;
        problem = null;
        switch (linkType)
        {
            case LinkType.Ethernet:
                if (frame.Length < 14)
                {
                    problem = $"Ethernet frame of {frame.Length} bytes is shorter than its 14-byte header";
                    return false;
                }
                offset = 12;
                etherType = BinaryPrimitives.ReadUInt16BigEndian(frame[12..]);
                offset = 14;
                // 802.1Q / 802.1ad / QinQ tags: skip any stack of them.
                while (etherType is 0x8100 or 0x88A8 or 0x9100)
                {
                    if (frame.Length < offset + 4)
                    {
                        problem = "VLAN tag truncated";
                        return false;
                    }
                    etherType = BinaryPrimitives.ReadUInt16BigEndian(frame[(offset + 2)..]);
                    offset += 4;
                }
                return IsIp(etherType);
            case LinkType.LinuxSll:
                if (frame.Length < 16)
                {
                    problem = "Linux cooked (SLL) header truncated";
                    return false;
                }
                etherType = BinaryPrimitives.ReadUInt16BigEndian(frame[14..]);
                offset = 16;
                return IsIp(etherType);
            case LinkType.LinuxSll2:
                if (frame.Length < 20)
                {
                    problem = "Linux cooked v2 (SLL2) header truncated";
                    return false;
                }
                etherType = BinaryPrimitives.ReadUInt16BigEndian(frame);
                offset = 20;
                return IsIp(etherType);
            case LinkType.Raw or LinkType.RawBsd12 or LinkType.RawBsd14 or LinkType.Ipv4 or LinkType.Ipv6:
                if (frame.Length < 1)
                {
                    problem = "empty raw IP frame";
                    return false;
                }
                etherType = (frame[0] >> 4) == 6 ? EtherTypeIPv6 : EtherTypeIPv4;
                return true;
            case LinkType.Null or LinkType.Loop:
                if (frame.Length < 4)
                {
                    problem = "loopback header truncated";
                    return false;
                }
                // DLT_NULL stores the address family in the capturing host's byte order, DLT_LOOP in network order;
                // the IP version nibble is unambiguous, so read that.
                offset = 4;
                if (frame.Length < 5)
                {
                    problem = "loopback frame without payload";
                    return false;
                }
                etherType = (frame[4] >> 4) switch { 4 => EtherTypeIPv4, 6 => EtherTypeIPv6, _ => (ushort)0 };
                return etherType != 0;
            default:
                problem = $"link type {(int)linkType} is not supported (supported: Ethernet, Linux SLL/SLL2, raw IP, BSD loopback)";
                return false;
        }
    }

    private static bool IsIp(ushort etherType) => etherType is EtherTypeIPv4 or EtherTypeIPv6;
}
