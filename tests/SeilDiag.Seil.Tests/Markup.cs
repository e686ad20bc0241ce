using SeilDiag.Text;

namespace SeilDiag.Seil.Tests;

/// <summary>
/// Roslyn-style test markup: <c>{|SD0002:encyption|}</c> marks the span where a diagnostic of that ID is
/// expected. <see cref="Parse"/> strips the markup and returns the plain text and the marked spans.
/// </summary>
public static class Markup
{
    public sealed record Marked(string Id, TextSpan Span);

    public static (string Text, IReadOnlyList<Marked> Spans) Parse(string markup)
    {
        var output = new System.Text.StringBuilder();
        var spans = new List<Marked>();
        var open = new Stack<(string Id, int Start)>();
        var i = 0;
        while (i < markup.Length)
        {
            if (markup.AsSpan(i).StartsWith("{|"))
            {
                var colon = markup.IndexOf(':', i + 2);
                open.Push((markup[(i + 2)..colon], output.Length));
                i = colon + 1;
            }
            else if (markup.AsSpan(i).StartsWith("|}"))
            {
                var (id, start) = open.Pop();
                spans.Add(new Marked(id, TextSpan.FromBounds(start, output.Length)));
                i += 2;
            }
            else
            {
                output.Append(markup[i]);
                i++;
            }
        }
        if (open.Count > 0)
        {
            throw new ArgumentException("unclosed {| in test markup");
        }
        return (output.ToString(), spans);
    }

    /// <summary>
    /// Parses the marked-up config and asserts that the diagnostics of <paramref name="id"/> are exactly at the
    /// marked spans (no more, no fewer). Returns the document for further checks.
    /// </summary>
    public static SeilConfigDocument Verify(string markup, string id)
    {
        var (text, spans) = Parse(markup);
        var document = SeilFrontEnd.Parse(SourceText.From(text, "test.conf"));
        var expected = spans.Where(s => s.Id == id).Select(s => s.Span).OrderBy(s => s.Start).ToList();
        var actual = document.Diagnostics.Where(d => d.Id == id).Select(d => d.Location!.Span!.Value).OrderBy(s => s.Start).ToList();
        Assert.True(expected.SequenceEqual(actual),
            $"expected {id} at [{string.Join(", ", expected.Select(s => $"{s} '{text.Substring(s.Start, s.Length)}'"))}] but got "
            + $"[{string.Join(", ", document.Diagnostics.Where(d => d.Id == id).Select(d => $"{d.Location!.Span} '{text.Substring(d.Location.Span!.Value.Start, d.Location.Span.Value.Length)}' {d.Message}"))}]");
        return document;
    }
}
