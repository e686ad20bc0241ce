using SeilDiag.Diagnostics;
using SeilDiag.Model;
using SeilDiag.Reporting;

namespace SeilDiag.Tests.Core;

/// <summary>A log nothing tied to the others has no offset: the tables say so instead of showing a zero that reads as "in sync".</summary>
public class ReportingClockOffsetTests
{
    private static ReportInput Input(string lang, Redactor redactor) => new()
    {
        Diagnostics = [Diagnostic.Create(Rules.PeerNotResponding, null, "10.0.0.2", new LocalizedText("x", "x"))],
        Lang = lang,
        Redactor = redactor,
        ClockOffsets =
        [
            new ClockOffset("remote-charon.log", TimeSpan.FromSeconds(32437), 4, "remote-charon.log is 9 h 0 m 37 s ahead of capture.pcap")
            {
                MethodJapanese = "remote-charon.log は capture.pcap より 9 h 0 m 37 s 進んでいます",
            },
            new ClockOffset("seil.log", TimeSpan.Zero, 0, "nothing ties seil.log to 10.0.0.1's other sources", Estimated: false),
        ],
    };

    [Theory]
    [InlineData("markdown", "en", "| remote-charon.log | +32437.000 s | 4 |", "| seil.log | not estimated | 0 |")]
    [InlineData("markdown", "ja", "| remote-charon.log | +32437.000 s | 4 |", "| seil.log | 推定できず | 0 |")]
    [InlineData("html", "en", "<td>remote-charon.log</td><td>+32437.000 s</td><td>4</td>", "<td>seil.log</td><td>not estimated</td><td>0</td>")]
    [InlineData("html", "ja", "<td>remote-charon.log</td><td>+32437.000 s</td><td>4</td>", "<td>seil.log</td><td>推定できず</td><td>0</td>")]
    public void Unestimated_offset_is_not_a_zero(string format, string lang, string estimated, string unestimated)
    {
        var report = ReportingCases.Render(Reporters.Find(format)!, Input(lang, new Redactor([])));
        Assert.Contains(estimated, report);
        Assert.Contains(unestimated, report);
        Assert.DoesNotContain("+0.000 s", report);
    }

    [Fact]
    public void Text_output_says_how_each_log_was_placed_before_the_findings()
    {
        var report = ReportingCases.Render(new TextReporter(), Input("en", new Redactor([])));
        var lines = report.Split('\n');
        Assert.Equal("clock offsets: remote-charon.log is 9 h 0 m 37 s ahead of capture.pcap", lines[0]);
        Assert.Equal("clock offsets: nothing ties seil.log to 10.0.0.1's other sources", lines[1]);
        Assert.True(report.IndexOf("clock offsets:", StringComparison.Ordinal) < report.IndexOf("SD3002", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("markdown")]
    [InlineData("html")]
    [InlineData("text")]
    public void The_method_is_in_the_reports_language_where_one_was_written(string format)
    {
        var report = ReportingCases.Render(Reporters.Find(format)!, Input("ja", new Redactor([])));
        Assert.Contains("remote-charon.log は capture.pcap より 9 h 0 m 37 s 進んでいます", report);
        Assert.DoesNotContain("is 9 h 0 m 37 s ahead", report);
        // A method written only in English is shown in English rather than not at all.
        Assert.Contains("nothing ties seil.log", report);
    }

    [Theory]
    [InlineData("markdown")]
    [InlineData("html")]
    [InlineData("text")]
    public void The_method_text_goes_through_the_redactor(string format)
    {
        var report = ReportingCases.Render(Reporters.Find(format)!, Input("en", new Redactor([]).WithAddresses(new AddressRedactor())));
        Assert.DoesNotContain("10.0.0.1", report);
        Assert.Contains("host-", report);
    }
}
