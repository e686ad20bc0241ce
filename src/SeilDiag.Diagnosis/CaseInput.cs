using SeilDiag.Analysis;
using SeilDiag.Diagnostics;
using SeilDiag.Model;

namespace SeilDiag.Diagnosis;

/// <summary>Everything collected for one case, after the front-ends and analyzers ran.</summary>
public sealed record CaseInput
{
    /// <summary>Peers from the configs and observed SAs from logs and captures.</summary>
    public required IkeModel Model { get; init; }

    /// <summary>Diagnostics of front-ends and analyzers, as they came (not merged).</summary>
    public required IReadOnlyList<Diagnostic> Diagnostics { get; init; }

    public IReadOnlyList<LogSourceEvents>? Logs { get; init; }

    public IReadOnlyList<CaptureSourcePackets>? Captures { get; init; }

    /// <summary>
    /// What each input path is (as detected by the caller), so evidence located in it is labelled by what the file
    /// is, not guessed from its name. Paths not listed fall back to the model's peer documents, then to the name.
    /// </summary>
    public IReadOnlyDictionary<string, DocumentKind>? InputKinds { get; init; }
}

/// <summary>One diagnosis of the case: merged and ranked findings, one clock, the offsets used, and disagreements.</summary>
public sealed record CaseResult(
    IReadOnlyList<Diagnostic> Diagnostics,
    IReadOnlyList<TimelineEntry> Timeline,
    IReadOnlyList<ClockOffset> Offsets,
    IReadOnlyList<LocalizedText> Disagreements);
