namespace SeilDiag.StrongSwan.Syntax;

/// <summary>
/// A span scanner for the ordinary ipsec.conf lines: comments, "conn NAME"/"config NAME"/"ca NAME" headers and indented
/// key=value parameters whose values hold no quote and no "@#". Running the Sprache grammar on each of the ~12,000 lines
/// of a 2,000-conn file costs hundreds of milliseconds (combinator allocations per character); this loop costs a few.
/// It answers only where it gives exactly the grammar's tokens and returns false on anything else (quotes, KEY_ID "@#",
/// include/version, malformed lines), which then go to <see cref="IpsecConfLineParser"/>'s grammar. A property test
/// checks that both agree wherever the scanner answers.
/// </summary>
internal static class IpsecConfFastPath
{
    /// <summary>Scans <paramref name="line"/> (the line's content, no line break) into tokens with offsets relative to <paramref name="start"/>.</summary>
    public static bool TryScan(ReadOnlySpan<char> line, int start, List<IpsecConfToken> tokens, out IpsecConfLineKind kind)
    {
        kind = IpsecConfLineKind.Error;
        if (line.IsEmpty || line.Contains('"') || line.IndexOf("@#", StringComparison.Ordinal) >= 0)
        {
            return false;
        }
        var i = SkipBlanks(line, 0);
        if (i < line.Length && line[i] == '#')
        {
            // The grammar tries the comment line first, indented or not: blanks, then '#' and everything after it.
            Add(tokens, IpsecConfTokenKind.Whitespace, start, 0, i);
            Add(tokens, IpsecConfTokenKind.Comment, start, i, line.Length);
            kind = IpsecConfLineKind.Comment;
            return true;
        }
        if (i > 0)
        {
            kind = IpsecConfLineKind.Parameter;
            return ScanParameter(line, start, i, tokens);
        }
        kind = IpsecConfLineKind.SectionHeader;
        return ScanHeader(line, start, tokens);
    }

    private static bool ScanHeader(ReadOnlySpan<char> line, int start, List<IpsecConfToken> tokens)
    {
        var keyword = line.StartsWith("config") ? 6 : line.StartsWith("conn") ? 4 : line.StartsWith("ca") ? 2 : 0;
        if (keyword == 0)
        {
            return false;
        }
        var nameStart = SkipBlanks(line, keyword);
        if (nameStart == keyword)
        {
            return false; // "connx", "conn" alone: the grammar decides (and words the error)
        }
        var nameEnd = SkipWord(line, nameStart);
        if (nameEnd == nameStart)
        {
            return false;
        }
        var tailStart = SkipBlanks(line, nameEnd);
        if (tailStart < line.Length && line[tailStart] != '#')
        {
            return false; // a second word after the name: an error, worded by the grammar
        }
        Add(tokens, IpsecConfTokenKind.Keyword, start, 0, keyword);
        Add(tokens, IpsecConfTokenKind.Whitespace, start, keyword, nameStart);
        Add(tokens, IpsecConfTokenKind.Name, start, nameStart, nameEnd);
        Add(tokens, IpsecConfTokenKind.Whitespace, start, nameEnd, tailStart);
        Add(tokens, IpsecConfTokenKind.Comment, start, tailStart, line.Length);
        return true;
    }

    private static bool ScanParameter(ReadOnlySpan<char> line, int start, int keyStart, List<IpsecConfToken> tokens)
    {
        var keyEnd = keyStart;
        while (keyEnd < line.Length && IsKeyChar(line[keyEnd]))
        {
            keyEnd++;
        }
        if (keyEnd == keyStart)
        {
            return false;
        }
        var equalsAt = SkipBlanks(line, keyEnd);
        if (equalsAt >= line.Length || line[equalsAt] != '=')
        {
            return false; // no '=': an indented include or an error, both left to the grammar
        }
        var valueStart = SkipBlanks(line, equalsAt + 1);
        // The value is words separated by blanks up to the comment ('#' ends a word) or the line end; blanks before
        // the comment or the end belong to the tail, and with no value at all the blanks after '=' stay with the '='.
        var hash = line[valueStart..].IndexOf('#');
        var valueLimit = hash < 0 ? line.Length : valueStart + hash;
        var valueEnd = valueLimit;
        while (valueEnd > valueStart && line[valueEnd - 1] is ' ' or '\t')
        {
            valueEnd--;
        }
        Add(tokens, IpsecConfTokenKind.Whitespace, start, 0, keyStart);
        Add(tokens, IpsecConfTokenKind.Key, start, keyStart, keyEnd);
        Add(tokens, IpsecConfTokenKind.Whitespace, start, keyEnd, equalsAt);
        Add(tokens, IpsecConfTokenKind.EqualsSign, start, equalsAt, equalsAt + 1);
        Add(tokens, IpsecConfTokenKind.Whitespace, start, equalsAt + 1, valueStart);
        Add(tokens, IpsecConfTokenKind.Value, start, valueStart, valueEnd);
        Add(tokens, IpsecConfTokenKind.Whitespace, start, Math.Max(valueStart, valueEnd), valueLimit);
        Add(tokens, IpsecConfTokenKind.Comment, start, valueLimit, line.Length);
        return true;
    }

    /// <summary>The grammar's parameter name characters.</summary>
    private static bool IsKeyChar(char c) => char.IsLetterOrDigit(c) || c is '_' or '-' or '.';

    private static int SkipBlanks(ReadOnlySpan<char> line, int i)
    {
        while (i < line.Length && line[i] is ' ' or '\t')
        {
            i++;
        }
        return i;
    }

    /// <summary>A bare word ends at a blank, a quote or '#' (no quotes reach here, and "@#" was ruled out).</summary>
    private static int SkipWord(ReadOnlySpan<char> line, int i)
    {
        while (i < line.Length && line[i] is not (' ' or '\t' or '#'))
        {
            i++;
        }
        return i;
    }

    /// <summary>Adds a token unless empty, as the grammar's token builder skips empty parts.</summary>
    private static void Add(List<IpsecConfToken> tokens, IpsecConfTokenKind kind, int start, int from, int to)
    {
        if (to > from)
        {
            tokens.Add(new IpsecConfToken(kind, new Text.TextSpan(start + from, to - from)));
        }
    }
}
