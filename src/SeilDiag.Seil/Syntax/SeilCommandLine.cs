using SeilDiag.Text;

namespace SeilDiag.Seil.Syntax;

/// <summary>One seil3 token: <see cref="Value"/> is unquoted and unescaped, <see cref="Span"/> is the raw text (with quotes).</summary>
public sealed record SeilToken(string Value, TextSpan Span, bool IsQuoted)
{
    public override string ToString() => Value;
}

/// <summary>A seil3 command line ("ike peer add TWO address 10.0.0.2 ..."), tokenised.</summary>
public sealed class SeilCommandLine(SourceText text, int lineNumber, IReadOnlyList<SeilToken> tokens) : SeilLine(text, lineNumber)
{
    public override SeilLineKind Kind => SeilLineKind.Command;

    public IReadOnlyList<SeilToken> Tokens { get; } = tokens;
}
