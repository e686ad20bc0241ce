namespace SeilDiag.Diagnostics;

/// <summary>Which kind of input showed a piece of evidence.</summary>
public enum EvidenceSource
{
    SeilConfig,
    StrongSwanConfig,
    SeilLog,
    CharonLog,
    Capture,

    /// <summary>A capture's key table (ikev1_decryption_table, esp_sa): neither a config nor a prediction.</summary>
    KeyTable,
}

/// <summary>
/// Whether the evidence was seen happening (a log line, a packet) or is what the configs predict.
/// Confidence in a diagnosis grows with observed evidence.
/// </summary>
public enum EvidenceKind
{
    Observed,
    Predicted,
}

/// <summary>
/// One piece of evidence behind a diagnosis: what was seen or predicted, in words and as an excerpt,
/// and where. <see cref="Excerpt"/> is the user's own text (a config line, a log line, a packet summary)
/// and may contain secrets: reporters redact it before printing. It is never translated; <see cref="Text"/>
/// is, when its producer wrote a Japanese variant (<see cref="TextJapanese"/>).
/// </summary>
public sealed record Evidence(
    EvidenceSource Source,
    EvidenceKind Kind,
    string Text,
    Location? Location = null,
    string? Excerpt = null,
    DateTimeOffset? Time = null)
{
    /// <summary>
    /// Evidence whose words are a phrase in both languages; <see cref="Text"/> stays the English. The parameters
    /// are named as the record's own, so named arguments (Excerpt: ...) work with either constructor.
    /// </summary>
    public Evidence(EvidenceSource Source, EvidenceKind Kind, LocalizedText Text, Location? Location = null, string? Excerpt = null, DateTimeOffset? Time = null)
        : this(Source, Kind, Text.English, Location, Excerpt, Time)
    {
        TextJapanese = Text.Japanese;
    }

    /// <summary><see cref="Text"/> in Japanese, when the producer wrote one (merging and tests compare the English).</summary>
    public string? TextJapanese { get; init; }

    public string GetText(string lang) => lang == "ja" && TextJapanese is not null ? TextJapanese : Text;
}
