using SeilDiag.Diagnostics;
using SeilDiag.Seil.Syntax;
using SeilDiag.Text;

namespace SeilDiag.Seil.Recipe;

/// <summary>
/// Checks every seil8 line against <see cref="RecipeSchema"/>: syntax errors (SD0001, from the parser), unknown
/// keys (SD0002), invalid values (SD0003), older spellings (SD0006) and keys set twice (SD0008). Returns the
/// settings that take effect, later lines winning.
/// </summary>
internal static class RecipeKeyChecker
{
    public static IReadOnlyDictionary<string, EffectiveSetting> Check(SourceText text, IReadOnlyList<SeilLine> lines, List<Diagnostic> diagnostics)
    {
        var effective = new Dictionary<string, EffectiveSetting>(StringComparer.Ordinal);
        foreach (var line in lines)
        {
            SeilSettingLine? setting;
            switch (line)
            {
                case SeilErrorLine error:
                    diagnostics.Add(error.Error);
                    setting = error.Recovered;
                    break;
                case SeilSettingLine s:
                    setting = s;
                    break;
                default:
                    continue;
            }
            if (setting is null)
            {
                continue;
            }
            var key = setting.Key;
            var resolution = RecipeSchema.Resolve(key);
            var effectiveKey = key.Text;
            switch (resolution.Status)
            {
                case KeyStatus.Unknown:
                    diagnostics.Add(UnknownKey(text, setting, resolution));
                    continue;
                case KeyStatus.NonNumericIndex:
                    var segment = key.Segments[resolution.Segment];
                    diagnostics.Add(Diagnostic.Create(Rules.InvalidValue, Location.InText(text, segment.Span),
                        segment.Text, key.Text, new LocalizedText("a list index must be a number", "リストの添字は数値です")));
                    continue;
                case KeyStatus.Moved:
                    effectiveKey = resolution.CurrentKey!;
                    diagnostics.Add(Diagnostic.Create(Rules.DeprecatedKey, Location.InText(text, key.Span), key.Text, effectiveKey)
                        .WithFixes(new CodeFix(new LocalizedText($"Rename '{key.Text}' to '{effectiveKey}'", $"'{key.Text}' を '{effectiveKey}' に変更します"), [Editing.RecipeLineStyle.RenameKey(setting, effectiveKey)])));
                    break;
            }
            var valid = true;
            if (resolution.ValueType?.Check(setting.Value) is { } problem)
            {
                valid = false;
                var diagnostic = Diagnostic.Create(Rules.InvalidValue, Location.InText(text, setting.ValueSpan), setting.Value, key.Text, problem.Reason);
                if (problem.Suggestion is { } suggestion)
                {
                    diagnostic = diagnostic.WithFixes(new CodeFix(new LocalizedText($"Set '{key.Text}' to '{suggestion}'", $"'{key.Text}' を '{suggestion}' に設定します"),
                        [TextEdit.Replace(text, setting.ValueEditSpan, RecipeFormat.Value(suggestion))]));
                }
                diagnostics.Add(diagnostic);
            }
            if (effective.TryGetValue(effectiveKey, out var earlier))
            {
                diagnostics.Add(Diagnostic.Create(Rules.DuplicateKey, Location.InText(text, key.Span), effectiveKey, earlier.Line.LineNumber)
                    .WithAdditionalLocations(Location.InText(text, earlier.Line.Key.Span))
                    .WithFixes(new CodeFix(new LocalizedText($"Remove the earlier line {earlier.Line.LineNumber}", $"先にある {earlier.Line.LineNumber} 行目を削除します"), [TextEdit.DeleteLine(text, earlier.Line.LineNumber)])));
            }
            effective[effectiveKey] = new EffectiveSetting(effectiveKey, setting, valid);
        }
        return effective;
    }

    private static Diagnostic UnknownKey(SourceText text, SeilSettingLine setting, KeyResolution resolution)
    {
        var key = setting.Key;
        var span = resolution.Segment < 0
            ? key.Span
            : TextSpan.FromBounds(key.Segments[resolution.Segment].Span.Start, key.Segments[resolution.SegmentEnd].Span.End);
        var hint = resolution.Suggestion is { } suggestion
            ? new LocalizedText($"; did you mean '{suggestion}'?", $"。'{suggestion}' の誤りでは?")
            : new LocalizedText("", "");
        var diagnostic = Diagnostic.Create(Rules.UnknownKey, Location.InText(text, span), new LocalizedText("key", "キー"), key.Text, hint);
        return resolution.Suggestion is { } replacement
            ? diagnostic.WithFixes(new CodeFix(new LocalizedText($"Rename to '{replacement}'", $"'{replacement}' に変更します"), [Editing.RecipeLineStyle.RenameKey(setting, replacement)]))
            : diagnostic;
    }
}
