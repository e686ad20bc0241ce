using SeilDiag.Diagnostics;
using SeilDiag.Tests;

namespace SeilDiag.Logs.Tests;

/// <summary>The log excerpts of the seed article (seed-scenarios.md S3, S4, S5, S10), taken from the seed text itself.</summary>
public sealed class SeedScenarioTests
{
    private static string[] SeedLines() =>
        File.ReadAllLines(SharedFiles.Require("seed", "000_b3ea9c92e5d0cf72.txt"));

    /// <summary>The block from the line starting with <paramref name="first"/> to the next line starting with <paramref name="last"/>.</summary>
    private static string Block(string first, string last)
    {
        var lines = SeedLines();
        var start = Array.FindIndex(lines, l => l.StartsWith(first, StringComparison.Ordinal));
        Assert.True(start >= 0, $"seed has no line starting with '{first}'");
        var end = Array.FindIndex(lines, start + 1, l => l.StartsWith(last, StringComparison.Ordinal));
        Assert.True(end > start);
        return string.Join('\n', lines[start..(end + 1)]);
    }

    private static LogAnalysis Analyze(string name, string text) => LogFrontEnd.Analyze([LogInput.FromText(name, text)]);

    [SkippableFact]
    public void S3_Phase1DhGroupMismatchNamesTheGroupsAndOffersTheSecureFixFirst()
    {
        var text = Block("received packet: from 10.0.0.1[500] to 10.0.0.2[500] (164 bytes)", "sending packet:");
        var analysis = Analyze("s3.log", text);
        var d = Assert.Single(analysis.Diagnostics, x => x.Severity == Severity.Error);
        Assert.Equal("SD1001", d.Id);
        Assert.Equal("phase 1 proposal mismatch: DH group: received MODP_1024, configured MODP_1536", d.Message);
        Assert.Contains("DH グループ", d.GetMessage("ja"));
        Assert.Equal(FixSafety.KeepsSecurity, d.Fixes[0].Safety);
        Assert.Contains("interface.ipsec0.ike.proposal.phase1.dh-group: modp1536", d.Fixes[0].Title);
        Assert.Equal(FixSafety.WeakensSecurity, d.Fixes[1].Safety);
        Assert.Contains("ike=aes256-sha256-modp1024!", d.Fixes[1].Title);
        Assert.Contains(d.Evidence, e => e.Excerpt!.StartsWith("configured proposals:", StringComparison.Ordinal));
        // The article's "vvvvv" / "^^^^^" markers are not log lines: counted, not dropped.
        var unknown = Assert.Single(analysis.Diagnostics, x => x.Id == "SD0005");
        Assert.Equal(Severity.Info, unknown.Severity);
        Assert.Equal(2, analysis.Inputs[0].UnrecognizedCount);
        Assert.All(analysis.Unrecognized, u => Assert.True(u.Text is "vvvvv" or "^^^^^"));
    }

    [SkippableFact]
    public void S4_Phase2IntegrityMismatchPrefersHmacSha256OnSeil()
    {
        var text = Block("received packet: from 10.0.0.1[500] to 10.0.0.2[500] (172 bytes)", "sending packet:");
        var analysis = Analyze("s4.log", text);
        var d = Assert.Single(analysis.Diagnostics, x => x.Severity == Severity.Error);
        Assert.Equal("SD2001", d.Id);
        Assert.StartsWith("phase 2 proposal mismatch: integrity: received HMAC_MD5_96, configured HMAC_SHA2_256_128", d.Message);
        Assert.Contains("interface.ipsec0.ike.proposal.phase2.authentication.0.algorithm: hmac-sha256", d.Fixes[0].Title);
        Assert.Equal(FixSafety.KeepsSecurity, d.Fixes[0].Safety);
        Assert.Contains("esp=aes256-md5!", d.Fixes[1].Title);
        Assert.Equal(FixSafety.WeakensSecurity, d.Fixes[1].Safety);
    }

    [SkippableFact]
    public void S5_SeilShowLogMismatchedIdIsAPhase2ProxyIdProblem()
    {
        var lines = SeedLines().Where(l => System.Text.RegularExpressions.Regex.IsMatch(l, @"^\d+ Dec 17 \S+\s+info\s+ike racoon\[-\]: ")).ToList();
        Assert.Equal(8, lines.Count);
        var analysis = Analyze("seil-show-log.txt", string.Join('\n', lines));
        var d = Assert.Single(analysis.Diagnostics, x => x.Severity >= Severity.Warning);
        Assert.Equal("SD2003", d.Id);
        Assert.Equal(Severity.Error, d.Severity);
        Assert.Contains("mismatched ID was returned.", d.Message);
        Assert.Equal(3, d.Location!.Line);
        Assert.All(d.Evidence, e => Assert.Equal(EvidenceSource.SeilLog, e.Source));
        Assert.Contains("proxy-id.ipv4.local", d.Fixes[0].Title);
        Assert.Equal(FixSafety.WeakensSecurity, d.Fixes[^1].Safety);
        Assert.Empty(analysis.Unrecognized);
        var session = Assert.Single(analysis.Sessions);
        Assert.Equal("10.0.0.2", session.Remote!.Address.ToString());
        Assert.Equal("d8ad22e1602d929b:352dcafe83de1fa1", session.Cookies);
        var sa = Assert.Single(analysis.ObservedSas);
        Assert.Equal(0xd8ad22e1602d929bUL, sa.InitiatorCookie);
        Assert.Equal(EvidenceSource.SeilLog, sa.Source);
    }

    [SkippableFact]
    public void S10_AggressiveModePskRefusedFromWrappedCharonLines()
    {
        var lines = SeedLines().Where(l => l.StartsWith("00022358 ", StringComparison.Ordinal)).ToList();
        Assert.Equal(10, lines.Count);
        var analysis = Analyze("s10.log", string.Join('\n', lines));
        var d = Assert.Single(analysis.Diagnostics, x => x.Severity >= Severity.Warning);
        Assert.Equal("SD1004", d.Id);
        Assert.Contains("Aggressive Mode PSK disabled for security reasons", d.Message);
        Assert.Equal(FixSafety.KeepsSecurity, d.Fixes[0].Safety);
        Assert.Contains("exchange-mode", d.Fixes[0].Title);
        Assert.Equal(FixSafety.WeakensSecurity, d.Fixes[1].Safety);
        Assert.Contains("i_dont_care_about_security_and_use_aggressive_mode_psk", d.Fixes[1].Title);
        Assert.Empty(analysis.Unrecognized);
        Assert.Equal(Ike.ExchangeMode.Aggressive, Assert.Single(analysis.Sessions).Mode);
    }
}
