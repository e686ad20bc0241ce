using SeilDiag.Diagnostics;
using SeilDiag.Seil.Recipe;
using SeilDiag.Seil.Syntax;
using SeilDiag.Text;

namespace SeilDiag.Seil.Commands;

/// <summary>
/// Recognises the seil3 commands SeilDiag models and reads their options against <see cref="CommandSpec"/>:
/// unknown commands and options are SD0002 (with the nearest name), missing values SD0001, bad values SD0003.
/// Other known commands are kept as they are.
/// </summary>
internal sealed class CommandReader(SourceText text, List<Diagnostic> diagnostics)
{
    private static readonly string[] IkeSubcommands = ["preshared-key", "proposal", "peer"];

    public List<Seil3Command> Read(IReadOnlyList<SeilLine> lines)
    {
        var commands = new List<Seil3Command>();
        foreach (var line in lines)
        {
            if (line is SeilErrorLine error)
            {
                diagnostics.Add(error.Error);
            }
            if (line is SeilCommandLine command && Read(command) is { } parsed)
            {
                commands.Add(parsed);
            }
        }
        return commands;
    }

    private Seil3Command? Read(SeilCommandLine line)
    {
        var t = line.Tokens;
        string At(int i) => i < t.Count ? t[i].Value : "";
        switch (At(0))
        {
            case "ike" when At(1) == "proposal" && At(2) == "add":
                return Named(line, Seil3CommandKind.IkeProposal, 3, CommandSpec.IkeProposal);
            case "ike" when At(1) == "peer" && At(2) == "add":
                return Named(line, Seil3CommandKind.IkePeer, 3, CommandSpec.IkePeer);
            case "ike" when At(1) == "preshared-key" && At(2) == "add":
                return Positional(line, Seil3CommandKind.IkePresharedKey, 3, 2, "ike preshared-key add <peer> <key>");
            case "ike" when At(1) is "proposal" or "peer" or "preshared-key":
                return null;
            case "ike" when t.Count >= 2:
                if (CommandSpec.IkeGlobal.TryGetValue(At(1), out var spec))
                {
                    var command = new Seil3Command(line, Seil3CommandKind.IkeGlobal) { Name = t[1] };
                    ReadOption(command, spec, 1, "ike");
                    return command;
                }
                Unknown(t[1], new LocalizedText("ike parameter", "ike パラメータ"), At(1), IkeSubcommands.Concat(CommandSpec.IkeGlobal.Keys));
                return null;
            case "ipsec" when At(1) == "security-association" && At(2) == "proposal" && At(3) == "add":
                return Named(line, Seil3CommandKind.SaProposal, 4, CommandSpec.SaProposal);
            case "ipsec" when At(1) == "security-association" && At(2) == "add":
                return Named(line, Seil3CommandKind.SecurityAssociation, 3, CommandSpec.SecurityAssociation);
            case "ipsec" when At(1) == "security-policy" && At(2) == "add":
                return Named(line, Seil3CommandKind.SecurityPolicy, 3, CommandSpec.SecurityPolicy);
            case "interface" when At(2) == "tunnel":
                return Positional(line, Seil3CommandKind.InterfaceTunnel, 3, 2, "interface <ipsecN> tunnel <source> <destination>");
            case "route" when At(1) == "add":
                return Positional(line, Seil3CommandKind.RouteAdd, 2, 2, "route add <destination> <gateway>");
        }
        if (!SeilDetector.Seil3Commands.Contains(At(0)))
        {
            Unknown(t[0], new LocalizedText("command", "コマンド"), At(0), SeilDetector.Seil3Commands);
        }
        return null;
    }

    private Seil3Command? Named(SeilCommandLine line, Seil3CommandKind kind, int nameAt, IReadOnlyDictionary<string, OptionSpec> specs)
    {
        var t = line.Tokens;
        if (t.Count <= nameAt)
        {
            var head = string.Join(' ', t.Select(x => x.Value));
            MissingValue(line, new LocalizedText($"a name after '{head}'", $"'{head}' の後の名前"));
            return null;
        }
        var command = new Seil3Command(line, kind) { Name = t[nameAt] };
        var what = string.Join(' ', t.Take(nameAt).Select(x => x.Value));
        var i = nameAt + 1;
        while (i < t.Count)
        {
            if (!specs.TryGetValue(t[i].Value, out var spec))
            {
                // A stray word right after a pre-shared key is most likely the rest of an unquoted key: never echo it.
                var secret = i >= 2 && t[i - 2].Value == "preshared-key";
                Unknown(t[i], new LocalizedText($"option of '{what}'", $"'{what}' のオプション"), secret ? "<redacted>" : t[i].Value, specs.Keys);
                // An unknown option most likely takes one value; but when the next token is an option name, this
                // one was a stray word (an unquoted value with a blank), so resume there.
                i += i + 1 < t.Count && specs.ContainsKey(t[i + 1].Value) ? 1 : 2;
                continue;
            }
            i = ReadOption(command, spec, i, what);
        }
        return command;
    }

