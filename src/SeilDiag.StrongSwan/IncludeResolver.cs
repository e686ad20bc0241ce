using SeilDiag.Diagnostics;
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

    /// <summary>Include chains deeper than this are reported rather than followed (the starter stops at 10 as well).</summary>
    public const int MaxIncludeDepth = 10;

    /// <summary>A path made absolute for loop detection; unusable paths stay as given.</summary>
    public static string FullPath(string path)
    {
        try
        {
            return Path.GetFullPath(path);
        }
        catch (Exception e) when (e is ArgumentException or NotSupportedException or PathTooLongException)
        {
            return path;
        }
    }

    /// <summary>
    /// Follows one include of all three file kinds: expands the pattern relative to the including file, and for each
    /// file found calls <paramref name="visit"/> with the file and the include stack extended by it. A pattern that
    /// matches nothing is only information (strongSwan skips it); a loop, a missing or unreadable file, or a chain deeper
    /// than <see cref="MaxIncludeDepth"/> is SD0004 at <paramref name="where"/>.
    /// </summary>
    public void Follow(string includingPath, string pattern, Location where, IReadOnlyList<string> stack, List<Diagnostic> diagnostics,
        Action<SourceText, List<string>> visit)
    {
        var targets = Expand(Combine(includingPath, pattern));
        if (targets.Count == 0)
        {
            diagnostics.Add(Diagnostic.Create(Rules.IncludeProblem, where, Phrases.IncludeMatchesNothing(pattern)).WithSeverity(Severity.Info));
            return;
        }
        foreach (var target in targets)
        {
            var full = FullPath(target);
            if (stack.Contains(full, StringComparer.Ordinal))
            {
                var chain = string.Join(" → ", stack.Skip(stack.ToList().IndexOf(full)).Append(full).Select(Path.GetFileName));
                diagnostics.Add(Diagnostic.Create(Rules.IncludeProblem, where, Phrases.IncludeLoop(chain)));
                continue;
            }
            if (stack.Count > MaxIncludeDepth)
            {
                diagnostics.Add(Diagnostic.Create(Rules.IncludeProblem, where,
                    new LocalizedText($"includes nested more than {MaxIncludeDepth} deep; '{target}' is not read", $"include の入れ子が {MaxIncludeDepth} 段を超えています。'{target}' は読みません")));
                continue;
            }
            SourceText? included;
            try
            {
                included = ReadFile(target);
            }
            catch (InputException e)
            {
                diagnostics.Add(Diagnostic.Create(Rules.IncludeProblem, where, Phrases.IncludeUnreadable(target, e.Message)));
                continue;
            }
            if (included is null)
            {
                diagnostics.Add(Diagnostic.Create(Rules.IncludeProblem, where, Phrases.IncludeMissing(target)));
                continue;
            }
            visit(included, [.. stack, full]);
        }
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
