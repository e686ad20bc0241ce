namespace SeilDiag.Tests.Cli;

public class DiagnoseCommandTests
{
    [Fact]
    public void Bundled_example_finds_the_dh_group_mismatch_first_with_a_fix_for_each_side()
    {
        var result = CliRunner.Run("diagnose", "--format", "json", CliRunner.Example("phase1-dh-mismatch"));
        Assert.Equal(1, result.ExitCode);
        using var doc = System.Text.Json.JsonDocument.Parse(result.Out);
        var top = doc.RootElement.GetProperty("diagnostics")[0];
        Assert.Equal("SD1001", top.GetProperty("id").GetString());
        Assert.Contains("MODP_1024", top.GetProperty("message").GetString());
        Assert.Contains("MODP_1536", top.GetProperty("message").GetString());
        var fixes = top.GetProperty("fixes").EnumerateArray().ToList();
        Assert.True(fixes.Count >= 2);
        Assert.False(fixes[0].GetProperty("weakensSecurity").GetBoolean());
        Assert.Contains(fixes, f => f.GetProperty("weakensSecurity").GetBoolean());
        Assert.DoesNotContain("example-psk-change-me", result.Out);
    }

    [Fact]
    public void Applying_the_preferred_fixes_leaves_no_error()
    {
        var dir = CliRunner.Folder();
        foreach (var file in new[] { "seil.conf", "ipsec.conf", "ipsec.secrets" })
        {
            File.Copy(CliRunner.Example("phase1-dh-mismatch", file), Path.Combine(dir, file));
        }
        var result = CliRunner.Run("diagnose", "--fix", dir);
        Assert.Equal(0, result.ExitCode);
        Assert.Contains("modp1536", File.ReadAllText(Path.Combine(dir, "seil.conf")));
        Assert.Contains("tunnel comes up", result.Out);
    }

    [Fact]
    public void Japanese_output()
    {
        var result = CliRunner.Run("diagnose", "--lang", "ja", CliRunner.Example("phase1-dh-mismatch"));
        Assert.Contains("フェーズ1 プロポーザル不一致", result.Out);
    }
}
