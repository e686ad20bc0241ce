using System.Net;
using System.Text.Json;
using SeilDiag.Diagnostics;
using SeilDiag.Reporting;

namespace SeilDiag.Tests.Core;

/// <summary>
/// Every format shows a diagnosis' confidence and tunnel (typed fields set by the correlator), localised, with the
/// tunnel's addresses under the same --redact-addresses placeholders as the rest of the report.
/// </summary>
public class ReportingConfidenceTests
{
    private static readonly TunnelEndpoints LabTunnel = TunnelEndpoints.Of("10.0.0.2", "10.0.0.1")!;

    private static readonly DiagnosisConfidence Sure = new(ConfidenceLevel.High,
        new LocalizedText("observed in the capture and both logs, predicted by configs", "キャプチャと両方のログで観測、設定から予測"));

    /// <summary>Lab 03's real capture/log findings, the first one correlated (confidence and tunnel set).</summary>
    private static ReportInput Lab03(Redactor redactor, string lang = "en", Func<Diagnostic, Diagnostic>? top = null)
    {
        var real = ReportingCases.Lab("03-phase1-dh-mismatch", redactor, lang);
        Assert.NotEmpty(real.Diagnostics);
        var first = top?.Invoke(real.Diagnostics[0]) ?? real.Diagnostics[0].WithConfidence(Sure).WithTunnel(LabTunnel);
        return new ReportInput
        {
            Diagnostics = [first, .. real.Diagnostics.Skip(1).Select(d => d with { Confidence = null, Tunnel = null })],
            Documents = real.Documents,
            Redactor = redactor,
            Lang = lang,
            Inputs = real.Inputs,
            ObservedSas = real.ObservedSas,
            Timeline = real.Timeline,
        };
    }

    [SkippableFact]
    public void Json_has_confidence_and_tunnel_fields_and_null_when_unknown()
    {
        var json = ReportingCases.Render(new JsonReporter(), Lab03(new Redactor([])));
        using var doc = JsonDocument.Parse(json);
        var diagnostics = doc.RootElement.GetProperty("diagnostics");
        var first = diagnostics[0];
        Assert.Equal("high", first.GetProperty("confidence").GetProperty("level").GetString());
        Assert.Equal("observed in the capture and both logs, predicted by configs", first.GetProperty("confidence").GetProperty("reason").GetString());
        Assert.Equal(["10.0.0.1", "10.0.0.2"], first.GetProperty("tunnel").EnumerateArray().Select(a => a.GetString()!).ToArray());
        if (diagnostics.GetArrayLength() > 1)
        {
            Assert.Equal(JsonValueKind.Null, diagnostics[1].GetProperty("confidence").ValueKind);
            Assert.Equal(JsonValueKind.Null, diagnostics[1].GetProperty("tunnel").ValueKind);
        }
        // The v1 contract's fields are still there.
        Assert.Equal(1, doc.RootElement.GetProperty("version").GetInt32());
        Assert.True(first.TryGetProperty("evidence", out _) && first.TryGetProperty("locations", out _) && first.TryGetProperty("fixes", out _));

        var ja = JsonDocument.Parse(ReportingCases.Render(new JsonReporter(), Lab03(new Redactor([]), "ja"))).RootElement.GetProperty("diagnostics")[0];
        Assert.Equal("high", ja.GetProperty("confidence").GetProperty("level").GetString());
        Assert.Equal("キャプチャと両方のログで観測、設定から予測", ja.GetProperty("confidence").GetProperty("reason").GetString());
    }

