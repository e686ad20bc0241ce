using SeilDiag.Diagnostics;
using SeilDiag.Tests;

namespace SeilDiag.Logs.Tests;

/// <summary>Catalogue messages (log-catalog.md §2) give their rule; a mixed paste of both daemons is read line by line.</summary>
public sealed class CatalogueTests
{
    private static LogAnalysis Analyze(string text) => LogFrontEnd.Analyze([LogInput.FromText("paste.txt", text)]);

    [Theory]
    [InlineData("no IKE config found for 10.0.0.2...10.0.0.1, sending NO_PROPOSAL_CHOSEN", "SD1007", "error")]
    [InlineData("IDir '192.168.0.10' does not match to 'seil.example.jp'", "SD1003", "error")]
    [InlineData("no shared key found for '10.0.0.2'[10.0.0.2] - '10.0.0.1'[10.0.0.1]", "SD1006", "error")]
    [InlineData("destroying duplicate IKE_SA for peer '10.0.0.1', received INITIAL_CONTACT", "SD3007", "info")]
    [InlineData("DPD check timed out, enforcing DPD action", "SD3003", "warning")]
    [InlineData("no matching CHILD_SA config found for 0.0.0.0/0 === 0.0.0.0/0", "SD2003", "error")]
    public void CharonMessageGivesItsRule(string message, string rule, string severity)
    {
        var analysis = Analyze("Dec 17 13:46:58 07[IKE] <seil-a|3> " + message);
        var d = Assert.Single(analysis.Diagnostics);
        Assert.Equal(rule, d.Id);
        Assert.Equal(severity, d.Severity.ToName());
        Assert.Equal(1, d.Location!.Line);
        Assert.Equal("paste.txt", d.Location.Path);
    }

    [Fact]
    public void JournalShortIsoWithZone()
    {
        var analysis = Analyze("2024-05-01T10:00:00+0900 vpn charon-systemd[812]: Aggressive Mode PSK disabled for security reasons");
        var d = Assert.Single(analysis.Diagnostics);
        Assert.Equal("SD1004", d.Id);
        Assert.Equal(TimeSpan.FromHours(9), d.Evidence[0].Time!.Value.Offset);
    }

    [SkippableFact]
    public void MixedPasteOfSeilAndCharonLinesIsReadPerLine()
    {
        var seed = File.ReadAllLines(SharedFiles.Require("seed", "000_b3ea9c92e5d0cf72.txt"));
        var seil = seed.Where(l => System.Text.RegularExpressions.Regex.IsMatch(l, @"^\d+ Dec 17 .*racoon\[-\]: "));
        var charon = seed.Where(l => l.StartsWith("00022358 ", StringComparison.Ordinal));
        var mixed = seil.Zip(charon, (a, b) => a + "\n" + b).Concat(["some text the user pasted by mistake"]);
        var analysis = Analyze(string.Join('\n', mixed));
        Assert.Contains(analysis.Diagnostics, d => d.Id == "SD2003" && d.Evidence.All(e => e.Source == EvidenceSource.SeilLog));
        Assert.Contains(analysis.Diagnostics, d => d.Id == "SD1004" && d.Evidence.All(e => e.Source == EvidenceSource.CharonLog));
        var unknown = Assert.Single(analysis.Diagnostics, d => d.Id == "SD0005");
        Assert.Equal("1 of 17 lines in this log were not recognised (first at line 17)", unknown.Message);
    }
}
