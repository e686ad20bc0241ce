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

    private const string NotRunningNoteJa = "与えられた設定は稼働中のものではない可能性があります";

    public static CaseResult Correlate(CaseInput input)
    {
        var logs = input.Logs ?? [];
        var captures = input.Captures ?? [];
        var sources = new SourceSet(logs, captures, input.Model, input.InputKinds);
        var offsets = ClockAligner.Align(logs, captures);

        var all = input.Diagnostics.Concat(CaptureNotifyFindings.From(input.Model.ObservedSas)).ToList();
        var groups = DiagnosisMerger.GroupByCause(all, sources);
        var merged = groups.Select(g => DiagnosisMerger.Merge(g, sources)).ToList();

        var disagreements = new List<LocalizedText>();
        // Silence of the configs is a prediction only when both ends' configs were given.
        if (input.Model.Peers.Count >= 2)
        {
            merged = NoteDisagreements(merged, sources, disagreements, input.Model);
        }
        if (input.Model.ObservedSas.Count > 0)
        {
            merged = NoteContradicted(merged, sources, disagreements, input.Model);
        }
        var ranked = Ranking.Order(merged, sources);
        var timeline = TimelineBuilder.Build(logs, captures, offsets, ranked);
        return new CaseResult(ranked, timeline, offsets, disagreements);
    }

    /// <summary>
    /// A negotiation failure only the configs predict, while logs or the capture saw that phase come up: the
    /// observation wins (demoted to info, kept so the difference is visible).
    /// </summary>
    private static List<Diagnostic> NoteContradicted(List<Diagnostic> merged, SourceSet sources, List<LocalizedText> disagreements, Analysis.IkeModel model)
    {
        var result = new List<Diagnostic>(merged.Count);
        foreach (var diagnostic in merged)
        {
            var onlyPredicted = !diagnostic.Evidence.Any(e => e.Kind == EvidenceKind.Observed)
                                && sources.SourceOf(diagnostic.Location) is { } s && SourceSet.IsConfig(s);
            if (diagnostic.Severity != Severity.Error || diagnostic.IsSuppressed || !onlyPredicted || !ObservedOutcome.ContradictedBy(diagnostic, model))
            {
                result.Add(diagnostic);
                continue;
            }
            var phase = diagnostic.Rule.Category == RuleCategory.Phase1 ? "phase 1" : "phase 2";
            var phaseJa = diagnostic.Rule.Category == RuleCategory.Phase1 ? "フェーズ1" : "フェーズ2";
            disagreements.Add(new LocalizedText(
                $"{diagnostic.Id}: the configs predict \"{diagnostic.Message}\", but the logs/capture show {phase} established: {NotRunningNote}",
                $"{diagnostic.Id}: 設定からは「{diagnostic.GetMessage("ja")}」と予測されますが、ログ/キャプチャでは{phaseJa}が確立しています: {NotRunningNoteJa}"));
            result.Add(diagnostic.WithSeverity(Severity.Info).WithEvidence(new Evidence(EvidenceSource.CharonLog, EvidenceKind.Observed,
                new LocalizedText($"sources disagree: {phase} was observed established; {NotRunningNote} (severity lowered from error to info)",
                    $"情報源の食い違い: {phaseJa}の確立が観測されています。{NotRunningNoteJa} (重大度を error から info に下げました)"))));
        }
        return result;
    }

    /// <summary>
    /// A key mismatch is only predictable when every end's key was given (lab folders and redacted tickets often
    /// hold ipsec.conf without ipsec.secrets): silence about it is then no prediction.
    /// </summary>
    private static bool ConfigsCouldPredict(Diagnostic diagnostic, Analysis.IkeModel model) =>
        diagnostic.Id != Rules.PskMismatch.Id || model.Peers.All(p => p.PreSharedKeyKnown && p.PreSharedKey.Value is not null);

    /// <summary>
    /// Configs that predict no negotiation failure while a log or capture shows one: the running configuration is not
    /// the one given (or a change not yet reloaded).
    /// </summary>
    private static List<Diagnostic> NoteDisagreements(List<Diagnostic> merged, SourceSet sources, List<LocalizedText> disagreements, Analysis.IkeModel model)
    {
        static bool IsNegotiationFailure(Diagnostic d) =>
            d.Severity == Severity.Error && !d.IsSuppressed && d.Rule.Category is RuleCategory.Phase1 or RuleCategory.Phase2;
        bool Predicted(Diagnostic d) => d.Evidence.Any(e => e.Kind == EvidenceKind.Predicted)
                                        || (sources.SourceOf(d.Location) is { } s && SourceSet.IsConfig(s));
        if (merged.Any(d => IsNegotiationFailure(d) && Predicted(d)))
        {
            return merged;
        }
        var result = new List<Diagnostic>(merged.Count);
        foreach (var diagnostic in merged)
        {
            if (!IsNegotiationFailure(diagnostic) || !ConfigsCouldPredict(diagnostic, model))
            {
                result.Add(diagnostic);
                continue;
            }
            var where = string.Join(" and ", diagnostic.Evidence.Where(e => e.Kind == EvidenceKind.Observed && e.Location is not null)
                .Select(e => Path.GetFileName(e.Location!.Path)).Distinct());
            disagreements.Add(new LocalizedText(
                $"{diagnostic.Id}: the configs predict the tunnel comes up, but {(where.Length > 0 ? where : "the observations")} show(s) \"{diagnostic.Message}\": {NotRunningNote}",
                $"{diagnostic.Id}: 設定からはトンネルが確立すると予測されますが、{(where.Length > 0 ? where.Replace(" and ", "と", StringComparison.Ordinal) : "観測")}では「{diagnostic.GetMessage("ja")}」となっています: {NotRunningNoteJa}"));
            var observed = diagnostic.Evidence.FirstOrDefault(e => e.Kind == EvidenceKind.Observed)?.Source ?? EvidenceSource.CharonLog;
            result.Add(diagnostic.WithEvidence(new Evidence(observed, EvidenceKind.Observed,
                new LocalizedText($"sources disagree: no config finding predicts this failure; {NotRunningNote}",
                    $"情報源の食い違い: この失敗を予測する設定の診断はありません。{NotRunningNoteJa}"))));
        }
        return result;
    }
}
