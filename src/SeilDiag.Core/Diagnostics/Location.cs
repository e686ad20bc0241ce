using SeilDiag.Text;

namespace SeilDiag.Diagnostics;

/// <summary>
/// Where a finding or a piece of evidence is: a span in a text file (config or log line), or a packet
/// of a capture. Lines and columns are 1-based; <see cref="Span"/> keeps the character offsets so a fix
/// can edit the exact text.
/// </summary>
public sealed record Location
{
    public required string Path { get; init; }

    public int Line { get; init; }

    public int Column { get; init; }

    public int EndLine { get; init; }

    public int EndColumn { get; init; }

    /// <summary>Character offsets in the document, when the location is in text.</summary>
    public TextSpan? Span { get; init; }

    /// <summary>1-based frame number, when the location is a packet of a capture.</summary>
    public long? Packet { get; init; }

    public static Location InText(SourceText text, TextSpan span)
    {
        var start = text.GetPosition(span.Start);
        var end = text.GetPosition(span.End);
        return new Location
        {
            Path = text.Path,
            Line = start.Line,
            Column = start.Column,
            EndLine = end.Line,
            EndColumn = end.Column,
            Span = span,
        };
    }

    /// <summary>A whole line of a text document (log lines, or a config line without a narrower span).</summary>
    public static Location OnLine(SourceText text, int line) => InText(text, text.GetLineSpan(line));

    /// <summary>A log line known only by its number (streamed logs do not keep their text).</summary>
    public static Location LogLine(string path, int line, int length = 0) => new()
    {
        Path = path,
        Line = line,
        Column = 1,
        EndLine = line,
        EndColumn = length + 1,
    };

    public static Location InCapture(string path, long packet) => new() { Path = path, Packet = packet };

    public bool IsPacket => Packet is not null;

    public override string ToString() =>
        Packet is { } frame ? $"{Path}#{frame}" : $"{Path}:{Line}:{Column}";
}
