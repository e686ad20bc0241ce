using SeilDiag.Cli;

namespace SeilDiag.Tests.Cli;

/// <summary>Runs the real command tree in-process and captures what a user would see.</summary>
public sealed record CliResult(int ExitCode, string Out, string Error);

public static class CliRunner
{
    public static CliResult Run(params string[] args) => RunWithInput("", args);

    public static CliResult RunWithInput(string stdin, params string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        var code = CliApp.Run(args, new CliConsole(output, error, new StringReader(stdin)));
        return new CliResult(code, output.ToString(), error.ToString());
    }

    /// <summary>A fresh folder under the test's temp dir, with the given files.</summary>
    public static string Folder(params (string Name, string Content)[] files)
    {
        var dir = Path.Combine(Path.GetTempPath(), "seildiag-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(dir);
        foreach (var (name, content) in files)
        {
            File.WriteAllText(Path.Combine(dir, name), content);
        }
        return dir;
    }

    public static string Example(params string[] parts) => Path.Combine([SharedFiles.RepoRoot, "examples", .. parts]);
}
