namespace SeilDiag.Tests.Cli;

public class ExplainAndCaptureTests
{
    [Fact]
    public void Explain_both_logs_of_the_bundled_lab_recording_names_the_phase2_mismatch()
    {
        var result = CliRunner.Run("explain", "--format", "json",
            CliRunner.Example("lab-phase2-md5-rejected", "seil-charon.log"), CliRunner.Example("lab-phase2-md5-rejected", "remote-charon.log"));
        Assert.Equal(1, result.ExitCode);
        using var doc = System.Text.Json.JsonDocument.Parse(result.Out);
        var top = doc.RootElement.GetProperty("diagnostics")[0];
        Assert.Equal("SD2001", top.GetProperty("id").GetString());
        Assert.Contains("HMAC_MD5_96", top.GetProperty("message").GetString());
    }

    [Fact]
    public void Explain_reads_a_paste_from_stdin_and_tells_the_story()
    {
        var paste = string.Join("\n", File.ReadLines(CliRunner.Example("lab-phase2-md5-rejected", "remote-charon.log")));
        var result = CliRunner.RunWithInput(paste, "explain");
        Assert.Equal(1, result.ExitCode);
        Assert.Contains("started Main Mode", result.Out);
        Assert.Contains("SD2001", result.Out);
    }

    [Fact]
    public void Capture_decrypts_the_bundled_recording_with_the_keys_next_to_it()
    {
        var result = CliRunner.Run("capture", "--format", "json", CliRunner.Example("lab-phase2-md5-rejected", "capture.pcap"));
        Assert.Equal(0, result.ExitCode);
        using var doc = System.Text.Json.JsonDocument.Parse(result.Out);
        var capture = doc.RootElement.GetProperty("capture");
        Assert.Equal(9, capture.GetProperty("frames").GetInt32());
        Assert.Equal(capture.GetProperty("encrypted").GetInt32(), capture.GetProperty("decrypted").GetInt32());
        Assert.Equal(5, capture.GetProperty("decrypted").GetInt32());
    }

    [Fact]
    public void Capture_of_a_text_file_is_unusable_input()
    {
        var result = CliRunner.Run("capture", CliRunner.Example("phase1-dh-mismatch", "seil.conf"));
        Assert.Equal(2, result.ExitCode);
        Assert.Contains("seil.conf", result.Error);
    }
}

public class TicketReportTests
{
    [Fact]
    public void Html_report_of_the_bundled_case_has_a_ladder_and_no_addresses_when_asked()
    {
        var result = CliRunner.Run("diagnose", "--format", "html", "--redact-addresses", CliRunner.Example("lab-phase2-md5-rejected"));
        Assert.Equal(1, result.ExitCode);
        Assert.StartsWith("<!DOCTYPE html>", result.Out.TrimStart(), StringComparison.OrdinalIgnoreCase);
        Assert.Contains("<svg", result.Out);
        Assert.Equal(9, System.Text.RegularExpressions.Regex.Matches(result.Out, "class=\"msg( [a-z]+)*\"").Count);
        Assert.Contains("failing", result.Out);
        Assert.DoesNotContain("10.0.0.1", result.Out);
        Assert.DoesNotContain("10.0.0.2", result.Out);
    }

    [Fact]
    public void Markdown_report_names_the_root_cause_first()
    {
        var result = CliRunner.Run("diagnose", "--format", "markdown", CliRunner.Example("lab-phase2-md5-rejected"));
        var first = result.Out.IndexOf("SD2001", StringComparison.Ordinal);
        Assert.True(first >= 0);
        Assert.True(first < result.Out.IndexOf("SD4001", StringComparison.Ordinal));
        Assert.Contains("| ", result.Out);
    }
}
