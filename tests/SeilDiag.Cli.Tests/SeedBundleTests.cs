namespace SeilDiag.Tests.Cli;

/// <summary>
/// The seed article's scenarios as a support desk would receive them: the SEIL and strongSwan configs as the
/// article prints them, the one ipsec.secrets line, and the article's own log excerpt of the failure, given to
/// `seildiag diagnose` as one folder. The expected root cause must come first (docs/seed-scenarios.md).
/// </summary>
public class SeedBundleTests
{
    private static string[] Article() => File.ReadAllLines(SharedFiles.Require("seed", "000_b3ea9c92e5d0cf72.txt"));

    private static string Lines(string[] article, int from, int to, Func<string, bool>? keep = null) =>
        string.Concat(article[(from - 1)..to].Where(keep ?? (_ => true)).Select(l => l + "\n"));

    /// <summary>Consecutive "interface."/"route." lines from <paramref name="line"/>: one SEIL listing.</summary>
    private static string Seil(string[] article, int line) =>
        string.Concat(article.Skip(line - 1).TakeWhile(l => l.StartsWith("interface.", StringComparison.Ordinal) || l.StartsWith("route.", StringComparison.Ordinal)).Select(l => l + "\n"));

    /// <summary>The ipsec.conf listing after <paramref name="line"/>: "conn %default" to the next blank line.</summary>
    private static string IpsecConf(string[] article, int line) =>
        string.Concat(article.Skip(line - 1).SkipWhile(l => !l.StartsWith("conn %default", StringComparison.Ordinal)).TakeWhile(l => l.Trim().Length > 0).Select(l => l + "\n"));

    private static bool NotMarker(string line) => line.Trim() is not ("vvvvv" or "^^^^^") && line.Trim().Length > 0;

    [SkippableTheory]
    // S3: SEIL proposes MODP_1024 only; the charon excerpt shows received/configured proposals and NO_PROP.
    [InlineData(292, null, 501, 509, "SD1001", "MODP_1024")]
    // S4: ESP with HMAC-MD5; the charon excerpt refuses it.
    [InlineData(602, null, 640, 648, "SD2001", "HMAC_MD5_96")]
    // S5: no proxy-id on SEIL; SEIL's show log says "mismatched ID was returned."
    [InlineData(655, null, 752, 759, "SD2003", null)]
    // S10: Aggressive Mode from the SEIL; charon (with the article's unknown prefix) refuses it.
    [InlineData(163, "interface.ipsec0.ike.exchange-mode : aggressive\n", 1028, 1038, "SD1004", null)]
    public void Seed_case_folder_names_the_articles_root_cause_first(int seilLine, string? extraSeil, int logFrom, int logTo, string expected, string? named)
    {
        var article = Article();
        var dir = CliRunner.Folder(
            ("seil.conf", Seil(article, seilLine) + (extraSeil ?? "")),
            ("ipsec.conf", IpsecConf(article, seilLine)),
            ("ipsec.secrets", "10.0.0.1 : PSK xeeB5gohvaYi\n"),
            ("pasted.log", Lines(article, logFrom, logTo, NotMarker)));
        var result = CliRunner.Run("diagnose", "--format", "json", dir);
        Assert.Equal(1, result.ExitCode);
        using var doc = System.Text.Json.JsonDocument.Parse(result.Out);
        var top = doc.RootElement.GetProperty("diagnostics")[0];
        Assert.Equal(expected, top.GetProperty("id").GetString());
        if (named is not null)
        {
            Assert.Contains(named, top.GetProperty("message").GetString());
        }
        // The pasted log is evidence of the same diagnosis, not a second finding.
        Assert.Contains(top.GetProperty("evidence").EnumerateArray(), e => e.GetProperty("kind").GetString() == "observed");
        Assert.Single(doc.RootElement.GetProperty("diagnostics").EnumerateArray(), d => d.GetProperty("id").GetString() == expected);
        Assert.DoesNotContain("xeeB5gohvaYi", result.Out);
    }

    [SkippableFact]
    public void Seed_minimal_tunnel_is_clean()
    {
        var article = Article();
        var dir = CliRunner.Folder(("seil.conf", Seil(article, 163)), ("ipsec.conf", IpsecConf(article, 163)), ("ipsec.secrets", "10.0.0.1 : PSK xeeB5gohvaYi\n"));
        var result = CliRunner.Run("diagnose", "--format", "json", dir);
        using var doc = System.Text.Json.JsonDocument.Parse(result.Out);
        // The tunnel comes up; the only error is the article's stray colon on its first line, reported precisely.
        Assert.Contains(doc.RootElement.GetProperty("summary").EnumerateArray(), l => l.GetString()!.Contains("tunnel comes up with"));
        var error = Assert.Single(doc.RootElement.GetProperty("diagnostics").EnumerateArray(), d => d.GetProperty("severity").GetString() == "error");
        Assert.Equal("SD0001", error.GetProperty("id").GetString());
        Assert.Equal(1, error.GetProperty("locations")[0].GetProperty("line").GetInt32());
    }
}
