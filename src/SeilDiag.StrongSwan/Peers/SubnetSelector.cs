using System.Globalization;
using System.Net;
using SeilDiag.StrongSwan.Conns;

namespace SeilDiag.StrongSwan.Peers;

/// <summary>
/// One item of leftsubnet=/rightsubnet=: the network and the optional "[protocol/port]" selector strongSwan 5 allows
/// after it (10.0.0.0/24[tcp/80], 0.0.0.0/0[udp], [17/1701], [tcp/%any]). Protocol and port 0 mean any.
/// </summary>
internal readonly record struct SubnetSelector(IPNetwork Network, int Protocol, int Port)
{
    public static bool TryParse(string item, out SubnetSelector selector)
    {
        selector = default;
        var bracket = item.IndexOf('[');
        if (!ConnKeys.TryParseSubnet(bracket >= 0 ? item[..bracket] : item, out var network))
        {
            return false;
        }
        var protocol = 0;
        var port = 0;
        if (bracket >= 0 && item.EndsWith(']'))
        {
            var parts = item[(bracket + 1)..^1].Split('/');
            protocol = ProtocolNumber(parts[0]);
            port = parts.Length > 1 ? PortNumber(parts[1]) : 0;
        }
        selector = new SubnetSelector(network, protocol, port);
        return true;
    }

    /// <summary>A protocol number or one of the names charon resolves (getprotobyname); %any and unknown names are any.</summary>
    private static int ProtocolNumber(string text) => text.ToLowerInvariant() switch
    {
        "" or "%any" => 0,
        "icmp" => 1,
        "tcp" => 6,
        "udp" => 17,
        "gre" => 47,
        "esp" => 50,
        "ah" => 51,
        "ipv6-icmp" or "icmpv6" => 58,
        "l2tp" => 115,
        _ => int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n <= 255 ? n : 0,
    };

    /// <summary>A port number; %any, %opaque, names and ranges (IKEv2 only) are taken as any.</summary>
    private static int PortNumber(string text) =>
        int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n <= 65535 ? n : 0;
}
