using SeilDiag.Diagnostics;
using SeilDiag.Text;
using Sprache;

namespace SeilDiag.Seil.Syntax;

/// <summary>Parses a seil8 recipe config into one <see cref="SeilLine"/> per physical line.</summary>
public static class RecipeParser
{
    public static IReadOnlyList<SeilLine> ParseLines(SourceText text) => ParseEach(text, ParseLine);

    /// <summary>One node per physical line, in order (both SEIL dialects are line-oriented).</summary>
    internal static IReadOnlyList<SeilLine> ParseEach(SourceText text, Func<SourceText, int, SeilLine> parseLine)
    {
        var lines = new List<SeilLine>(text.LineCount);
        for (var line = 1; line <= text.LineCount; line++)
        {
            lines.Add(parseLine(text, line));
        }
        return lines;
    }

    /// <summary>The lines both dialects treat alike: blank, <c>#</c>/<c>!</c> comment, and too long to parse. Null otherwise.</summary>
    internal static SeilLine? Trivia(SourceText text, int lineNumber, TextSpan span)
    {
        var trimmed = text.Text.AsSpan(span.Start, span.Length).TrimStart(" \t");
        if (trimmed.IsEmpty)
        {
            return new SeilBlankLine(text, lineNumber);
        }
        if (trimmed[0] is '#' or '!')
        {
            return new SeilCommentLine(text, lineNumber);
        }
        return span.Length > LineLimits.MaxParsedLineLength ? TooLong(text, lineNumber, span) : null;
    }

    public static SeilLine ParseLine(SourceText text, int lineNumber)
    {
        var span = text.GetLineSpan(lineNumber);
        if (Trivia(text, lineNumber, span) is { } trivia)
        {
            return trivia;
        }
        var lineText = text.Text.Substring(span.Start, span.Length);
        if (!RecipeFastPath.TryParse(lineText, out var shape))
        {
            var result = RecipeLineGrammar.Line.TryParse(lineText);
            if (!result.WasSuccessful)
            {
                var at = span.Start + result.Remainder.Position;
                return Error(text, lineNumber, at, Describe(text, at, span.End, result.Expectations));
            }
            shape = result.Value;
        }
        var key = new SeilKey(shape.Segments.Select(s => new SeilKeySegment(s.Value, new TextSpan(span.Start + s.Start, s.Length))).ToList());
        var separator = TextSpan.FromBounds(key.Span.End, span.Start + shape.ValueStart);
        var valueSpan = TextSpan.FromBounds(span.Start + shape.ValueStart, span.Start + shape.ValueEnd);

        // The seed writes "route.ipv4.1.destination:   : 192.168.2.0/24": a second colon where the value
        // should start. IPv6 values may start with "::", so only a colon followed by a blank (or nothing) counts.
        if (!shape.IsQuoted && shape.Value.Length > 0 && shape.Value[0] == ':'
            && (shape.Value.Length == 1 || shape.Value[1] is ' ' or '\t'))
        {
            var colon = new TextSpan(valueSpan.Start, 1);
            var rest = shape.Value[1..].TrimStart(' ', '\t');
            var restStart = valueSpan.End - rest.Length;
            SeilSettingLine? recovered = null;
            if (rest.Length > 0)
            {
                recovered = new SeilSettingLine(text, lineNumber, key, TextSpan.FromBounds(key.Span.End, restStart),
                    TextSpan.FromBounds(restStart, valueSpan.End), rest, false, colon);
            }
            // Never echo a secret: keys ending in "key" (preshared-key, floatlink.key) hold one.
            var shown = key.Segments[^1].Text.EndsWith("key", StringComparison.Ordinal) ? "<redacted>" : rest;
            var message = rest.Length > 0
                ? new LocalizedText($"a second ':' after the key '{key.Text}'; expected the value (read as '{shown}')",
                    $"キー '{key.Text}' の後に 2 つ目の ':' があります。値が必要です ('{shown}' として読みました)")
                : new LocalizedText($"a second ':' after the key '{key.Text}' and no value",
                    $"キー '{key.Text}' の後に 2 つ目の ':' があり、値がありません");
            return new SeilErrorLine(text, lineNumber,
                Diagnostic.Create(Rules.SyntaxError, Location.InText(text, colon), message), recovered);
        }
        if (!shape.IsQuoted && shape.Value.Length == 0)
        {
            return Error(text, lineNumber, valueSpan.Start, new LocalizedText($"no value after '{key.Text}:' (write \"\" for an empty value)",
                $"'{key.Text}:' の後に値がありません (空の値は \"\" と書きます)"));
        }
        return new SeilSettingLine(text, lineNumber, key, separator, valueSpan, shape.Value, shape.IsQuoted);
    }

    internal static SeilErrorLine TooLong(SourceText text, int lineNumber, TextSpan span) =>
        Error(text, lineNumber, span.Start + LineLimits.MaxParsedLineLength,
            new LocalizedText($"line is {span.Length} characters long, more than the {LineLimits.MaxParsedLineLength} a config line can have; not parsed",
                $"行の長さが {span.Length} 文字で、設定行の上限 {LineLimits.MaxParsedLineLength} 文字を超えるため解析しません"));

    internal static SeilErrorLine Error(SourceText text, int lineNumber, int at, LocalizedText message)
    {
        var lineEnd = text.GetLineSpan(lineNumber).End;
        var length = at < lineEnd ? 1 : 0;
        return new SeilErrorLine(text, lineNumber,
            Diagnostic.Create(Rules.SyntaxError, Location.InText(text, new TextSpan(at, length)), message));
    }

    internal static LocalizedText Describe(SourceText text, int at, int lineEnd, IEnumerable<string> expectations)
    {
        // Letters and digits are not echoed: the text where parsing stopped may be a pre-shared key
        // ("preshared-key secret" without the colon). The location still points at it.
        var found = at >= lineEnd ? null : char.IsLetterOrDigit(text.Text[at]) ? "" : $"'{text.Text[at]}'";
        var expected = expectations.Select(e => e == "end of input" ? "the end of the line" : e).Distinct().ToList();
        var en = $"unexpected {found switch { null => "the end of the line", "" => "text", _ => found }}"
                 + (expected.Count == 0 ? "" : $"; expected {string.Join(" or ", expected)}");
        var ja = $"予期しない{found switch { null => "行末", "" => "文字列", _ => $"文字 {found}" }}です"
                 + (expected.Count == 0 ? "" : $"。{string.Join(" または ", expected.Select(Japanese))} が必要です");
        return new LocalizedText(en, ja);
    }

    private static string Japanese(string expectation) => expectation switch
    {
        "':' after the key" => "キーの後の ':'",
        "a closing '\"'" => "閉じる '\"'",
        "the end of the line" => "行末",
        "a key" => "キー",
        "a token" => "トークン",
        _ => expectation,
    };
}
