using SeilDiag.Diagnostics;

namespace SeilDiag.Reporting;

/// <summary>
/// What every format shows of a diagnosis besides its message: how sure it is and which tunnel it is about.
/// The correlator first wrote the confidence as an evidence line ("confidence: high (observed in ...)");
/// it now sets <see cref="Diagnostic.Confidence"/>. Both are read here so a report shows the confidence once,
/// as a field, whichever form it arrives in, and never again as a piece of evidence.
/// </summary>
internal static class DiagnosisFacts
{
    public const string LegacyConfidencePrefix = "confidence: ";

    /// <summary>The typed confidence, else the one parsed from a legacy evidence line, else null (lint, one source).</summary>
    public static DiagnosisConfidence? Confidence(Diagnostic d)
    {
        if (d.Confidence is { } typed)
        {
            return typed;
        }
        foreach (var e in d.Evidence)
        {
            if (ParseLegacy(e.Text) is { } parsed)
            {
                return parsed;
            }
        }
        return null;
    }

    /// <summary>The evidence to list: without the legacy confidence line, which is shown as the confidence field.</summary>
    public static IReadOnlyList<Evidence> Evidence(Diagnostic d) =>
        d.Evidence.Any(e => ParseLegacy(e.Text) is not null) ? d.Evidence.Where(e => ParseLegacy(e.Text) is null).ToList() : d.Evidence;

    /// <summary>"high", or 高 in Japanese.</summary>
    public static string LevelName(DiagnosisConfidence c, string lang) => lang != "ja" ? c.LevelName : c.Level switch
    {
        ConfidenceLevel.High => "高",
        ConfidenceLevel.Medium => "中",
        _ => "低",
    };

    /// <summary>"high (observed in the capture and both logs)" in the report's language.</summary>
    public static string ConfidenceText(DiagnosisConfidence c, string lang) => $"{LevelName(c, lang)} ({c.Reason.Get(lang)})";

    /// <summary>The tunnel's two addresses through the redactor (so --redact-addresses gives the report's host-N names), or null.</summary>
    public static IReadOnlyList<string>? TunnelAddresses(Diagnostic d, Redactor redactor) =>
        d.Tunnel is { } t ? [redactor.Redact(t.First.ToString()), redactor.Redact(t.Second.ToString())] : null;

    /// <summary>"10.0.0.1 ⇔ 10.0.0.2" (redacted), or null.</summary>
    public static string? TunnelText(Diagnostic d, Redactor redactor) =>
        TunnelAddresses(d, redactor) is { } pair ? $"{pair[0]} ⇔ {pair[1]}" : null;

    /// <summary>"confidence: high (…)" as the correlator wrote it before the typed field; the reason is English only.</summary>
    private static DiagnosisConfidence? ParseLegacy(string text)
    {
        if (!text.StartsWith(LegacyConfidencePrefix, StringComparison.Ordinal))
        {
            return null;
        }
        var rest = text[LegacyConfidencePrefix.Length..];
        var space = rest.IndexOf(' ');
        var word = space < 0 ? rest : rest[..space];
        ConfidenceLevel? level = word switch
        {
            "high" => ConfidenceLevel.High,
            "medium" => ConfidenceLevel.Medium,
            "low" => ConfidenceLevel.Low,
            _ => null,
        };
        if (level is null)
        {
            return null;
        }
        var reason = space < 0 ? "" : rest[(space + 1)..].Trim().TrimStart('(').TrimEnd(')');
        return new DiagnosisConfidence(level.Value, new LocalizedText(reason, reason));
    }
}
