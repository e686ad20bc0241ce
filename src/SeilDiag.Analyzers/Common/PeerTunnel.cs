using SeilDiag.Analysis;
using SeilDiag.Analyzers.Pairing;
using SeilDiag.Diagnostics;
using SeilDiag.Model;

namespace SeilDiag.Analyzers.Common;

/// <summary>
/// The tunnel a config finding is about, as <see cref="TunnelEndpoints"/>: the correlator merges a config
/// prediction with what a log or a capture shows only when both name the same pair of outer addresses.
/// </summary>
internal static class PeerTunnel
{
    /// <summary>One end on its own: its local and remote address, when both are specific addresses (not %any, a name, unset).</summary>
    public static TunnelEndpoints? Of(PeerConfig peer) =>
        TunnelEndpoints.Of(peer.LocalAddress.Value?.Trim(), peer.RemoteAddress.Value?.Trim());

    /// <summary>
    /// One end within a model: its own addresses, else (left=%defaultroute, right=%any) those of the pair it belongs
    /// to when the other end's configuration was given. Pairing is only asked for when the end alone does not tell.
    /// </summary>
    public static TunnelEndpoints? Of(PeerConfig peer, IkeModel model)
    {
        if (Of(peer) is { } own)
        {
            return own;
        }
        var pair = PeerPairing.Pair(model).Pairs.FirstOrDefault(p => ReferenceEquals(p.A, peer) || ReferenceEquals(p.B, peer));
        return pair is null ? null : Of(pair);
    }

    /// <summary>
    /// Both ends: an end's own address where it names one, else the address the other end expects it at
    /// (strongSwan left=%defaultroute against SEIL's ipv4.destination). Null when an end stays unknown.
    /// </summary>
    public static TunnelEndpoints? Of(PeerPair pair) =>
        TunnelEndpoints.Of(Specific(pair.A.LocalAddress.Value) ?? Specific(pair.B.RemoteAddress.Value),
                           Specific(pair.B.LocalAddress.Value) ?? Specific(pair.A.RemoteAddress.Value));

    private static string? Specific(string? address) =>
        Endpoints.IsWildcard(address) || !System.Net.IPAddress.TryParse(address!.Trim(), out _) ? null : address.Trim();
}
