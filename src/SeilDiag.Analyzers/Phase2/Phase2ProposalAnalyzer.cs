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
        var en = string.Join("; ", differences.Select(d => $"{d.Attribute}: {i} offers {AlgorithmText.List(d.Offered)}{DefaultNote(initiator, initiator.Phase2Proposals).English}; {r} accepts {AlgorithmText.List(d.Accepted)}{DefaultNote(responder, responder.Phase2Proposals).English}"));
        var ja = string.Join("; ", differences.Select(d => $"{d.AttributeJa}: {i} の提案は {AlgorithmText.ListJa(d.Offered)}、{r} が受け入れるのは {AlgorithmText.ListJa(d.Accepted)}"));
        var closest = ClosestText(result.ClosestOffered!.ToLogString(), result.ClosestAccepted!.ToLogString());
        var rule = pfsOnly ? Rules.PfsMismatch : Rules.Phase2ProposalMismatch;
        var key = differences[0].Attribute switch
        {
            "encryption" => SeilKeys.Phase2Encryption,
            "integrity" => SeilKeys.Phase2Authentication,
            _ => SeilKeys.Phase2Pfs,
        };
        var location = EndNames.KeyLocation(initiator, key, EndNames.LocationOf(initiator, initiator.Phase2Proposals));
        var offered = AlgorithmText.LogList(OfferedProposals.Phase2(initiator).Select(p => p.ToLogString()));
        var accepted = AlgorithmText.LogList(responder.Phase2Proposals.Value!.Select(p => p.ToLogString()));
        var diagnostic = Diagnostic.Create(rule, location, new LocalizedText($"{en} ({closest.English}); fails {where.English}", $"{ja} ({closest.Japanese}); {where.Japanese}で失敗"))
            .WithAdditionalLocations(Others(location, EndNames.KeyLocation(responder, key, EndNames.LocationOf(responder, responder.Phase2Proposals))))
            .WithEvidence(
                ProposalsEvidence(initiator, offered),
                ProposalsEvidence(responder, accepted))
            .WithEvidence(PredictedLogs.Phase2Mismatch(initiator, responder, offered, accepted, pfsOnly).ToArray())
            .WithFixes([.. Fixes(initiator, Targets(failures, initiator), responder, pfsOnly), .. Fixes(responder, Targets(failures, responder), initiator, pfsOnly)]);
        return new PairFinding(diagnostic, directions);
    }

    private static List<Phase2Proposal> Targets(List<(NegotiationDirection Direction, Phase2Result Result)> failures, PeerConfig peer) =>
        failures.Select(f => ReferenceEquals(f.Direction.Initiator, peer) ? f.Result.ClosestAccepted! : f.Result.ClosestOffered!).Distinct().ToList();

    /// <summary>Make <paramref name="peer"/> offer/accept the <paramref name="targets"/> where it differs (see the phase-1 fixes).</summary>
    internal static IEnumerable<CodeFix> Fixes(PeerConfig peer, IReadOnlyList<Phase2Proposal> targets, PeerConfig other, bool pfsOnly)
    {
        var current = peer.Phase2Proposals.Value ?? [];
        // Giving up PFS weakens the tunnel as much as a weak algorithm does.
        var dropsPfs = targets.Any(t => t.Pfs == DhGroup.None) && current.Any(p => p.Pfs != DhGroup.None);
        var weak = targets.Any(AlgorithmText.IsWeak);
        var builder = new FixBuilder().Weakens(weak || dropsPfs);
        if (peer.Vendor == PeerVendor.Seil)
        {
            if (targets.Select(t => t.Pfs).Distinct().Count() > 1)
            {
                yield break;
            }
            if (!pfsOnly)
            {
                var encryption = Phase1.Phase1ProposalAnalyzer.Merge(current.Select(p => p.Encryption), targets.Select(t => t.Encryption), IkeNames.IsWeak, c => AlgorithmText.Keyword(PeerVendor.Seil, c));
                var integrity = Phase1.Phase1ProposalAnalyzer.Merge(current.Select(p => p.Integrity), targets.Select(t => t.Integrity), IkeNames.IsWeak, i => AlgorithmText.Keyword(PeerVendor.Seil, i));
                if (encryption is null || integrity is null) yield break;
                if (!encryption.SequenceEqual(current.Select(p => AlgorithmText.Keyword(PeerVendor.Seil, p.Encryption)).Distinct()))
                {
                    builder.SetList(peer, SeilKeys.Phase2Encryption, encryption);
                }
                if (!integrity.SequenceEqual(current.Select(p => AlgorithmText.Keyword(PeerVendor.Seil, p.Integrity)).Distinct()))
                {
                    builder.SetList(peer, SeilKeys.Phase2Authentication, integrity);
                }
            }
            var pfs = targets[0].Pfs;
            if (current.FirstOrDefault()?.Pfs != pfs)
            {
                if (pfs == DhGroup.None)
                {
                    builder.Remove(peer, SeilKeys.Phase2Pfs, AlgorithmText.NoPfs);
                }
                else
                {
                    var group = AlgorithmText.Keyword(PeerVendor.Seil, pfs);
                    if (group is null) yield break;
                    builder.Set(peer, SeilKeys.Phase2Pfs, group);
                }
            }
        }
        else
        {
            var kept = peer.Phase2Proposals.IsDefault ? [] : current.Where(p => weak || !AlgorithmText.IsWeak(p));
            var value = AlgorithmText.StrongSwanEsp([.. kept, .. targets]);
            if (value is null) yield break;
            builder.Set(peer, StrongSwanKeys.Esp, value);
        }
        if (!builder.IsEmpty)
        {
            yield return builder.Build(weak
                ? PreferStrongText(targets.Where(AlgorithmText.IsWeak).Select(AlgorithmText.Display), other)
                : dropsPfs
                    ? new($"This gives up Perfect Forward Secrecy; prefer enabling the same PFS group on {EndNames.Vendor(other)}.",
                        $"PFS (Perfect Forward Secrecy) を使わなくなります。{EndNames.Vendor(other)} で同じ PFS グループを有効にすることを推奨します。")
                    : null);
        }
    }

    private static Evidence ProposalsEvidence(PeerConfig peer, string proposals)
    {
        var note = DefaultNote(peer, peer.Phase2Proposals);
        return new Evidence(EndNames.ConfigSource(peer), EvidenceKind.Predicted,
            new LocalizedText($"{EndNames.Label(peer)} ESP proposals{note.English}: {proposals}", $"{EndNames.Label(peer)} の ESP プロポーザル{note.Japanese}: {proposals}"),
            peer.Phase2Proposals.Where);
    }

    /// <summary>" (strongSwan default)" when the list is the daemon's default: the one thing a user cannot find in the file.</summary>
    private static LocalizedText DefaultNote<T>(PeerConfig peer, Located<T> value) =>
        value.IsDefault ? new($" ({EndNames.DefaultText(peer).English})", $" ({EndNames.DefaultText(peer).Japanese})") : LocalizedText.Invariant("");
}
