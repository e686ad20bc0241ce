using SeilDiag.Analysis;
using SeilDiag.Analyzers.Common;
using SeilDiag.Analyzers.Negotiation;
using SeilDiag.Analyzers.Pairing;
using SeilDiag.Diagnostics;
using SeilDiag.Model;

namespace SeilDiag.Analyzers.Lifecycle;

/// <summary>
/// SD3005: settings that do not stop the first negotiation but hurt later. Per pair: a phase-2 lifetime a
/// SEIL responder refuses under check-level strict/exact (an error: every Quick Mode in that direction
/// fails), DPD on one side only, NAT-T forced against an end that has it disabled. SD3006 (info): NAT-T forced
/// (by one end or both) against an end that follows: the tunnel works on UDP 4500.
/// Severities follow what the lab shows: one-sided DPD and one-sided forceencaps work (charon answers
/// R-U-THERE without DPD configured; a forced end fakes NAT-D and both float to 4500), so they are info.
/// </summary>
public sealed class LifecycleSettingsAnalyzer : PairAnalyzer
{
    /// <summary>What removing a NAT-T force key means, in a fix title.</summary>
    private static readonly LocalizedText ForcedNatT = new("forced NAT-T", "NAT-T の強制を解除");

    internal static readonly TimeSpan ShortPhase1 = TimeSpan.FromMinutes(10);
    internal static readonly TimeSpan ShortPhase2 = TimeSpan.FromMinutes(5);

    public override IReadOnlyList<Rule> SupportedRules { get; } = [Rules.LifecycleSettings, Rules.NatTraversal];

    public override IEnumerable<PairFinding> Check(PeerPair pair)
    {
        var primary = Primary(pair);
        foreach (var direction in new[] { primary, new NegotiationDirection(primary.Responder, primary.Initiator) })
        {
            if (Phase2LifetimeRefused(direction) is { } refused)
            {
                yield return refused;
            }
        }
        if (DpdOneSided(primary) is { } dpd)
        {
            yield return dpd;
        }
        if (NatTraversal(primary) is { } nat)
        {
            yield return nat;
        }
    }

    private static PairFinding? Phase2LifetimeRefused(NegotiationDirection d)
    {
        var (initiator, responder) = (d.Initiator, d.Responder);
        if (responder.Vendor != PeerVendor.Seil || responder.CheckLevel is not { } level
            || initiator.Phase2Lifetime.Value <= TimeSpan.Zero || responder.Phase2Lifetime.Value <= TimeSpan.Zero)
        {
            return null;
        }
        var problem = LifetimeRule.Check(level.Value, initiator.Phase2Lifetime.Value, responder.Phase2Lifetime.Value);
        if (problem is null)
        {
            return null;
        }
        var r = EndNames.Short(responder, initiator);
        var text = $"phase-2 lifetime: {r} {problem.English} ({EndNames.Vendor(initiator)} lifetime {EndNames.Where(initiator, initiator.Phase2Lifetime)}); every Quick Mode fails when {d.Label}";
        var location = EndNames.LocationOf(responder, responder.CheckLevel);
        var value = $"{(long)responder.Phase2Lifetime.Value.TotalSeconds}" + (initiator.Vendor == PeerVendor.StrongSwan ? "s" : "");
        var fixes = new[]
        {
            new FixBuilder().Set(initiator, initiator.Vendor == PeerVendor.StrongSwan ? StrongSwanKeys.KeyLife : SeilKeys.Phase2Lifetime, value).Build(),
            new FixBuilder().Set(responder, SeilKeys.CheckLevel, "obey").Build(),
        };
        var diagnostic = Diagnostic.Create(Rules.LifecycleSettings, location, new LocalizedText(text, $"フェーズ2 ライフタイム: {r} {problem.Japanese}"))
            .WithSeverity(Severity.Error)
            .WithAdditionalLocations(Others(location, EndNames.LocationOf(initiator, initiator.Phase2Lifetime)))
            .WithEvidence(
                PredictedLogs.Line(responder, $"long lifetime proposed: my:{(long)responder.Phase2Lifetime.Value.TotalSeconds} peer:{(long)initiator.Phase2Lifetime.Value.TotalSeconds}"),
                PredictedLogs.Line(responder, "failed to pre-process packet."),
                PredictedLogs.Line(initiator, initiator.Vendor == PeerVendor.StrongSwan ? "received NO_PROPOSAL_CHOSEN error notify" : "phase2 negotiation failed due to time up."))
            .WithFixes(fixes);
        return new PairFinding(diagnostic, [d]);
    }

