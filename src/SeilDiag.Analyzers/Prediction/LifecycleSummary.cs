using SeilDiag.Analyzers.Common;
using SeilDiag.Analyzers.Pairing;
using SeilDiag.Model;

namespace SeilDiag.Analyzers;

/// <summary>
/// The summary's DPD and NAT-T lines: what each end is configured to do, default or set, so a reader of the
/// report knows before any log whether R-U-THERE should appear (seed S7) and whether IKE moves to UDP 4500
/// (seed S9). They describe settings, not failures: a dead peer (SD3003) needs a log that shows it.
/// </summary>
internal static class LifecycleSummary
{
    /// <summary>"DPD: SEIL sends R-U-THERE every 20 s (SEIL default); strongSwan sends none (strongSwan default), it only answers".</summary>
    public static string Dpd(PeerPair pair)
    {
        var (a, b) = SeilFirst(pair);
        var parts = new[] { (a, b), (b, a) }.Select(p => DpdOf(p.Item1, p.Item2)).ToList();
        var anyProbes = new[] { a, b }.Any(p => p.Dpd.Value is { Enabled: true });
        var tail = anyProbes ? "" : "; neither end notices a dead peer before the SA expires";
        return $"DPD: {string.Join("; ", parts)}{tail}";
    }

    private static string DpdOf(PeerConfig peer, PeerConfig other)
    {
        var name = EndNames.Short(peer, other);
        var source = EndNames.Source(peer, peer.Dpd);
        if (peer.Dpd.Value is not { } dpd)
        {
            return $"{name} unknown";
        }
        if (!dpd.Enabled)
        {
            return $"{name} sends none ({source}), it only answers";
        }
        var seconds = (long)dpd.Interval.TotalSeconds;
        var action = peer.Vendor == PeerVendor.StrongSwan && dpd.Action is { Length: > 0 } a ? $", dpdaction={a}" : "";
        return $"{name} sends R-U-THERE every {seconds} s ({source}{action})";
    }

    /// <summary>"NAT-T: forced by strongSwan (set at ipsec.conf:10): IKE moves to UDP 4500 …" or "used only if a NAT is detected".</summary>
    public static string NatTraversal(PeerPair pair)
    {
        var (a, b) = SeilFirst(pair);
        var ends = new[] { (Peer: a, Other: b), (Peer: b, Other: a) };
        var forced = ends.Where(e => e.Peer.NatTraversal.Value == NatTraversalMode.Force).ToList();
        var disabled = ends.Where(e => e.Peer.NatTraversal.Value == NatTraversalMode.Disable).ToList();
        string Named(IEnumerable<(PeerConfig Peer, PeerConfig Other)> list) =>
            string.Join(" and ", list.Select(e => $"{EndNames.Short(e.Peer, e.Other)} ({EndNames.Source(e.Peer, e.Peer.NatTraversal)})"));
        if (forced.Count > 0 && disabled.Count > 0)
        {
            return $"NAT-T: forced by {Named(forced)} but disabled on {Named(disabled)}: UDP-encapsulated ESP is not understood (SD3005)";
        }
        if (forced.Count > 0)
        {
            return $"NAT-T: forced by {Named(forced)}: IKE moves to UDP 4500 at Main Mode message 5 and ESP is UDP-encapsulated (SD3006)";
        }
        if (disabled.Count > 0)
        {
            return $"NAT-T: disabled on {Named(disabled)}: through a NAT, ESP would not pass";
        }
        return "NAT-T: enabled on both ends, used only if a NAT is detected";
    }

    private static (PeerConfig, PeerConfig) SeilFirst(PeerPair pair) =>
        pair.B.Vendor == PeerVendor.Seil && pair.A.Vendor != PeerVendor.Seil ? (pair.B, pair.A) : (pair.A, pair.B);
}
