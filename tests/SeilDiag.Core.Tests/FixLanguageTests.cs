using System.Text.Json;
using SeilDiag.Diagnostics;
using SeilDiag.Reporting;
using SeilDiag.Text;

namespace SeilDiag.Tests.Core;

/// <summary>A fix's title and explanation are phrases: each reporter prints them in the report's language.</summary>
public class FixLanguageTests
{
    private static readonly SourceText Conf = SourceText.From("conn x\n    esp=aes256-md5!\n", "ipsec.conf");

    private static ReportInput Input(string lang)
    {
        var span = new TextSpan(Conf.Text.IndexOf("aes256-md5!", StringComparison.Ordinal), "aes256-md5!".Length);
        var fix = new CodeFix(
            new LocalizedText("strongSwan: accept the proposal of the peer", "strongSwan: 対向のプロポーザルを受け入れます"),
            [TextEdit.Replace(Conf, span, "aes256-sha256!")], FixSafety.WeakensSecurity,
            new LocalizedText("This accepts a weak algorithm.", "弱いアルゴリズムを受け入れることになります。"));
        var diagnostic = Diagnostic.Create(Rules.Phase2ProposalMismatch, Location.InText(Conf, span), new LocalizedText("differs", "不一致")).WithFixes(fix);
        return new ReportInput { Diagnostics = [diagnostic], Documents = [Conf], Lang = lang };
    }

    [Fact]
    public void A_plain_string_fix_reads_the_same_in_both_languages()
    {
        var fix = CodeFix.Advice("SEIL: interface.ipsec0.ike.proposal.phase1.dh-group = modp1536", explanation: "why");
        Assert.Equal(fix.Title, fix.GetTitle("ja"));
        Assert.Equal("why", fix.GetExplanation("ja"));
        Assert.Null(CodeFix.Advice("x").GetExplanation("ja"));
    }

    [Theory]
    [InlineData("text")]
    [InlineData("markdown")]
    [InlineData("html")]
    [InlineData("json")]
    [InlineData("sarif")]
    public void Every_reporter_prints_the_fix_in_the_report_language(string format)
    {
        var reporter = Reporters.Find(format)!;
        var ja = Strings(format, ReportingCases.Render(reporter, Input("ja")));
        var en = Strings(format, ReportingCases.Render(reporter, Input("en")));
        Assert.Contains("strongSwan: 対向のプロポーザルを受け入れます", ja);
        Assert.DoesNotContain("accept the proposal of the peer", ja);
        Assert.Contains("strongSwan: accept the proposal of the peer", en);
        Assert.DoesNotContain("対向", en);
        if (format != "sarif")
        {
            // SARIF has no place for a fix's explanation.
            Assert.Contains("弱いアルゴリズムを受け入れることになります。", ja);
            Assert.Contains("This accepts a weak algorithm.", en);
        }
    }

    /// <summary>JSON escapes non-ASCII text: compare its string values; other formats as they are.</summary>
    private static string Strings(string format, string output)
    {
        if (format is not ("json" or "sarif"))
        {
            return output;
        }
        using var json = JsonDocument.Parse(output);
        var values = new List<string>();
        void Collect(JsonElement e)
        {
            switch (e.ValueKind)
            {
                case JsonValueKind.String: values.Add(e.GetString()!); break;
                case JsonValueKind.Array: foreach (var item in e.EnumerateArray()) Collect(item); break;
                case JsonValueKind.Object: foreach (var p in e.EnumerateObject()) Collect(p.Value); break;
            }
        }
        Collect(json.RootElement);
        return string.Join("\n", values);
    }
}
