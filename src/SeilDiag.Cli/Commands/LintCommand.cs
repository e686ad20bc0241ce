using System.CommandLine;
using SeilDiag.Analyzers;
using SeilDiag.Cli.Output;

namespace SeilDiag.Cli.Commands;

/// <summary><c>seildiag lint FILE...</c>: config rules only, each file on its own merits, compiler-style.</summary>
public static class LintCommand
{
    public static Command Create(CliConsole console)
    {
        var files = new Argument<string[]>("files") { Description = "SEIL configs (seil8 or seil3), ipsec.conf, ipsec.secrets, strongswan.conf; a folder; or - for stdin.", Arity = ArgumentArity.OneOrMore };
        var options = new CommonOptions();
        var command = new Command("lint", "Check configuration files before deploying them.") { files };
        options.AddTo(command);
        command.SetAction(parse =>
            new AnalysisRun(console, options.Read(parse), _ => ConfigAnalyzers.Lint, rankByCause: false).Execute(parse.GetValue(files)!));
        return command;
    }
}
