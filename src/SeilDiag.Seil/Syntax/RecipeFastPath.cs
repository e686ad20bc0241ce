namespace SeilDiag.Seil.Syntax;

/// <summary>
/// A span-based scanner for the ordinary seil8 line (<c>key SP* ':' SP* bare-value</c>), tried before the
/// Sprache grammar. Sprache allocates an input object (with a memo table) per character, which made a
/// 100 000-line config take seconds; this hot loop gives the same <see cref="RecipeLineGrammar.SettingShape"/>
/// without allocating per character. Anything unusual (quotes, odd characters, no value) returns false and
/// the grammar parses the line, so error positions and messages always come from one place.
/// A property test checks that both agree wherever the fast path answers.
/// </summary>
internal static class RecipeFastPath
{
    public static bool TryParse(string line, out RecipeLineGrammar.SettingShape shape)
    {
        shape = null!;
        var i = 0;
        while (i < line.Length && line[i] is ' ' or '\t')
        {
            i++;
        }
        var segments = new List<Piece<string>>(8);
        while (true)
        {
            var start = i;
            while (i < line.Length && IsKeyChar(line[i]))
            {
                i++;
            }
            if (i == start)
            {
                return false;
            }
            segments.Add(new Piece<string>(line[start..i], start, i - start));
            if (i < line.Length && line[i] == '.' && i + 1 < line.Length && IsKeyChar(line[i + 1]))
            {
                i++;
                continue;
            }
            break;
        }
        while (i < line.Length && line[i] is ' ' or '\t')
        {
            i++;
        }
        if (i >= line.Length || line[i] != ':')
        {
            return false;
        }
        var colonAt = i;
        i++;
        while (i < line.Length && line[i] is ' ' or '\t')
        {
            i++;
        }
        if (i >= line.Length || line[i] == '"')
        {
            return false;
        }
        var valueStart = i;
        var end = line.Length;
        // A trailing comment: blanks then '#'.
        for (var j = valueStart + 1; j < line.Length; j++)
        {
            if (line[j] == '#' && line[j - 1] is ' ' or '\t')
            {
                end = j - 1;
                break;
            }
        }
        while (end > valueStart && line[end - 1] is ' ' or '\t')
        {
            end--;
        }
        if (end == valueStart)
        {
            return false;
        }
        shape = new RecipeLineGrammar.SettingShape(segments, colonAt, valueStart, end, line[valueStart..end], false);
        return true;
    }

    private static bool IsKeyChar(char c) => char.IsAsciiLetterOrDigit(c) || c is '-' or '_';
}
