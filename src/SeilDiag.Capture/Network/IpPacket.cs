using System.Net;

namespace SeilDiag.Capture.Network;

/// <summary>An IP datagram after link-layer decoding and (when it was fragmented) reassembly.</summary>
public sealed record IpPacket(IPAddress Source, IPAddress Destination, byte Protocol, ReadOnlyMemory<byte> Payload, byte Ttl)
{
    public bool IsIPv6 => Source.AddressFamily == System.Net.Sockets.AddressFamily.InterNetworkV6;
}

/// <summary>IP protocol numbers the front-end looks at.</summary>
public static class IpProtocol
{
    public const byte Icmp = 1;
    public const byte Ipip = 4;
    public const byte Tcp = 6;
    public const byte Udp = 17;
    public const byte Ipv6 = 41;
    public const byte Esp = 50;
    public const byte Ah = 51;
    public const byte Icmpv6 = 58;

    public static string Name(byte protocol) => protocol switch
    {
        Icmp => "ICMP",
        Ipip => "IPIP",
        Tcp => "TCP",
        Udp => "UDP",
        Ipv6 => "IPv6",
        Esp => "ESP",
        Ah => "AH",
        Icmpv6 => "ICMPv6",
        _ => $"ip-proto-{protocol}",
    };
}
