using System.Text;

namespace SeilDiag.Logs;

/// <summary>One log to explain: a name for locations (a path, or "-" for stdin) and a reader that is consumed once, streaming.</summary>
public sealed record LogInput(string Path, TextReader Reader)
{
    /// <summary>
    /// Opens a log file for streaming: UTF-8 (BOM honoured) with undecodable bytes replaced by U+FFFD, so a log with
    /// mixed encodings or binary garbage is still read line by line and the bad lines are reported, not fatal.
    /// </summary>
    public static LogInput Open(string path)
    {
        if (Directory.Exists(path))
        {
            throw new Text.InputException(path, "is a directory, expected a log file");
        }
        if (!File.Exists(path))
        {
            throw new Text.InputException(path, "file not found");
        }
        // bufferSize 0: the front-end reads the bytes into its own pooled buffer (Utf8LineReader); a FileStream buffer
        // would only add a copy. The StreamReader stays the reader for callers that read text, and for the rare file
        // with a UTF-16/32 byte order mark (it decodes those).
        var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite, 0, FileOptions.SequentialScan);
        return new LogInput(path, new StreamReader(stream, new UTF8Encoding(false, false), detectEncodingFromByteOrderMarks: true, bufferSize: 1 << 16))
        {
            Utf8Source = stream,
        };
    }

    /// <summary>
    /// The raw bytes behind <see cref="Reader"/> when the input was opened from a file: the front-end then reads lines
    /// as UTF-8 bytes (same text as the reader would give) instead of decoding every line. Null for text inputs.
    /// </summary>
    internal Stream? Utf8Source { get; init; }

    public static LogInput FromText(string path, string text) => new(path, new StringReader(text));
}
