using SeilDiag.Diagnostics;
using SeilDiag.Logs.Events;

namespace SeilDiag.Logs.Diagnosis;

/// <summary>Which part of the negotiation a failure belongs to.</summary>
public enum NegotiationPhase
{
    Phase1,
    Phase2,
    Lifecycle,
}

/// <summary>
/// One cause found in one session: the rule, the message arguments, the decisive line, the supporting lines (its
/// consequences included) and the fixes. Findings of several sessions with the same cause merge into one diagnostic.
/// </summary>
public sealed record Finding(
    Rule Rule,
    NegotiationPhase Phase,
    object?[] Args,
    LogEvent Decisive,
    IReadOnlyList<LogEvent> Evidence,
    IReadOnlyList<CodeFix> Fixes)
{
    public Severity Severity { get; init; } = Rule.DefaultSeverity;

    /// <summary>How much the message says: a responder's computed difference beats an initiator's "refused".</summary>
    public int Specificity { get; init; }

    public bool IsRootCause => Rule.Category is RuleCategory.Phase1 or RuleCategory.Phase2;
}
