using Sprache;
using SeilDiag.Diagnostics;
using SeilDiag.Text;

namespace SeilDiag.StrongSwan.Syntax;

/// <summary>
/// Sprache grammar for one ipsec.conf line, following the starter's rules: a section ("config setup",
/// "conn NAME", "ca NAME") or "include PATTERN" starts at column 1; parameters are indented "key=value" with
/// optional blanks around '=' (the 5.x lexer accepts them); values may be double-quoted; '#' starts a comment
/// anywhere outside quotes. Every token keeps its span so the line can be written back unchanged.
/// </summary>
public static class IpsecConfLineParser
{
    /// <summary>
    /// Longer lines are not parsed: no ipsec.conf line is anywhere near this long, and running the combinators over a
    /// multi-megabyte line (a binary or log pasted as config) would cost seconds for nothing. They become SD0001.
    /// </summary>
    public const int MaxLineLength = 64 * 1024;

    private static readonly string[] SectionKeywords = ["config", "conn", "ca"];

    private sealed record Parts(IpsecConfLineKind Kind, List<(IpsecConfTokenKind Kind, ITextSpan<string>? Span)> Tokens);

    /// <summary>
    /// The combinators live in their own class so that building them (and JIT-compiling their many generic
    /// instantiations, tens of milliseconds at process start) happens only when a line needs the grammar.
    /// </summary>
    private static class Grammar
    {
        internal static readonly Parser<ITextSpan<string>> Blanks = Parse.Chars(' ', '\t').AtLeastOnce().Text().Span();

        internal static readonly Parser<ITextSpan<string>> Comment =
            Parse.Char('#').Once().Concat(Parse.AnyChar.Many()).Text().Span();

        /// <summary>
        /// A word ends at a blank, a quote or '#', which starts a comment even without a blank before it — except the
        /// "@#" that starts a KEY_ID (leftid=@#0102...), exactly as the starter's lexer rule <c>(@#)?[^"#= \t\n]+</c>.
        /// </summary>
        internal static readonly Parser<string> BareWord =
            from keyId in Parse.String("@#").Text().Optional()
            from rest in Parse.Char(c => c != ' ' && c != '\t' && c != '#' && c != '"', "a word").AtLeastOnce().Text()
            select keyId.GetOrElse("") + rest;

        /// <summary>A double-quoted string; a backslash escapes the next character (\" inside the string), as in the starter's lexer.</summary>
        internal static readonly Parser<string> Quoted =
            from open in Parse.Char('"')
            from body in (from backslash in Parse.Char('\\') from c in Parse.AnyChar select new string([backslash, c]))
                .Or(Parse.CharExcept("\"\\").Once().Text()).Many()
            from close in Parse.Char('"')
            select "\"" + string.Concat(body) + "\"";

        /// <summary>A section name or include pattern: one word, or a quoted string.</summary>
        internal static readonly Parser<ITextSpan<string>> Name = Quoted.Or(BareWord).Span();

        /// <summary>An unquoted value: words separated by blanks, without the blanks before a comment or the line end.</summary>
        internal static readonly Parser<string> BareValue =
            from first in BareWord
            from rest in (from blanks in Parse.Chars(' ', '\t').AtLeastOnce().Text()
                          from word in BareWord.Or(Quoted)
                          select blanks + word).Many()
            select first + string.Concat(rest);

        internal static readonly Parser<ITextSpan<string>> Value =
            (from quoted in Quoted
             from more in BareValue.Optional()
             select quoted + more.GetOrDefault()).Or(BareValue).Span();

        internal static readonly Parser<ITextSpan<string>> Key =
            Parse.Char(c => char.IsLetterOrDigit(c) || c == '_' || c == '-' || c == '.', "a parameter name").AtLeastOnce().Text().Span();

        /// <summary>Optional blanks and comment up to the end of the line.</summary>
        internal static readonly Parser<(ITextSpan<string>? Blanks, ITextSpan<string>? Comment)> Tail =
            from blanks in Blanks.Optional()
            from comment in Comment.Optional()
            select (blanks.GetOrDefault(), comment.GetOrDefault());

        internal static Parser<Parts> Header =>
            from keyword in Parse.String("config").Or(Parse.String("conn")).Or(Parse.String("ca")).Text().Span()
            from blanks in Blanks
            from name in Name
            from tail in Tail.End()
            select new Parts(IpsecConfLineKind.SectionHeader,
                [(IpsecConfTokenKind.Keyword, keyword), (IpsecConfTokenKind.Whitespace, blanks), (IpsecConfTokenKind.Name, name),
                 (IpsecConfTokenKind.Whitespace, tail.Blanks), (IpsecConfTokenKind.Comment, tail.Comment)]);

