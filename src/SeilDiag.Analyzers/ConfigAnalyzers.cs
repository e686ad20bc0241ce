using SeilDiag.Analysis;
using SeilDiag.Analyzers.Hygiene;
using SeilDiag.Analyzers.Lifecycle;
using SeilDiag.Analyzers.Pairing;
using SeilDiag.Analyzers.Phase1;
using SeilDiag.Analyzers.Phase2;

namespace SeilDiag.Analyzers;

/// <summary>
/// The configuration analyzers. <see cref="Lint"/> looks at each end on its own (a CI lint of one file);
/// <see cref="TwoEnded"/> pairs the ends of the given configurations and predicts each negotiation
/// direction (<c>seildiag diagnose seil.conf ipsec.conf ipsec.secrets</c>). Run them with
/// <see cref="AnalysisContext.Run"/>.
/// </summary>
public static class ConfigAnalyzers
{
    // Declared first: static initializers run in textual order and TwoEnded reuses these instances.
    /// <summary>The pair checks the prediction replays (same instances as in <see cref="TwoEnded"/>).</summary>
    internal static IReadOnlyList<PairAnalyzer> PairAnalyzers { get; } =
    [
        new InitiationAnalyzer(),
        new ExchangeModeAnalyzer(),
        new Phase1ProposalAnalyzer(),
        new PresharedKeyAnalyzer(),
        new IdentityAnalyzer(),
        new Phase2ProposalAnalyzer(),
        new ProxyIdAnalyzer(),
        new LifecycleSettingsAnalyzer(),
    ];

    public static IReadOnlyList<IAnalyzer> Lint { get; } =
    [
        new WeakAlgorithmAnalyzer(),
        new AggressiveModePskAnalyzer(),
        new MissingPresharedKeyAnalyzer(),
        new ShortLifetimeAnalyzer(),
    ];

    /// <summary>Two-ended checks, in the order a negotiation meets the problems.</summary>
    public static IReadOnlyList<IAnalyzer> TwoEnded { get; } = [.. PairAnalyzers, new UnpairedPeerAnalyzer()];

    public static IReadOnlyList<IAnalyzer> All { get; } = [.. Lint, .. TwoEnded];
}
