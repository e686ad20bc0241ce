using System.Text.RegularExpressions;
using SeilDiag.Diagnostics;
using SeilDiag.Text;

namespace SeilDiag.Analysis;

/// <summary>
/// Inline suppression in files that have comments: <c># seildiag-disable SD4001[,SD4002] -- reason</c> on its own
/// line suppresses those rules on the next non-comment line; at the end of a line it suppresses them on that
/// line; <c># seildiag-disable-file SD4001 -- reason</c> suppresses them in the whole file. Suppressed findings
/// are kept (SARIF lists them with their justification) but do not count for the exit code.
/// </summary>
public static partial class Suppressions
{
    private sealed record Entry(string RuleId, int Line, bool WholeFile, string Justification);

    public static IReadOnlyList<Diagnostic> Apply(IReadOnlyList<Diagnostic> diagnostics, IEnumerable<SourceText> documents)
    {
        var byPath = new Dictionary<string, List<Entry>>(StringComparer.Ordinal);
        foreach (var document in documents)
        {
            var entries = Scan(document);
            if (entries.Count > 0)
            {
                byPath[document.Path] = entries;
            }
        }
        if (byPath.Count == 0)
        {
            return diagnostics;
        }
        return diagnostics.Select(d =>
        {
            if (d.Location is not { Packet: null } location || !byPath.TryGetValue(location.Path, out var entries))
            {
                return d;
            }
            var hit = entries.FirstOrDefault(e => string.Equals(e.RuleId, d.Id, StringComparison.OrdinalIgnoreCase)
                                                  && (e.WholeFile || e.Line == location.Line));
            return hit is null ? d : d with { IsSuppressed = true, SuppressionJustification = hit.Justification };
        }).ToList();
    }

    private static List<Entry> Scan(SourceText text)
    {
        var entries = new List<Entry>();
        if (!text.Text.Contains("seildiag-disable", StringComparison.Ordinal))
        {
            return entries;
        }
        for (var line = 1; line <= text.LineCount; line++)
        {
            var content = text.GetLineText(line);
            var match = Directive().Match(content);
            if (!match.Success)
            {
                continue;
            }
            var ownLine = content[..match.Index].Trim().Length == 0;
            var target = ownLine ? NextCodeLine(text, line) : line;
            var wholeFile = match.Groups["file"].Success;
            var justification = match.Groups["why"].Success ? match.Groups["why"].Value.Trim() : "";
            foreach (var id in match.Groups["ids"].Value.Split([',', ' '], StringSplitOptions.RemoveEmptyEntries))
            {
                entries.Add(new Entry(id, target, wholeFile, justification));
            }
        }
        return entries;
    }

    private static int NextCodeLine(SourceText text, int line)
    {
        for (var next = line + 1; next <= text.LineCount; next++)
        {
            var trimmed = text.GetLineText(next).Trim();
            if (trimmed.Length > 0 && !trimmed.StartsWith('#'))
            {
                return next;
            }
        }
        return line;
    }

    [GeneratedRegex(@"#\s*seildiag-disable(?<file>-file)?\s+(?<ids>SD\d{4}(\s*,\s*SD\d{4})*)(\s*--\s*(?<why>.*))?", RegexOptions.IgnoreCase)]
    private static partial Regex Directive();
}
