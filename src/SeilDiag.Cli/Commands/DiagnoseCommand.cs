using System.CommandLine;
using SeilDiag.Analyzers;
using SeilDiag.Cli.Output;

namespace SeilDiag.Cli.Commands;

/// <summary>
/// <c>seildiag diagnose FILE...</c>: the general entry. With the configs of both ends it predicts, per
/// direction, whether the tunnel comes up and why not; findings are ranked root cause first.
/// </summary>
public static class DiagnoseCommand
{
    public static Command Create(CliConsole console)
    {
        var files = new Argument<string[]>("files") { Description = "Configs of one or both ends (any order, kinds detected from content), a folder, or - for stdin.", Arity = ArgumentArity.OneOrMore };
        var options = new CommonOptions();
        var command = new Command("diagnose", "Say whether and why a SEIL ↔ strongSwan tunnel fails, with fixes for each side.") { files };
        options.AddTo(command);
        command.SetAction(parse =>
            new AnalysisRun(console, options.Read(parse), _ => ConfigAnalyzers.All, rankByCause: true).Execute(parse.GetValue(files)!));
        return command;
    }
}
