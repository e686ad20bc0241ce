using SeilDiag.Analysis;
using SeilDiag.Analyzers.Common;
using SeilDiag.Diagnostics;
using SeilDiag.Model;

namespace SeilDiag.Analyzers.Lifecycle;

/// <summary>SD3005 per end: explicitly set lifetimes so short that rekeying dominates (the lab's 60 s runs).</summary>
public sealed class ShortLifetimeAnalyzer : IAnalyzer
{
    public IReadOnlyList<Rule> SupportedRules { get; } = [Rules.LifecycleSettings];

    public void Analyze(AnalysisContext context)
    {
        foreach (var peer in context.Model.Peers)
        {
            Report(context, peer, peer.Phase1Lifetime, LifecycleSettingsAnalyzer.ShortPhase1, "phase-1 (IKE SA) lifetime", "フェーズ1 ライフタイム");
            Report(context, peer, peer.Phase2Lifetime, LifecycleSettingsAnalyzer.ShortPhase2, "phase-2 (IPsec SA) lifetime", "フェーズ2 ライフタイム");
        }
    }

    private static void Report(AnalysisContext context, PeerConfig peer, Located<TimeSpan> lifetime, TimeSpan limit, string what, string whatJa)
    {
        if (lifetime.IsDefault || lifetime.Where is null || lifetime.Value <= TimeSpan.Zero || lifetime.Value >= limit)
        {
            return;
        }
        var seconds = (long)lifetime.Value.TotalSeconds;
        context.Report(Diagnostic.Create(Rules.LifecycleSettings, lifetime.Where, new LocalizedText(
                $"{EndNames.Label(peer)}: {what} of {seconds} s is very short: the SA is renegotiated every {seconds} s or so (fine for a test, costly in production)",
                $"{EndNames.Label(peer)}: {whatJa} {seconds} 秒は非常に短く、頻繁に再ネゴシエーションします"))
            .WithSeverity(Severity.Info)
            .WithTunnel(PeerTunnel.Of(peer, context.Model)));
    }
}
