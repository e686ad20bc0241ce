using SeilDiag.Diagnostics;
using SeilDiag.Text;

namespace SeilDiag.Seil.Syntax;

public enum SeilLineKind
{
    Blank,
    Comment,
    /// <summary>A seil8 <c>key: value</c> line.</summary>
    Setting,
    /// <summary>A seil3 command line (<c>ike peer add ...</c>).</summary>
    Command,
    /// <summary>A line that could not be parsed; it is kept as it was and carries its SD0001.</summary>
    Error,
}

/// <summary>
/// One physical line of a SEIL config. The tree is lossless: the lines' <see cref="FullSpan"/>s tile the
/// document, so concatenating <see cref="ToFullString"/> of every line gives back the input byte for byte,
/// and every fix can be written as an exact span edit.
/// </summary>
public abstract class SeilLine
{
    protected SeilLine(SourceText text, int lineNumber)
    {
        Text = text;
        LineNumber = lineNumber;
        Span = text.GetLineSpan(lineNumber);
        FullSpan = text.GetFullLineSpan(lineNumber);
    }

    public SourceText Text { get; }

    /// <summary>1-based line number.</summary>
    public int LineNumber { get; }

    /// <summary>The line without its line break.</summary>
    public TextSpan Span { get; }

    /// <summary>The line with its line break.</summary>
    public TextSpan FullSpan { get; }

    public abstract SeilLineKind Kind { get; }

    public string ToFullString() => Text[FullSpan];

    public override string ToString() => Text[Span];

    public Location Location => Location.InText(Text, Span);
}

public sealed class SeilBlankLine(SourceText text, int lineNumber) : SeilLine(text, lineNumber)
{
    public override SeilLineKind Kind => SeilLineKind.Blank;
}

/// <summary>A <c>#</c> or <c>!</c> comment line (not documented for SEIL; accepted because listings use them).</summary>
public sealed class SeilCommentLine(SourceText text, int lineNumber) : SeilLine(text, lineNumber)
{
    public override SeilLineKind Kind => SeilLineKind.Comment;
}

/// <summary>
/// A line that failed to parse. <see cref="Error"/> is its SD0001 at the column where parsing stopped.
/// When the intent is unambiguous (the seed's stray second colon), <see cref="Recovered"/> holds the setting
/// as the author meant it, so the rest of the analysis is not thrown off by one typo.
/// </summary>
public sealed class SeilErrorLine(SourceText text, int lineNumber, Diagnostic error, SeilSettingLine? recovered = null)
    : SeilLine(text, lineNumber)
{
    public override SeilLineKind Kind => SeilLineKind.Error;

    public Diagnostic Error { get; } = error;

    public SeilSettingLine? Recovered { get; } = recovered;
}
