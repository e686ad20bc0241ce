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
        var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite, 1 << 16, FileOptions.SequentialScan);
        return new LogInput(path, new StreamReader(stream, new UTF8Encoding(false, false), detectEncodingFromByteOrderMarks: true, bufferSize: 1 << 16));
    }

    public static LogInput FromText(string path, string text) => new(path, new StringReader(text));
}
