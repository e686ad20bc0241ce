using SeilDiag.Diagnostics;
using SeilDiag.Model;

namespace SeilDiag.Logs;

/// <summary>What the logs told: diagnostics (one per root cause), sessions, the observed IKE SAs for the model, and unrecognised lines.</summary>
public sealed class LogAnalysis
{
    public required IReadOnlyList<Diagnostic> Diagnostics { get; init; }

    public required IReadOnlyList<LogSession> Sessions { get; init; }

    public required IReadOnlyList<ObservedIkeSa> ObservedSas { get; init; }

    /// <summary>A capped sample of the lines no reader recognised (for -v); counts per input are in <see cref="Inputs"/>.</summary>
    public required IReadOnlyList<UnrecognizedLine> Unrecognized { get; init; }

    public required IReadOnlyList<UnrecognizedSummary> Inputs { get; init; }

    /// <summary>Sessions whose events were released while reading a very long log (their findings are kept).</summary>
    public int CompactedSessions { get; init; }

    /// <summary>Step-by-step narrative of every session, then the diagnoses, in English ("en") or Japanese ("ja").</summary>
    public string Story(string lang = "en") => Stories.StoryWriter.Write(this, lang);
}
