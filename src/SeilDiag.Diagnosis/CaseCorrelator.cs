using SeilDiag.Diagnostics;
using SeilDiag.Model;

namespace SeilDiag.Diagnosis;

/// <summary>
/// The correlation stage of <c>seildiag diagnose</c>: puts every source of a case on one clock, turns the capture's
/// failing notifies into findings, merges findings of one root cause across sources, ranks causes first and says
/// where configs and observations disagree.
/// </summary>
public static class CaseCorrelator
{
    public const string NotRunningNote = "the configs given may not be the ones running";

    public static CaseResult Correlate(CaseInput input)
    {
        var logs = input.Logs ?? [];
        var captures = input.Captures ?? [];
        var sources = new SourceSet(logs, captures);
        var offsets = ClockAligner.Align(logs, captures);

        var all = input.Diagnostics.Concat(CaptureNotifyFindings.From(input.Model.ObservedSas)).ToList();
        var groups = DiagnosisMerger.GroupByCause(all);
        var merged = groups.Select(g => DiagnosisMerger.Merge(g, sources)).ToList();

        var disagreements = new List<string>();
        if (input.Model.Peers.Count > 0)
        {
            merged = NoteDisagreements(merged, sources, disagreements);
        }
        var ranked = Ranking.Order(merged, sources);
        var timeline = TimelineBuilder.Build(logs, captures, offsets, ranked);
        return new CaseResult(ranked, timeline, offsets, disagreements);
    }

    /// <summary>
    /// Configs that predict no negotiation failure while a log or capture shows one: the running configuration is not
    /// the one given (or a change not yet reloaded).
    /// </summary>
    private static List<Diagnostic> NoteDisagreements(List<Diagnostic> merged, SourceSet sources, List<string> disagreements)
    {
        static bool IsNegotiationFailure(Diagnostic d) =>
            d.Severity == Severity.Error && !d.IsSuppressed && d.Rule.Category is RuleCategory.Phase1 or RuleCategory.Phase2;
        bool Predicted(Diagnostic d) => d.Evidence.Any(e => e.Kind == EvidenceKind.Predicted && !e.Text.StartsWith(Confidence.Prefix, StringComparison.Ordinal))
                                        || (sources.SourceOf(d.Location) is { } s && SourceSet.IsConfig(s));
        if (merged.Any(d => IsNegotiationFailure(d) && Predicted(d)))
        {
            return merged;
        }
        var result = new List<Diagnostic>(merged.Count);
        foreach (var diagnostic in merged)
        {
            if (!IsNegotiationFailure(diagnostic))
            {
                result.Add(diagnostic);
                continue;
            }
            var where = string.Join(" and ", diagnostic.Evidence.Where(e => e.Kind == EvidenceKind.Observed && e.Location is not null)
                .Select(e => Path.GetFileName(e.Location!.Path)).Distinct());
            var line = $"{diagnostic.Id}: the configs predict the tunnel comes up, but {(where.Length > 0 ? where : "the observations")} show(s) \"{diagnostic.Message}\": {NotRunningNote}";
            disagreements.Add(line);
            var observed = diagnostic.Evidence.FirstOrDefault(e => e.Kind == EvidenceKind.Observed)?.Source ?? EvidenceSource.CharonLog;
            result.Add(diagnostic.WithEvidence(new Evidence(observed, EvidenceKind.Observed,
                $"sources disagree: no config finding predicts this failure; {NotRunningNote}")));
        }
        return result;
    }
}
