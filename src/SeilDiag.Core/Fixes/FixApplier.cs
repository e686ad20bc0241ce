using SeilDiag.Diagnostics;

namespace SeilDiag.Fixes;

/// <summary>
/// Applies text edits to documents. Edits are applied from the end of the file backwards so earlier offsets
/// stay valid; overlapping edits are refused (the later one is skipped and reported), never merged, so
/// every byte outside an edit stays as it was.
/// </summary>
public static class FixApplier
{
    public sealed record Result(string NewText, IReadOnlyList<TextEdit> Applied, IReadOnlyList<TextEdit> Skipped);

    public static Result Apply(string text, IEnumerable<TextEdit> edits)
    {
        var ordered = edits.Distinct().OrderBy(e => e.Span.Start).ThenBy(e => e.Span.Length).ToList();
        var applied = new List<TextEdit>();
        var skipped = new List<TextEdit>();
        TextEdit? previous = null;
        foreach (var edit in ordered)
        {
            // Two edits conflict when they overlap, or when one inserts exactly where the other replaces:
            // "append '!'" and "rewrite the whole value" must not both land on the same value.
            var conflicts = previous is not null
                            && (edit.Span.Start < previous.Span.End
                                || (edit.Span.Start == previous.Span.End && (edit.Span.Length == 0 || previous.Span.Length == 0)));
            if (conflicts || edit.Span.End > text.Length)
            {
                skipped.Add(edit);
                continue;
            }
            applied.Add(edit);
            previous = edit;
        }
        var builder = new System.Text.StringBuilder(text);
        foreach (var edit in Enumerable.Reverse(applied))
        {
            builder.Remove(edit.Span.Start, edit.Span.Length);
            builder.Insert(edit.Span.Start, edit.NewText);
        }
        return new Result(builder.ToString(), applied, skipped);
    }

    /// <summary>The first fix of each diagnostic (the preferred, secure one), grouped by file.</summary>
    public static IReadOnlyDictionary<string, List<TextEdit>> PreferredEdits(IEnumerable<Diagnostic> diagnostics)
    {
        var byFile = new Dictionary<string, List<TextEdit>>(StringComparer.Ordinal);
        foreach (var diagnostic in diagnostics)
        {
            var fix = diagnostic.Fixes.FirstOrDefault(f => !f.IsAdvice);
            if (fix is null || diagnostic.IsSuppressed)
            {
                continue;
            }
            foreach (var edit in fix.Edits)
            {
                if (!byFile.TryGetValue(edit.Path, out var list))
                {
                    byFile[edit.Path] = list = [];
                }
                list.Add(edit);
            }
        }
        return byFile;
    }
}
