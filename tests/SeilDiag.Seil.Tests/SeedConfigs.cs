using SeilDiag.Tests;

namespace SeilDiag.Seil.Tests;

/// <summary>The SEIL configs printed in the seed article, cut out of the article text as they are.</summary>
public static class SeedConfigs
{
    public static string ArticleText() => File.ReadAllText(SharedFiles.Require("seed", "000_b3ea9c92e5d0cf72.txt"));

    /// <summary>
    /// Every run of consecutive lines that start with "interface." or "route." and contain a colon (the seil8
    /// config listings; prose mentioning a key has no colon after it or is not at the start of a line).
    /// Each block keeps its line breaks. The first line number (1-based) in the article comes with it.
    /// </summary>
    public static IReadOnlyList<(int Line, string Text)> Blocks(string article)
    {
        var lines = article.Split('\n');
        var blocks = new List<(int, string)>();
        var current = new List<string>();
        var start = 0;
        for (var i = 0; i <= lines.Length; i++)
        {
            var line = i < lines.Length ? lines[i] : "";
            if ((line.StartsWith("interface.", StringComparison.Ordinal) || line.StartsWith("route.", StringComparison.Ordinal))
                && line.Contains(" : ", StringComparison.Ordinal))
            {
                if (current.Count == 0)
                {
                    start = i + 1;
                }
                current.Add(line);
                continue;
            }
            if (current.Count > 0)
            {
                blocks.Add((start, string.Concat(current.Select(l => l + "\n"))));
                current.Clear();
            }
        }
        return blocks;
    }

    /// <summary>The block that starts at <paramref name="line"/> of the article.</summary>
    public static string Block(int line) => Blocks(ArticleText()).Single(b => b.Line == line).Text;

    /// <summary>
    /// The phase-1 transform table printed after <paramref name="heading"/> ("entry Life-Type Life-Duration
    /// Authentication-Method Encryption Hash Group" rows), as (lifetime, encryption, hash, group) tuples.
    /// </summary>
    public static IReadOnlyList<(int Lifetime, string Encryption, string Hash, string Group)> TransformTable(string article, string heading)
    {
        var lines = article.Split('\n');
        var at = Array.FindIndex(lines, l => l.Contains(heading, StringComparison.Ordinal));
        Assert.True(at >= 0, $"heading '{heading}' not in the seed");
        var header = Array.FindIndex(lines, at, l => l.StartsWith("entry  Life-Type", StringComparison.Ordinal));
        var rows = new List<(int, string, string, string)>();
        for (var i = header + 1; i < lines.Length; i++)
        {
            var cells = lines[i].Split(' ', StringSplitOptions.RemoveEmptyEntries);
            if (cells.Length < 8 || !int.TryParse(cells[0], System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out _))
            {
                break;
            }
            // entry, Seconds, duration, "Pre-shared", "key", "(psk)", encryption, hash, group
            rows.Add((int.Parse(cells[2], System.Globalization.CultureInfo.InvariantCulture), cells[^3], cells[^2], cells[^1]));
        }
        return rows;
    }
}
