namespace SeilDiag.Diagnostics;

/// <summary>The theme a rule belongs to; it is also the first digit of the ID.</summary>
public enum RuleCategory
{
    Input,      // SD0xxx
    Phase1,     // SD1xxx
    Phase2,     // SD2xxx
    Lifecycle,  // SD3xxx
    Hygiene,    // SD4xxx
}

/// <summary>A message template in both languages; placeholders are {0}, {1}, ... filled with concrete values.</summary>
public sealed record MessageFormat(string English, string Japanese)
{
    public string Format(string lang, IReadOnlyList<object?> args)
    {
        var template = lang == "ja" ? Japanese : English;
        var values = args.Select(a => a is LocalizedText text ? text.Get(lang) : a).ToArray();
        return string.Format(System.Globalization.CultureInfo.InvariantCulture, template, values);
    }
}

/// <summary>
/// The one record per diagnostic ID (like Roslyn's DiagnosticDescriptor). Everything about a rule — the
/// message, its default severity, category, help page and SARIF metadata — is derived from here.
/// A rule can have several message variants (keyed by name) when one root cause is reported by
/// different sources with different facts; "default" always exists.
/// </summary>
public sealed record Rule(
    string Id,
    string Title,
    string TitleJa,
    RuleCategory Category,
    Severity DefaultSeverity,
    string Description,
    IReadOnlyDictionary<string, MessageFormat> Messages,
    IReadOnlyList<string> Tags)
{
    public const string DefaultMessage = "default";

    /// <summary>The rule's page, relative to the repository root.</summary>
    public string HelpPath => $"rules/{Id}.md";

    public MessageFormat Message(string variant = DefaultMessage) =>
        Messages.TryGetValue(variant, out var format)
            ? format
            : throw new ArgumentException($"rule {Id} has no message variant '{variant}'", nameof(variant));

    public string LocalizedTitle(string lang) => lang == "ja" ? TitleJa : Title;
}
