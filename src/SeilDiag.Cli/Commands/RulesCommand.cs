using System.CommandLine;
using System.Text.Json;
using SeilDiag.Diagnostics;

namespace SeilDiag.Cli.Commands;

/// <summary><c>seildiag rules [ID] [--format json]</c>: the rule catalogue, or one rule's page.</summary>
public static class RulesCommand
{
    public static Command Create(CliConsole console)
    {
        var id = new Argument<string?>("id") { Description = "A rule ID (SD1001) to show its page.", Arity = ArgumentArity.ZeroOrOne };
        var format = new Option<string>("--format", "-f") { Description = "text or json.", DefaultValueFactory = _ => "text" };
        format.AcceptOnlyFromAmong("text", "json");
        var lang = new Option<string>("--lang") { Description = "en or ja.", DefaultValueFactory = _ => "en" };
        lang.AcceptOnlyFromAmong("en", "ja");
        var command = new Command("rules", "List the rules, or show one rule's documentation.") { id, format, lang };
        command.SetAction(parse =>
        {
            var wanted = parse.GetValue(id);
            var json = parse.GetValue(format) == "json";
            var language = parse.GetValue(lang)!;
            if (wanted is null)
            {
                if (json)
                {
                    WriteJson(console.Out, Rules.All, language);
                }
                else
                {
                    foreach (var rule in Rules.All)
                    {
                        console.Out.WriteLine($"{rule.Id}  {rule.DefaultSeverity.ToName(),-7}  {rule.Category.ToString().ToLowerInvariant(),-9}  {rule.LocalizedTitle(language)}  ({rule.HelpPath})");
                    }
                }
                return ExitCodes.Clean;
            }
            var found = Rules.Find(wanted) ?? throw new UsageException($"no rule '{wanted}' (see 'seildiag rules')");
            if (json)
            {
                WriteJson(console.Out, [found], language);
                return ExitCodes.Clean;
            }
            var page = RulePages.Read(found);
            console.Out.WriteLine(page ?? $"{found.Id}: {found.LocalizedTitle(language)}\n\n{found.Description}");
            return ExitCodes.Clean;
        });
        return command;
    }

    private static void WriteJson(TextWriter output, IEnumerable<Rule> rules, string lang)
    {
        var list = rules.Select(r => new
        {
            id = r.Id,
            title = r.LocalizedTitle(lang),
            severity = r.DefaultSeverity.ToName(),
            category = r.Category.ToString().ToLowerInvariant(),
            help = r.HelpPath,
            tags = r.Tags,
        });
        output.WriteLine(JsonSerializer.Serialize(list, new JsonSerializerOptions { WriteIndented = true }));
    }
}

/// <summary>The rule pages ship next to the executable (copied from rules/ at build and pack time).</summary>
public static class RulePages
{
    public static string? Read(Rule rule)
    {
        var path = Path.Combine(AppContext.BaseDirectory, rule.HelpPath);
        return File.Exists(path) ? File.ReadAllText(path) : null;
    }
}
