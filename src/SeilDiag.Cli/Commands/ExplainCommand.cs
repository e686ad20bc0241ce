using System.CommandLine;
using SeilDiag.Analyzers;
using SeilDiag.Cli.Output;

namespace SeilDiag.Cli.Commands;

/// <summary>
/// <c>seildiag explain [FILE...]</c>: tells what each negotiation in the logs did, step by step, and the root
/// cause with its fix. Without files it reads a paste from stdin. Configs given alongside add their checks.
/// </summary>
public static class ExplainCommand
{
    public static Command Create(CliConsole console)
    {
        var files = new Argument<string[]>("files") { Description = "SEIL show log / racoon / charon logs (any mix), optionally configs; none = stdin.", Arity = ArgumentArity.ZeroOrMore };
        var options = new CommonOptions();
        var command = new Command("explain", "Explain racoon / SEIL and charon log lines: what happened, why it failed, how to fix it.") { files };
        options.AddTo(command);
        command.SetAction(parse =>
        {
            var paths = parse.GetValue(files) is { Length: > 0 } given ? given : ["-"];
            var settings = options.Read(parse);
            // A paste is a log unless the user says otherwise.
            if (paths is ["-"] && settings.Kind is null)
            {
                settings = settings with { Kind = Analysis.DocumentKind.CharonLog };
            }
            return new AnalysisRun(console, settings, _ => ConfigAnalyzers.All, rankByCause: true) { WithStories = true }.Execute(paths);
        });
        return command;
    }
}
