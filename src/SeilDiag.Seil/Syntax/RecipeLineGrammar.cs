using Sprache;

namespace SeilDiag.Seil.Syntax;

/// <summary>
/// The grammar of one seil8 line (without its line break): <c>key SP* ':' SP* value [SP+ '#' comment]</c>, where
/// the key is dot-separated segments and the value is either a double-quoted string with backslash escapes or
/// the rest of the line. Positions are relative to the line.
/// </summary>
internal static class RecipeLineGrammar
{
    /// <summary>The shape of a parsed setting, positions relative to the start of the line.</summary>
    internal sealed record SettingShape(
        IReadOnlyList<Piece<string>> Segments, int ColonAt, int ValueStart, int ValueEnd, string Value, bool IsQuoted);

    private static readonly Parser<IEnumerable<char>> Spaces = Parse.Chars(' ', '\t').Many();

    private static readonly Parser<Piece<string>> Segment =
        Parse.Char(c => char.IsAsciiLetterOrDigit(c) || c == '-' || c == '_', "key character")
            .AtLeastOnce().Text().Select(t => new Piece<string>(t)).Positioned();

    private static readonly Parser<IEnumerable<Piece<string>>> Key = Segment.DelimitedBy(Parse.Char('.')).Named("a key");

    private static readonly Parser<char> Escaped = from backslash in Parse.Char('\\') from c in Parse.AnyChar select c;

    private static readonly Parser<Piece<(string Text, bool Quoted)>> Quoted =
        (from open in Parse.Char('"')
         from chars in Escaped.Or(Parse.CharExcept("\"\\")).Many().Text()
         from close in Parse.Char('"').Named("a closing '\"'")
         select new Piece<(string, bool)>((chars, true))).Positioned();

    // A bare value runs to the end of the line; blanks followed by '#' start a trailing comment (so
    // "# seildiag-disable" works at the end of a line). The comment is cut off in Shape(): testing for it
    // with Except() at every character made Sprache allocate ~10x more per line.
    private static readonly Parser<Piece<(string Text, bool Quoted)>> Bare =
        Parse.AnyChar.Many().Text().Select(t => new Piece<(string, bool)>((t, false))).Positioned();

    private static readonly Parser<object> Trailing =
        from ws in Spaces
        from comment in Parse.Char('#').Then(_ => Parse.AnyChar.Many()).Optional()
        select (object)"";

    internal static readonly Parser<SettingShape> Setting =
        from indent in Spaces
        from key in Key
        from before in Spaces
        from colon in Parse.Char(':').Named("':' after the key")
        from after in Spaces
        from value in Quoted.XOr(Bare)
        from trailing in Trailing
        select Shape(key.ToList(), before.Count(), value);

    internal static readonly Parser<SettingShape> Line = Setting.End();

    private static SettingShape Shape(List<Piece<string>> segments, int spacesBeforeColon, Piece<(string Text, bool Quoted)> value)
    {
        var colonAt = segments[^1].End + spacesBeforeColon;
        var text = value.Value.Text;
        var end = value.End;
        if (!value.Value.Quoted)
        {
            var comment = TrailingComment(text);
            if (comment >= 0)
            {
                end -= text.Length - comment;
                text = text[..comment];
            }
            var trimmed = text.TrimEnd(' ', '\t');
            end -= text.Length - trimmed.Length;
            text = trimmed;
        }
        return new SettingShape(segments, colonAt, value.Start, end, text, value.Value.Quoted);
    }

    /// <summary>Where a trailing " # comment" starts in a bare value (the blank before '#'), or -1.</summary>
    private static int TrailingComment(string value)
    {
        for (var i = 1; i < value.Length; i++)
        {
            if (value[i] == '#' && value[i - 1] is ' ' or '\t')
            {
                var start = i - 1;
                while (start > 0 && value[start - 1] is ' ' or '\t')
                {
                    start--;
                }
                return start;
            }
        }
        return -1;
    }
}
