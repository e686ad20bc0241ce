using SeilDiag.Diagnostics;
using SeilDiag.StrongSwan.Proposals;
using SeilDiag.StrongSwan.Syntax;
using SeilDiag.Text;

namespace SeilDiag.StrongSwan.Conns;

/// <summary>
/// Checks every parameter line of every conn section (%default included) once, where it is written: unknown keys
/// (SD0002 with the nearest known key), values strongSwan rejects (SD0003), and ike=/esp= without '!' (SD4003).
/// </summary>
public static class ConnValidator
{
    private static readonly LocalizedText ConnParameter = new("conn parameter", "conn パラメータ");

    public static void Validate(IEnumerable<IpsecConfSection> sections, List<Diagnostic> diagnostics)
    {
        foreach (var section in sections)
        {
            foreach (var line in section.Parameters)
            {
                switch (section.Kind)
                {
                    case IpsecConfSectionKind.Conn:
                        Check(line, diagnostics);
                        break;
                    case IpsecConfSectionKind.Setup:
                        CheckSetup(line, diagnostics);
                        break;
                }
            }
        }
    }

    private static readonly LocalizedText SetupParameter = new("config setup parameter", "config setup パラメータ");

    private static void CheckSetup(IpsecConfLine line, List<Diagnostic> diagnostics)
    {
        var key = line.Key!;
        var keySpan = line.Find(IpsecConfTokenKind.Key)!.Value;
        if (ConnKeys.SetupKeys.Contains(key))
        {
            return;
        }
        if (ConnKeys.Deprecated.TryGetValue(key, out var instead))
        {
            diagnostics.Add(Diagnostic.Create(Rules.DeprecatedKey, Location.InText(line.Document, keySpan), key, instead));
            return;
        }
        var nearest = Suggestions.Nearest(key, ConnKeys.SetupKeys);
        diagnostics.Add(Diagnostic.Create(Rules.UnknownKey, Location.InText(line.Document, keySpan), SetupParameter, key,
            nearest is null && ConnKeys.Known.Contains(key)
                ? new LocalizedText($"; '{key}' is a conn parameter", $"。'{key}' は conn のパラメータです")
                : Phrases.DidYouMean(nearest)));
    }

    private static void Check(IpsecConfLine line, List<Diagnostic> diagnostics)
    {
        var key = line.Key!;
        var document = line.Document;
        var keySpan = line.Find(IpsecConfTokenKind.Key)!.Value;
        if (ConnKeys.Deprecated.TryGetValue(key, out var instead))
        {
            diagnostics.Add(Diagnostic.Create(Rules.DeprecatedKey, Location.InText(document, keySpan), key, instead));
            return;
        }
        if (!ConnKeys.Known.Contains(key))
        {
            var nearest = Suggestions.Nearest(key, ConnKeys.Known);
            var diagnostic = Diagnostic.Create(Rules.UnknownKey, Location.InText(document, keySpan), ConnParameter, key,
                Phrases.DidYouMean(nearest));
            if (nearest is not null)
            {
                diagnostic = diagnostic.WithFixes(new CodeFix(new LocalizedText($"Rename '{key}' to '{nearest}'", $"'{key}' を '{nearest}' に変更します"), [TextEdit.Replace(document, keySpan, nearest)]));
            }
            diagnostics.Add(diagnostic);
            return;
        }
        var value = line.Value;
        var valueSpan = line.ValueSpan;
        var problem = ConnKeys.Check(key, value);
        if (problem is not null)
        {
            var span = new TextSpan(valueSpan.Start + Math.Min(problem.Offset, value.Length), Math.Min(problem.Length, Math.Max(0, value.Length - problem.Offset)));
            var bad = document[span];
            var message = problem.Suggestion is null ? problem.Message : Phrases.WithSuggestion(problem.Message, problem.Suggestion);
            var diagnostic = Diagnostic.Create(Rules.InvalidValue, Location.InText(document, span), bad, key, message);
            if (problem.Suggestion is not null)
            {
                diagnostic = diagnostic.WithFixes(new CodeFix(new LocalizedText($"Replace '{bad}' with '{problem.Suggestion}'", $"'{bad}' を '{problem.Suggestion}' に置き換えます"), [TextEdit.Replace(document, span, problem.Suggestion)]));
            }
            diagnostics.Add(diagnostic);
            return;
        }
        if (key is "ike" or "esp" && value.Length > 0)
        {
            var list = StrongSwanProposals.Parse(value, key == "ike" ? ProposalProtocol.Ike : ProposalProtocol.Esp);
            if (!list.Strict)
            {
                var where = Location.InText(document, valueSpan);
                var end = valueSpan.Start + value.TrimEnd().Length;
                diagnostics.Add(Diagnostic.Create(Rules.ProposalNotStrict, where, key, value)
                    .WithFixes(new CodeFix(new LocalizedText($"Append '!' to {key}= so strongSwan uses only these proposals", $"{key}= の末尾に '!' を付け、strongSwan がこのプロポーザルだけを使うようにします"), [TextEdit.Insert(document, end, "!")])));
            }
        }
    }
}