    private static PairFinding? DpdOneSided(NegotiationDirection d)
    {
        var (a, b) = (d.Initiator, d.Responder);
        // Only when a user chose DPD on one end: the two daemons' defaults differ (SEIL on, charon off) by design.
        if (a.Dpd.Value is null || b.Dpd.Value is null || a.Dpd.Value.Enabled == b.Dpd.Value.Enabled || (a.Dpd.IsDefault && b.Dpd.IsDefault))
        {
            return null;
        }
        var (on, off) = a.Dpd.Value.Enabled ? (a, b) : (b, a);
        var text = $"DPD is enabled only on {EndNames.Short(on, off)} ({EndNames.Source(on, on.Dpd)}): {EndNames.Short(off, on)} answers R-U-THERE but will not notice itself when {EndNames.Short(on, off)} disappears, and keeps a dead SA until it expires";
        var diagnostic = Diagnostic.Create(Rules.LifecycleSettings, EndNames.LocationOf(on, on.Dpd), new LocalizedText(text,
                $"DPD は {EndNames.Short(on, off)} でのみ有効です: {EndNames.Short(off, on)} は対向断を検出できません"))
            .WithSeverity(Severity.Info);
        var fix = new FixBuilder();
        if (off.Vendor == PeerVendor.StrongSwan)
        {
            fix.Set(off, StrongSwanKeys.DpdAction, "restart");
        }
        else
        {
            fix.Set(off, SeilKeys.Dpd, "enable");
        }
        return new PairFinding(diagnostic.WithFixes(fix.Build()), []);
    }

    /// <summary>
    /// Forced encapsulation: SD3006 (info) when the other end follows (NAT-T enabled or forced too) — the tunnel moves
    /// to UDP 4500, which the path must let through; SD3005 (warning) when the other end has NAT-T disabled.
    /// </summary>
    private static PairFinding? NatTraversal(NegotiationDirection d)
    {
        var (a, b) = (d.Initiator, d.Responder);
        if (a.NatTraversal.Value != NatTraversalMode.Force && b.NatTraversal.Value != NatTraversalMode.Force)
        {
            return null;
        }
        var (forced, other) = a.NatTraversal.Value == NatTraversalMode.Force ? (a, b) : (b, a);
        if (other.NatTraversal.Value == NatTraversalMode.Disable)
        {
            var text = $"NAT-T is forced on {EndNames.Short(forced, other)} ({EndNames.Source(forced, forced.NatTraversal)}) but disabled on {EndNames.Short(other, forced)} ({EndNames.Source(other, other.NatTraversal)}): UDP-encapsulated ESP will not be understood";
            var location = EndNames.LocationOf(forced, forced.NatTraversal);
            var diagnostic = Diagnostic.Create(Rules.LifecycleSettings, location, new LocalizedText(text,
                    $"NAT-T は {EndNames.Short(forced, other)} で強制されていますが、{EndNames.Short(other, forced)} では無効です"))
                .WithSeverity(Severity.Warning)
                .WithAdditionalLocations(Others(location, EndNames.LocationOf(other, other.NatTraversal)))
                .WithFixes(other.Vendor == PeerVendor.Seil
                    ? new FixBuilder().Set(other, SeilKeys.NatTraversal, "enable").Build()
                    : new FixBuilder().Remove(forced, forced.Vendor == PeerVendor.Seil ? SeilKeys.NatTraversal : StrongSwanKeys.ForceEncaps, ForcedNatT).Build());
            return new PairFinding(diagnostic, [d, new(b, a)]);
        }
        var both = other.NatTraversal.Value == NatTraversalMode.Force;
        var who = both
            ? $"both ends ({EndNames.Short(forced, other)} {EndNames.Source(forced, forced.NatTraversal)}, {EndNames.Short(other, forced)} {EndNames.Source(other, other.NatTraversal)})"
            : $"{EndNames.Short(forced, other)} ({EndNames.Source(forced, forced.NatTraversal)}; {EndNames.Short(other, forced)} follows, NAT-T {EndNames.Source(other, other.NatTraversal)})";
        var whoJa = both ? "両端" : EndNames.Short(forced, other);
        var at = EndNames.LocationOf(forced, forced.NatTraversal);
        var nat = Diagnostic.Create(Rules.NatTraversal, at, new LocalizedText(
                $"forced by {who}: IKE moves to UDP 4500 at Main Mode message 5 and ESP is UDP-encapsulated (RFC 3948); UDP 4500 must be open on the path",
                $"{whoJa} が強制: Main Mode の 5 番目のメッセージから IKE は UDP 4500 に移り、ESP は UDP カプセル化されます (RFC 3948)。経路上で UDP 4500 を通す必要があります"))
            .WithAdditionalLocations(both ? Others(at, EndNames.LocationOf(other, other.NatTraversal)) : []);
        // The forced end fakes its NAT-D hash, so a charon on the other end concludes the forcing end is behind a NAT
        // (lab 13). racoon's wording for the same conclusion is not verified: no line is predicted for a SEIL.
        if (other.Vendor == PeerVendor.StrongSwan)
        {
            nat = nat.WithEvidence(PredictedLogs.Line(other, "remote host is behind NAT"));
        }
        // Forcing is usually a test setting (the seed uses it to stand in for a NAT): without it NAT-T still starts when a NAT is detected.
        var removal = new FixBuilder().Remove(forced, forced.Vendor == PeerVendor.Seil ? SeilKeys.NatTraversal : StrongSwanKeys.ForceEncaps, ForcedNatT);
        if (both)
        {
            removal.Remove(other, other.Vendor == PeerVendor.Seil ? SeilKeys.NatTraversal : StrongSwanKeys.ForceEncaps, ForcedNatT);
        }
        return new PairFinding(nat.WithFixes(removal.Build(new(
            "Only if it was set for a test: NAT-T is still used when a NAT is detected.",
            "テストのために設定したのであれば削除してください。NAT を検出した場合は引き続き NAT-T が使われます。"))), []);
    }
}
