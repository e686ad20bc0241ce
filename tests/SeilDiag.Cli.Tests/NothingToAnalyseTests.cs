namespace SeilDiag.Tests.Cli;

/// <summary>
/// Inputs that hold nothing SeilDiag can read are an error (exit 2) naming what was given, never "0 errors":
/// a clean report over inputs that were never analysed would be read as a clean bill of health.
/// </summary>
public class NothingToAnalyseTests
{
    [Fact]
    public void An_empty_folder_is_exit_2_naming_the_folder()
    {
        var dir = CliRunner.Folder();
        var result = CliRunner.Run("diagnose", dir);
        Assert.Equal(2, result.ExitCode);
        Assert.Contains(dir, result.Error);
        Assert.Contains("holds no files", result.Error);
        Assert.Equal("", result.Out);
    }

    [Fact]
    public void A_folder_of_notes_only_is_exit_2_and_lists_the_files()
    {
        var dir = CliRunner.Folder(("notes.txt", "called the customer, tunnel down since Monday\n"));
        var result = CliRunner.Run("diagnose", dir);
        Assert.Equal(2, result.ExitCode);
        Assert.Contains("notes.txt: not a config, log, capture or key table", result.Error);
        Assert.Contains("nothing to analyse", result.Error);
    }

    [Fact]
    public void An_empty_paste_is_exit_2()
    {
        var result = CliRunner.RunWithInput("\n  \n", "explain");
        Assert.Equal(2, result.ExitCode);
        Assert.Contains("stdin is empty", result.Error);
    }

    [Fact]
    public void One_recognised_file_beside_unknown_ones_is_analysed()
    {
        var dir = CliRunner.Folder(
            ("notes.txt", "called the customer\n"),
            ("ipsec.conf", "conn a\n  keyexchange=ikev1\n  left=10.0.0.2\n  right=10.0.0.1\n  authby=secret\n  auto=add\n"));
        var result = CliRunner.Run("lint", dir);
        Assert.NotEqual(2, result.ExitCode);
        Assert.Contains("notes.txt: not a config", result.Error);
    }
}
