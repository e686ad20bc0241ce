using System.Buffers.Binary;
using System.Net;

namespace SeilDiag.Capture.Network;

/// <summary>One-line summaries of IP packets (the inner packet of ESP, ICMP errors): addresses, protocol, ports, ICMP type.</summary>
public static class InnerPacket
{
    /// <summary>Summarises a tunnel-mode inner packet (next header 4 or 41) or a transport-mode payload.</summary>
    public static string Summarize(byte nextHeader, ReadOnlySpan<byte> data)
    {
        switch (nextHeader)
        {
            case IpProtocol.Ipip when data.Length >= 20 && data[0] >> 4 == 4:
                {
                    var ihl = (data[0] & 0x0f) * 4;
                    var src = new IPAddress(data.Slice(12, 4));
                    var dst = new IPAddress(data.Slice(16, 4));
                    var proto = data[9];
                    var rest = ihl <= data.Length ? data[ihl..] : [];
                    return $"{src} > {dst} {Transport(proto, rest, v6: false)}";
                }
            case IpProtocol.Ipv6 when data.Length >= 40 && data[0] >> 4 == 6:
                {
                    var src = new IPAddress(data.Slice(8, 16));
                    var dst = new IPAddress(data.Slice(24, 16));
                    return $"{src} > {dst} {Transport(data[6], data[40..], v6: true)}";
                }
            case IpProtocol.Ipip or IpProtocol.Ipv6:
                return $"truncated inner {(nextHeader == 4 ? "IPv4" : "IPv6")} packet ({data.Length} bytes)";
            case 59:
                return "no next header (dummy/TFC packet)";
            default:
                return "transport " + Transport(nextHeader, data, v6: false);
        }
    }

    public static string Transport(byte protocol, ReadOnlySpan<byte> data, bool v6)
    {
        switch (protocol)
        {
            case IpProtocol.Icmp or IpProtocol.Icmpv6 when data.Length >= 4:
                {
                    var type = data[0];
                    var code = data[1];
                    var name = protocol == IpProtocol.Icmp ? IcmpName(type, code) : Icmpv6Name(type);
                    if ((protocol == IpProtocol.Icmp && type is 0 or 8 || protocol == IpProtocol.Icmpv6 && type is 128 or 129) && data.Length >= 8)
                    {
                        return $"{(protocol == IpProtocol.Icmp ? "ICMP" : "ICMPv6")} {name} id=0x{BinaryPrimitives.ReadUInt16BigEndian(data[4..]):x4} seq={BinaryPrimitives.ReadUInt16BigEndian(data[6..])}";
                    }
                    return $"{(protocol == IpProtocol.Icmp ? "ICMP" : "ICMPv6")} {name}";
                }
            case IpProtocol.Tcp when data.Length >= 14:
                {
                    var flags = data[13];
                    var names = new List<string>();
                    if ((flags & 0x02) != 0) names.Add("SYN");
                    if ((flags & 0x10) != 0) names.Add("ACK");
                    if ((flags & 0x01) != 0) names.Add("FIN");
                    if ((flags & 0x04) != 0) names.Add("RST");
                    if ((flags & 0x08) != 0) names.Add("PSH");
                    return $"TCP {BinaryPrimitives.ReadUInt16BigEndian(data)} > {BinaryPrimitives.ReadUInt16BigEndian(data[2..])} [{string.Join(",", names)}]";
                }
            case IpProtocol.Udp when data.Length >= 8:
                return $"UDP {BinaryPrimitives.ReadUInt16BigEndian(data)} > {BinaryPrimitives.ReadUInt16BigEndian(data[2..])} len={BinaryPrimitives.ReadUInt16BigEndian(data[4..])}";
            case IpProtocol.Esp when data.Length >= 8:
                return $"ESP spi=0x{BinaryPrimitives.ReadUInt32BigEndian(data):x8} seq={BinaryPrimitives.ReadUInt32BigEndian(data[4..])}";
            default:
                return $"{IpProtocol.Name(protocol)} ({data.Length} bytes)";
        }
    }

    private static string IcmpName(byte type, byte code) => type switch
    {
        0 => "echo reply",
        8 => "echo request",
        3 => code switch
        {
            0 => "net unreachable",
            1 => "host unreachable",
            3 => "port unreachable",
            4 => "fragmentation needed",
            13 => "communication administratively prohibited",
            _ => $"destination unreachable (code {code})",
        },
        11 => "time exceeded",
        _ => $"type {type} code {code}",
    };

    private static string Icmpv6Name(byte type) => type switch
    {
        1 => "destination unreachable",
        2 => "packet too big",
        3 => "time exceeded",
        128 => "echo request",
        129 => "echo reply",
        135 => "neighbor solicitation",
        136 => "neighbor advertisement",
        _ => $"type {type}",
    };
}
