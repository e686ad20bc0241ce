using SeilDiag.Analysis;
using SeilDiag.Diagnostics;
using SeilDiag.Text;

namespace SeilDiag.Tests.Core;

public class OptionsTests
{
    private static Diagnostic WeakAt(SourceText text, int line) =>
        Diagnostic.Create(Rules.WeakAlgorithm, Location.OnLine(text, line), "3des", "ike", "");

    [Fact]
    public void Severity_overrides_change_or_remove_findings_and_report_bad_lines()
    {
        var problems = new List<Diagnostic>();
        var options = AnalyzerOptions.Parse(SourceText.From(
            "# team policy\nSD4001.severity = error\nSD4003.severity = none\nSD9999.severity = error\nSD4002.severity = loud\nnonsense\n", ".seildiag"), problems);
        var text = SourceText.From("x\n", "a.conf");
        var applied = options.Apply([WeakAt(text, 1), Diagnostic.Create(Rules.ProposalNotStrict, null, "ike", "aes")]).ToList();
        Assert.Equal(Severity.Error, Assert.Single(applied).Severity);
        Assert.Equal(["SD0002", "SD0003", "SD0001"], problems.Select(p => p.Id));
        Assert.Equal(4, problems[0].Location!.Line);
        Assert.Equal(5, problems[1].Location!.Line);
        Assert.Equal(19, problems[1].Location!.Column);
    }

    [Fact]
    public void Inline_comment_suppresses_the_next_line_only_with_its_reason()
    {
        var text = SourceText.From("conn a\n    # seildiag-disable SD4001 -- the peer only speaks 3des\n    ike=3des-sha1-modp1024!\n    esp=3des-sha1!\n", "ipsec.conf");
        var result = Suppressions.Apply([WeakAt(text, 3), WeakAt(text, 4)], [text]);
        Assert.True(result[0].IsSuppressed);
        Assert.Equal("the peer only speaks 3des", result[0].SuppressionJustification);
        Assert.False(result[1].IsSuppressed);
    }

    [Fact]
    public void File_wide_suppression()
    {
        var text = SourceText.From("# seildiag-disable-file SD4001\nike=3des\nesp=3des\n", "ipsec.conf");
        Assert.All(Suppressions.Apply([WeakAt(text, 2), WeakAt(text, 3)], [text]), d => Assert.True(d.IsSuppressed));
    }

    [Fact]
    public void Every_rule_has_a_page_and_messages_in_both_languages()
    {
        foreach (var rule in Rules.All)
        {
            Assert.Matches(@"^SD\d{4}$", rule.Id);
            Assert.Equal(rule.Category, (RuleCategory)(rule.Id[2] - '0'));
            Assert.True(File.Exists(Path.Combine(SharedFiles.RepoRoot, rule.HelpPath)), $"missing {rule.HelpPath}");
            Assert.All(rule.Messages.Values, m => Assert.False(string.IsNullOrWhiteSpace(m.Japanese)));
        }
        Assert.Equal(Rules.All.Count, Rules.All.Select(r => r.Id).Distinct().Count());
    }
}
