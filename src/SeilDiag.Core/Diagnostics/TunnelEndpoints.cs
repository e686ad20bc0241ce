using System.Net;

namespace SeilDiag.Diagnostics;

/// <summary>
/// The tunnel a finding is about, as its two peers' outer addresses. The pair is unordered (stored with the
/// lower address first) because a config check sees "local/remote" while a log or a capture sees "initiator/
/// responder": the same tunnel must compare equal from every source. Producers set it when they know both ends;
/// the correlator merges findings of one rule only when their tunnels agree (or one of them names none).
/// </summary>
public sealed record TunnelEndpoints
{
    private TunnelEndpoints(IPAddress first, IPAddress second)
    {
        First = first;
        Second = second;
    }

    /// <summary>The lower of the two addresses (byte order, IPv4 before IPv6).</summary>
    public IPAddress First { get; }

    public IPAddress Second { get; }

    /// <summary>The pair of two distinct, specific addresses; null for a wildcard (0.0.0.0, ::, %any) or the same address twice.</summary>
    public static TunnelEndpoints? Of(IPAddress? a, IPAddress? b)
    {
        if (a is null || b is null || IsWildcard(a) || IsWildcard(b))
        {
            return null;
        }
        a = Canonical(a);
        b = Canonical(b);
        var order = Compare(a, b);
        return order == 0 ? null : order < 0 ? new TunnelEndpoints(a, b) : new TunnelEndpoints(b, a);
    }

    /// <summary>As <see cref="Of(IPAddress?, IPAddress?)"/> from text; null when either is not an address (a DNS name, %any).</summary>
    public static TunnelEndpoints? Of(string? a, string? b) =>
        IPAddress.TryParse(a, out var x) && IPAddress.TryParse(b, out var y) ? Of(x, y) : null;

    public bool Involves(IPAddress address) => First.Equals(Canonical(address)) || Second.Equals(Canonical(address));

    /// <summary>Two findings can be about the same tunnel unless both name one and they differ.</summary>
    public static bool Compatible(TunnelEndpoints? a, TunnelEndpoints? b) => a is null || b is null || a.Equals(b);

    public bool Equals(TunnelEndpoints? other) => other is not null && First.Equals(other.First) && Second.Equals(other.Second);

    public override int GetHashCode() => HashCode.Combine(First, Second);

    public override string ToString() => $"{First} <-> {Second}";

    private static bool IsWildcard(IPAddress a) => a.Equals(IPAddress.Any) || a.Equals(IPAddress.IPv6Any) || a.Equals(IPAddress.None);

    // An IPv4 peer written as ::ffff:a.b.c.d by one source and a.b.c.d by another is the same peer.
    private static IPAddress Canonical(IPAddress a) => a.IsIPv4MappedToIPv6 ? a.MapToIPv4() : a;

    private static int Compare(IPAddress a, IPAddress b)
    {
        var x = a.GetAddressBytes();
        var y = b.GetAddressBytes();
        return x.Length != y.Length ? x.Length.CompareTo(y.Length) : x.AsSpan().SequenceCompareTo(y);
    }
}
