using SeilDiag.Diagnostics;
using SeilDiag.Text;
using Sprache;

namespace SeilDiag.Seil.Syntax;

/// <summary>Parses a seil8 recipe config into one <see cref="SeilLine"/> per physical line.</summary>
public static class RecipeParser
{
    public static IReadOnlyList<SeilLine> ParseLines(SourceText text)
    {
        var lines = new List<SeilLine>(text.LineCount);
        for (var line = 1; line <= text.LineCount; line++)
        {
            lines.Add(ParseLine(text, line));
        }
        return lines;
    }

    public static SeilLine ParseLine(SourceText text, int lineNumber)
    {
        var span = text.GetLineSpan(lineNumber);
        var content = text.Text.AsSpan(span.Start, span.Length);
        var trimmed = content.TrimStart(" \t");
        if (trimmed.IsEmpty)
        {
            return new SeilBlankLine(text, lineNumber);
        }
        if (trimmed[0] is '#' or '!')
        {
            return new SeilCommentLine(text, lineNumber);
        }
        if (span.Length > LineLimits.MaxParsedLineLength)
        {
            return TooLong(text, lineNumber, span);
        }
        var result = RecipeLineGrammar.Line.TryParse(content.ToString());
        if (!result.WasSuccessful)
        {
            var at = span.Start + result.Remainder.Position;
            return Error(text, lineNumber, at, Describe(text, at, span.End, result.Expectations));
        }
        var shape = result.Value;
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
                ? $"a second ':' after the key '{key.Text}'; expected the value (read as '{shown}')"
                : $"a second ':' after the key '{key.Text}' and no value";
            return new SeilErrorLine(text, lineNumber,
                Diagnostic.Create(Rules.SyntaxError, Location.InText(text, colon), message), recovered);
        }
        if (!shape.IsQuoted && shape.Value.Length == 0)
        {
            return Error(text, lineNumber, valueSpan.Start, $"no value after '{key.Text}:' (write \"\" for an empty value)");
        }
        return new SeilSettingLine(text, lineNumber, key, separator, valueSpan, shape.Value, shape.IsQuoted);
    }

    internal static SeilErrorLine TooLong(SourceText text, int lineNumber, TextSpan span) =>
        Error(text, lineNumber, span.Start + LineLimits.MaxParsedLineLength,
            $"line is {span.Length} characters long, more than the {LineLimits.MaxParsedLineLength} a config line can have; not parsed");

    internal static SeilErrorLine Error(SourceText text, int lineNumber, int at, string message)
    {
        var lineEnd = text.GetLineSpan(lineNumber).End;
        var length = at < lineEnd ? 1 : 0;
        return new SeilErrorLine(text, lineNumber,
            Diagnostic.Create(Rules.SyntaxError, Location.InText(text, new TextSpan(at, length)), message));
    }

    internal static string Describe(SourceText text, int at, int lineEnd, IEnumerable<string> expectations)
    {
        var found = at < lineEnd ? $"'{text.Text[at]}'" : "the end of the line";
        var expected = expectations.Select(e => e == "end of input" ? "the end of the line" : e).Distinct().ToList();
        return expected.Count == 0 ? $"unexpected {found}" : $"unexpected {found}; expected {string.Join(" or ", expected)}";
    }
}
