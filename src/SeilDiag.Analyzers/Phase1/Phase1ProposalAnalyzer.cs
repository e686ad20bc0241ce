using SeilDiag.Analyzers.Common;
using SeilDiag.Analyzers.Negotiation;
using SeilDiag.Analyzers.Pairing;
using SeilDiag.Diagnostics;
using SeilDiag.Ike;
using SeilDiag.Model;

namespace SeilDiag.Analyzers.Phase1;

/// <summary>
/// SD1001: the initiator's phase-1 transforms against the responder's, in both directions. Algorithm
/// mismatches break both directions alike; a lifetime refused by racoon's check-level only the direction in
/// which the SEIL responds. The message names the closest pair and what differs, as charon's log would.
/// </summary>
public sealed class Phase1ProposalAnalyzer : PairAnalyzer
{
    public override IReadOnlyList<Rule> SupportedRules { get; } = [Rules.Phase1ProposalMismatch];

    public override IEnumerable<PairFinding> Check(PeerPair pair)
    {
        var primary = Primary(pair);
        var results = new[] { primary, new NegotiationDirection(primary.Responder, primary.Initiator) }
            .Select(d => (Direction: d, Result: Phase1Negotiation.Negotiate(d.Initiator, d.Responder)))
            .Where(r => r.Result.Known && !r.Result.Succeeds)
            .ToList();
        if (results.Count == 0)
        {
            yield break;
        }

        var algorithmFailures = results.Where(r => r.Result.Differences.Count > 0).ToList();
        if (algorithmFailures.Count > 0)
        {
            yield return AlgorithmMismatch(algorithmFailures);
        }
        foreach (var (direction, result) in results.Where(r => r.Result.Differences.Count == 0))
        {
            yield return LifetimeMismatch(direction, result);
        }
    }

    private static PairFinding AlgorithmMismatch(List<(NegotiationDirection Direction, Phase1Result Result)> failures)
    {
        var (direction, result) = failures[0];
        var initiator = direction.Initiator;
        var responder = direction.Responder;
        var i = EndNames.Short(initiator, responder);
        var r = EndNames.Short(responder, initiator);
        var directions = failures.Select(f => f.Direction).ToList();
        var where = DirectionsText(directions);

        var en = string.Join("; ", result.Differences.Select(d =>
            $"{d.Attribute}: {i} offers {AlgorithmText.List(d.Offered)}{DefaultNote(initiator, initiator.Phase1Proposals).English}; {r} accepts {AlgorithmText.List(d.Accepted)}{DefaultNote(responder, responder.Phase1Proposals).English}"));
        var ja = string.Join("; ", result.Differences.Select(d =>
            $"{d.AttributeJa}: {i} の提案は {AlgorithmText.ListJa(d.Offered)}、{r} が受け入れるのは {AlgorithmText.ListJa(d.Accepted)}"));
        var closest = ClosestText(result.ClosestOffered!.ToLogString(), result.ClosestAccepted!.ToLogString());
        var message = new LocalizedText($"{en} ({closest.English}); fails {where.English}", $"{ja} ({closest.Japanese}); {where.Japanese}で失敗");

        var key = SeilKey(result.Differences[0].Attribute);
        var location = EndNames.KeyLocation(initiator, key, EndNames.LocationOf(initiator, initiator.Phase1Proposals));
        var diagnostic = Diagnostic.Create(Rules.Phase1ProposalMismatch, location, message)
            .WithAdditionalLocations(Others(location, EndNames.KeyLocation(responder, key, EndNames.LocationOf(responder, responder.Phase1Proposals))))
            .WithEvidence(Evidence(initiator), Evidence(responder))
            .WithEvidence(PredictedLogs.Phase1Mismatch(initiator, responder,
                AlgorithmText.LogList(OfferedProposals.Phase1(initiator).Select(p => p.ToLogString())),
                AlgorithmText.LogList(responder.Phase1Proposals.Value!.Select(p => p.ToLogString())),
                RacoonAttribute(result.Differences[0].Attribute)).ToArray())
            .WithFixes([.. Fixes(initiator, Targets(failures, initiator), responder), .. Fixes(responder, Targets(failures, responder), initiator)]);
        return new PairFinding(diagnostic, directions);
    }

