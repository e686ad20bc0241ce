using System.Globalization;
using System.Net;
using System.Net.Sockets;
using SeilDiag.Model;
using SeilDiag.Seil.Recipe;

namespace SeilDiag.Seil.Semantics;

/// <summary>
/// A security policy's traffic selector as racoon puts it in the Quick Mode IDs, the same for seil3
/// (<c>src/dst/srcport/dstport/protocol</c>) and seil8 (<c>source.address</c>, <c>destination.port</c>, ...).
/// </summary>
internal static class PolicySelectors
{
    /// <summary>One side: a prefix (a bare address is a host), "any" = 0.0.0.0/0; null for an interface name or garbage.</summary>
    public static IPNetwork? Network(string? value)
    {
        if (value is null)
        {
            return null;
        }
        if (value == "any")
        {
            return ProxyId.AnyIPv4;
        }
        var family = value.Contains(':') ? AddressFamily.InterNetworkV6 : AddressFamily.InterNetwork;
        return SeilValues.TryParsePrefix(value, family, out var network, out _, out _) ? network : null;
    }

    /// <summary>IP protocol numbers of the names a policy's protocol takes (IANA); "any" and unknown names are 0 (any).</summary>
    public static int Protocol(string? value) => value switch
    {
        null or "any" => 0,
        "icmp" => 1,
        "tcp" => 6,
        "udp" => 17,
        "gre" => 47,
        "esp" => 50,
        "ah" => 51,
        "ipv6-icmp" or "icmp6" => 58,
        "l2tp" => 115,
        _ => int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n <= 255 ? n : 0,
    };

    /// <summary>A port number; "any", absent or garbage is 0 (any).</summary>
    public static int Port(string? value) =>
        value is not null && int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var port) && port <= 65535 ? port : 0;
}
