using SeilDiag.Analyzers.Common;
using SeilDiag.Analyzers.Pairing;
using SeilDiag.Diagnostics;
using SeilDiag.Model;

namespace SeilDiag.Analyzers.Lifecycle;

/// <summary>
/// SD3001: neither end starts the negotiation (SEIL responder-only, strongSwan auto=add/ignore). Two
/// strongSwan conns with auto=add are not reported: an operator starts them with 'ipsec up' (the lab does).
/// </summary>
public sealed class InitiationAnalyzer : PairAnalyzer
{
    public override IReadOnlyList<Rule> SupportedRules { get; } = [Rules.NobodyInitiates];

    public override IEnumerable<PairFinding> Check(PeerPair pair)
    {
        var primary = Primary(pair);
        var (a, b) = (primary.Initiator, primary.Responder);
        if (primary.InitiatedByConfig || new NegotiationDirection(b, a).InitiatedByConfig)
        {
            yield break;
        }
        if (a.Vendor != PeerVendor.Seil && b.Vendor != PeerVendor.Seil)
        {
            yield break;
        }
        var text = $"{EndNames.Short(a, b)} {Describe(a)} and {EndNames.Short(b, a)} {Describe(b)}: the tunnel never comes up";
        var textJa = $"{EndNames.Short(a, b)} と {EndNames.Short(b, a)} はどちらも応答のみで、トンネルは確立しません";
        var location = EndNames.LocationOf(a, a.Initiation);
        var diagnostic = Diagnostic.Create(Rules.NobodyInitiates, location, new LocalizedText(text, textJa))
            .WithAdditionalLocations(Others(location, EndNames.LocationOf(b, b.Initiation)));
        var fixes = new List<CodeFix>();
        foreach (var peer in new[] { a, b }.OrderBy(p => p.Vendor == PeerVendor.StrongSwan ? 0 : 1))
        {
            var fix = new FixBuilder();
            if (peer.Vendor == PeerVendor.StrongSwan)
            {
                fix.Set(peer, StrongSwanKeys.Auto, "start");
            }
            else
            {
                fix.Set(peer, SeilKeys.ResponderOnly, "disable");
            }
            fixes.Add(fix.Build());
        }
        yield return new PairFinding(diagnostic.WithFixes([.. fixes]), [primary, new NegotiationDirection(b, a)]);
    }

    private static string Describe(PeerConfig peer) => peer.Vendor == PeerVendor.Seil
        ? $"is responder-only {EndNames.Where(peer, peer.Initiation)}"
        : peer.Initiation.Value == Initiation.Ignore
            ? $"is not loaded (auto=ignore {EndNames.Where(peer, peer.Initiation)})"
            : $"only waits (auto=add {EndNames.Where(peer, peer.Initiation)})";
}
