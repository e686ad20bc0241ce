using SeilDiag.Diagnostics;
using SeilDiag.Reporting;
using SeilDiag.Text;

namespace SeilDiag.Tests.Core;

public class ReporterTests
{
    private static readonly SourceText Seil = SourceText.From(
        "interface.ipsec0.preshared-key: hunter2secret\ninterface.ipsec0.ike.proposal.phase1.dh-group: modp1024\n", "seil.conf");

    private static Diagnostic Sample()
    {
        var span = new TextSpan(Seil.Text.IndexOf("modp1024", StringComparison.Ordinal), "modp1024".Length);
        return Diagnostic.Create(Rules.Phase1ProposalMismatch, Location.InText(Seil, span),
                new LocalizedText("DH group differs", "DH グループが異なります"))
            .WithEvidence(new Evidence(EvidenceSource.SeilConfig, EvidenceKind.Predicted, "SEIL offers MODP_1024", Location.OnLine(Seil, 1),
                "interface.ipsec0.preshared-key: hunter2secret"))
            .WithFixes(new CodeFix("set dh-group to modp1536", [TextEdit.Replace(Seil, span, "modp1536")]));
    }

    private static string Render(IReporter reporter, Redactor redactor, string lang = "en")
    {
        var writer = new StringWriter();
        reporter.Write(new ReportInput { Diagnostics = [Sample()], Documents = [Seil], Redactor = redactor, Lang = lang }, writer);
        return writer.ToString();
    }

    [Fact]
    public void Text_is_compiler_style_with_caret_under_the_span_and_the_fix_as_a_diff()
    {
        var text = Render(new TextReporter(), new Redactor(["hunter2secret"]));
        Assert.Contains("seil.conf:2:48: error SD1001: phase 1 proposal mismatch: DH group differs", text);
        Assert.Contains("  2 | interface.ipsec0.ike.proposal.phase1.dh-group: modp1024", text);
        Assert.Contains("    | " + new string(' ', 47) + "^^^^^^^^", text);
        Assert.Contains("+interface.ipsec0.ike.proposal.phase1.dh-group: modp1536", text);
        Assert.Contains("help: rules/SD1001.md", text);
    }

    [Theory]
    [InlineData("text")]
    [InlineData("json")]
    [InlineData("sarif")]
    [InlineData("markdown")]
    [InlineData("html")]
    public void Secrets_are_redacted_in_every_format_unless_asked(string format)
    {
        var reporter = Reporters.Find(format)!;
        Assert.DoesNotContain("hunter2secret", Render(reporter, new Redactor([])));
        Assert.Contains("hunter2secret", Render(reporter, Redactor.None));
    }

    [Fact]
    public void Japanese_messages_come_from_the_same_rule_record()
    {
        var text = Render(new TextReporter(), new Redactor([]), "ja");
        Assert.Contains("フェーズ1 プロポーザル不一致: DH グループが異なります", text);
    }

    [Fact]
    public void Json_follows_the_contract()
    {
        using var doc = System.Text.Json.JsonDocument.Parse(Render(new JsonReporter(), new Redactor([])));
        var root = doc.RootElement;
        Assert.Equal(1, root.GetProperty("version").GetInt32());
        var d = root.GetProperty("diagnostics")[0];
        Assert.Equal("SD1001", d.GetProperty("id").GetString());
        Assert.Equal("error", d.GetProperty("severity").GetString());
        var location = d.GetProperty("locations")[0];
        Assert.Equal(2, location.GetProperty("line").GetInt32());
        Assert.Equal(48, location.GetProperty("column").GetInt32());
        Assert.Equal(56, location.GetProperty("endColumn").GetInt32());
        var edit = d.GetProperty("fixes")[0].GetProperty("edits")[0];
        Assert.Equal("modp1536", edit.GetProperty("newText").GetString());
        Assert.Equal("predicted", d.GetProperty("evidence")[0].GetProperty("kind").GetString());
    }

    [SkippableFact]
    public async Task Sarif_validates_against_the_official_schema()
    {
        var schemaPath = SharedFiles.Require("schemas", "sarif-schema-2.1.0.json");
        var schema = await NJsonSchema.JsonSchema.FromFileAsync(schemaPath);
        var suppressed = Sample() with { IsSuppressed = true, SuppressionJustification = "lab only" };
        var writer = new StringWriter();
        new SarifReporter().Write(new ReportInput { Diagnostics = [Sample(), suppressed], Documents = [Seil] }, writer);
        var errors = schema.Validate(writer.ToString());
        Assert.True(errors.Count == 0, string.Join("\n", errors.Select(e => $"{e.Path}: {e.Kind}")));
        Assert.Contains("\"ruleId\": \"SD1001\"", writer.ToString());
        Assert.Contains("\"justification\": \"lab only\"", writer.ToString());
    }
}
