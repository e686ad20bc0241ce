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
    public string Describe() => Outcome switch
    {
        DirectionOutcome.Up => $"tunnel comes up with {Suite()}",
        DirectionOutcome.UpNarrowed => $"tunnel comes up with {Suite()}, traffic selectors narrowed to {TrafficSelectors} ({string.Join(", ", WarningRuleIds)})",
        DirectionOutcome.Phase1Fails => $"phase 1 fails ({string.Join(", ", FailingRuleIds)})",
        DirectionOutcome.Phase2Fails => $"phase 2 fails ({string.Join(", ", FailingRuleIds)})",
        DirectionOutcome.NeverStarts => $"never starts ({string.Join(", ", FailingRuleIds)})",
        _ => "cannot be predicted (a side's proposals are unknown)",
    };

    internal string Suite() =>
        (Phase1 is null ? "?" : AlgorithmText.Display(Phase1)) + ", ESP " + (Phase2 is null ? "?" : AlgorithmText.Display(Phase2));
}

/// <summary>One pair of ends and what happens in each direction.</summary>
public sealed record PairPrediction(PeerPair Pair, IReadOnlyList<DirectionPrediction> Directions, PskVerdict Psk)
{
    /// <summary>
    /// Text for the CLI: the pair, then one line with both directions ("SEIL → strongSwan: phase 1 fails
    /// (SD1001); strongSwan → SEIL: phase 1 fails (SD1001)" or "both directions: tunnel comes up with ..."),
    /// then who starts it, the PSK verdict, and what each end does for DPD and NAT-T.
    /// </summary>
    public IReadOnlyList<string> SummaryLines()
    {
        var lines = new List<string> { Pair.ToString() };
        var first = Directions[0];
        // Only a success is folded into "both directions": failures are spelled out per direction, as users compare them with each side's log.
        lines.Add(first.Succeeds && Directions.All(d => d.Outcome == first.Outcome && d.Describe() == first.Describe())
            ? $"both directions: {first.Describe()}"
            : string.Join("; ", Directions.Select(d => $"{d.Label}: {d.Describe()}")));
        var starters = Directions.Where(d => d.Direction.InitiatedByConfig).Select(d => EndNames.Short(d.Direction.Initiator, d.Direction.Responder)).ToList();
        lines.Add(starters.Count switch
        {
            0 => "initiation: neither end starts on its own (responder-only / auto=add): start one by hand ('ipsec up') or by traffic",
            1 => $"initiation: {starters[0]} starts the negotiation",
            _ => $"initiation: both ends start ({string.Join(", ", starters)})",
        });
        lines.Add(Psk switch
        {
            PskVerdict.Match => "pre-shared key: same on both ends",
            PskVerdict.Mismatch => "pre-shared key: differs (SD1002)",
            PskVerdict.Unverifiable => "pre-shared key: unverifiable (a key or ipsec.secrets was not given)",
            _ => "pre-shared key: not used",
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

    /// <summary>All pairs' summary lines, for the CLI's text output.</summary>
    public static IReadOnlyList<string> Summarize(IkeModel model) =>
        Predict(model).SelectMany(p => p.SummaryLines()).ToList();

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
