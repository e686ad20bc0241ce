using SeilDiag.Analysis;
using SeilDiag.Analyzers.Common;
using SeilDiag.Diagnostics;
using SeilDiag.Model;

namespace SeilDiag.Analyzers.Pairing;

/// <summary>A diagnostic of a pair and the negotiation directions it breaks (or, for warnings, affects).</summary>
public sealed record PairFinding(Diagnostic Diagnostic, IReadOnlyList<NegotiationDirection> Directions);

/// <summary>
/// Base of the two-ended analyzers: each checks one pair at a time and says which directions a finding
/// breaks, so <see cref="TunnelPrediction"/> can reuse the very same checks for its summary.
/// </summary>
public abstract class PairAnalyzer : IAnalyzer
{
    public abstract IReadOnlyList<Rule> SupportedRules { get; }

    public void Analyze(AnalysisContext context)
    {
        foreach (var pair in PeerPairing.Pair(context.Model).Pairs)
        {
            foreach (var finding in Findings(pair))
            {
                context.Report(finding.Diagnostic);
            }
        }
    }

    /// <summary>What <see cref="Check"/> finds, each diagnostic naming the pair's tunnel (when both addresses are known).</summary>
    public IEnumerable<PairFinding> Findings(PeerPair pair)
    {
        var tunnel = PeerTunnel.Of(pair);
        return Check(pair).Select(f => tunnel is null ? f : f with { Diagnostic = f.Diagnostic.WithTunnel(tunnel) });
    }

    public abstract IEnumerable<PairFinding> Check(PeerPair pair);

    /// <summary>The direction in which messages name things: SEIL first when the vendors differ.</summary>
    protected static NegotiationDirection Primary(PeerPair pair) =>
        pair.B.Vendor == PeerVendor.Seil && pair.A.Vendor != PeerVendor.Seil ? new(pair.B, pair.A) : new(pair.A, pair.B);

    /// <summary>"both directions" or "SEIL → strongSwan".</summary>
    protected static LocalizedText DirectionsText(IReadOnlyList<NegotiationDirection> directions) =>
        directions.Count >= 2
            ? new LocalizedText($"both directions ({string.Join(", ", directions.Select(d => d.Label))})", $"両方向 ({string.Join(", ", directions.Select(d => d.Label))})")
            : new LocalizedText($"when {directions[0].Label} ({EndNames.Short(directions[0].Initiator, directions[0].Responder)} initiates)",
                                $"{directions[0].Label} の場合 ({EndNames.Short(directions[0].Initiator, directions[0].Responder)} が開始)");

    /// <summary>The closest offered/accepted pair of a proposal mismatch, as charon would name them.</summary>
    protected static LocalizedText ClosestText(string offered, string accepted) =>
        new($"closest: {offered} vs {accepted}", $"最も近い組み合わせ: {offered} と {accepted}");

    /// <summary>The explanation of a fix that makes one end accept the other's weak proposal.</summary>
    protected static LocalizedText PreferStrongText(IEnumerable<string> weak, PeerConfig other)
    {
        var names = string.Join(", ", weak);
        var vendor = EndNames.Vendor(other);
        return new($"{names} is weak; prefer changing {vendor} to a strong proposal.",
            $"{names} は弱いアルゴリズムです。{vendor} 側を強いプロポーザルに変更することを推奨します。");
    }

    protected static Location[] Others(Location? primary, params Location?[] candidates) =>
        [.. candidates.Where(c => c is not null && !Equals(c, primary)).Select(c => c!).Distinct()];
}
