using System.Text;
using Sprache;
using SeilDiag.Diagnostics;
using SeilDiag.Model;
using SeilDiag.StrongSwan.Conns;
using SeilDiag.Text;

namespace SeilDiag.StrongSwan.Secrets;

/// <summary>
/// Parses ipsec.secrets: "[selectors] : TYPE value [# comment]", "include PATTERN", comments. The ':' that separates the
/// selectors from the type is found by hand (the first ':' outside quotes followed by a blank or the line end), because
/// selectors may be IPv6 addresses full of ':' and Sprache has no cheap lookahead for that; both halves are then parsed
/// with Sprache.
/// </summary>
public static class SecretsParser
{
    public static readonly string[] KnownTypes = ["PSK", "RSA", "ECDSA", "BLISS", "PKCS8", "P12", "PRIVATE", "XAUTH", "EAP", "NTLM", "PIN", "PPK"];

    private static readonly string[] SharedTypes = ["PSK", "XAUTH", "EAP", "NTLM", "PPK"];

    private static readonly Parser<char> Blank = Sprache.Parse.Chars(' ', '\t');

    private static readonly Parser<string> DoubleQuoted =
        Sprache.Parse.Char('"').Once().Concat(Sprache.Parse.CharExcept('"').Many()).Concat(Sprache.Parse.Char('"').Once()).Text();

    private static readonly Parser<string> SingleQuoted =
        Sprache.Parse.Char('\'').Once().Concat(Sprache.Parse.CharExcept('\'').Many()).Concat(Sprache.Parse.Char('\'').Once()).Text();

    private static readonly Parser<string> Bare = Sprache.Parse.Char(c => c != ' ' && c != '\t' && c != '#', "a word").AtLeastOnce().Text();

    private static readonly Parser<ITextSpan<string>> Word = DoubleQuoted.Or(SingleQuoted).Or(Bare).Span();

    private static readonly Parser<IEnumerable<ITextSpan<string>>> SelectorList =
        (from blanks in Blank.Many()
         from word in Word
         select word).Many().Then(words => Blank.Many().End().Return(words));

    private static readonly Parser<string> TypeName = Sprache.Parse.Letter.Or(Sprache.Parse.Digit).AtLeastOnce().Text();

    private static readonly Parser<(ITextSpan<string> Type, ITextSpan<string>? Value)> Right =
        from blanks in Blank.Many()
        from type in TypeName.Span()
        from value in (from gap in Blank.AtLeastOnce()
                       from words in (from first in Word
                                      from rest in (from b in Blank.AtLeastOnce().Text() from w in Word select b + w.Value).Many()
                                      select first.Value + string.Concat(rest)).Span()
                       select words).Optional()
        from tail in Blank.Many()
        from comment in Sprache.Parse.Char('#').Then(_ => Sprache.Parse.AnyChar.Many()).Optional()
        from end in Sprache.Parse.Return(0).End()
        select (type, value.GetOrDefault());

    public static SecretsDocument Read(SourceText text, IncludeResolver resolver)
    {
        var entries = new List<SecretEntry>();
        var diagnostics = new List<Diagnostic>();
        var documents = new List<SourceText>();
        Visit(text, [IncludeResolver.FullPath(text.Path)], resolver, entries, diagnostics, documents);
        return new SecretsDocument { Documents = documents, Entries = entries, Diagnostics = diagnostics };
    }

    private static void Visit(SourceText text, List<string> stack, IncludeResolver resolver, List<SecretEntry> entries,
        List<Diagnostic> diagnostics, List<SourceText> documents)
    {
        documents.Add(text);
        for (var line = 1; line <= text.LineCount; line++)
        {
            var span = text.GetLineSpan(line);
            if (span.Length > Syntax.IpsecConfLineParser.MaxLineLength)
            {
                diagnostics.Add(Diagnostic.Create(Rules.SyntaxError, Location.InText(text, new TextSpan(span.Start, 1)),
                    new LocalizedText($"line is {span.Length} characters long; an ipsec.secrets line is 'selectors : TYPE value'",
                        $"行の長さが {span.Length} 文字あります。ipsec.secrets の行は 'セレクタ : 種類 値' です")));
                continue;
            }
            var content = text[span];
            var trimmed = content.TrimStart(' ', '\t');
            if (trimmed.Length == 0 || trimmed[0] == '#')
            {
                continue;
            }
            if (trimmed.StartsWith("include", StringComparison.Ordinal) && trimmed.Length > 7 && trimmed[7] is ' ' or '\t')
            {
                Include(text, line, span, content, stack, resolver, entries, diagnostics, documents);
                continue;
            }
            var entry = ParseEntry(text, line, span, content, diagnostics);
            if (entry is not null)
            {
                entries.Add(entry);
            }
        }
    }

    private static void Include(SourceText text, int line, TextSpan span, string content, List<string> stack, IncludeResolver resolver,
        List<SecretEntry> entries, List<Diagnostic> diagnostics, List<SourceText> documents)
    {
        var patternStart = content.IndexOf("include", StringComparison.Ordinal) + 7;
        var rest = content[patternStart..];
        var hash = rest.IndexOf('#');
        var pattern = (hash >= 0 ? rest[..hash] : rest).Trim();
        var offset = span.Start + patternStart + rest.IndexOf(pattern, StringComparison.Ordinal);
        var where = Location.InText(text, new TextSpan(offset, pattern.Length));
        resolver.Follow(text.Path, pattern, where, stack, diagnostics,
            (included, nested) => Visit(included, nested, resolver, entries, diagnostics, documents));
    }

