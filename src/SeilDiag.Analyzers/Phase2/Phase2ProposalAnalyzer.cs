using SeilDiag.Analyzers.Common;
using SeilDiag.Analyzers.Negotiation;
using SeilDiag.Analyzers.Pairing;
using SeilDiag.Diagnostics;
using SeilDiag.Ike;
using SeilDiag.Model;

namespace SeilDiag.Analyzers.Phase2;

/// <summary>
/// SD2001 (no ESP encryption × integrity in common) and SD2002 (the transforms would match but the PFS group
/// does not), per direction: a SEIL responder with check-level obey takes the initiator's PFS group, so a
/// PFS mismatch can break only one direction.
/// </summary>
public sealed class Phase2ProposalAnalyzer : PairAnalyzer
{
    public override IReadOnlyList<Rule> SupportedRules { get; } = [Rules.Phase2ProposalMismatch, Rules.PfsMismatch];

    public override IEnumerable<PairFinding> Check(PeerPair pair)
    {
        var primary = Primary(pair);
        var failures = new[] { primary, new NegotiationDirection(primary.Responder, primary.Initiator) }
            .Select(d => (Direction: d, Result: Phase2Negotiation.Negotiate(d.Initiator, d.Responder)))
            .Where(r => r.Result.Known && !r.Result.Succeeds)
            .ToList();
        foreach (var group in failures.GroupBy(f => f.Result.PfsOnly))
        {
            yield return Build(group.ToList(), group.Key);
        }
    }

    private static PairFinding Build(List<(NegotiationDirection Direction, Phase2Result Result)> failures, bool pfsOnly)
    {
        var (direction, result) = failures[0];
        var (initiator, responder) = (direction.Initiator, direction.Responder);
        var i = EndNames.Short(initiator, responder);
        var r = EndNames.Short(responder, initiator);
        var directions = failures.Select(f => f.Direction).ToList();
        var where = DirectionsText(directions);
        var differences = pfsOnly ? result.Differences.Where(d => d.Attribute == "PFS group").ToList() : result.Differences.Where(d => d.Attribute != "PFS group").ToList();
        if (differences.Count == 0)
        {
            differences = [.. result.Differences];
        }
        var en = string.Join("; ", differences.Select(d => $"{d.Attribute}: {i} offers {AlgorithmText.List(d.Offered)}; {r} accepts {AlgorithmText.List(d.Accepted)}"));
        var ja = string.Join("; ", differences.Select(d => $"{d.AttributeJa}: {i} の提案は {AlgorithmText.ListJa(d.Offered)}、{r} が受け入れるのは {AlgorithmText.ListJa(d.Accepted)}"));
        var closest = $"closest: {result.ClosestOffered!.ToLogString()} vs {result.ClosestAccepted!.ToLogString()}";
        var rule = pfsOnly ? Rules.PfsMismatch : Rules.Phase2ProposalMismatch;
        var location = EndNames.LocationOf(initiator, initiator.Phase2Proposals);
        var offered = AlgorithmText.LogList(OfferedProposals.Phase2(initiator).Select(p => p.ToLogString()));
        var accepted = AlgorithmText.LogList(responder.Phase2Proposals.Value!.Select(p => p.ToLogString()));
        var diagnostic = Diagnostic.Create(rule, location, new LocalizedText($"{en} ({closest}); fails {where.English}", $"{ja} ({closest}); {where.Japanese}で失敗"))
            .WithAdditionalLocations(Others(location, EndNames.LocationOf(responder, responder.Phase2Proposals)))
            .WithEvidence(
                new Evidence(EndNames.ConfigSource(initiator), EvidenceKind.Predicted, $"{EndNames.Label(initiator)} ESP proposals {EndNames.Where(initiator, initiator.Phase2Proposals)}: {offered}", initiator.Phase2Proposals.Where),
                new Evidence(EndNames.ConfigSource(responder), EvidenceKind.Predicted, $"{EndNames.Label(responder)} ESP proposals {EndNames.Where(responder, responder.Phase2Proposals)}: {accepted}", responder.Phase2Proposals.Where))
            .WithEvidence(PredictedLogs.Phase2Mismatch(initiator, responder, offered, accepted, pfsOnly).ToArray())
            .WithFixes([.. Fixes(initiator, result.ClosestAccepted!, responder, pfsOnly), .. Fixes(responder, result.ClosestOffered!, initiator, pfsOnly)]);
        return new PairFinding(diagnostic, directions);
    }

    /// <summary>Make <paramref name="peer"/> offer/accept <paramref name="target"/> where it differs.</summary>
    internal static IEnumerable<CodeFix> Fixes(PeerConfig peer, Phase2Proposal target, PeerConfig other, bool pfsOnly)
    {
        var current = peer.Phase2Proposals.Value ?? [];
        var weak = AlgorithmText.IsWeak(target);
        var builder = new FixBuilder().Weakens(weak);
        if (peer.Vendor == PeerVendor.Seil)
        {
            if (!pfsOnly && !current.Any(p => p.Encryption == target.Encryption))
            {
                var values = Phase1.Phase1ProposalAnalyzer.Merge(current.Select(p => p.Encryption), target.Encryption, IkeNames.IsWeak, c => AlgorithmText.Keyword(PeerVendor.Seil, c));
                if (values is null) yield break;
                builder.SetList(peer, SeilKeys.Phase2Encryption, values);
            }
            if (!pfsOnly && !current.Any(p => p.Integrity == target.Integrity))
            {
                var values = Phase1.Phase1ProposalAnalyzer.Merge(current.Select(p => p.Integrity), target.Integrity, IkeNames.IsWeak, i => AlgorithmText.Keyword(PeerVendor.Seil, i));
                if (values is null) yield break;
                builder.SetList(peer, SeilKeys.Phase2Authentication, values);
            }
            if (current.FirstOrDefault()?.Pfs != target.Pfs)
            {
                if (target.Pfs == DhGroup.None)
                {
                    builder.Remove(peer, SeilKeys.Phase2Pfs, "no PFS");
                }
                else
                {
                    var group = AlgorithmText.Keyword(PeerVendor.Seil, target.Pfs);
                    if (group is null) yield break;
                    builder.Set(peer, SeilKeys.Phase2Pfs, group);
                }
            }
        }
        else
        {
            var value = AlgorithmText.StrongSwanEsp(peer.Phase2Proposals.IsDefault ? [target] : [.. current, target]);
            if (value is null) yield break;
            builder.Set(peer, StrongSwanKeys.Esp, value);
        }
        if (!builder.IsEmpty)
        {
            yield return builder.Build(weak ? $"{AlgorithmText.Display(target)} is weak; prefer changing {EndNames.Vendor(other)} to a strong proposal." : null);
        }
    }
}
