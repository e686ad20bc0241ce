using SeilDiag.Text;

namespace SeilDiag.Seil.Syntax;

/// <summary>
/// A seil8 <c>key: value</c> line. <see cref="SeparatorSpan"/> covers everything between the key and the
/// value (spaces, the colon, spaces: the seed aligns colons in a column), so an editor can copy the file's
/// style. <see cref="Value"/> is unquoted and unescaped; <see cref="ValueSpan"/> is the raw text including quotes.
/// </summary>
public sealed class SeilSettingLine(
    SourceText text, int lineNumber, SeilKey key, TextSpan separatorSpan, TextSpan valueSpan, string value, bool isQuoted,
    TextSpan? strayColon = null)
    : SeilLine(text, lineNumber)
{
    public override SeilLineKind Kind => SeilLineKind.Setting;

    public SeilKey Key { get; } = key;

    public TextSpan SeparatorSpan { get; } = separatorSpan;

    public TextSpan ValueSpan { get; } = valueSpan;

    public string Value { get; } = value;

    public bool IsQuoted { get; } = isQuoted;

    /// <summary>Set on a recovered line (<see cref="SeilErrorLine.Recovered"/>): the extra colon before the value.</summary>
    public TextSpan? StrayColon { get; } = strayColon;

    /// <summary>The text to replace when the value changes: the value, plus the stray colon on a recovered line.</summary>
    public TextSpan ValueEditSpan => StrayColon is { } colon ? TextSpan.FromBounds(colon.Start, ValueSpan.End) : ValueSpan;
}
