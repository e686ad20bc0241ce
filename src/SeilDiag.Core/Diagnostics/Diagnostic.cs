namespace SeilDiag.Diagnostics;

/// <summary>
/// One finding: a rule, the concrete message (both languages are derived from the rule's template and the
/// same arguments), where it is, the evidence behind it and the fixes. Diagnostics are immutable; the
/// severity may differ from the rule's default (a configuration override, or a variant such as a
/// narrowed traffic selector that is only a warning).
/// </summary>
public sealed record Diagnostic
{
    public required Rule Rule { get; init; }

    public required Severity Severity { get; init; }

    public string MessageVariant { get; init; } = Rule.DefaultMessage;

    /// <summary>The concrete values the message names (algorithm names, addresses, keys). Never secrets.</summary>
    public IReadOnlyList<object?> MessageArgs { get; init; } = [];

    public Location? Location { get; init; }

    public IReadOnlyList<Location> AdditionalLocations { get; init; } = [];

    public IReadOnlyList<Evidence> Evidence { get; init; } = [];

    /// <summary>Fixes in order of preference: those that keep security first.</summary>
    public IReadOnlyList<CodeFix> Fixes { get; init; } = [];

    /// <summary>Set when an inline comment or a configuration suppressed the finding; reporters show it as suppressed.</summary>
    public string? SuppressionJustification { get; init; }

    public bool IsSuppressed { get; init; }

    /// <summary>The tunnel (pair of peers) the finding is about, when the producer knows both ends; null otherwise.</summary>
    public TunnelEndpoints? Tunnel { get; init; }

    /// <summary>
    /// How directly this finding states its cause among findings of the same rule (a responder's "decryption
    /// failed?" on the peer's ID payload says more than an initiator's "message parsing failed"): when findings of
    /// several sources merge into one diagnosis, the most specific one's message and location lead.
    /// </summary>
    public int Specificity { get; init; }

    /// <summary>How sure the diagnosis is, set by the correlator from the sources that show it; null before correlation.</summary>
    public DiagnosisConfidence? Confidence { get; init; }

    public string Id => Rule.Id;

    public string GetMessage(string lang = "en") => Rule.Message(MessageVariant).Format(lang, MessageArgs);

    public string Message => GetMessage("en");

    public static Diagnostic Create(Rule rule, Location? location, params object?[] args) => new()
    {
        Rule = rule,
        Severity = rule.DefaultSeverity,
        Location = location,
        MessageArgs = args,
    };

    public static Diagnostic CreateVariant(Rule rule, string variant, Location? location, params object?[] args) => new()
    {
        Rule = rule,
        Severity = rule.DefaultSeverity,
        MessageVariant = variant,
        Location = location,
        MessageArgs = args,
    };

    public Diagnostic WithEvidence(params Evidence[] evidence) => this with { Evidence = [.. Evidence, .. evidence] };

    public Diagnostic WithFixes(params CodeFix[] fixes) =>
        this with { Fixes = [.. Fixes.Concat(fixes).OrderBy(f => f.Safety)] };

    public Diagnostic WithAdditionalLocations(params Location[] locations) =>
        this with { AdditionalLocations = [.. AdditionalLocations, .. locations] };

    public Diagnostic WithSeverity(Severity severity) => this with { Severity = severity };

    public Diagnostic WithTunnel(TunnelEndpoints? tunnel) => this with { Tunnel = tunnel };

    public Diagnostic WithConfidence(DiagnosisConfidence confidence) => this with { Confidence = confidence };

    public override string ToString() => $"{Location}: {Severity.ToName()} {Id}: {Message}";
}
