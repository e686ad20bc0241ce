using SeilDiag.Text;

namespace SeilDiag.Seil.Syntax;

/// <summary>One dot-separated part of a seil8 key ("interface", "ipsec0", "0", "algorithm") and where it is.</summary>
public sealed record SeilKeySegment(string Text, TextSpan Span)
{
    /// <summary>A list index ("encryption.0.algorithm"): digits only.</summary>
    public bool IsIndex => Text.Length > 0 && Text.All(char.IsAsciiDigit);
}

/// <summary>A seil8 key: the dotted path and the span of every segment.</summary>
public sealed class SeilKey(IReadOnlyList<SeilKeySegment> segments)
{
    public IReadOnlyList<SeilKeySegment> Segments { get; } = segments;

    public TextSpan Span { get; } = TextSpan.FromBounds(segments[0].Span.Start, segments[^1].Span.End);

    public string Text { get; } = string.Join('.', segments.Select(s => s.Text));

    /// <summary>The span from segment <paramref name="first"/> to the end of the key.</summary>
    public TextSpan SpanFrom(int first) => TextSpan.FromBounds(Segments[first].Span.Start, Span.End);

    public override string ToString() => Text;
}
