using SeilDiag.Diagnostics;

namespace SeilDiag.Diagnosis;

/// <summary>
/// How sure the diagnosis is, from which sources show it: seen happening in more than one source (or seen and
/// predicted) is high, seen in one is medium, only predicted from configs is low. The reason names the sources in
/// both languages, since the reports are read in either.
/// </summary>
internal static class Confidence
{
    public static DiagnosisConfidence Of(Diagnostic diagnostic, SourceSet sources)
    {
        // Where a piece of evidence points decides its source (a log finding may quote a config line).
        var located = diagnostic.Evidence
            .Select(e => (e.Kind, Source: e.Location is null ? e.Source : sources.SourceOf(e.Location) ?? e.Source, e.Location?.Path))
            .ToList();
        var captures = located.Where(e => e.Kind == EvidenceKind.Observed && e.Source == EvidenceSource.Capture).Select(e => e.Path).Distinct().Count();
        // Counted by host: a daemon's normal log and its debug-level copy are one witness.
        var logs = located.Where(e => e.Kind == EvidenceKind.Observed && SourceSet.IsLog(e.Source) && e.Path is not null)
            .Select(e => sources.LogHost(e.Path!)).Distinct().Count();
        var keyTables = located.Any(e => e.Source == EvidenceSource.KeyTable);
        var predicted = located.Any(e => SourceSet.IsConfig(e.Source) || (e.Kind == EvidenceKind.Predicted && e.Source != EvidenceSource.KeyTable));
        var observedSources = (captures > 0 ? 1 : 0) + logs + (keyTables ? 1 : 0);
        var level = observedSources >= 2 || (observedSources == 1 && predicted) ? ConfidenceLevel.High
            : observedSources == 1 ? ConfidenceLevel.Medium
            : ConfidenceLevel.Low;
        return new DiagnosisConfidence(level, Reason(captures, logs, keyTables, predicted));
    }

    private static LocalizedText Reason(int captures, int logs, bool keyTables, bool predicted)
    {
        var seenEn = new List<string>();
        var seenJa = new List<string>();
        if (captures > 0)
        {
            seenEn.Add(captures == 1 ? "the capture" : $"{captures} captures");
            seenJa.Add(captures == 1 ? "キャプチャ" : $"{captures} 個のキャプチャ");
        }
        if (logs > 0)
        {
            seenEn.Add(logs switch { 1 => "one log", 2 => "both logs", _ => $"{logs} hosts' logs" });
            seenJa.Add(logs switch { 1 => "片方のログ", 2 => "両方のログ", _ => $"{logs} 台のホストのログ" });
        }
        if (keyTables)
        {
            seenEn.Add("the key table");
            seenJa.Add("鍵テーブル");
        }
        var partsEn = new List<string>();
        var partsJa = new List<string>();
        if (seenEn.Count > 0)
        {
            partsEn.Add("observed in " + string.Join(" and ", seenEn));
            partsJa.Add(string.Join("と", seenJa) + "で観測");
        }
        if (predicted)
        {
            partsEn.Add("predicted by configs");
            partsJa.Add("設定から予測");
        }
        return partsEn.Count == 0
            ? new LocalizedText("no source shows it", "根拠となる入力なし")
            : new LocalizedText(string.Join(", ", partsEn), string.Join("、", partsJa));
    }
}