        internal static Parser<Parts> Directive(string keyword, IpsecConfLineKind kind) =>
            from word in Parse.String(keyword).Text().Span()
            from blanks in Blanks
            from name in Name
            from tail in Tail.End()
            select new Parts(kind,
                [(IpsecConfTokenKind.Keyword, word), (IpsecConfTokenKind.Whitespace, blanks), (IpsecConfTokenKind.Name, name),
                 (IpsecConfTokenKind.Whitespace, tail.Blanks), (IpsecConfTokenKind.Comment, tail.Comment)]);

        /// <summary>The lexer recognises "include" anywhere on a line, so an indented include is an include too.</summary>
        internal static readonly Parser<Parts> IndentedInclude =
            from indent in Blanks
            from include in Directive("include", IpsecConfLineKind.Include)
            select new Parts(IpsecConfLineKind.Include, [(IpsecConfTokenKind.Whitespace, indent), .. include.Tokens]);

        internal static readonly Parser<Parts> ColumnOneLine =
            Header.Or(Directive("include", IpsecConfLineKind.Include)).Or(Directive("version", IpsecConfLineKind.Version));

        internal static readonly Parser<Parts> ParameterLine =
            from indent in Blanks
            from key in Key
            from before in Blanks.Optional()
            from equalsSign in Parse.Char('=').Once().Text().Span()
            from after in Blanks.Optional()
            from value in Value.Optional()
            from tail in Tail.End()
            select new Parts(IpsecConfLineKind.Parameter,
                [(IpsecConfTokenKind.Whitespace, indent), (IpsecConfTokenKind.Key, key), (IpsecConfTokenKind.Whitespace, before.GetOrDefault()),
                 (IpsecConfTokenKind.EqualsSign, equalsSign), (IpsecConfTokenKind.Whitespace, after.GetOrDefault()),
                 (IpsecConfTokenKind.Value, value.GetOrDefault()), (IpsecConfTokenKind.Whitespace, tail.Blanks), (IpsecConfTokenKind.Comment, tail.Comment)]);

        internal static readonly Parser<Parts> CommentLine =
            from blanks in Blanks.Optional()
            from comment in Comment
            select new Parts(IpsecConfLineKind.Comment, [(IpsecConfTokenKind.Whitespace, blanks.GetOrDefault()), (IpsecConfTokenKind.Comment, comment)]);
    }

    public static IpsecConfLine ParseLine(SourceText text, int line)
    {
        var content = text.GetLineSpan(line);
        var full = text.GetFullLineSpan(line);
        if (content.Length > MaxLineLength)
        {
            return Error(text, line, content, full, new TextSpan(content.Start, 1),
                new LocalizedText($"line is {content.Length} characters long; an ipsec.conf line is a section header, an include or key=value",
                    $"行の長さが {content.Length} 文字あります。ipsec.conf の行はセクション見出し、include、key=value のいずれかです"));
        }
        var chars = text.Text.AsSpan(content.Start, content.Length);
        if (chars.Trim(" \t").IsEmpty)
        {
            var tokens = new List<IpsecConfToken>(2);
            if (content.Length > 0)
            {
                tokens.Add(new IpsecConfToken(IpsecConfTokenKind.Whitespace, content));
            }
            AddLineBreak(tokens, content, full);
            return new IpsecConfLine { Document = text, Line = line, Kind = IpsecConfLineKind.Blank, Tokens = tokens };
        }

        var scanned = new List<IpsecConfToken>(8);
        if (IpsecConfFastPath.TryScan(chars, content.Start, scanned, out var kind))
        {
            AddLineBreak(scanned, content, full);
            return new IpsecConfLine { Document = text, Line = line, Kind = kind, Tokens = scanned };
        }
        return ParseLineWithGrammar(text, line);
    }

