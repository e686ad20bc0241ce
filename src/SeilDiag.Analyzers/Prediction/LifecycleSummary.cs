using SeilDiag.Analyzers.Common;
using SeilDiag.Analyzers.Pairing;
using SeilDiag.Diagnostics;
using SeilDiag.Model;

namespace SeilDiag.Analyzers;

/// <summary>
/// The summary's DPD and NAT-T lines: what each end is configured to do, default or set, so a reader of the
/// report knows before any log whether R-U-THERE should appear (seed S7) and whether IKE moves to UDP 4500
/// (seed S9). They describe settings, not failures: a dead peer (SD3003) needs a log that shows it.
/// </summary>
internal static class LifecycleSummary
{
    private static readonly LocalizedText Semicolon = LocalizedText.Invariant("; ");

    /// <summary>"DPD: SEIL sends R-U-THERE every 20 s (SEIL default); strongSwan sends none (strongSwan default), it only answers".</summary>
    public static LocalizedText Dpd(PeerPair pair)
    {
        var (a, b) = SeilFirst(pair);
        var parts = LocalizedText.Join(Semicolon, new[] { (a, b), (b, a) }.Select(p => DpdOf(p.Item1, p.Item2)));
        var anyProbes = new[] { a, b }.Any(p => p.Dpd.Value is { Enabled: true });
        var tail = anyProbes
            ? LocalizedText.Invariant("")
            : new LocalizedText("; neither end notices a dead peer before the SA expires", "; どちらの端も SA の期限が切れるまで対向の断を検出しません");
        return new($"DPD: {parts.English}{tail.English}", $"DPD: {parts.Japanese}{tail.Japanese}");
    }

    private static LocalizedText DpdOf(PeerConfig peer, PeerConfig other)
    {
        var name = EndNames.Short(peer, other);
        var source = EndNames.SourceText(peer, peer.Dpd);
        if (peer.Dpd.Value is not { } dpd)
        {
            return new($"{name} unknown", $"{name} は不明");
        }
        if (!dpd.Enabled)
        {
            return new($"{name} sends none ({source.English}), it only answers", $"{name} は送信しません ({source.Japanese})。応答のみ行います");
        }
        var seconds = (long)dpd.Interval.TotalSeconds;
        var action = peer.Vendor == PeerVendor.StrongSwan && dpd.Action is { Length: > 0 } a ? $", dpdaction={a}" : "";
        return new($"{name} sends R-U-THERE every {seconds} s ({source.English}{action})", $"{name} は {seconds} 秒ごとに R-U-THERE を送信します ({source.Japanese}{action})");
    }

    /// <summary>"NAT-T: forced by strongSwan (set at ipsec.conf:10): IKE moves to UDP 4500 …" or "used only if a NAT is detected".</summary>
    public static LocalizedText NatTraversal(PeerPair pair)
    {
        var (a, b) = SeilFirst(pair);
        var ends = new[] { (Peer: a, Other: b), (Peer: b, Other: a) };
        var forced = ends.Where(e => e.Peer.NatTraversal.Value == NatTraversalMode.Force).ToList();
        var disabled = ends.Where(e => e.Peer.NatTraversal.Value == NatTraversalMode.Disable).ToList();
        LocalizedText Named(IEnumerable<(PeerConfig Peer, PeerConfig Other)> list) =>
            LocalizedText.Join(new(" and ", " と "), list.Select(e =>
            {
                var name = EndNames.Short(e.Peer, e.Other);
                var source = EndNames.SourceText(e.Peer, e.Peer.NatTraversal);
                return new LocalizedText($"{name} ({source.English})", $"{name} ({source.Japanese})");
            }));
        if (forced.Count > 0 && disabled.Count > 0)
        {
            var (f, d) = (Named(forced), Named(disabled));
            return new($"NAT-T: forced by {f.English} but disabled on {d.English}: UDP-encapsulated ESP is not understood (SD3005)",
                $"NAT-T: {f.Japanese} で強制、{d.Japanese} で無効: UDP カプセル化された ESP を解釈できません (SD3005)");
        }
        if (forced.Count > 0)
        {
            var f = Named(forced);
            return new($"NAT-T: forced by {f.English}: IKE moves to UDP 4500 at Main Mode message 5 and ESP is UDP-encapsulated (SD3006)",
                $"NAT-T: {f.Japanese} で強制: IKE は Main Mode の 5 番目のメッセージで UDP 4500 に移り、ESP は UDP カプセル化されます (SD3006)");
        }
        if (disabled.Count > 0)
        {
            var d = Named(disabled);
            return new($"NAT-T: disabled on {d.English}: through a NAT, ESP would not pass",
                $"NAT-T: {d.Japanese} で無効: NAT を越えると ESP は通りません");
        }
        return new("NAT-T: enabled on both ends, used only if a NAT is detected", "NAT-T: 両端で有効。NAT を検出した場合のみ使用します");
    }

    private static (PeerConfig, PeerConfig) SeilFirst(PeerPair pair) =>
        pair.B.Vendor == PeerVendor.Seil && pair.A.Vendor != PeerVendor.Seil ? (pair.B, pair.A) : (pair.A, pair.B);
}
