using SeilDiag.Diagnostics;

namespace SeilDiag.Reporting;

/// <summary>
/// What every format shows of a diagnosis besides its message: how sure it is (<see cref="Diagnostic.Confidence"/>,
/// set by the correlator; null for lint) and which tunnel it is about (<see cref="Diagnostic.Tunnel"/>), in the
/// report's language, the tunnel's addresses through the same redactor as the rest of the report.
/// </summary>
internal static class DiagnosisFacts
{
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
}
