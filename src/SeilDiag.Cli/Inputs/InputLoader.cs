using Microsoft.Extensions.Logging;
using SeilDiag.Analysis;
using SeilDiag.Text;

namespace SeilDiag.Cli.Inputs;

/// <summary>
/// Turns the paths on the command line into inputs: files, every file of a folder (not recursively into
/// hidden folders), or "-" for stdin. Missing files are unusable input (exit 2); files of unknown kind are
/// listed, not fatal.
/// </summary>
public sealed class InputLoader(CliConsole console, ILogger logger)
{
    public IReadOnlyList<InputFile> Load(IEnumerable<string> paths, DocumentKind? forcedKind)
    {
        var inputs = new List<InputFile>();
        foreach (var path in paths)
        {
            if (path == "-")
            {
                var text = new SourceText("-", console.In.ReadToEnd());
                inputs.Add(new InputFile("-", forcedKind ?? KindDetector.DetectText(text), text));
                continue;
            }
            if (Directory.Exists(path))
            {
                foreach (var file in Directory.EnumerateFiles(path, "*", SearchOption.AllDirectories)
                             .Where(f => !Path.GetFileName(f).StartsWith('.'))
                             .Order(StringComparer.Ordinal))
                {
                    inputs.Add(LoadFile(file, forcedKind));
                }
                continue;
            }
            inputs.Add(LoadFile(path, forcedKind));
        }
        foreach (var input in inputs)
        {
            logger.LogInformation("{Path}: {Kind}", input.Path, input.Kind.ToCliName());
        }
        return inputs;
    }

    private static InputFile LoadFile(string path, DocumentKind? forcedKind)
    {
        if (!File.Exists(path))
        {
            throw new InputException(path, "file not found");
        }
        Span<byte> head = stackalloc byte[16];
        int read;
        using (var stream = File.OpenRead(path))
        {
            read = stream.ReadAtLeast(head, head.Length, throwOnEndOfStream: false);
        }
        if (forcedKind is DocumentKind.Capture || (forcedKind is null && KindDetector.LooksLikeCapture(head[..read])))
        {
            return new InputFile(path, DocumentKind.Capture, null);
        }
        var text = InputReader.ReadFile(path);
        return new InputFile(path, forcedKind ?? KindDetector.DetectText(text), text);
    }
}
