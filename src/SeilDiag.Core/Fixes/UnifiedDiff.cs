namespace SeilDiag.Fixes;

/// <summary>
/// A unified diff (as `diff -u` prints it) between two versions of a file, so a fix can be reviewed or piped
/// to `patch`. Line-based LCS; config files are small, and the diff is only computed for files with edits.
/// </summary>
public static class UnifiedDiff
{
    public static string Create(string path, string oldText, string newText, int context = 3)
    {
        var a = SplitLines(oldText);
        var b = SplitLines(newText);
        var ops = Diff(a, b);
        if (ops.All(o => o.Kind == ' '))
        {
            return "";
        }
        var output = new System.Text.StringBuilder();
        output.Append("--- a/").Append(path).Append('\n');
        output.Append("+++ b/").Append(path).Append('\n');
        var i = 0;
        while (i < ops.Count)
        {
            if (ops[i].Kind == ' ')
            {
                i++;
                continue;
            }
            var start = Math.Max(0, i - context);
            var end = i;
            // extend the hunk while changes are within 2*context lines of each other
            while (end < ops.Count)
            {
                if (ops[end].Kind != ' ')
                {
                    end++;
                    continue;
                }
                var run = end;
                while (run < ops.Count && ops[run].Kind == ' ')
                {
                    run++;
                }
                if (run < ops.Count && run - end <= 2 * context)
                {
                    end = run;
                }
                else
                {
                    end = Math.Min(ops.Count, end + context);
                    break;
                }
            }
            var hunk = ops.GetRange(start, end - start);
            var oldStart = hunk.First().OldLine;
            var newStart = hunk.First().NewLine;
            var oldCount = hunk.Count(o => o.Kind != '+');
            var newCount = hunk.Count(o => o.Kind != '-');
            output.Append($"@@ -{oldStart + (oldCount == 0 ? 0 : 1)},{oldCount} +{newStart + (newCount == 0 ? 0 : 1)},{newCount} @@\n");
            foreach (var op in hunk)
            {
                output.Append(op.Kind).Append(op.Text).Append('\n');
            }
            i = end;
        }
        return output.ToString();
    }

    private readonly record struct Op(char Kind, string Text, int OldLine, int NewLine);

    private static string[] SplitLines(string text)
    {
        if (text.Length == 0)
        {
            return [];
        }
        var lines = text.Replace("\r\n", "\n").Split('\n');
        return text.EndsWith('\n') ? lines[..^1] : lines;
    }

    private static List<Op> Diff(string[] a, string[] b)
    {
        // Trim the common prefix and suffix first: fixes touch a few lines of a long file.
        var prefix = 0;
        while (prefix < a.Length && prefix < b.Length && a[prefix] == b[prefix])
        {
            prefix++;
        }
        var suffix = 0;
        while (suffix < a.Length - prefix && suffix < b.Length - prefix && a[^(suffix + 1)] == b[^(suffix + 1)])
        {
            suffix++;
        }
        var n = a.Length - prefix - suffix;
        var m = b.Length - prefix - suffix;
        var lcs = new int[n + 1, m + 1];
        for (var x = n - 1; x >= 0; x--)
        {
            for (var y = m - 1; y >= 0; y--)
            {
                lcs[x, y] = a[prefix + x] == b[prefix + y] ? lcs[x + 1, y + 1] + 1 : Math.Max(lcs[x + 1, y], lcs[x, y + 1]);
            }
        }
        var ops = new List<Op>();
        for (var k = 0; k < prefix; k++)
        {
            ops.Add(new Op(' ', a[k], k, k));
        }
        int ia = 0, ib = 0;
        while (ia < n || ib < m)
        {
            if (ia < n && ib < m && a[prefix + ia] == b[prefix + ib])
            {
                ops.Add(new Op(' ', a[prefix + ia], prefix + ia, prefix + ib));
                ia++;
                ib++;
            }
            else if (ia < n && (ib == m || lcs[ia + 1, ib] >= lcs[ia, ib + 1]))
            {
                // Removals before additions, as diff -u prints a changed line.
                ops.Add(new Op('-', a[prefix + ia], prefix + ia, prefix + ib));
                ia++;
            }
            else
            {
                ops.Add(new Op('+', b[prefix + ib], prefix + ia, prefix + ib));
                ib++;
            }
        }
        for (var k = 0; k < suffix; k++)
        {
            ops.Add(new Op(' ', a[a.Length - suffix + k], a.Length - suffix + k, b.Length - suffix + k));
        }
        return ops;
    }
}
