namespace SeilDiag.Tests.Cli;

public class UsageTests
{
    [Fact]
    public void Unknown_option_exits_2_without_a_stack_trace()
    {
        var result = CliRunner.Run("lint", "--frobnicate", "x.conf");
        Assert.Equal(2, result.ExitCode);
        Assert.Contains("--frobnicate", result.Error);
        Assert.DoesNotContain("   at ", result.Error);
    }

    [Fact]
    public void Missing_file_names_the_file_and_exits_2()
    {
        var result = CliRunner.Run("lint", "/nonexistent/router.conf");
        Assert.Equal(2, result.ExitCode);
        Assert.Contains("/nonexistent/router.conf: file not found", result.Error);
    }

    [Fact]
    public void Binary_file_is_refused_with_exit_2()
    {
        var dir = CliRunner.Folder();
        var path = Path.Combine(dir, "blob.conf");
        File.WriteAllBytes(path, [0x7f, 0x45, 0x4c, 0x46, 0, 0, 1, 2]);
        var result = CliRunner.Run("lint", path);
        Assert.Equal(2, result.ExitCode);
        Assert.Contains("blob.conf", result.Error);
        Assert.Contains("binary", result.Error);
    }

    [Fact]
    public void Bad_format_value_is_a_usage_error()
    {
        var result = CliRunner.Run("lint", "--format", "xml", "x.conf");
        Assert.Equal(2, result.ExitCode);
    }
}

public class ProgressTests
{
    [Fact]
    public void Progress_goes_to_a_terminal_stderr_only_and_is_erased()
    {
        var output = new StringWriter();
        var error = new StringWriter();
        var code = SeilDiag.Cli.CliApp.Run(["diagnose", "-f", "json", CliRunner.Example("lab-phase2-md5-rejected")],
            new SeilDiag.Cli.CliConsole(output, error, new StringReader(""), OutputIsTerminal: false, ErrorIsTerminal: true));
        Assert.Equal(1, code);
        Assert.Contains("decrypting capture.pcap", error.ToString());
        Assert.EndsWith("\r", error.ToString());
        Assert.DoesNotContain("seildiag:", output.ToString());
        var quiet = new StringWriter();
        SeilDiag.Cli.CliApp.Run(["diagnose", "-q", "-f", "json", CliRunner.Example("lab-phase2-md5-rejected")],
            new SeilDiag.Cli.CliConsole(new StringWriter(), quiet, new StringReader(""), OutputIsTerminal: false, ErrorIsTerminal: true));
        Assert.Equal("", quiet.ToString());
    }
}
