using SeilDiag.Diagnostics;
using SeilDiag.Text;

namespace SeilDiag.StrongSwan.Syntax;

/// <summary>What one token of an ipsec.conf line is. Whitespace is a token too, so the tokens of a line cover it exactly.</summary>
public enum IpsecConfTokenKind
{
    Whitespace,
    /// <summary>config, conn, ca, include, version.</summary>
    Keyword,
    /// <summary>The section name (setup, %default, a conn name) or the include pattern.</summary>
    Name,
    Key,
    EqualsSign,
    /// <summary>A value as written, quotes included when quoted.</summary>
    Value,
    Comment,
    /// <summary>The unparseable rest of a malformed line, kept as written.</summary>
    Error,
    LineBreak,
}

public readonly record struct IpsecConfToken(IpsecConfTokenKind Kind, TextSpan Span);

public enum IpsecConfLineKind
{
    Blank,
    Comment,
    /// <summary>"config setup", "conn NAME", "ca NAME" at column 1.</summary>
    SectionHeader,
    /// <summary>An indented key=value.</summary>
    Parameter,
    /// <summary>"include PATTERN" at column 1.</summary>
    Include,
    /// <summary>"version 2" (old files); accepted and ignored like the starter does.</summary>
    Version,
    /// <summary>A line that is not valid ipsec.conf syntax; kept with its text and reported as SD0001.</summary>
    Error,
}

/// <summary>
/// One physical line of an ipsec.conf with its tokens. The tokens cover the line exactly (line break included), so
/// the document can be written back byte for byte and every key and value has its span for diagnostics and fixes.
/// </summary>
public sealed class IpsecConfLine
{
    public required SourceText Document { get; init; }

    /// <summary>1-based line number in <see cref="Document"/>.</summary>
    public required int Line { get; init; }

    public required IpsecConfLineKind Kind { get; init; }

    public required IReadOnlyList<IpsecConfToken> Tokens { get; init; }

    /// <summary>For SD0001: what was expected, and where on the line the problem starts.</summary>
    public LocalizedText? ErrorMessage { get; init; }

    public TextSpan? ErrorSpan { get; init; }

    public TextSpan? Find(IpsecConfTokenKind kind)
    {
        // Called several times per line (Key, Value, spans): a span loop avoids an enumerator allocation and interface
        // calls per call, which show at 14,000 lines when the code is still running unoptimised at process start.
        if (Tokens is List<IpsecConfToken> list)
        {
            foreach (var token in System.Runtime.InteropServices.CollectionsMarshal.AsSpan(list))
            {
                if (token.Kind == kind)
                {
                    return token.Span;
                }
            }
            return null;
        }
        for (var i = 0; i < Tokens.Count; i++)
        {
            if (Tokens[i].Kind == kind)
            {
                return Tokens[i].Span;
            }
        }
        return null;
    }

    public string? Text(IpsecConfTokenKind kind) => Find(kind) is { } span ? Document[span] : null;

    /// <summary>The section keyword (config/conn/ca) of a header line.</summary>
    public string? Keyword => Text(IpsecConfTokenKind.Keyword);

    /// <summary>The section name of a header, or the pattern of an include.</summary>
    public string? Name => Text(IpsecConfTokenKind.Name) is { } name ? Unquote(name) : null;

    // Key and Value are read many times per line (validation, %default/also= resolution, duplicate checks); the line
    // never changes, so each is cut out of the document once.
    private string? _key;
    private string? _value;

    public string? Key => _key ??= Text(IpsecConfTokenKind.Key);

    /// <summary>The raw value span (quotes included); null when the value is empty ("key=").</summary>
    public TextSpan? RawValueSpan => Find(IpsecConfTokenKind.Value);

    /// <summary>The value without its quotes; "" for "key=" (which resets the key to its default).</summary>
    public string Value => _value ??= RawValueSpan is { } span ? Unquote(Document[span]) : "";

    /// <summary>The span of the value's content (inside the quotes when quoted); an empty span after '=' when empty.</summary>
    public TextSpan ValueSpan
    {
        get
        {
            if (RawValueSpan is { } span)
            {
                var raw = Document[span];
                return IsQuoted(raw) ? new TextSpan(span.Start + 1, span.Length - 2) : span;
            }
            var equals = Find(IpsecConfTokenKind.EqualsSign) ?? Document.GetLineSpan(Line);
            return new TextSpan(equals.End, 0);
        }
    }

    public bool ValueIsQuoted => RawValueSpan is { } span && IsQuoted(Document[span]);

    /// <summary>The leading whitespace of a parameter line (its indentation), for inserting lines like it.</summary>
    public string Indentation => Tokens.Count > 0 && Tokens[0].Kind == IpsecConfTokenKind.Whitespace ? Document[Tokens[0].Span] : "";

    public string FullText => string.Concat(Tokens.Select(t => Document[t.Span]));

    internal static bool IsQuoted(string raw) => raw.Length >= 2 && raw[0] == '"' && raw[^1] == '"';

    /// <summary>The value inside the quotes with the starter's escapes resolved (\n, \r, \t, and \x for any other x).</summary>
    internal static string Unquote(string raw)
    {
        if (!IsQuoted(raw))
        {
            return raw;
        }
        var inner = raw[1..^1];
        if (!inner.Contains('\\'))
        {
            return inner;
        }
        var builder = new System.Text.StringBuilder(inner.Length);
        for (var i = 0; i < inner.Length; i++)
        {
            if (inner[i] == '\\' && i + 1 < inner.Length)
            {
                i++;
                builder.Append(inner[i] switch { 'n' => '\n', 'r' => '\r', 't' => '\t', var c => c });
            }
            else
            {
                builder.Append(inner[i]);
            }
        }
        return builder.ToString();
    }
}
