using SeilDiag.Diagnostics;

namespace SeilDiag.Model;

/// <summary>
/// One event on the common clock of a case: a log line or a packet, with its time already shifted by the
/// estimated offset of its source (so logs of two hosts and a capture line up).
/// </summary>
public sealed record TimelineEntry(DateTimeOffset Time, EvidenceSource Source, string Text, Location? Location)
{
    /// <summary>The rule this event is evidence for, if any (marks the failing message in ladders and tables).</summary>
    public string? RuleId { get; init; }
}

/// <summary>
/// How far one source's clock is from the reference clock (the capture's, when there is one). When nothing tied
/// the source to the others, <see cref="Estimated"/> is false, <see cref="Offset"/> is zero (its times are used as
/// logged) and <see cref="Method"/> says why; reporters show "not estimated" rather than a zero offset.
/// </summary>
public sealed record ClockOffset(string Path, TimeSpan Offset, int MatchedEvents, string Method, bool Estimated = true)
{
    /// <summary><see cref="Method"/> in Japanese, when the producer wrote one.</summary>
    public string? MethodJapanese { get; init; }

    public string GetMethod(string lang) => lang == "ja" && MethodJapanese is not null ? MethodJapanese : Method;
}

/// <summary>One input of a case as the report lists it: what it is and, when known, which daemon version wrote it.</summary>
public sealed record InputSummary(string Path, string Kind, string? Version = null);
