using SeilDiag.Diagnostics;
using SeilDiag.Text;

namespace SeilDiag.StrongSwan.Tests;

/// <summary>
/// Roslyn-style test markup: "{|SD0002:leftsubent|}" marks the span where a diagnostic with that ID is expected. Parse
/// removes the markers and returns the plain text and the expected (id, span) pairs.
/// </summary>
public static class Markup
{
    public sealed record Expected(string Id, TextSpan Span);

    public static (string Text, IReadOnlyList<Expected> Expected) Parse(string markup)
    {
        var text = new System.Text.StringBuilder();
        var expected = new List<Expected>();
        var open = new Stack<(string Id, int Start)>();
        for (var i = 0; i < markup.Length; i++)
        {
            if (markup[i] == '{' && i + 1 < markup.Length && markup[i + 1] == '|')
            {
                var colon = markup.IndexOf(':', i + 2);
                open.Push((markup[(i + 2)..colon], text.Length));
                i = colon;
            }
            else if (markup[i] == '|' && i + 1 < markup.Length && markup[i + 1] == '}' && open.Count > 0)
            {
                var (id, start) = open.Pop();
                expected.Add(new Expected(id, TextSpan.FromBounds(start, text.Length)));
                i++;
            }
            else
            {
                text.Append(markup[i]);
            }
        }
        return (text.ToString(), expected);
    }

    /// <summary>Asserts that the diagnostics of the given IDs are exactly the marked ones, at the marked spans.</summary>
    public static void Verify(IReadOnlyList<Expected> expected, IEnumerable<Diagnostic> diagnostics, params string[] ids)
    {
        var actual = diagnostics.Where(d => ids.Contains(d.Id))
            .Select(d => $"{d.Id}@{d.Location?.Span}")
            .Order().ToList();
        var wanted = expected.Where(e => ids.Contains(e.Id)).Select(e => $"{e.Id}@{e.Span}").Order().ToList();
        Assert.Equal(wanted, actual);
    }
}
