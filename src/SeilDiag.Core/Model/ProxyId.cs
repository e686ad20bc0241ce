using System.Net;

namespace SeilDiag.Model;

/// <summary>
/// A Quick Mode identity pair (racoon's "proxy-id", strongSwan's traffic selectors), seen from one end:
/// local is that end's side. Protocol 0 and port 0 mean any.
/// </summary>
public sealed record ProxyId(IPNetwork Local, IPNetwork Remote, int Protocol = 0, int LocalPort = 0, int RemotePort = 0)
{
    public static IPNetwork AnyIPv4 { get; } = new(IPAddress.Any, 0);

    public static ProxyId AnyToAny { get; } = new(AnyIPv4, AnyIPv4);

    /// <summary>The same pair seen from the other end.</summary>
    public ProxyId Swapped() => new(Remote, Local, Protocol, RemotePort, LocalPort);

    public override string ToString() => $"{Local} === {Remote}" + (Protocol != 0 ? $" proto {Protocol}" : "");
}

public static class NetworkExtensions
{
    /// <summary>True when every address of <paramref name="inner"/> is in <paramref name="outer"/>.</summary>
    public static bool IsSubsetOf(this IPNetwork inner, IPNetwork outer) =>
        inner.BaseAddress.AddressFamily == outer.BaseAddress.AddressFamily
        && inner.PrefixLength >= outer.PrefixLength
        && outer.Contains(inner.BaseAddress);

    public static bool Overlaps(this IPNetwork a, IPNetwork b) => a.IsSubsetOf(b) || b.IsSubsetOf(a);
}
