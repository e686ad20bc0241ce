using Microsoft.Extensions.Logging;
using SeilDiag.Analysis;
using SeilDiag.Text;

namespace SeilDiag.Cli.Inputs;

/// <summary>
/// Turns the paths on the command line into inputs: files, every file of a folder, or "-" for stdin.
/// The kind is detected from the first 64 KiB; logs and captures are not read here (their front-ends
/// stream them, so a 1 GB log never sits in memory); configs are read whole. Missing files are unusable
/// input (exit 2); files of unknown kind are listed, not fatal.
/// </summary>
public sealed class InputLoader(CliConsole console, ILogger logger)
{
    private const int HeadBytes = 64 * 1024;

    public IReadOnlyList<InputFile> Load(IEnumerable<string> paths, DocumentKind? forcedKind)
    {
        var inputs = new List<InputFile>();
        foreach (var path in paths)
        {
            if (path == "-")
            {
                var text = new SourceText("-", console.In.ReadToEnd());
                if (string.IsNullOrWhiteSpace(text.Text))
                {
                    throw new InputException("-", "stdin is empty: paste log lines or a config, or give files");
                }
                inputs.Add(new InputFile("-", forcedKind ?? KindDetector.DetectText(text), text));
                continue;
            }
            if (Directory.Exists(path))
            {
                var before = inputs.Count;
                foreach (var file in Directory.EnumerateFiles(path, "*", SearchOption.AllDirectories)
                             .Where(f => !Path.GetFileName(f).StartsWith('.'))
                             .Order(StringComparer.Ordinal))
                {
                    inputs.Add(LoadFile(file, forcedKind, inFolder: true));
                }
                if (inputs.Count == before)
                {
                    throw new InputException(path, "the folder holds no files; expected configs, logs, captures or key tables");
                }
                continue;
            }
            inputs.Add(LoadFile(path, forcedKind, inFolder: false));
        }
        foreach (var input in inputs)
        {
            logger.LogInformation("{Path}: {Kind}", input.Path, input.Kind.ToCliName());
        }
        return inputs;
    }

    private static InputFile LoadFile(string path, DocumentKind? forcedKind, bool inFolder)
    {
        if (!File.Exists(path))
        {
            throw new InputException(path, "file not found");
        }
        var head = new byte[HeadBytes];
        int read;
        using (var stream = File.OpenRead(path))
        {
            read = stream.ReadAtLeast(head, head.Length, throwOnEndOfStream: false);
        }
        var bytes = head.AsSpan(0, read);
        if (forcedKind is DocumentKind.Capture || (forcedKind is null && KindDetector.LooksLikeCapture(bytes)))
        {
            return new InputFile(path, DocumentKind.Capture, null);
        }
        if (InputReader.LooksBinary(bytes))
        {
            if (inFolder)
            {
                // A folder may hold anything (a core dump, a zip); list it, don't stop.
                return new InputFile(path, DocumentKind.Unknown, null);
            }
            throw new InputException(path, "looks like a binary file (NUL bytes) and not a pcap/pcapng capture; expected a config, log or capture");
        }
        var kind = forcedKind ?? KindDetector.DetectText(InputReader.Decode(path, TrimToWholeLines(bytes, read == HeadBytes)));
        if (kind is DocumentKind.CharonLog or DocumentKind.RacoonLog)
        {
            return new InputFile(path, kind, null);
        }
        return new InputFile(path, kind, InputReader.ReadFile(path));
    }

    /// <summary>Cut a partial head at its last line break so a multi-byte character is never split.</summary>
    private static ReadOnlySpan<byte> TrimToWholeLines(ReadOnlySpan<byte> bytes, bool truncated)
    {
        if (!truncated)
        {
            return bytes;
        }
        var last = bytes.LastIndexOf((byte)'\n');
        return last > 0 ? bytes[..(last + 1)] : bytes;
    }
}
