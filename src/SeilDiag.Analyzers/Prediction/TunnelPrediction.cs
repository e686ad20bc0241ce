using SeilDiag.Analysis;
using SeilDiag.Analyzers.Common;
using SeilDiag.Analyzers.Negotiation;
using SeilDiag.Analyzers.Pairing;
using SeilDiag.Analyzers.Phase1;
using SeilDiag.Diagnostics;
using SeilDiag.Model;

namespace SeilDiag.Analyzers;

public enum DirectionOutcome
{
    /// <summary>Phase 1 and phase 2 succeed.</summary>
    Up,
    /// <summary>Up, but the responder narrowed the traffic selectors (SD2003 warning).</summary>
    UpNarrowed,
    Phase1Fails,
    Phase2Fails,
    /// <summary>The negotiation would work but nobody starts it (SD3001).</summary>
    NeverStarts,
    /// <summary>A side's proposals are unknown: nothing can be predicted.</summary>
    Unknown,
}

/// <summary>What the configs predict for one direction of one pair.</summary>
public sealed record DirectionPrediction(
    NegotiationDirection Direction,
    DirectionOutcome Outcome,
    IReadOnlyList<string> FailingRuleIds,
    IReadOnlyList<string> WarningRuleIds,
    Phase1Proposal? Phase1,
    Phase2Proposal? Phase2,
    ProxyId? TrafficSelectors)
{
    public string Label => Direction.Label;

    public bool Succeeds => Outcome is DirectionOutcome.Up or DirectionOutcome.UpNarrowed;

    /// <summary>"phase 1 fails (SD1001)" or "tunnel comes up with AES-CBC-256/SHA2-256/MODP-1536, ESP AES-CBC-256/HMAC-SHA-256-128".</summary>
    public LocalizedText Describe()
    {
        var failing = string.Join(", ", FailingRuleIds);
        return Outcome switch
        {
            DirectionOutcome.Up => new($"tunnel comes up with {Suite()}", $"トンネルは {Suite()} で確立します"),
            DirectionOutcome.UpNarrowed => new(
                $"tunnel comes up with {Suite()}, traffic selectors narrowed to {TrafficSelectors} ({string.Join(", ", WarningRuleIds)})",
                $"トンネルは {Suite()} で確立しますが、トラフィックセレクタは {TrafficSelectors} に狭められます ({string.Join(", ", WarningRuleIds)})"),
            DirectionOutcome.Phase1Fails => new($"phase 1 fails ({failing})", $"フェーズ1 で失敗します ({failing})"),
            DirectionOutcome.Phase2Fails => new($"phase 2 fails ({failing})", $"フェーズ2 で失敗します ({failing})"),
            DirectionOutcome.NeverStarts => new($"never starts ({failing})", $"ネゴシエーションが開始されません ({failing})"),
            _ => new("cannot be predicted (a side's proposals are unknown)", "予測できません (一方のプロポーザルが不明です)"),
        };
    }

    internal string Suite() =>
        (Phase1 is null ? "?" : AlgorithmText.Display(Phase1)) + ", ESP " + (Phase2 is null ? "?" : AlgorithmText.Display(Phase2));
}

/// <summary>One pair of ends and what happens in each direction.</summary>
public sealed record PairPrediction(PeerPair Pair, IReadOnlyList<DirectionPrediction> Directions, PskVerdict Psk)
{
    /// <summary><see cref="Summary"/> in one language, for the reports.</summary>
    public IReadOnlyList<string> SummaryLines(string lang = "en") => Summary().Select(l => l.Get(lang)).ToList();

    /// <summary>
    /// The pair, then one line with both directions ("SEIL → strongSwan: phase 1 fails (SD1001); strongSwan →
    /// SEIL: phase 1 fails (SD1001)" or "both directions: tunnel comes up with ..."), then who starts it, the
    /// PSK verdict, and what each end does for DPD and NAT-T; each line in both languages.
    /// </summary>
    public IReadOnlyList<LocalizedText> Summary()
    {
        var lines = new List<LocalizedText> { LocalizedText.Invariant(Pair.ToString()) };
        var first = Directions[0];
        // Only a success is folded into "both directions": failures are spelled out per direction, as users compare them with each side's log.
        if (first.Succeeds && Directions.All(d => d.Outcome == first.Outcome && d.Describe() == first.Describe()))
        {
            var both = first.Describe();
            lines.Add(new($"both directions: {both.English}", $"両方向: {both.Japanese}"));
        }
        else
        {
            lines.Add(LocalizedText.Join(LocalizedText.Invariant("; "), Directions.Select(d =>
            {
                var outcome = d.Describe();
                return new LocalizedText($"{d.Label}: {outcome.English}", $"{d.Label}: {outcome.Japanese}");
            })));
        }
        var starters = Directions.Where(d => d.Direction.InitiatedByConfig).Select(d => EndNames.Short(d.Direction.Initiator, d.Direction.Responder)).ToList();
        lines.Add(starters.Count switch
        {
            0 => new("initiation: neither end starts on its own (responder-only / auto=add): start one by hand ('ipsec up') or by traffic",
                "接続開始: どちらの端も自分からは開始しません (responder-only / auto=add)。手動 ('ipsec up') またはトラフィックで開始してください"),
            1 => new($"initiation: {starters[0]} starts the negotiation", $"接続開始: {starters[0]} がネゴシエーションを開始します"),
            _ => new($"initiation: both ends start ({string.Join(", ", starters)})", $"接続開始: 両端が開始します ({string.Join(", ", starters)})"),
        });
        lines.Add(Psk switch
        {
            PskVerdict.Match => new("pre-shared key: same on both ends", "事前共有鍵: 両端で一致"),
            PskVerdict.Mismatch => new("pre-shared key: differs (SD1002)", "事前共有鍵: 不一致 (SD1002)"),
            PskVerdict.Unverifiable => new("pre-shared key: unverifiable (a key or ipsec.secrets was not given)", "事前共有鍵: 検証できません (鍵または ipsec.secrets が指定されていません)"),
            _ => new("pre-shared key: not used", "事前共有鍵: 使用しません"),
        });
        lines.Add(LifecycleSummary.Dpd(Pair));
        lines.Add(LifecycleSummary.NatTraversal(Pair));
        return lines;
    }
}

