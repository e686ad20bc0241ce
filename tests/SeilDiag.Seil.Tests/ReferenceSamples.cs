using SeilDiag.Tests;

namespace SeilDiag.Seil.Tests;

/// <summary>Config samples quoted in the team's SEIL reference (seil-reference.md): IIJ converter test vectors and real configs.</summary>
public static class ReferenceSamples
{
    public static string Document() => File.ReadAllText(SharedFiles.Require("docs", "research", "seil-reference.md"));

    /// <summary>The <paramref name="index"/>-th fenced code block (0-based) after the heading that starts with <paramref name="heading"/>.</summary>
    public static string CodeBlock(string heading, int index = 0)
    {
        var lines = Document().Split('\n');
        var at = Array.FindIndex(lines, l => l.StartsWith(heading, StringComparison.Ordinal));
        Assert.True(at >= 0, $"heading '{heading}' not found");
        var blocks = new List<string>();
        var current = (List<string>?)null;
        for (var i = at + 1; i < lines.Length && blocks.Count <= index; i++)
        {
            if (lines[i].StartsWith("```", StringComparison.Ordinal))
            {
                if (current is null)
                {
                    current = [];
                }
                else
                {
                    blocks.Add(string.Concat(current.Select(l => l + "\n")));
                    current = null;
                }
                continue;
            }
            current?.Add(lines[i]);
        }
        return blocks[index];
    }
}