    /// <summary>The ':' between selectors and type: outside quotes, followed by a blank or the end of the line.</summary>
    private static int FindSeparator(string content)
    {
        char quote = '\0';
        for (var i = 0; i < content.Length; i++)
        {
            var c = content[i];
            if (quote != '\0')
            {
                if (c == quote) quote = '\0';
                continue;
            }
            if (c is '"' or '\'') { quote = c; continue; }
            if (c == '#') return -1;
            if (c == ':' && (i + 1 == content.Length || content[i + 1] is ' ' or '\t')) return i;
        }
        return -1;
    }

    private static SecretEntry? ParseEntry(SourceText text, int line, TextSpan span, string content, List<Diagnostic> diagnostics)
    {
        var separator = FindSeparator(content);
        if (separator < 0)
        {
            diagnostics.Add(Diagnostic.Create(Rules.SyntaxError, Location.InText(text, span),
                new LocalizedText("expected 'selectors : TYPE value' (for example '10.0.0.1 : PSK \"secret\"'); no ':' followed by a blank found",
                    "'セレクタ : 種類 値' の形 (例: '10.0.0.1 : PSK \"secret\"') で書きます。空白が続く ':' がありません")));
            return null;
        }
        var left = SelectorList.TryParse(content[..separator]);
        if (!left.WasSuccessful)
        {
            diagnostics.Add(Diagnostic.Create(Rules.SyntaxError, Location.InText(text, new TextSpan(span.Start, separator)), new LocalizedText("selectors could not be read", "セレクタを読めません")));
            return null;
        }
        var right = Right.TryParse(content[(separator + 1)..]);
        var rightStart = span.Start + separator + 1;
        if (!right.WasSuccessful)
        {
            diagnostics.Add(Diagnostic.Create(Rules.SyntaxError, Location.InText(text, TextSpan.FromBounds(rightStart, span.End)),
                new LocalizedText("expected a key type (PSK, RSA, ECDSA, XAUTH, EAP, PIN, ...) and its value after ':'", "':' の後に鍵の種類 (PSK, RSA, ECDSA, XAUTH, EAP, PIN など) と値が必要です")));
            return null;
        }
        var (typeToken, valueToken) = right.Value;
        var type = typeToken.Value.ToUpperInvariant();
        var typeSpan = new TextSpan(rightStart + typeToken.Start.Pos, typeToken.Length);
        if (!KnownTypes.Contains(type))
        {
            diagnostics.Add(Diagnostic.Create(Rules.UnknownKey, Location.InText(text, typeSpan), new LocalizedText("ipsec.secrets key type", "ipsec.secrets の鍵の種類"), typeToken.Value,
                Phrases.DidYouMean(Suggestions.Nearest(type, KnownTypes))));
        }
        var valueSpan = valueToken is null ? new TextSpan(typeSpan.End, 0) : new TextSpan(rightStart + valueToken.Start.Pos, valueToken.Length);
        Secret? secret = null;
        if (SharedTypes.Contains(type))
        {
            if (valueToken is null)
            {
                diagnostics.Add(Diagnostic.Create(Rules.InvalidValue, Location.InText(text, typeSpan), "(empty)", $"{type} secret",
                    new LocalizedText("the secret is missing after the key type", "鍵の種類の後に秘密の値がありません")));
            }
            else
            {
                secret = Decode(text[valueSpan], out var problem);
                if (problem is not null)
                {
                    // Never echo the value itself: it is the secret.
                    diagnostics.Add(Diagnostic.Create(Rules.InvalidValue, Location.InText(text, valueSpan), "<redacted>", $"{type} secret", problem));
                }
            }
        }
        var selectors = left.Value.Select(w => new SecretSelector(IdentityParser.Parse(Unquote(w.Value)), w.Value,
            new TextSpan(span.Start + w.Start.Pos, w.Length))).ToList();
        return new SecretEntry
        {
            Document = text, Line = line, Selectors = selectors, Type = type, TypeSpan = typeSpan, ValueSpan = valueSpan, Secret = secret,
        };
    }

    private static string Unquote(string raw) =>
        raw.Length >= 2 && (raw[0] == '"' && raw[^1] == '"' || raw[0] == '\'' && raw[^1] == '\'') ? raw[1..^1] : raw;

    /// <summary>
    /// A secret as strongSwan decodes it: "quoted" or 'quoted' text as is; 0x... hex and 0s... base64 as bytes; else the
    /// bare word. Bytes that are UTF-8 text become that text (so they compare equal with a SEIL preshared-key); other
    /// bytes are kept as "0x" + hex, which no text key equals.
    /// </summary>
    public static Secret? Decode(string raw, out LocalizedText? problem)
    {
        problem = null;
        if (raw.Length >= 2 && (raw[0] == '"' && raw[^1] == '"' || raw[0] == '\'' && raw[^1] == '\''))
        {
            return new Secret(raw[1..^1]);
        }
        byte[] bytes;
        if (raw.StartsWith("0x", StringComparison.OrdinalIgnoreCase))
        {
            try
            {
                bytes = Convert.FromHexString(raw[2..]);
            }
            catch (FormatException)
            {
                problem = new("a 0x secret must be hexadecimal digits, an even number of them", "0x の値は偶数個の 16 進数字です");
                return null;
            }
        }
        else if (raw.StartsWith("0s", StringComparison.Ordinal))
        {
            try
            {
                bytes = Convert.FromBase64String(raw[2..]);
            }
            catch (FormatException)
            {
                problem = new("a 0s secret must be base64", "0s の値は base64 です");
                return null;
            }
        }
        else
        {
            return new Secret(raw);
        }
        try
        {
            return new Secret(new UTF8Encoding(false, true).GetString(bytes));
        }
        catch (DecoderFallbackException)
        {
            return new Secret("0x" + Convert.ToHexString(bytes));
        }
    }
}
