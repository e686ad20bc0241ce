using SeilDiag.Diagnostics;

namespace SeilDiag.Seil;

/// <summary>
/// A static route (seil8 <c>route.ipv4.N.*</c>, seil3 <c>route add</c>). <see cref="Destination"/> is null when
/// the destination is missing or invalid (that is reported separately); "default" is 0.0.0.0/0.
/// <see cref="Gateway"/> is an address, an interface name ("ipsec0"), "dhcp" or "discard"; empty when unset.
/// </summary>
public sealed record SeilRoute(System.Net.IPNetwork? Destination, string Gateway, Location Where)
{
    /// <summary>The list index of a seil8 route ("1" in route.ipv4.1.destination); null for seil3.</summary>
    public string? Index { get; init; }

    /// <summary>Whether this route sends <paramref name="network"/> into <paramref name="interfaceName"/>.</summary>
    public bool Carries(System.Net.IPNetwork network, string interfaceName) =>
        Destination is { } destination && string.Equals(Gateway, interfaceName, StringComparison.Ordinal)
        && SeilDiag.Model.NetworkExtensions.IsSubsetOf(network, destination);
}