    [SkippableFact]
    public async Task Sarif_has_rank_and_properties_and_still_validates()
    {
        var sarif = ReportingCases.Render(new SarifReporter(), Lab03(new Redactor([])));
        using var doc = JsonDocument.Parse(sarif);
        var results = doc.RootElement.GetProperty("runs")[0].GetProperty("results");
        var first = results[0];
        Assert.Equal(90, first.GetProperty("rank").GetDouble());
        var properties = first.GetProperty("properties");
        Assert.Equal("high", properties.GetProperty("confidence").GetString());
        Assert.Contains("both logs", properties.GetProperty("confidenceReason").GetString());
        Assert.Equal(["10.0.0.1", "10.0.0.2"], properties.GetProperty("tunnel").EnumerateArray().Select(a => a.GetString()!).ToArray());
        foreach (var other in results.EnumerateArray().Skip(1))
        {
            Assert.False(other.TryGetProperty("rank", out _), "an uncorrelated result has no rank (SARIF default -1)");
            Assert.False(other.GetProperty("properties").TryGetProperty("confidence", out _));
        }
        var schema = await NJsonSchema.JsonSchema.FromFileAsync(SharedFiles.Require("schemas", "sarif-schema-2.1.0.json"));
        var errors = schema.Validate(sarif);
        Assert.True(errors.Count == 0, string.Join("\n", errors.Select(e => $"{e.Path}: {e.Kind}")));
    }

    [Fact]
    public void Sarif_rank_orders_severity_before_confidence()
    {
        var ranks = new[]
        {
            SarifReporter.Rank(Severity.Error, ConfidenceLevel.High),
            SarifReporter.Rank(Severity.Error, ConfidenceLevel.Medium),
            SarifReporter.Rank(Severity.Error, ConfidenceLevel.Low),
            SarifReporter.Rank(Severity.Warning, ConfidenceLevel.High),
            SarifReporter.Rank(Severity.Warning, ConfidenceLevel.Low),
            SarifReporter.Rank(Severity.Info, ConfidenceLevel.High),
            SarifReporter.Rank(Severity.Info, ConfidenceLevel.Low),
        }.Select(r => r!.Value).ToList();
        Assert.Equal(ranks.OrderDescending(), ranks);
        Assert.Equal(ranks.Count, ranks.Distinct().Count());
        Assert.All(ranks, r => Assert.InRange(r, 0.0, 100.0));
        Assert.Null(SarifReporter.Rank(Severity.None, ConfidenceLevel.High));
    }

    [SkippableTheory]
    [InlineData("text", "en", "= confidence: high (observed in the capture and both logs, predicted by configs)", "= tunnel: 10.0.0.1 ⇔ 10.0.0.2")]
    [InlineData("text", "ja", "= 確度: 高 (キャプチャと両方のログで観測、設定から予測)", "= トンネル: 10.0.0.1 ⇔ 10.0.0.2")]
    [InlineData("markdown", "en", "- Confidence: **high** (observed in the capture and both logs, predicted by configs)", "- Tunnel: `10.0.0.1 ⇔ 10.0.0.2`")]
    [InlineData("markdown", "ja", "- 確度: **高** (キャプチャと両方のログで観測、設定から予測)", "- トンネル: `10.0.0.1 ⇔ 10.0.0.2`")]
    [InlineData("html", "en", "<li>Confidence: <strong class=\"confidence-high\">high</strong> (observed in the capture and both logs, predicted by configs)</li>", "<li>Tunnel: <code>10.0.0.1 ⇔ 10.0.0.2</code></li>")]
    [InlineData("html", "ja", "<li>確度: <strong class=\"confidence-high\">高</strong> (キャプチャと両方のログで観測、設定から予測)</li>", "<li>トンネル: <code>10.0.0.1 ⇔ 10.0.0.2</code></li>")]
    public void Human_formats_show_both_once_in_the_reports_language(string format, string lang, string confidence, string tunnel)
    {
        var report = ReportingCases.Render(Reporters.Find(format)!, Lab03(new Redactor([]), lang));
        Assert.Equal(1, Occurrences(report, confidence));
        Assert.Equal(1, Occurrences(report, tunnel));
        if (format != "text")
        {
            // The summary's top finding says how sure it is.
            var findings = lang == "ja" ? "診断結果" : "Findings";
            var heading = report.IndexOf(format == "html" ? $"<h2>{findings}</h2>" : $"## {findings}", StringComparison.Ordinal);
            Assert.True(heading > 0, "findings heading");
            Assert.Contains(lang == "ja" ? "確度: " : "Confidence: ", report[..heading]);
        }
        // Only the correlated finding carries them.
        var plain = ReportingCases.Render(Reporters.Find(format)!, Lab03(new Redactor([]), lang, d => d with { Confidence = null, Tunnel = null }));
        Assert.DoesNotContain(lang == "ja" ? "確度" : "onfidence", plain);
        Assert.DoesNotContain("⇔", plain);
    }

