using SeilDiag.Diagnostics;
using SeilDiag.Model;
using SeilDiag.Text;

namespace SeilDiag.Reporting;

/// <summary>
/// Everything a reporter needs: the diagnostics in rank order, the documents they point into (for source
/// excerpts and diffs), the language, and the redactor that keeps secrets out of every format.
/// </summary>
public sealed class ReportInput
{
    public required IReadOnlyList<Diagnostic> Diagnostics { get; init; }

    public IReadOnlyList<SourceText> Documents { get; init; } = [];

    public string Lang { get; init; } = "en";

    public Redactor Redactor { get; init; } = Redactor.None;

    /// <summary>Extra lines shown before the findings in text output (e.g. per-pair tunnel predictions).</summary>
    public IReadOnlyList<string> Summary { get; init; } = [];

    /// <summary>Extra top-level JSON members a command adds after "diagnostics" (the capture's packets, the log sessions).</summary>
    public IReadOnlyList<(string Name, Action<System.Text.Json.Utf8JsonWriter> Write)> ExtraJson { get; init; } = [];

    /// <summary>The inputs of the case (markdown/html list them).</summary>
    public IReadOnlyList<InputSummary> Inputs { get; init; } = [];

    /// <summary>The observed IKE SAs (from captures and logs): markdown/html draw a ladder per SA.</summary>
    public IReadOnlyList<ObservedIkeSa> ObservedSas { get; init; } = [];

    /// <summary>Log events and packets on one clock, in time order.</summary>
    public IReadOnlyList<TimelineEntry> Timeline { get; init; } = [];

    /// <summary>Estimated clock offsets of each log against the reference clock.</summary>
    public IReadOnlyList<ClockOffset> ClockOffsets { get; init; } = [];

    public string ToolVersion { get; init; } = typeof(ReportInput).Assembly.GetName().Version?.ToString(3) ?? "0.0.0";

    public SourceText? FindDocument(string path) => Documents.FirstOrDefault(d => d.Path == path);
}
