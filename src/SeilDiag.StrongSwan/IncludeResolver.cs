using SeilDiag.Text;

namespace SeilDiag.StrongSwan;

/// <summary>
/// How includes reach files: <see cref="ReadFile"/> returns null when a file does not exist; <see cref="ListDirectory"/>
/// lists the file paths of a directory (empty when it does not exist) so glob patterns can be expanded. Tests feed
/// in-memory files; the CLI uses <see cref="Disk"/>.
/// </summary>
public sealed class IncludeResolver(Func<string, SourceText?> readFile, Func<string, IEnumerable<string>> listDirectory)
{
    public Func<string, SourceText?> ReadFile { get; } = readFile;

    public Func<string, IEnumerable<string>> ListDirectory { get; } = listDirectory;

    public static IncludeResolver Disk { get; } = new(ReadFromDisk, ListFromDisk);

    private static SourceText? ReadFromDisk(string path) => File.Exists(path) ? InputReader.ReadFile(path) : null;

    private static IEnumerable<string> ListFromDisk(string directory) =>
        Directory.Exists(directory) ? Directory.EnumerateFiles(directory) : [];

    /// <summary>Resolves an include pattern relative to the directory of the including file.</summary>
    public static string Combine(string includingPath, string pattern)
    {
        if (Path.IsPathRooted(pattern))
        {
            return pattern;
        }
        var directory = Path.GetDirectoryName(includingPath);
        return string.IsNullOrEmpty(directory) ? pattern : Path.Combine(directory, pattern);
    }

    public static bool HasWildcards(string pattern) => pattern.IndexOfAny(['*', '?', '[']) >= 0;

    /// <summary>
    /// Expands a pattern whose wildcards are in the file name part (the starter uses glob(3); wildcards in directory
    /// names are rare in ipsec.conf and are not expanded here). Matches are sorted, as glob(3) returns them.
    /// </summary>
    public IReadOnlyList<string> Expand(string path)
    {
        if (!HasWildcards(path))
        {
            return [path];
        }
        var directory = Path.GetDirectoryName(path) ?? "";
        var filePattern = Path.GetFileName(path);
        var regex = new System.Text.RegularExpressions.Regex("^" + GlobToRegex(filePattern) + "$");
        return ListDirectory(directory.Length == 0 ? "." : directory)
            .Where(candidate => regex.IsMatch(Path.GetFileName(candidate)))
            .Select(candidate => directory.Length == 0 ? Path.GetFileName(candidate) : Path.Combine(directory, Path.GetFileName(candidate)))
            .Order(StringComparer.Ordinal)
            .ToList();
    }

    private static string GlobToRegex(string glob)
    {
        var builder = new System.Text.StringBuilder();
        for (var i = 0; i < glob.Length; i++)
        {
            var c = glob[i];
            switch (c)
            {
                case '*': builder.Append("[^/]*"); break;
                case '?': builder.Append("[^/]"); break;
                case '[':
                    var close = glob.IndexOf(']', i + 1);
                    if (close < 0)
                    {
                        builder.Append(@"\[");
                        break;
                    }
                    var set = glob[(i + 1)..close];
                    builder.Append('[').Append(set.StartsWith('!') ? "^" + set[1..] : set).Append(']');
                    i = close;
                    break;
                default: builder.Append(System.Text.RegularExpressions.Regex.Escape(c.ToString())); break;
            }
        }
        return builder.ToString();
    }
}
