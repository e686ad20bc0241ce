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
            $"{d.Attribute}: {i} offers {AlgorithmText.List(d.Offered)}; {r} accepts {AlgorithmText.List(d.Accepted)}"));
        var ja = string.Join("; ", result.Differences.Select(d =>
            $"{d.AttributeJa}: {i} の提案は {AlgorithmText.ListJa(d.Offered)}、{r} が受け入れるのは {AlgorithmText.ListJa(d.Accepted)}"));
        var closest = $"closest: {result.ClosestOffered!.ToLogString()} vs {result.ClosestAccepted!.ToLogString()}";
        var message = new LocalizedText($"{en} ({closest}); fails {where.English}", $"{ja} ({closest}); {where.Japanese}で失敗");

        var location = EndNames.LocationOf(initiator, initiator.Phase1Proposals);
        var diagnostic = Diagnostic.Create(Rules.Phase1ProposalMismatch, location, message)
            .WithAdditionalLocations(Others(location, EndNames.LocationOf(responder, responder.Phase1Proposals)))
            .WithEvidence(Evidence(initiator), Evidence(responder))
            .WithEvidence(PredictedLogs.Phase1Mismatch(initiator, responder,
                AlgorithmText.LogList(OfferedProposals.Phase1(initiator).Select(p => p.ToLogString())),
                AlgorithmText.LogList(responder.Phase1Proposals.Value!.Select(p => p.ToLogString())),
                RacoonAttribute(result.Differences[0].Attribute)).ToArray())
            .WithFixes([.. Fixes(initiator, result.ClosestAccepted!, responder), .. Fixes(responder, result.ClosestOffered!, initiator)]);
        return new PairFinding(diagnostic, directions);
    }

    private static PairFinding LifetimeMismatch(NegotiationDirection direction, Phase1Result result)
    {
        var initiator = direction.Initiator;
        var responder = direction.Responder;
        var where = DirectionsText([direction]);
        var message = new LocalizedText(
            $"lifetime: {EndNames.Short(responder, initiator)} {result.LifetimeProblem} ({EndNames.Vendor(initiator)} lifetime {EndNames.Where(initiator, initiator.Phase1Lifetime)}); fails {where.English}",
            $"ライフタイム: {EndNames.Short(responder, initiator)} {result.LifetimeProblem}; {where.Japanese}で失敗");
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
        fixes.Add(new FixBuilder().Set(responder, SeilKeys.CheckLevel, "obey").Build(
            "obey accepts the initiator's lifetime (the seil8 default)."));
        return new PairFinding(diagnostic.WithFixes([.. fixes]), [direction]);
    }

    private static Evidence Evidence(PeerConfig peer) =>
        new(EndNames.ConfigSource(peer), EvidenceKind.Predicted,
            $"{EndNames.Label(peer)} phase-1 proposals {EndNames.Where(peer, peer.Phase1Proposals)}: " +
            AlgorithmText.LogList(peer.Phase1Proposals.Value!.Select(p => p.ToLogString())),
            peer.Phase1Proposals.Where);

    private static string RacoonAttribute(string attribute) => attribute switch
    {
        "encryption" => "enctype",
        "hash" => "hashtype",
        "DH group" => "dh_group",
        _ => "authmethod",
    };

    /// <summary>
    /// Fixes that make <paramref name="peer"/> also offer/accept <paramref name="target"/>'s values for the
    /// attributes in which it differs; a fix that brings in a weak algorithm is flagged.
    /// </summary>
    internal static IEnumerable<CodeFix> Fixes(PeerConfig peer, Phase1Proposal target, PeerConfig other)
    {
        var current = peer.Phase1Proposals.Value ?? [];
        if (target.Auth != current.FirstOrDefault()?.Auth)
        {
            yield return CodeFix.Advice($"{EndNames.Vendor(peer)}: use the authentication method {AlgorithmText.Log(target.Auth)} as {EndNames.Vendor(other)} does");
            yield break;
        }
        var builder = new FixBuilder().Weakens(AlgorithmText.IsWeak(target));
        if (peer.Vendor == PeerVendor.Seil)
        {
            var sample = current.First();
            if (!current.Any(p => p.Encryption == target.Encryption))
            {
                var values = Merge(current.Select(p => p.Encryption), target.Encryption, IkeNames.IsWeak, c => AlgorithmText.Keyword(PeerVendor.Seil, c));
                if (values is null) { yield break; }
                builder.SetList(peer, SeilKeys.Phase1Encryption, values);
            }
            if (!current.Any(p => p.Hash == target.Hash))
            {
                var values = Merge(current.Select(p => p.Hash), target.Hash, IkeNames.IsWeak, h => AlgorithmText.Keyword(PeerVendor.Seil, h));
                if (values is null) { yield break; }
                builder.SetList(peer, SeilKeys.Phase1Hash, values);
            }
            if (sample.Group != target.Group)
            {
                var group = AlgorithmText.Keyword(PeerVendor.Seil, target.Group);
                if (group is null) { yield break; }
                builder.Set(peer, SeilKeys.Phase1Group, group);
            }
        }
        else
        {
            var value = AlgorithmText.StrongSwanIke(peer.Phase1Proposals.IsDefault ? [target] : [.. current, target]);
            if (value is null) { yield break; }
            builder.Set(peer, StrongSwanKeys.Ike, value);
        }
        if (!builder.IsEmpty)
        {
            yield return builder.Build(AlgorithmText.IsWeak(target)
                ? $"{AlgorithmText.Display(target)} is weak; prefer changing {EndNames.Vendor(other)} to a strong proposal."
                : null);
        }
    }

    /// <summary>The existing values (weak ones dropped when a strong value is added) plus <paramref name="added"/>, as keywords.</summary>
    internal static IReadOnlyList<string>? Merge<T>(IEnumerable<T> existing, T added, Func<T, bool> isWeak, Func<T, string?> keyword)
    {
        var values = existing.Distinct().ToList();
        if (!isWeak(added))
        {
            values.RemoveAll(v => isWeak(v));
        }
        if (!values.Contains(added))
        {
            values.Add(added);
        }
        var keywords = values.Select(keyword).ToList();
        return keywords.Any(k => k is null) ? null : keywords.Select(k => k!).ToList();
    }
}