    /// <summary>The Sprache grammar alone, for the lines the fast path does not answer (and for the test that both agree).</summary>
    internal static IpsecConfLine ParseLineWithGrammar(SourceText text, int line)
    {
        var content = text.GetLineSpan(line);
        var full = text.GetFullLineSpan(line);
        var s = text[content];
        var comment = Grammar.CommentLine.TryParse(s);
        if (comment.WasSuccessful)
        {
            return Build(text, line, content, full, comment.Value);
        }

        var indented = s[0] is ' ' or '\t';
        var result = indented ? Grammar.ParameterLine.Or(Grammar.IndentedInclude).TryParse(s) : Grammar.ColumnOneLine.TryParse(s);
        if (result.WasSuccessful)
        {
            return Build(text, line, content, full, result.Value);
        }

        var firstWord = s.TrimStart(' ', '\t').Split([' ', '\t', '='], 2)[0];
        var column = Math.Clamp(result.Remainder.Position, 0, Math.Max(0, s.Length - 1));
        LocalizedText message;
        if (indented && SectionKeywords.Contains(firstWord))
        {
            column = s.Length - s.TrimStart(' ', '\t').Length;
            message = new($"'{firstWord}' starts a section and must be at column 1; indented lines are parameters (key=value)",
                $"'{firstWord}' はセクションの開始なので 1 桁目から書きます。字下げした行はパラメータ (key=value) です");
        }
        else if (indented)
        {
            message = new($"expected an indented parameter 'key=value' ({DescribeExpectations(result)})",
                $"字下げしたパラメータ 'key=value' が必要です ({result.Remainder.Position + 1} 桁目)");
        }
        else if (SectionKeywords.Contains(firstWord) || firstWord is "include" or "version")
        {
            message = firstWord == "include"
                ? new("expected 'include PATTERN'", "'include パターン' の形で書きます")
                : new($"expected '{firstWord} NAME' with a single name and nothing after it but a comment", $"'{firstWord} 名前' の形で、名前は 1 つだけ (後ろはコメントのみ) です");
        }
        else
        {
            column = 0;
            message = new($"'{Shorten(firstWord)}' at column 1: a line at column 1 must start a section (config setup, conn NAME, ca NAME) or be an include; parameters must be indented",
                $"1 桁目の '{Shorten(firstWord)}': 1 桁目から始まる行はセクション (config setup, conn 名前, ca 名前) か include です。パラメータは字下げします");
        }
        var errorStart = content.Start + column;
        return Error(text, line, content, full, TextSpan.FromBounds(errorStart, content.End), message);
    }

    private static string DescribeExpectations(IResult<Parts> result)
    {
        var expected = result.Expectations.Distinct().Take(3).ToList();
        return expected.Count == 0 ? $"stopped at column {result.Remainder.Position + 1}" : $"expected {string.Join(" or ", expected)} at column {result.Remainder.Position + 1}";
    }

    private static string Shorten(string word) => word.Length > 40 ? word[..40] + "…" : word;

    private static IpsecConfLine Build(SourceText text, int line, TextSpan content, TextSpan full, Parts parts)
    {
        var tokens = new List<IpsecConfToken>();
        var position = content.Start;
        foreach (var (kind, span) in parts.Tokens)
        {
            if (span is null || span.Length == 0)
            {
                continue;
            }
            var start = content.Start + span.Start.Pos;
            if (start > position)
            {
                // Nothing in the grammar skips characters; a gap would be a grammar bug, keep it visible as whitespace.
                tokens.Add(new IpsecConfToken(IpsecConfTokenKind.Whitespace, TextSpan.FromBounds(position, start)));
            }
            tokens.Add(new IpsecConfToken(kind, new TextSpan(start, span.Length)));
            position = start + span.Length;
        }
        if (position < content.End)
        {
            tokens.Add(new IpsecConfToken(IpsecConfTokenKind.Whitespace, TextSpan.FromBounds(position, content.End)));
        }
        AddLineBreak(tokens, content, full);
        return new IpsecConfLine { Document = text, Line = line, Kind = parts.Kind, Tokens = tokens };
    }

    private static IpsecConfLine Error(SourceText text, int line, TextSpan content, TextSpan full, TextSpan errorSpan, LocalizedText message)
    {
        var tokens = new List<IpsecConfToken> { new(IpsecConfTokenKind.Error, content) };
        AddLineBreak(tokens, content, full);
        return new IpsecConfLine
        {
            Document = text, Line = line, Kind = IpsecConfLineKind.Error, Tokens = tokens,
            ErrorMessage = message, ErrorSpan = errorSpan,
        };
    }

    private static void AddLineBreak(List<IpsecConfToken> tokens, TextSpan content, TextSpan full)
    {
        if (full.End > content.End)
        {
            tokens.Add(new IpsecConfToken(IpsecConfTokenKind.LineBreak, TextSpan.FromBounds(content.End, full.End)));
        }
    }
}