    private static PairFinding LifetimeMismatch(NegotiationDirection direction, Phase1Result result)
    {
        var initiator = direction.Initiator;
        var responder = direction.Responder;
        var where = DirectionsText([direction]);
        var message = new LocalizedText(
            $"lifetime: {EndNames.Short(responder, initiator)} {result.LifetimeProblem!.English} ({EndNames.Vendor(initiator)} lifetime {EndNames.Where(initiator, initiator.Phase1Lifetime)}); fails {where.English}",
            $"ライフタイム: {EndNames.Short(responder, initiator)} {result.LifetimeProblem.Japanese}; {where.Japanese}で失敗");
        var location = EndNames.LocationOf(responder, responder.CheckLevel);
        var diagnostic = Diagnostic.Create(Rules.Phase1ProposalMismatch, location, message)
            .WithAdditionalLocations(Others(location, EndNames.LocationOf(initiator, initiator.Phase1Lifetime), EndNames.LocationOf(responder, responder.Phase1Lifetime)))
            .WithEvidence(PredictedLogs.Line(responder, "no suitable proposal found."), PredictedLogs.Line(responder, "phase1 negotiation failed."));

        var fixes = new List<CodeFix>();
        var own = Phase1Negotiation.Lifetime(responder, result.ClosestAccepted!);
        if (own is { } seconds)
        {
            var value = $"{(long)seconds.TotalSeconds}" + (initiator.Vendor == PeerVendor.StrongSwan ? "s" : "");
            var key = initiator.Vendor == PeerVendor.StrongSwan ? StrongSwanKeys.IkeLifetime : SeilKeys.Phase1Lifetime;
            fixes.Add(new FixBuilder().Set(initiator, key, value).Build());
        }
        fixes.Add(new FixBuilder().Set(responder, SeilKeys.CheckLevel, "obey").Build(new(
            "obey accepts the initiator's lifetime (the seil8 default).", "obey ではイニシエータのライフタイムを受け入れます (seil8 の既定値)。")));
        return new PairFinding(diagnostic.WithFixes([.. fixes]), [direction]);
    }

    private static Evidence Evidence(PeerConfig peer)
    {
        var note = DefaultNote(peer, peer.Phase1Proposals);
        var proposals = AlgorithmText.LogList(peer.Phase1Proposals.Value!.Select(p => p.ToLogString()));
        return new(EndNames.ConfigSource(peer), EvidenceKind.Predicted,
            new LocalizedText($"{EndNames.Label(peer)} phase-1 proposals{note.English}: {proposals}", $"{EndNames.Label(peer)} のフェーズ1 プロポーザル{note.Japanese}: {proposals}"),
            peer.Phase1Proposals.Where);
    }

    private static string SeilKey(string attribute) => attribute switch
    {
        "encryption" => SeilKeys.Phase1Encryption,
        "hash" => SeilKeys.Phase1Hash,
        _ => SeilKeys.Phase1Group,
    };

    private static string RacoonAttribute(string attribute) => attribute switch
    {
        "encryption" => "enctype",
        "hash" => "hashtype",
        "DH group" => "dh_group",
        _ => "authmethod",
    };

    /// <summary>
    /// What <paramref name="peer"/> must also offer or accept so every failing direction finds a transform: as
    /// initiator the other's closest accepted one, as responder the other's closest offered one.
    /// </summary>
    private static List<Phase1Proposal> Targets(List<(NegotiationDirection Direction, Phase1Result Result)> failures, PeerConfig peer) =>
        failures.Select(f => ReferenceEquals(f.Direction.Initiator, peer) ? f.Result.ClosestAccepted! : f.Result.ClosestOffered!).Distinct().ToList();

