using SeilDiag.Diagnostics;

namespace SeilDiag.Diagnosis;

/// <summary>
/// Root causes first: errors before warnings before info; among equals, a cause seen happening (log, capture) before
/// one only predicted; phase 1 before phase 2 before lifecycle, input and hygiene; then by place for a stable order.
/// </summary>
internal static class Ranking
{
    public static List<Diagnostic> Order(IEnumerable<Diagnostic> diagnostics, SourceSet sources) =>
        diagnostics
            .OrderBy(d => d.IsSuppressed ? 1 : 0)
            .ThenByDescending(d => d.Severity)
            .ThenBy(d => IsObserved(d, sources) ? 0 : 1)
            .ThenBy(d => CategoryOrder(d.Rule.Category))
            .ThenBy(d => d.Id, StringComparer.Ordinal)
            .ThenBy(d => d.Location?.Path, StringComparer.Ordinal)
            .ThenBy(d => d.Location?.Line)
            .ToList();

    private static bool IsObserved(Diagnostic d, SourceSet sources) =>
        d.Evidence.Any(e => e.Kind == EvidenceKind.Observed)
        || (sources.SourceOf(d.Location) is { } s && !SourceSet.IsConfig(s));

    private static int CategoryOrder(RuleCategory category) => category switch
    {
        RuleCategory.Phase1 => 0,
        RuleCategory.Phase2 => 1,
        RuleCategory.Lifecycle => 2,
        RuleCategory.Input => 3,
        _ => 4,
    };
}
