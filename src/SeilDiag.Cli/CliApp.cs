using System.CommandLine;
using SeilDiag.Cli.Commands;
using SeilDiag.Text;

namespace SeilDiag.Cli;

/// <summary>
/// The command tree. Every command shares the output options; each command's action does the work and
/// returns the exit code. Anything unusable surfaces as <see cref="InputException"/> or
/// <see cref="UsageException"/> and becomes one clear line on stderr with exit code 2 — never a stack trace.
/// </summary>
public static class CliApp
{
    public static int Run(string[] args, CliConsole console)
    {
        var root = new RootCommand("seildiag: diagnose IKEv1/IPsec between IIJ SEIL (racoon) and strongSwan from configs, logs and captures.");
        root.Subcommands.Add(LintCommand.Create(console));
        root.Subcommands.Add(DiagnoseCommand.Create(console));
        root.Subcommands.Add(ExplainCommand.Create(console));
        root.Subcommands.Add(CaptureCommand.Create(console));
        root.Subcommands.Add(RulesCommand.Create(console));

        var parse = root.Parse(args);
        if (parse.Errors.Count > 0)
        {
            foreach (var error in parse.Errors)
            {
                console.Error.WriteLine($"seildiag: error: {error.Message}");
            }
            console.Error.WriteLine("Try 'seildiag --help'.");
            return ExitCodes.UsageOrInput;
        }
        try
        {
            return parse.Invoke(new InvocationConfiguration { Output = console.Out, Error = console.Error, EnableDefaultExceptionHandler = false });
        }
        catch (InputException ex)
        {
            console.Error.WriteLine($"seildiag: error: {ex.Message}");
            return ExitCodes.UsageOrInput;
        }
        catch (UsageException ex)
        {
            console.Error.WriteLine($"seildiag: error: {ex.Message}");
            return ExitCodes.UsageOrInput;
        }
        catch (IOException ex)
        {
            console.Error.WriteLine($"seildiag: error: {ex.Message}");
            return ExitCodes.UsageOrInput;
        }
        catch (UnauthorizedAccessException ex)
        {
            console.Error.WriteLine($"seildiag: error: {ex.Message}");
            return ExitCodes.UsageOrInput;
        }
    }
}

/// <summary>A wrong combination of options or arguments that the parser cannot see.</summary>
public sealed class UsageException(string message) : Exception(message);