/// <summary>
/// Predicts every paired tunnel from the configs alone, replaying the same pair checks the two-ended
/// analyzers report, so the summary and the diagnostics can never disagree.
/// </summary>
public static class TunnelPrediction
{
    public static IReadOnlyList<PairPrediction> Predict(IkeModel model) =>
        PeerPairing.Pair(model).Pairs.Select(Predict).ToList();

    /// <summary>All pairs' summary lines in one language, for the top of every report.</summary>
    public static IReadOnlyList<string> Summarize(IkeModel model, string lang = "en") =>
        Predict(model).SelectMany(p => p.SummaryLines(lang)).ToList();

    public static PairPrediction Predict(PeerPair pair)
    {
        var findings = ConfigAnalyzers.PairAnalyzers.SelectMany(a => a.Findings(pair)).ToList();
        var seilFirst = pair.B.Vendor == PeerVendor.Seil && pair.A.Vendor != PeerVendor.Seil;
        var directions = seilFirst
            ? new[] { new NegotiationDirection(pair.B, pair.A), new NegotiationDirection(pair.A, pair.B) }
            : new[] { new NegotiationDirection(pair.A, pair.B), new NegotiationDirection(pair.B, pair.A) };
        return new PairPrediction(pair, directions.Select(d => PredictDirection(d, findings)).ToList(), PresharedKeyAnalyzer.Verdict(pair));
    }

    private static DirectionPrediction PredictDirection(NegotiationDirection direction, List<PairFinding> findings)
    {
        var mine = findings.Where(f => f.Directions.Any(d => Same(d, direction))).ToList();
        var failing = mine.Where(f => f.Diagnostic.Severity == Severity.Error).Select(f => f.Diagnostic.Id).Distinct().ToList();
        var warnings = mine.Where(f => f.Diagnostic.Severity != Severity.Error).Select(f => f.Diagnostic.Id).Distinct().ToList();
        var phase1 = Phase1Negotiation.Negotiate(direction.Initiator, direction.Responder);
        var phase2 = Phase2Negotiation.Negotiate(direction.Initiator, direction.Responder);
        var ids = ProxyIdNegotiation.Negotiate(direction.Initiator, direction.Responder);

        DirectionOutcome outcome;
        if (failing.Any(id => id.StartsWith("SD1", StringComparison.Ordinal)))
        {
            outcome = DirectionOutcome.Phase1Fails;
            failing = failing.Where(id => id.StartsWith("SD1", StringComparison.Ordinal)).ToList();
        }
        else if (failing.Any(id => id.StartsWith("SD2", StringComparison.Ordinal) || id == Rules.LifecycleSettings.Id))
        {
            outcome = DirectionOutcome.Phase2Fails;
            failing = failing.Where(id => id.StartsWith("SD2", StringComparison.Ordinal) || id == Rules.LifecycleSettings.Id).ToList();
        }
        else if (failing.Count > 0)
        {
            outcome = DirectionOutcome.NeverStarts;
        }
        else if (!phase1.Known || !phase2.Known)
        {
            outcome = DirectionOutcome.Unknown;
        }
        else
        {
            outcome = ids.Outcome == ProxyIdOutcome.Narrowed ? DirectionOutcome.UpNarrowed : DirectionOutcome.Up;
        }
        return new DirectionPrediction(direction, outcome, failing, warnings, phase1.Chosen, phase2.Chosen, ids.Negotiated);
    }

    private static bool Same(NegotiationDirection a, NegotiationDirection b) =>
        ReferenceEquals(a.Initiator, b.Initiator) && ReferenceEquals(a.Responder, b.Responder);
}
