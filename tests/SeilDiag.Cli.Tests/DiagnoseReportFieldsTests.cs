using System.Text.Json;

namespace SeilDiag.Tests.Cli;

/// <summary>
/// What the correlator concludes about a finding (how sure, which tunnel) reaches every format of the real
/// <c>diagnose</c>: lab 03's folder (capture, four charon logs, both configs) gives a DH-group mismatch seen in the
/// capture and the logs and predicted by the configs.
/// </summary>
public class DiagnoseReportFieldsTests
{
    private static string Lab03 => SharedFiles.Require("corpus", "lab", "03-phase1-dh-mismatch");

    [SkippableFact]
    public void Json_and_sarif_carry_confidence_and_tunnel_of_the_top_finding()
    {
        using var json = JsonDocument.Parse(CliRunner.Run("diagnose", "--format", "json", Lab03).Out);
        var top = json.RootElement.GetProperty("diagnostics")[0];
        Assert.Equal("SD1001", top.GetProperty("id").GetString());
        Assert.Equal("high", top.GetProperty("confidence").GetProperty("level").GetString());
        Assert.Contains("capture", top.GetProperty("confidence").GetProperty("reason").GetString());
        Assert.Equal(["10.0.0.1", "10.0.0.2"], top.GetProperty("tunnel").EnumerateArray().Select(a => a.GetString()!).ToArray());
        // The confidence is a field, not an evidence line any more.
        Assert.DoesNotContain(top.GetProperty("evidence").EnumerateArray(), e => e.GetProperty("text").GetString()!.StartsWith("confidence: ", StringComparison.Ordinal));

        using var sarif = JsonDocument.Parse(CliRunner.Run("diagnose", "--format", "sarif", Lab03).Out);
        var result = sarif.RootElement.GetProperty("runs")[0].GetProperty("results")[0];
        Assert.Equal(90, result.GetProperty("rank").GetDouble());
        Assert.Equal("high", result.GetProperty("properties").GetProperty("confidence").GetString());
        Assert.Equal(2, result.GetProperty("properties").GetProperty("tunnel").GetArrayLength());
    }

    [SkippableTheory]
    [InlineData("text", "en", "= confidence: high (", "= tunnel: 10.0.0.1 ⇔ 10.0.0.2")]
    [InlineData("markdown", "en", "- Confidence: **high** (", "- Tunnel: `10.0.0.1 ⇔ 10.0.0.2`")]
    [InlineData("html", "en", "<li>Confidence: <strong class=\"confidence-high\">high</strong> (", "<li>Tunnel: <code>10.0.0.1 ⇔ 10.0.0.2</code></li>")]
    [InlineData("text", "ja", "= 確度: 高 (", "= トンネル: 10.0.0.1 ⇔ 10.0.0.2")]
    [InlineData("markdown", "ja", "- 確度: **高** (", "- トンネル: `10.0.0.1 ⇔ 10.0.0.2`")]
    [InlineData("html", "ja", "<li>確度: <strong class=\"confidence-high\">高</strong> (", "<li>トンネル: <code>10.0.0.1 ⇔ 10.0.0.2</code></li>")]
    public void Human_formats_show_them_in_the_chosen_language(string format, string lang, string confidence, string tunnel)
    {
        var output = CliRunner.Run("diagnose", "--format", format, "--lang", lang, Lab03).Out;
        Assert.Contains(confidence, output);
        Assert.Contains(tunnel, output);
    }

    [SkippableFact]
    public void Redacted_addresses_name_the_tunnel_with_the_ladders_placeholders()
    {
        var output = CliRunner.Run("diagnose", "--format", "markdown", "--redact-addresses", Lab03).Out;
        Assert.DoesNotContain("10.0.0.1", output);
        var tunnel = System.Text.RegularExpressions.Regex.Match(output, @"- Tunnel: `(?<a>host-\d+) ⇔ (?<b>host-\d+)`");
        Assert.True(tunnel.Success, output);
        // The exchange tables' titles name the same two peers with the same placeholders.
        var exchanges = output[output.IndexOf("## Exchanges", StringComparison.Ordinal)..];
        Assert.Contains(tunnel.Groups["a"].Value, exchanges);
        Assert.Contains(tunnel.Groups["b"].Value, exchanges);
    }

    [Theory]
    [InlineData("markdown", "| strongSwan 5.9.8 |")]
    [InlineData("html", "<td>strongSwan 5.9.8</td>")]
    public void The_inputs_table_names_the_daemon_version_each_log_shows(string format, string cell)
    {
        var output = CliRunner.Run("diagnose", "--format", format, CliRunner.Example("lab-phase2-md5-rejected")).Out;
        // Both charon logs name their version at start-up; configs and the capture name none.
        Assert.Equal(2, output.Split(cell).Length - 1);
    }
}
