namespace SeilDiag.Tests.Cli;

public class LintCommandTests
{
    private const string SeilWithTypo =
        "interface.ipsec0.ipv4.source: 10.0.0.1\n" +
        "interface.ipsec0.ipv4.destination: 10.0.0.2\n" +
        "interface.ipsec0.preshared-key: lint-test-psk\n" +
        "interface.ipsec0.ike.proposal.phase1.encyption.0.algorithm: aes256\n";

    [Fact]
    public void Typo_gets_a_compiler_style_diagnostic_with_did_you_mean()
    {
        var dir = CliRunner.Folder(("router.conf", SeilWithTypo));
        var result = CliRunner.Run("lint", Path.Combine(dir, "router.conf"));
        Assert.Equal(0, result.ExitCode); // SD0002 is a warning; --fail-on defaults to error
        Assert.Matches(@"router\.conf:4:\d+: warning SD0002: .*encyption.*did you mean.*encryption", result.Out);
        Assert.DoesNotContain("lint-test-psk", result.Out);
        var strict = CliRunner.Run("lint", "--fail-on", "warning", Path.Combine(dir, "router.conf"));
        Assert.Equal(1, strict.ExitCode);
    }

    [Fact]
    public void Stray_colon_line_is_reported_at_its_column_and_the_rest_is_analysed()
    {
        var dir = CliRunner.Folder(("seil.conf",
            "route.ipv4.1.destination:   : 192.168.2.0/24\n" +
            "route.ipv4.1.gateway:       : ipsec0\n" +
            "interface.ipsec0.ike.proposal.phase1.dh-group: modp9999\n"));
        var result = CliRunner.Run("lint", "--format", "json", Path.Combine(dir, "seil.conf"));
        Assert.Equal(1, result.ExitCode);
        using var doc = System.Text.Json.JsonDocument.Parse(result.Out);
        var ids = doc.RootElement.GetProperty("diagnostics").EnumerateArray()
            .Select(d => (Id: d.GetProperty("id").GetString(), Line: d.GetProperty("locations")[0].GetProperty("line").GetInt32())).ToList();
        Assert.Contains(("SD0001", 1), ids);
        Assert.Contains(("SD0003", 3), ids);
    }

    [SkippableFact]
    public async Task Sarif_output_validates_against_the_official_schema()
    {
        var schema = await NJsonSchema.JsonSchema.FromFileAsync(SharedFiles.Require("schemas", "sarif-schema-2.1.0.json"));
        var result = CliRunner.Run("lint", "--format", "sarif", CliRunner.Example("phase1-dh-mismatch", "seil.conf"), CliRunner.Example("phase1-dh-mismatch", "ipsec.conf"));
        var errors = schema.Validate(result.Out);
        Assert.True(errors.Count == 0, string.Join("\n", errors.Select(e => $"{e.Path}: {e.Kind}")));
        Assert.Contains("\"ruleId\": \"SD4001\"", result.Out);
    }

    [Fact]
    public void Fix_writes_the_edit_and_the_fixed_diagnostic_is_gone()
    {
        var dir = CliRunner.Folder(("ipsec.conf", "conn a\n    left=10.0.0.2\n    right=10.0.0.1\n    keyexchange=ikev1\n    authby=secret\n    ike=aes256-sha256-modp2048\n    auto=add\n"));
        var path = Path.Combine(dir, "ipsec.conf");
        var before = CliRunner.Run("lint", "--format", "json", path);
        Assert.Contains("\"SD4003\"", before.Out);
        var fix = CliRunner.Run("lint", "--fix", "--format", "json", path);
        Assert.Contains("fixed", fix.Error);
        Assert.Contains("ike=aes256-sha256-modp2048!", File.ReadAllText(path));
        Assert.DoesNotContain("\"SD4003\"", fix.Out);
        // Every other byte is unchanged.
        Assert.Equal("conn a\n    left=10.0.0.2\n    right=10.0.0.1\n    keyexchange=ikev1\n    authby=secret\n    ike=aes256-sha256-modp2048\n    auto=add\n", File.ReadAllText(path).Replace("modp2048!", "modp2048"));
    }

    [Fact]
    public void Severity_override_file_next_to_the_input_is_honoured()
    {
        var dir = CliRunner.Folder(("ipsec.conf", "conn a\n    left=10.0.0.2\n    right=10.0.0.1\n    keyexchange=ikev1\n    authby=secret\n    ike=aes256-sha256-modp2048\n    auto=add\n"),
            (".seildiag", "SD4003.severity = error\n"));
        var result = CliRunner.Run("lint", Path.Combine(dir, "ipsec.conf"));
        Assert.Equal(1, result.ExitCode);
        Assert.Contains("error SD4003", result.Out);
    }

    [Fact]
    public void Empty_file_is_not_a_crash()
    {
        var dir = CliRunner.Folder(("empty.conf", ""));
        var result = CliRunner.Run("lint", "--kind", "seil8", Path.Combine(dir, "empty.conf"));
        Assert.True(result.ExitCode is 0 or 1);
        Assert.DoesNotContain("   at ", result.Error);
    }

    [Fact]
    public void Include_loop_and_missing_include_are_diagnostics()
    {
        var dir = CliRunner.Folder(
            ("ipsec.conf", "include a.conf\ninclude missing.conf\n"),
            ("a.conf", "include ipsec.conf\n"));
        var result = CliRunner.Run("lint", "--kind", "ipsec.conf", Path.Combine(dir, "ipsec.conf"));
        Assert.Equal(1, result.ExitCode);
        Assert.Contains("SD0004", result.Out);
        Assert.Contains("missing.conf", result.Out);
    }
}
