using SeilDiag.Analyzers.Common;
using SeilDiag.Analyzers.Negotiation;
using SeilDiag.Analyzers.Pairing;
using SeilDiag.Diagnostics;
using SeilDiag.Model;

namespace SeilDiag.Analyzers.Phase2;

/// <summary>
/// SD2003: Quick Mode IDs per direction. Disjoint IDs are refused (error); IDs a charon responder narrows are
/// accepted by a charon initiator (warning: only the narrowed traffic is protected) but make a racoon
/// initiator log "mismatched ID was returned" and fail phase 2 (error). The fix makes the wider or wrong
/// side use the other's subnets, swapped; it also warns against the tempting opposite
/// (leftsubnet=0.0.0.0/0 rightsubnet=0.0.0.0/0), which pulls all traffic into the tunnel.
/// </summary>
public sealed class ProxyIdAnalyzer : PairAnalyzer
{
    internal static readonly LocalizedText AnyToAnyWarning = new(
        "Do not 'fix' it the other way round with leftsubnet=0.0.0.0/0 rightsubnet=0.0.0.0/0 on strongSwan: that installs a policy for all traffic, so everything (including your SSH session to the strongSwan host) goes into the tunnel.",
        "逆に strongSwan 側を leftsubnet=0.0.0.0/0 rightsubnet=0.0.0.0/0 にして合わせないでください。全トラフィックに対するポリシーが入り、strongSwan ホストへの SSH セッションも含めてすべての通信がトンネルに入ります。");

    public override IReadOnlyList<Rule> SupportedRules { get; } = [Rules.ProxyIdMismatch];

    public override IEnumerable<PairFinding> Check(PeerPair pair)
    {
        var primary = Primary(pair);
        foreach (var direction in new[] { primary, new NegotiationDirection(primary.Responder, primary.Initiator) })
        {
            var result = ProxyIdNegotiation.Negotiate(direction.Initiator, direction.Responder);
            if (result.Outcome is ProxyIdOutcome.Narrowed or ProxyIdOutcome.Refused)
            {
                yield return Build(direction, result);
            }
        }
    }

    /// <summary>Whether the outcome fails phase 2 in that direction (a narrowing fails only a racoon initiator).</summary>
    public static bool Breaks(NegotiationDirection direction, ProxyIdResult result) =>
        result.Outcome == ProxyIdOutcome.Refused
        || (result.Outcome == ProxyIdOutcome.Narrowed && direction.Initiator.Vendor == PeerVendor.Seil);

    private static PairFinding Build(NegotiationDirection direction, ProxyIdResult result)
    {
        var (initiator, responder) = (direction.Initiator, direction.Responder);
        var i = EndNames.Short(initiator, responder);
        var r = EndNames.Short(responder, initiator);
        var proposed = result.Proposed!;
        var theirs = result.ResponderView!;
        var breaks = Breaks(direction, result);
        var consequence = result.Outcome == ProxyIdOutcome.Refused
            ? responder.Vendor == PeerVendor.StrongSwan
                ? $"{r} has no matching CHILD_SA config and answers INVALID-ID-INFORMATION"
                : $"{r} has no policy for them (\"no policy found\")"
            : initiator.Vendor == PeerVendor.Seil
                ? $"{r} narrows them to {theirs.Local} === {theirs.Remote}; {i} logs \"mismatched ID was returned\" and phase 2 fails"
                : $"{r} narrows them to {theirs.Local} === {theirs.Remote} and {i} accepts: only that traffic is protected";
        // Both pairs are written from the initiator's side (local === remote), so equal-looking text means equal IDs.
        var text = $"{direction.Label}: {i} proposes {proposed.Local} === {proposed.Remote} ({EndNames.Source(initiator, initiator.ProxyIds)}), {r} expects {theirs.Local} === {theirs.Remote} from it (its own {theirs.Remote} === {theirs.Local}, {EndNames.Source(responder, responder.ProxyIds)}); {consequence}";
        var textJa = $"{direction.Label}: {i} の提案 {proposed.Local} === {proposed.Remote} に対し {r} が期待するのは {theirs.Local} === {theirs.Remote}";
        var location = EndNames.LocationOf(initiator, initiator.ProxyIds);
        var diagnostic = Diagnostic.Create(Rules.ProxyIdMismatch, location, new LocalizedText(text, textJa))
            .WithAdditionalLocations(Others(location, EndNames.LocationOf(responder, responder.ProxyIds)))
            .WithEvidence(result.Outcome == ProxyIdOutcome.Refused
                ? PredictedLogs.ProxyIdRefused(initiator, responder, proposed).ToArray()
                : PredictedLogs.ProxyIdNarrowed(initiator, responder, proposed, theirs).ToArray());
        if (!breaks)
        {
            diagnostic = diagnostic.WithSeverity(Severity.Warning);
        }
        return new PairFinding(diagnostic.WithFixes([.. Fixes(initiator, responder, theirs)]), [direction]);
    }

    /// <summary>
    /// First the side whose IDs are wider or wrong takes the other's (SEIL first when there is one); the
    /// widening alternative is flagged.
    /// </summary>
    private static IEnumerable<CodeFix> Fixes(PeerConfig initiator, PeerConfig responder, ProxyId responderView)
    {
        // Fix the SEIL when there is one (route-based SEIL's proxy-id is the usual culprit), else the initiator.
        var (target, source) = responder.Vendor == PeerVendor.Seil && initiator.Vendor != PeerVendor.Seil
            ? (responder, initiator)
            : (initiator, responder);
        var sourceIds = source.ProxyIds.Value!;
        var wanted = target == initiator ? responderView : sourceIds[0].Swapped();
        yield return SetProxyId(target, wanted).Build(AnyToAnyWarning);

        var current = target.ProxyIds.Value![0];
        var mirror = current.Swapped();
        var widens = mirror.Local.PrefixLength == 0 || mirror.Remote.PrefixLength == 0;
        var alternative = SetProxyId(source, mirror).Weakens(widens);
        yield return alternative.Build(widens ? AnyToAnyWarning : null);
    }

    private static FixBuilder SetProxyId(PeerConfig peer, ProxyId id) =>
        peer.Vendor == PeerVendor.Seil
            ? new FixBuilder().Set(peer, SeilKeys.ProxyIdLocal, id.Local.ToString()).Set(peer, SeilKeys.ProxyIdRemote, id.Remote.ToString())
            : new FixBuilder().Set(peer, StrongSwanKeys.LeftSubnet, id.Local.ToString()).Set(peer, StrongSwanKeys.RightSubnet, id.Remote.ToString());
}
