using SeilDiag.Diagnostics;
using SeilDiag.Seil.Syntax;
using SeilDiag.Seil.Recipe;
using SeilDiag.Text;

namespace SeilDiag.Seil.Editing;

/// <summary>
/// Writes a new seil8 line the way its neighbours are written: same indentation, same blanks around the colon,
/// and when the file aligns its colons in a column (the seed does), the new colon goes in that column.
/// </summary>
public static class RecipeLineStyle
{
    public static string Compose(SeilSettingLine? reference, string key, string value)
    {
        var formatted = RecipeFormat.Value(value);
        if (reference is null)
        {
            return $"{key}: {formatted}";
        }
        var text = reference.Text;
        var lineStart = reference.Span.Start;
        var indent = text.Text[lineStart..reference.Key.Span.Start];
        var separator = text[reference.SeparatorSpan];
        var colon = separator.IndexOf(':');
        var before = separator[..colon];
        var after = separator[(colon + 1)..];
        if (before.Length == 0)
        {
            return $"{indent}{key}:{after}{formatted}";
        }
        var colonColumn = reference.SeparatorSpan.Start - reference.Key.Span.Start + colon;
        var padding = Math.Max(1, colonColumn - key.Length);
        return $"{indent}{key}{new string(' ', padding)}:{after}{formatted}";
    }

    /// <summary>
    /// Renames the key of <paramref name="line"/>, keeping the colon in its column when the file aligns colons
    /// (the blanks before the colon shrink or grow; at least one stays).
    /// </summary>
    public static TextEdit RenameKey(SeilSettingLine line, string newKey)
    {
        var text = line.Text;
        var separator = text[line.SeparatorSpan];
        var before = separator.IndexOf(':');
        if (before <= 0)
        {
            return TextEdit.Replace(text, line.Key.Span, newKey);
        }
        var colonColumn = line.Key.Span.Length + before;
        var padding = Math.Max(1, colonColumn - newKey.Length);
        return TextEdit.Replace(text, TextSpan.FromBounds(line.Key.Span.Start, line.SeparatorSpan.Start + before), newKey + new string(' ', padding));
    }

    /// <summary>The last well-formed setting line whose key starts with <paramref name="prefix"/>, else the last well-formed one.</summary>
    public static SeilSettingLine? Reference(IEnumerable<SeilLine> lines, string prefix)
    {
        var settings = lines.OfType<SeilSettingLine>().ToList();
        return settings.LastOrDefault(s => s.Key.Text.StartsWith(prefix, StringComparison.Ordinal)) ?? settings.LastOrDefault();
    }

    /// <summary>The last line that is not blank (new lines at the end of a file go after it), 0 for an empty file.</summary>
    public static int LastContentLine(SourceText text)
    {
        for (var line = text.LineCount; line >= 1; line--)
        {
            if (text.GetLineText(line).Trim().Length > 0)
            {
                return line;
            }
        }
        return 0;
    }
}