    [SkippableTheory]
    [InlineData("text")]
    [InlineData("json")]
    [InlineData("sarif")]
    [InlineData("markdown")]
    [InlineData("html")]
    public void Redacted_tunnel_uses_the_reports_placeholders(string format)
    {
        var addresses = new AddressRedactor();
        var report = ReportingCases.Render(Reporters.Find(format)!, Lab03(new Redactor([]).WithAddresses(addresses)));
        Assert.DoesNotContain("10.0.0.1", report);
        Assert.DoesNotContain("10.0.0.2", report);
        // The same mapping the ladders, excerpts and timeline of this report used: asking the redactor again gives the names it printed.
        var first = addresses.Redact("10.0.0.1");
        var second = addresses.Redact("10.0.0.2");
        Assert.Matches(@"^host-\d+$", first);
        Assert.NotEqual(first, second);
        if (format is "json" or "sarif")
        {
            using var doc = JsonDocument.Parse(report);
            var first0 = format == "json" ? doc.RootElement.GetProperty("diagnostics")[0] : doc.RootElement.GetProperty("runs")[0].GetProperty("results")[0].GetProperty("properties");
            var names = first0.GetProperty("tunnel").EnumerateArray().Select(a => a.GetString()!).ToList();
            Assert.Equal(2, names.Count);
            Assert.Contains(first, names);
            Assert.Contains(second, names);
        }
        else
        {
            Assert.True(report.Contains($"{first} ⇔ {second}", StringComparison.Ordinal) || report.Contains($"{second} ⇔ {first}", StringComparison.Ordinal), report);
        }
        if (format is "markdown" or "html")
        {
            // The ladder titles name the peers too: the tunnel field uses the very same placeholders.
            Assert.True(Occurrences(report, first) > 1 && Occurrences(report, second) > 1, "the placeholders are also used by the ladders");
        }
    }

    private static int Occurrences(string text, string value)
    {
        var count = 0;
        for (var i = text.IndexOf(value, StringComparison.Ordinal); i >= 0; i = text.IndexOf(value, i + value.Length, StringComparison.Ordinal))
        {
            count++;
        }
        return count;
    }

    [Fact]
    public void Tunnel_addresses_are_printed_lower_first_whatever_the_order_given()
    {
        var d = Diagnostic.Create(Rules.Phase1ProposalMismatch, null, new LocalizedText("x", "x"))
            .WithTunnel(TunnelEndpoints.Of(IPAddress.Parse("192.0.2.9"), IPAddress.Parse("::ffff:192.0.2.1")));
        var text = ReportingCases.Render(new TextReporter(), new ReportInput { Diagnostics = [d], Redactor = new Redactor([]) });
        Assert.Contains("= tunnel: 192.0.2.1 ⇔ 192.0.2.9", text);
    }

    [SkippableFact]
    public void Japanese_text_names_evidence_kinds_and_sources_in_japanese()
    {
        var input = Lab03(new Redactor([]), "ja");
        Assert.Contains(input.Diagnostics.SelectMany(d => d.Evidence), e => e.Source == EvidenceSource.CharonLog && e.Kind == EvidenceKind.Observed);
        var text = ReportingCases.Render(new TextReporter(), input);
        Assert.Contains("  = 観測, charon ログ [", text);
        Assert.DoesNotContain("observed, charon log", text);
    }
}
