using System.Diagnostics;
using System.Text.RegularExpressions;
using System.Xml.Linq;
using SeilDiag.Diagnostics;
using SeilDiag.Reporting;

namespace SeilDiag.Tests.Core;

public class ReportingHtmlTests
{
    private static readonly Regex Arrow = new(@"<line class=""msg( failing)?""[^>]*>");

    [SkippableFact]
    public void Ladder_has_one_arrow_per_message_and_marks_the_no_proposal_chosen_notify()
    {
        var input = ReportingCases.Lab("04-phase2-md5-rejected", new Redactor([]));
        var html = ReportingCases.Render(new HtmlReporter(), input);
        var messages = input.ObservedSas.SelectMany(LadderSvg.Messages).ToList();
        Assert.True(messages.Count >= 9, $"expected MM1-6, QM1, two informationals; got {messages.Count}");
        var arrows = Arrow.Matches(html);
        Assert.Equal(messages.Count, arrows.Count);
        Assert.All(arrows, a => Assert.Contains("marker-end=\"url(#ladder", a.Value));
        var failing = arrows.Where(a => a.Groups[1].Success).ToList();
        var expected = messages.Count(m => m.Notifies.Contains("NO-PROPOSAL-CHOSEN"));
        Assert.Equal(1, expected);
        Assert.Single(failing);
        Assert.Contains("failing-label\"", html);
        Assert.Matches(@"failing-label[^>]*>Informational \[HASH N\] N\(NO-PROPOSAL-CHOSEN\)<", html);
        Assert.Contains("Quick Mode [HASH SA No ID ID]", html);
        // The Quick Mode arrow is initiator → responder (left to right); the notify comes back.
        Assert.Matches(@"<line class=""msg failing"" x1=""700""[^>]*x2=""220""", html);
    }

    [SkippableFact]
    public void Retransmissions_are_dashed_and_payload_malformed_is_failing()
    {
        var input = ReportingCases.Lab("08-psk-mismatch", new Redactor([]));
        var html = ReportingCases.Render(new HtmlReporter(), input);
        var messages = input.ObservedSas.SelectMany(LadderSvg.Messages).ToList();
        var arrows = Arrow.Matches(html);
        Assert.Equal(messages.Count, arrows.Count);
        var retransmissions = messages.Count(m => m.IsRetransmission);
        Assert.True(retransmissions > 0, "lab 08 retransmits MM5");
        Assert.Equal(retransmissions, arrows.Count(a => a.Value.Contains("stroke-dasharray")));
        var malformed = messages.Count(m => m.Notifies.Contains("PAYLOAD-MALFORMED"));
        Assert.True(arrows.Count(a => a.Groups[1].Success) >= malformed);
        Assert.Equal(input.ObservedSas.Count, Regex.Matches(html, "<svg ").Count);
    }

    [SkippableFact]
    public void Every_svg_is_well_formed_xml_and_the_file_is_self_contained()
    {
        var input = ReportingCases.Lab("04-phase2-md5-rejected", new Redactor([]));
        var html = ReportingCases.Render(new HtmlReporter(), input);
        foreach (Match svg in Regex.Matches(html, "<svg .*?</svg>", RegexOptions.Singleline))
        {
            var doc = XDocument.Parse(svg.Value);
            Assert.Equal("svg", doc.Root!.Name.LocalName);
        }
        Assert.DoesNotContain("<script", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotMatch(@"(src|href)\s*=\s*""?(https?:|//)", html);
        Assert.DoesNotContain("<link", html);
        Assert.StartsWith("<!DOCTYPE html>", html);
        Assert.Contains("<h2>Timeline</h2>", html);
        Assert.Contains("<h2>Clock offsets</h2>", html);
    }

    [Fact]
    public void User_text_is_html_escaped()
    {
        var d = Diagnostic.Create(Rules.Phase1ProposalMismatch, null, new LocalizedText("<b>x</b>", "<b>x</b>"))
            .WithEvidence(new Evidence(EvidenceSource.CharonLog, EvidenceKind.Observed, "<script>alert(1)</script>", null, "a & b \"<img src=x>\""));
        var html = ReportingCases.Render(new HtmlReporter(), new ReportInput { Diagnostics = [d], Redactor = new Redactor([]) });
        Assert.DoesNotContain("<script>", html);
        Assert.DoesNotContain("<img", html);
        Assert.DoesNotContain("<b>x</b>", html);
        Assert.Contains("&lt;script&gt;alert(1)&lt;/script&gt;", html);
        Assert.Contains("a &amp; b &quot;&lt;img src=x&gt;&quot;", html);
    }

    [SkippableFact]
    public void Opens_in_headless_chromium_without_errors()
    {
        const string chromium = "/usr/bin/chromium";
        Skip.IfNot(File.Exists(chromium), "Debian's chromium is not installed (apt-get install -y chromium)");
        var input = ReportingCases.Lab("04-phase2-md5-rejected", new Redactor([]));
        var html = ReportingCases.Render(new HtmlReporter(), input);
        var dir = Directory.CreateTempSubdirectory("seildiag-html-");
        try
        {
            var page = Path.Combine(dir.FullName, "report.html");
            File.WriteAllText(page, html);
            var shot = Path.Combine(dir.FullName, "shot.png");
            var start = new ProcessStartInfo(chromium)
            {
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                UseShellExecute = false,
            };
            foreach (var arg in new[]
            {
                "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
                "--disable-component-update", "--disable-sync", "--enable-logging=stderr", "--v=0",
                "--user-data-dir=" + Path.Combine(dir.FullName, "profile"), "--window-size=1000,1400",
                "--screenshot=" + shot, "--dump-dom", new Uri(page).AbsoluteUri,
            })
            {
                start.ArgumentList.Add(arg);
            }
            using var process = Process.Start(start)!;
            var stdout = process.StandardOutput.ReadToEndAsync();
            var stderr = process.StandardError.ReadToEndAsync();
            Assert.True(process.WaitForExit(TimeSpan.FromSeconds(90)), "chromium did not finish in 90 s");
            var dom = stdout.Result;
            var log = stderr.Result;
            Assert.Equal(0, process.ExitCode);
            Assert.DoesNotContain("Uncaught", log);
            Assert.DoesNotContain("ERROR:CONSOLE", log);
            // The DOM chromium built holds the ladder with every arrow: the file parsed as intended.
            var messages = input.ObservedSas.SelectMany(LadderSvg.Messages).Count();
            Assert.Equal(messages, Regex.Matches(dom, @"<line class=""msg( failing)?""").Count);
            Assert.Contains("SeilDiag report", dom);
            Assert.True(File.Exists(shot) && new FileInfo(shot).Length > 10_000, "screenshot was not written");
        }
        finally
        {
            dir.Delete(recursive: true);
        }
    }
}
