using SeilDiag.Text;

namespace SeilDiag.Diagnostics;

/// <summary>Replace <see cref="Span"/> of the file at <see cref="Path"/> with <see cref="NewText"/>. An empty span inserts.</summary>
public sealed record TextEdit(string Path, TextSpan Span, LinePosition Start, LinePosition End, string NewText)
{
    public static TextEdit Replace(SourceText text, TextSpan span, string newText) =>
        new(text.Path, span, text.GetPosition(span.Start), text.GetPosition(span.End), newText);

    public static TextEdit Insert(SourceText text, int offset, string newText) =>
        Replace(text, new TextSpan(offset, 0), newText);

    /// <summary>Insert whole lines after 1-based <paramref name="line"/> (0 = at the top), using the file's line break.</summary>
    public static TextEdit InsertLinesAfter(SourceText text, int line, IEnumerable<string> lines)
    {
        var nl = text.NewLine;
        if (line <= 0)
        {
            return Insert(text, 0, string.Concat(lines.Select(l => l + nl)));
        }
        var full = text.GetFullLineSpan(Math.Min(line, text.LineCount));
        var endsWithBreak = full.Length > 0 && text.Text[full.End - 1] == '\n';
        var body = string.Join(nl, lines);
        return endsWithBreak
            ? Insert(text, full.End, body + nl)
            : Insert(text, full.End, nl + body);
    }

    /// <summary>Delete the whole 1-based line including its line break.</summary>
    public static TextEdit DeleteLine(SourceText text, int line) => Replace(text, text.GetFullLineSpan(line), "");
}

/// <summary>How a fix changes the security of the tunnel; fixes that keep or raise it are offered first.</summary>
public enum FixSafety
{
    KeepsSecurity = 0,
    WeakensSecurity = 1,
}

/// <summary>
/// One way to fix a diagnosis: a title, optionally a longer explanation, and the text edits (possibly in
/// several files). A fix with no edits is advice (for example from a log alone, when no config was given):
/// it names the keys to change on each side. Title and explanation are phrases, so they carry both languages
/// (<see cref="LocalizedText"/>); a plain string is a title that reads the same in both (a key = value edit)
/// or one whose producer has no Japanese yet.
/// </summary>
public sealed record CodeFix
{
    public CodeFix(LocalizedText title, IReadOnlyList<TextEdit> edits, FixSafety safety = FixSafety.KeepsSecurity, LocalizedText? explanation = null)
    {
        TitleText = title;
        Edits = edits;
        Safety = safety;
        ExplanationText = explanation;
    }

    public CodeFix(string title, IReadOnlyList<TextEdit> edits, FixSafety safety = FixSafety.KeepsSecurity, string? explanation = null)
        : this(LocalizedText.Invariant(title), edits, safety, explanation is null ? null : LocalizedText.Invariant(explanation))
    {
    }

    public LocalizedText TitleText { get; init; }

    public IReadOnlyList<TextEdit> Edits { get; init; }

    public FixSafety Safety { get; init; }

    public LocalizedText? ExplanationText { get; init; }

    /// <summary>The English title (merging and tests compare fixes by it).</summary>
    public string Title => TitleText.English;

    /// <summary>The English explanation.</summary>
    public string? Explanation => ExplanationText?.English;

    public string GetTitle(string lang) => TitleText.Get(lang);

    public string? GetExplanation(string lang) => ExplanationText?.Get(lang);

    public bool IsAdvice => Edits.Count == 0;

    public static CodeFix Advice(string title, FixSafety safety = FixSafety.KeepsSecurity, string? explanation = null) =>
        new(title, [], safety, explanation);

    public static CodeFix Advice(LocalizedText title, FixSafety safety = FixSafety.KeepsSecurity, LocalizedText? explanation = null) =>
        new(title, [], safety, explanation);
}
