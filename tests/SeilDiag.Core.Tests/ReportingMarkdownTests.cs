using System.Text.RegularExpressions;
using SeilDiag.Diagnostics;
using SeilDiag.Model;
using SeilDiag.Reporting;
using SeilDiag.Text;

namespace SeilDiag.Tests.Core;

public class ReportingMarkdownTests
{
    private static readonly SourceText Seil = SourceText.From(
        "interface.ipsec0.ike.proposal.phase1.dh-group: modp1024\ninterface.ipsec0.ike.proposal.phase1.hash: md5\n", "seil|a.conf");

    private static ReportInput Synthetic(string lang = "en")
    {
        var span = new TextSpan(Seil.Text.IndexOf("modp1024", StringComparison.Ordinal), "modp1024".Length);
        var hash = new TextSpan(Seil.Text.IndexOf("md5", StringComparison.Ordinal), 3);
        var d = Diagnostic.Create(Rules.Phase1ProposalMismatch, Location.InText(Seil, span), new LocalizedText("DH group differs", "DH グループが異なります"))
            .WithEvidence(new Evidence(EvidenceSource.CharonLog, EvidenceKind.Observed, "received a|b `x` <y>", Location.LogLine("charon.log", 7), "line with | pipe and ``` fence"))
            .WithFixes(new CodeFix("set dh-group to modp2048", [TextEdit.Replace(Seil, span, "modp2048")]),
                new CodeFix("accept md5 on strongSwan", [TextEdit.Replace(Seil, hash, "sha1")], FixSafety.WeakensSecurity));
        return new ReportInput
        {
            Diagnostics = [Diagnostic.Create(Rules.Phase1ProposalMismatch, null, new LocalizedText("info first?", "情報")).WithSeverity(Severity.Info), d],
            Documents = [Seil],
            Lang = lang,
            Redactor = new Redactor([]),
            Inputs = [new InputSummary("seil|a.conf", "SEIL config", "seil3 | 7.10")],
            Timeline = [new TimelineEntry(new DateTimeOffset(2026, 11, 28, 0, 35, 41, TimeSpan.Zero), EvidenceSource.CharonLog, "sent N(NO_PROP) | x", Location.LogLine("charon.log", 9)) { RuleId = "SD1001" }],
            ClockOffsets = [new ClockOffset("charon.log", TimeSpan.FromMilliseconds(-1500), 3, "cookies")],
        };
    }

    /// <summary>Cells of a GFM table row, split on unescaped pipes.</summary>
    private static string[] Cells(string row) => Regex.Split(row.Trim().Trim('|'), @"(?<!\\)\|");

    [Fact]
    public void Tables_keep_their_column_count_whatever_the_user_text_holds()
    {
        var md = ReportingCases.Render(new MarkdownReporter(), Synthetic());
        var rows = md.Split('\n').Where(l => l.StartsWith('|')).ToList();
        Assert.NotEmpty(rows);
        var tables = md.Split("\n\n").Where(b => b.StartsWith('|')).ToList();
        Assert.Equal(4, tables.Count); // inputs, evidence, timeline, clock offsets
        foreach (var table in tables)
        {
            var lines = table.Split('\n', StringSplitOptions.RemoveEmptyEntries);
            var width = Cells(lines[0]).Length;
            Assert.All(lines, l => Assert.Equal(width, Cells(l).Length));
        }
        Assert.Contains(@"received a\|b \`x\` \<y\>", md);
        Assert.Contains(@"| seil\|a.conf | SEIL config | seil3 \| 7.10 |", md);
    }

    [Fact]
    public void Top_finding_comes_first_and_fixes_are_diffs_with_weakening_flagged()
    {
        var md = ReportingCases.Render(new MarkdownReporter(), Synthetic());
        Assert.Contains("**1 error(s), 0 warning(s), 1 info**", md);
        Assert.Contains("Top finding: **SD1001**", md);
        Assert.True(md.IndexOf("DH group differs", StringComparison.Ordinal) < md.IndexOf("info first?", StringComparison.Ordinal));
        Assert.Contains("```diff\n", md);
        Assert.Contains("+interface.ipsec0.ike.proposal.phase1.dh-group: modp2048", md);
        Assert.Contains("2. accept md5 on strongSwan (⚠ **weakens security**)", md);
        Assert.DoesNotContain("1. set dh-group to modp2048 (", md);
        // The excerpt holds a ``` run: its fence must be longer so the excerpt cannot close it.
        Assert.Contains("````\nline with | pipe and ``` fence\n````", md);
        // The excerpt is labelled with its evidence row's number and location.
        Assert.Contains("| 1 | observed | charon log | charon.log:7:1 |", md);
        Assert.Contains("**[1]** `charon.log:7:1`\n\n````\nline with", md);
        Assert.Contains(@"| 2026-11-28 00:35:41.000 | charon log | charon.log:9:1 | **SD1001** sent N\(NO\_PROP\) \| x |".Replace(@"\(", "(").Replace(@"\)", ")"), md);
        Assert.Contains("| charon.log | -1.500 s | 3 | cookies |", md);
    }

    [Fact]
    public void Japanese_headings_and_titles_come_from_the_rule_records()
    {
        var md = ReportingCases.Render(new MarkdownReporter(), Synthetic("ja"));
        Assert.Contains("# SeilDiag 診断レポート", md);
        Assert.Contains("## 診断結果", md);
        Assert.Contains($"### SD1001 {Rules.Phase1ProposalMismatch.TitleJa} (error)", md);
        Assert.Contains("DH グループが異なります", md);
        Assert.Contains("セキュリティが低下します", md);
        Assert.Contains("## タイムライン", md);
    }

    [SkippableFact]
    public void Real_case_lists_inputs_every_diagnosis_and_the_whole_timeline()
    {
        var input = ReportingCases.Lab("04-phase2-md5-rejected", new Redactor([]));
        var md = ReportingCases.Render(new MarkdownReporter(), input);
        Assert.NotEmpty(input.Diagnostics);
        foreach (var d in input.Diagnostics)
        {
            Assert.Contains($"### {d.Id} {d.Rule.Title}", md);
        }
        Assert.Contains("SD2001", md);
        Assert.Contains("HMAC\\_MD5\\_96", md);
        var timelineRows = md.Split('\n').Count(l => Regex.IsMatch(l, @"^\| \d{4}-\d\d-\d\d \d\d:\d\d:\d\d\.\d{3} \| (capture|charon log|SEIL log) \|"));
        Assert.Equal(input.Timeline.Count, timelineRows);
        Assert.True(input.Timeline.Count >= 9);
        Assert.Contains("| charon log | 5.9.8 |", md);
        // The exchange table: one row per observed message, the NO-PROPOSAL-CHOSEN one marked failing.
        var messages = input.ObservedSas.SelectMany(LadderSvg.Messages).ToList();
        var messageRows = md.Split('\n').Where(l => Regex.IsMatch(l, @"^\| [^|]* \| [^|]* \| (→|←) \|")).ToList();
        Assert.Equal(messages.Count, messageRows.Count);
        var failing = Assert.Single(messageRows, l => l.Contains("✗ failing", StringComparison.Ordinal));
        Assert.Contains("N(NO-PROPOSAL-CHOSEN)", failing);
        Assert.Contains("| ← |", failing);
    }
}