    /// <summary>Reads option <paramref name="spec"/> whose name is token <paramref name="at"/>; returns the index after its values.</summary>
    private int ReadOption(Seil3Command command, OptionSpec spec, int at, string what)
    {
        var t = command.Line.Tokens;
        var count = spec.Arity switch
        {
            OptionArity.Identifier => at + 1 < t.Count && t[at + 1].Value is "fqdn" or "user-fqdn" ? 2 : 1,
            OptionArity.Endpoints => at + 1 < t.Count && t[at + 1].Value is "dynamic" or "auto" ? 1 : 2,
            OptionArity.Flag => 0,
            _ => 1,
        };
        if (at + count >= t.Count)
        {
            MissingValue(command.Line, count == 2
                ? new LocalizedText($"two values after '{spec.Name}'", $"'{spec.Name}' の後の 2 つの値")
                : new LocalizedText($"a value after '{spec.Name}'", $"'{spec.Name}' の後の値"));
            return t.Count;
        }
        var values = t.Skip(at + 1).Take(count).ToList();
        var valid = true;
        if (spec.Arity == OptionArity.Identifier && values[0].Value is not ("address" or "fqdn" or "user-fqdn"))
        {
            valid = false;
            Invalid(values[0], $"{what} {spec.Name}", SeilValueType.Keywords("address", "fqdn", "user-fqdn").Check(values[0].Value)!);
        }
        else if (spec.Arity == OptionArity.One && spec.Type.Check(values[0].Value) is { } problem)
        {
            valid = false;
            Invalid(values[0], $"{what} {spec.Name}", problem);
        }
        if (command.Options.ContainsKey(spec.Name))
        {
            diagnostics.Add(Diagnostic.Create(Rules.DuplicateKey, Location.InText(text, t[at].Span), $"{what} {spec.Name}", command.Line.LineNumber));
        }
        command.Options[spec.Name] = new Seil3Option(t[at], values, valid);
        return at + 1 + count;
    }

    private Seil3Command? Positional(SeilCommandLine line, Seil3CommandKind kind, int first, int count, string usage)
    {
        var t = line.Tokens;
        if (t.Count < first + count)
        {
            MissingValue(line, new LocalizedText(usage, usage));
            return null;
        }
        return new Seil3Command(line, kind) { Name = t[1], Arguments = [.. t.Skip(first)] };
    }

    private void Invalid(SeilToken token, string what, ValueProblem problem)
    {
        var diagnostic = Diagnostic.Create(Rules.InvalidValue, Location.InText(text, token.Span), token.Value, what, problem.Reason);
        if (problem.Suggestion is { } suggestion)
        {
            diagnostic = diagnostic.WithFixes(new CodeFix(new LocalizedText($"Use '{suggestion}'", $"'{suggestion}' を使います"), [TextEdit.Replace(text, token.Span, suggestion)]));
        }
        diagnostics.Add(diagnostic);
    }

    private void Unknown(SeilToken token, LocalizedText kind, string word, IEnumerable<string> candidates)
    {
        var nearest = Suggestions.Nearest(word, candidates);
        var hint = nearest is null
            ? new LocalizedText("", "")
            : new LocalizedText($"; did you mean '{nearest}'?", $"。'{nearest}' の誤りでは?");
        var diagnostic = Diagnostic.Create(Rules.UnknownKey, Location.InText(text, token.Span), kind, word, hint);
        if (nearest is not null)
        {
            diagnostic = diagnostic.WithFixes(new CodeFix(new LocalizedText($"Use '{nearest}'", $"'{nearest}' を使います"), [TextEdit.Replace(text, token.Span, nearest)]));
        }
        diagnostics.Add(diagnostic);
    }

    private void MissingValue(SeilCommandLine line, LocalizedText expected) =>
        diagnostics.Add(Diagnostic.Create(Rules.SyntaxError, Location.InText(text, new TextSpan(line.Span.End, 0)),
            new LocalizedText($"unexpected the end of the line; expected {expected.English}", $"予期しない行末です。{expected.Japanese} が必要です")));
}
