using SeilDiag.Tests;
using SeilDiag.Text;

namespace SeilDiag.StrongSwan.Tests;

/// <summary>Real inputs: ipsec.conf blocks of the seed article, the lab's configs and charon logs; and in-memory file sets.</summary>
public static class TestInputs
{
    public static string SeedPath() => SharedFiles.Require("seed", "000_b3ea9c92e5d0cf72.txt");

    /// <summary>Each "# strongSwan config - /etc/NAME" block of the seed article (the header comment up to the next blank line).</summary>
    public static IReadOnlyList<string> SeedBlocks(string name)
    {
        var lines = File.ReadAllLines(SeedPath());
        var blocks = new List<string>();
        for (var i = 0; i < lines.Length; i++)
        {
            if (!lines[i].StartsWith("# strongSwan config - /etc/" + name, StringComparison.Ordinal))
            {
                continue;
            }
            var block = new List<string>();
            for (var j = i; j < lines.Length && lines[j].Trim().Length > 0; j++)
            {
                block.Add(lines[j]);
            }
            blocks.Add(string.Join("\n", block) + "\n");
        }
        return blocks;
    }

    public static string LabRoot() => SharedFiles.Require("corpus", "lab");

    /// <summary>Every ipsec.conf of the lab (all scenarios, both sides, sub-scenarios).</summary>
    public static IEnumerable<string> LabConfs() =>
        Directory.EnumerateFiles(LabRoot(), "*.ipsec.conf", SearchOption.AllDirectories).Order(StringComparer.Ordinal);

    public static SourceText Read(string path) => InputReader.ReadFile(path);

    /// <summary>An in-memory file set for includes: paths are as given (relative paths resolve against "/etc").</summary>
    public static IncludeResolver Files(Dictionary<string, string> files) => new(
        path => files.TryGetValue(path, out var text) ? SourceText.From(text, path) : null,
        directory => files.Keys.Where(k => string.Equals(Path.GetDirectoryName(k), directory, StringComparison.Ordinal)));
}
