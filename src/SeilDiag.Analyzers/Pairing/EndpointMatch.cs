using System.Net;
using SeilDiag.Model;

namespace SeilDiag.Analyzers.Pairing;

/// <summary>How well one end's expectation of the other's address fits what the other uses.</summary>
internal enum EndpointMatch
{
    /// <summary>Both concrete and different.</summary>
    Conflict = 0,
    /// <summary>One side is a wildcard (%any, %defaultroute, unset): possible, not proven.</summary>
    Possible = 1,
    /// <summary>Both concrete and equal.</summary>
    Exact = 2,
}

internal static class Endpoints
{
    /// <summary>
    /// Whether <paramref name="expectedRemote"/> (one end's remote address: SEIL ipv4.destination,
    /// strongSwan right) fits <paramref name="actualLocal"/> (the other end's local address).
    /// </summary>
    public static EndpointMatch Match(string? expectedRemote, string? actualLocal)
    {
        if (IsWildcard(expectedRemote) || IsWildcard(actualLocal))
        {
            return EndpointMatch.Possible;
        }
        if (IPAddress.TryParse(expectedRemote, out var a) && IPAddress.TryParse(actualLocal, out var b))
        {
            return a.Equals(b) ? EndpointMatch.Exact : EndpointMatch.Conflict;
        }
        // Host names (strongSwan right=vpn.example.jp): equal names match; a name against an address is unknown.
        if (IPAddress.TryParse(expectedRemote, out _) != IPAddress.TryParse(actualLocal, out _))
        {
            return EndpointMatch.Possible;
        }
        return string.Equals(expectedRemote!.TrimStart('%'), actualLocal!.TrimStart('%'), StringComparison.OrdinalIgnoreCase)
            ? EndpointMatch.Exact
            : EndpointMatch.Conflict;
    }

    private static readonly string[] Wildcards = ["%any", "%any4", "%any6", "%defaultroute", "0.0.0.0", "::", "dynamic"];

    // Called for every pair of peers when pairing thousands of conns: compare spans, allocate nothing.
    public static bool IsWildcard(string? address)
    {
        if (string.IsNullOrWhiteSpace(address))
        {
            return true;
        }
        var trimmed = address.AsSpan().Trim();
        foreach (var wildcard in Wildcards)
        {
            if (trimmed.Equals(wildcard, StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }
        return false;
    }

    /// <summary>The identity an end sends when none is configured: its own address (both daemons' default).</summary>
    public static IkeIdentity? EffectiveLocalIdentity(PeerConfig peer) =>
        peer.LocalIdentity.Value ?? AddressIdentity(peer.LocalAddress.Value);

    /// <summary>The identity an end expects when none is configured: the peer's address, or anything for %any.</summary>
    public static IkeIdentity? EffectiveRemoteIdentity(PeerConfig peer)
    {
        if (peer.RemoteIdentity.Value is { } configured)
        {
            return configured;
        }
        if (IsWildcard(peer.RemoteAddress.Value))
        {
            return IkeIdentity.AnyIdentity;
        }
        return AddressIdentity(peer.RemoteAddress.Value);
    }

    private static IkeIdentity? AddressIdentity(string? address) =>
        !IsWildcard(address) && IPAddress.TryParse(address, out var ip) ? IkeIdentity.Address(ip) : null;
}
