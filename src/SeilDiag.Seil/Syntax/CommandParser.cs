using SeilDiag.Text;
using Sprache;

namespace SeilDiag.Seil.Syntax;

/// <summary>
/// Tokenises seil3 command lines: tokens are separated by blanks; a token starting with <c>"</c> runs to the next
/// unescaped <c>"</c> and <c>\x</c> inside it stands for <c>x</c> (IIJ's converter, <c>tokenize()</c>).
/// </summary>
public static class CommandParser
{
    private static readonly Parser<IEnumerable<char>> Blanks = Parse.Chars(' ', '\t').Many();

    private static readonly Parser<char> Escaped = from backslash in Parse.Char('\\') from c in Parse.AnyChar select c;

    private static readonly Parser<Piece<(string, bool)>> Quoted =
        (from open in Parse.Char('"')
         from chars in Escaped.Or(Parse.CharExcept("\"\\")).Many().Text()
         from close in Parse.Char('"').Named("a closing '\"'")
         select new Piece<(string, bool)>((chars, true))).Positioned();

    private static readonly Parser<Piece<(string, bool)>> Bare =
        Parse.Char(c => c is not (' ' or '\t' or '"'), "a token").AtLeastOnce().Text()
            .Select(t => new Piece<(string, bool)>((t, false))).Positioned();

    private static readonly Parser<IEnumerable<Piece<(string, bool)>>> Line =
        (from leading in Blanks
         from tokens in Quoted.XOr(Bare).Token(Blanks).XMany()
         select tokens).End();

    public static IReadOnlyList<SeilLine> ParseLines(SourceText text) => RecipeParser.ParseEach(text, ParseLine);

    public static SeilLine ParseLine(SourceText text, int lineNumber)
    {
        var span = text.GetLineSpan(lineNumber);
        if (RecipeParser.Trivia(text, lineNumber, span) is { } trivia)
        {
            return trivia;
        }
        var lineText = text.Text.Substring(span.Start, span.Length);
        var pieces = SplitUnquoted(lineText);
        if (pieces is null)
        {
            var result = Line.TryParse(lineText);
            if (!result.WasSuccessful)
            {
                var at = span.Start + result.Remainder.Position;
                return RecipeParser.Error(text, lineNumber, at, RecipeParser.Describe(text, at, span.End, result.Expectations));
            }
            pieces = [.. result.Value];
        }
        var tokens = pieces.Select(p => new SeilToken(p.Value.Item1, new TextSpan(span.Start + p.Start, p.Length), p.Value.Item2)).ToList();
        return new SeilCommandLine(text, lineNumber, tokens);
    }

    /// <summary>
    /// Hot path for lines without quotes (almost all of them): tokens are the runs of non-blank characters,
    /// exactly what the grammar yields for such a line, without Sprache's per-character allocations.
    /// Null when the line has a quote; the grammar handles it.
    /// </summary>
    internal static List<Piece<(string, bool)>>? SplitUnquoted(string line)
    {
        if (line.Contains('"'))
        {
            return null;
        }
        var pieces = new List<Piece<(string, bool)>>();
        var i = 0;
        while (i < line.Length)
        {
            while (i < line.Length && line[i] is ' ' or '\t')
            {
                i++;
            }
            var start = i;
            while (i < line.Length && line[i] is not (' ' or '\t'))
            {
                i++;
            }
            if (i > start)
            {
                pieces.Add(new Piece<(string, bool)>((line[start..i], false), start, i - start));
            }
        }
        return pieces;
    }

    internal static IEnumerable<Piece<(string, bool)>>? ParseWithGrammar(string line)
    {
        var result = Line.TryParse(line);
        return result.WasSuccessful ? result.Value : null;
    }
}

/// <summary>Sprache's Token() skips any whitespace; seil3 separates tokens by blanks only.</summary>
internal static class CommandParserExtensions
{
    public static Parser<T> Token<T>(this Parser<T> parser, Parser<IEnumerable<char>> blanks) =>
        from value in parser
        from trailing in blanks
        select value;
}