    /// <summary>
    /// Fixes that make <paramref name="peer"/> also offer/accept the <paramref name="targets"/>' values for the
    /// attributes in which it differs; weak values it had are dropped when only strong ones are added, and a fix
    /// that brings in a weak algorithm is flagged.
    /// </summary>
    internal static IEnumerable<CodeFix> Fixes(PeerConfig peer, IReadOnlyList<Phase1Proposal> targets, PeerConfig other)
    {
        var current = peer.Phase1Proposals.Value ?? [];
        if (targets.Any(t => t.Auth != current.FirstOrDefault()?.Auth))
        {
            var (vendor, method, otherVendor) = (EndNames.Vendor(peer), AlgorithmText.Log(targets[0].Auth), EndNames.Vendor(other));
            yield return CodeFix.Advice(new LocalizedText($"{vendor}: use the authentication method {method} as {otherVendor} does",
                $"{vendor}: {otherVendor} と同じ認証方式 {method} を使用します"));
            yield break;
        }
        var weak = targets.Any(AlgorithmText.IsWeak);
        var builder = new FixBuilder().Weakens(weak);
        if (peer.Vendor == PeerVendor.Seil)
        {
            // SEIL proposes the cross product of its lists with one DH group.
            if (targets.Select(t => t.Group).Distinct().Count() > 1)
            {
                yield break;
            }
            var encryption = Merge(current.Select(p => p.Encryption), targets.Select(t => t.Encryption), IkeNames.IsWeak, c => AlgorithmText.Keyword(PeerVendor.Seil, c));
            var hashes = Merge(current.Select(p => p.Hash), targets.Select(t => t.Hash), IkeNames.IsWeak, h => AlgorithmText.Keyword(PeerVendor.Seil, h));
            var group = AlgorithmText.Keyword(PeerVendor.Seil, targets[0].Group);
            if (encryption is null || hashes is null || group is null)
            {
                yield break;
            }
            if (!encryption.SequenceEqual(current.Select(p => AlgorithmText.Keyword(PeerVendor.Seil, p.Encryption)).Distinct()))
            {
                builder.SetList(peer, SeilKeys.Phase1Encryption, encryption);
            }
            if (!hashes.SequenceEqual(current.Select(p => AlgorithmText.Keyword(PeerVendor.Seil, p.Hash)).Distinct()))
            {
                builder.SetList(peer, SeilKeys.Phase1Hash, hashes);
            }
            if (current.First().Group != targets[0].Group)
            {
                builder.Set(peer, SeilKeys.Phase1Group, group);
            }
        }
        else
        {
            var kept = peer.Phase1Proposals.IsDefault ? [] : current.Where(p => weak || !AlgorithmText.IsWeak(p));
            var value = AlgorithmText.StrongSwanIke([.. kept, .. targets]);
            if (value is null) { yield break; }
            builder.Set(peer, StrongSwanKeys.Ike, value);
        }
        if (!builder.IsEmpty)
        {
            yield return builder.Build(weak ? PreferStrongText(targets.Where(AlgorithmText.IsWeak).Select(AlgorithmText.Display), other) : null);
        }
    }

    /// <summary>The existing values (weak ones dropped when only strong values are added) plus <paramref name="added"/>, as keywords.</summary>
    internal static IReadOnlyList<string>? Merge<T>(IEnumerable<T> existing, IEnumerable<T> added, Func<T, bool> isWeak, Func<T, string?> keyword)
    {
        var additions = added.Distinct().ToList();
        var values = existing.Distinct().ToList();
        if (!additions.Any(isWeak))
        {
            values.RemoveAll(v => isWeak(v));
        }
        values.AddRange(additions.Where(a => !values.Contains(a)));
        var keywords = values.Select(keyword).ToList();
        return keywords.Any(k => k is null) ? null : keywords.Select(k => k!).ToList();
    }

    /// <summary>" (strongSwan default)" when the list is the daemon's default: the one thing a user cannot find in the file.</summary>
    private static LocalizedText DefaultNote<T>(PeerConfig peer, Located<T> value) =>
        value.IsDefault ? new($" ({EndNames.DefaultText(peer).English})", $" ({EndNames.DefaultText(peer).Japanese})") : LocalizedText.Invariant("");
}
