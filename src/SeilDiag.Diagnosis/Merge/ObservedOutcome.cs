using SeilDiag.Analysis;
using SeilDiag.Diagnostics;
using SeilDiag.Ike;
using SeilDiag.Model;

namespace SeilDiag.Diagnosis;

/// <summary>
/// What logs and captures saw come up. A failure the configs predict but nothing observed, while the same phase was
/// seen established, is contradicted: the running configuration (or a file not given, such as strongswan.conf)
/// differs from the one analysed.
/// </summary>
internal static class ObservedOutcome
{
    public static bool Phase1Up(IkeModel model) =>
        model.ObservedSas.Any(sa => sa.Established && !SourceSet.IsConfig(sa.Source));

    public static bool Phase2Up(IkeModel model) =>
        model.ObservedSas.Any(sa => !SourceSet.IsConfig(sa.Source)
                                    && sa.Exchanges.Any(x => x.Type == ExchangeType.QuickMode && (x.ChosenPhase2 is not null || x.Spis.Count > 0)));

    public static bool ContradictedBy(Diagnostic diagnostic, IkeModel model) =>
        diagnostic.Rule.Category switch
        {
            RuleCategory.Phase1 => Phase1Up(model),
            RuleCategory.Phase2 => Phase2Up(model),
            _ => false,
        };
}
