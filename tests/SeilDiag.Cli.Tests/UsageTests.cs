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
