using SeilDiag.Diagnostics;

namespace SeilDiag.Diagnosis;

/// <summary>
/// How sure the diagnosis is, from which sources show it: seen happening in more than one source (or seen and
/// predicted) is high, seen in one is medium, only predicted from configs is low.
/// </summary>
public static class Confidence
{
    public const string Prefix = "confidence: ";

    internal static Evidence Describe(Diagnostic diagnostic, SourceSet sources)
    {
        var located = diagnostic.Evidence
            .Select(e => (e.Kind, Source: e.Location is null ? e.Source : sources.SourceOf(e.Location) ?? e.Source, e.Location?.Path))
            .ToList();
        var captures = located.Where(e => e.Kind == EvidenceKind.Observed && e.Source == EvidenceSource.Capture).Select(e => e.Path).Distinct().Count();
        var logs = located.Where(e => e.Kind == EvidenceKind.Observed && SourceSet.IsLog(e.Source)).Select(e => e.Path).Distinct().Count();
        var predicted = located.Any(e => SourceSet.IsConfig(e.Source) || e.Kind == EvidenceKind.Predicted);
        var observedSources = (captures > 0 ? 1 : 0) + logs;
        var level = observedSources >= 2 || (observedSources == 1 && predicted) ? "high" : observedSources == 1 ? "medium" : "low";
        var parts = new List<string>();
        var seen = new List<string>();
        if (captures > 0)
        {
            seen.Add(captures == 1 ? "capture" : $"{captures} captures");
        }
        if (logs > 0)
        {
            seen.Add(logs == 1 ? "one log" : logs == 2 ? "both logs" : $"{logs} logs");
        }
        if (seen.Count > 0)
        {
            parts.Add("observed in " + string.Join(" and ", seen));
        }
        if (predicted)
        {
            parts.Add("predicted by configs");
        }
        var source = located.FirstOrDefault(e => e.Kind == EvidenceKind.Observed).Source;
        return new Evidence(
            observedSources > 0 ? source : located.Select(e => e.Source).FirstOrDefault(EvidenceSource.StrongSwanConfig),
            observedSources > 0 ? EvidenceKind.Observed : EvidenceKind.Predicted,
            $"{Prefix}{level} ({string.Join(", ", parts)})");
    }

    /// <summary>The level written into a diagnosis by the correlator ("high", "medium", "low"), or null.</summary>
    public static string? LevelOf(Diagnostic diagnostic) =>
        diagnostic.Evidence.LastOrDefault(e => e.Text.StartsWith(Prefix, StringComparison.Ordinal)) is { } e
            ? e.Text[Prefix.Length..].Split(' ')[0]
            : null;
}
