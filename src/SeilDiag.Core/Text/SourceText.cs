namespace SeilDiag.Text;

/// <summary>
/// The full text of one input document and its line table. Every syntax node, log event and fix
/// refers back to a <see cref="SourceText"/> by span, so nothing a user wrote is ever lost.
/// </summary>
public sealed class SourceText
{
    private readonly int[] _lineStarts;

    public SourceText(string path, string text, string? encodingName = null)
    {
        Path = path;
        Text = text;
        EncodingName = encodingName ?? "utf-8";
        _lineStarts = ComputeLineStarts(text);
    }

    /// <summary>The path as the user gave it (or "-" for stdin, or a synthetic name in tests).</summary>
    public string Path { get; }

    public string Text { get; }

    /// <summary>How the bytes were decoded ("utf-8", "utf-8-bom", "shift_jis", ...).</summary>
    public string EncodingName { get; }

    public int Length => Text.Length;

    public int LineCount => _lineStarts.Length;

    public static SourceText From(string text, string path = "<memory>") => new(path, text);

    /// <summary>The position of a character offset, 1-based line and column.</summary>
    public LinePosition GetPosition(int offset)
    {
        offset = Math.Clamp(offset, 0, Text.Length);
        var index = Array.BinarySearch(_lineStarts, offset);
        var line = index >= 0 ? index : ~index - 1;
        return new LinePosition(line + 1, offset - _lineStarts[line] + 1);
    }

    /// <summary>The offset of a 1-based line and column.</summary>
    public int GetOffset(LinePosition position)
    {
        var line = Math.Clamp(position.Line, 1, LineCount);
        return Math.Min(_lineStarts[line - 1] + position.Column - 1, Text.Length);
    }

    /// <summary>The span of a 1-based line without its line break.</summary>
    public TextSpan GetLineSpan(int line)
    {
        var start = _lineStarts[line - 1];
        var end = line < LineCount ? _lineStarts[line] : Text.Length;
        while (end > start && (Text[end - 1] == '\n' || Text[end - 1] == '\r'))
        {
            end--;
        }
        return TextSpan.FromBounds(start, end);
    }

    /// <summary>The span of a 1-based line including its line break.</summary>
    public TextSpan GetFullLineSpan(int line)
    {
        var start = _lineStarts[line - 1];
        var end = line < LineCount ? _lineStarts[line] : Text.Length;
        return TextSpan.FromBounds(start, end);
    }

    public string GetLineText(int line)
    {
        var span = GetLineSpan(line);
        return Text.Substring(span.Start, span.Length);
    }

    public string this[TextSpan span] => Text.Substring(span.Start, span.Length);

    /// <summary>The line break this document uses most ("\r\n" or "\n"), for inserting new lines.</summary>
    public string NewLine => Text.Contains("\r\n", StringComparison.Ordinal) ? "\r\n" : "\n";

    private static int[] ComputeLineStarts(string text)
    {
        var starts = new List<int> { 0 };
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (c == '\r')
            {
                if (i + 1 < text.Length && text[i + 1] == '\n')
                {
                    i++;
                }
                starts.Add(i + 1);
            }
            else if (c == '\n')
            {
                starts.Add(i + 1);
            }
        }
        return starts.ToArray();
    }
}
