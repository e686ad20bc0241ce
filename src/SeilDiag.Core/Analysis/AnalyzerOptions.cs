using System.Text.RegularExpressions;
using SeilDiag.Diagnostics;
using SeilDiag.Text;

namespace SeilDiag.Analysis;

/// <summary>
/// Severity overrides, read from a <c>.seildiag</c> file (next to the inputs, or given by --config), in the
/// spirit of .editorconfig: one line per rule, <c>SD4001.severity = none|info|warning|error</c>,
/// <c>#</c> comments. Problems in the file itself are diagnostics on that file.
/// </summary>
public sealed partial class AnalyzerOptions
{
    public const string FileName = ".seildiag";

    private readonly Dictionary<string, Severity> _severities = new(StringComparer.OrdinalIgnoreCase);

    public static AnalyzerOptions Empty { get; } = new();

    public IReadOnlyDictionary<string, Severity> Severities => _severities;

    public static AnalyzerOptions Parse(SourceText text, List<Diagnostic> problems)
    {
        var options = new AnalyzerOptions();
        for (var line = 1; line <= text.LineCount; line++)
        {
            var content = text.GetLineText(line);
            var trimmed = content.Trim();
            if (trimmed.Length == 0 || trimmed.StartsWith('#') || trimmed.StartsWith(';'))
            {
                continue;
            }
            var match = SettingLine().Match(content);
            if (!match.Success)
            {
                problems.Add(Diagnostic.Create(Rules.SyntaxError, Location.OnLine(text, line),
                    "expected 'SDnnnn.severity = none|info|warning|error'"));
                continue;
            }
            var id = match.Groups["id"].Value;
            var valueGroup = match.Groups["value"];
            var span = new TextSpan(text.GetLineSpan(line).Start + valueGroup.Index, valueGroup.Length);
            if (Rules.Find(id) is null)
            {
                var idGroup = match.Groups["id"];
                problems.Add(Diagnostic.Create(Rules.UnknownKey,
                    Location.InText(text, new TextSpan(text.GetLineSpan(line).Start + idGroup.Index, idGroup.Length)),
                    new LocalizedText("rule", "ルール"), id, ""));
            }
            else if (!SeverityNames.TryParse(valueGroup.Value, out var severity))
            {
                problems.Add(Diagnostic.Create(Rules.InvalidValue, Location.InText(text, span),
                    valueGroup.Value, $"{id}.severity", new LocalizedText("expected none, info, warning or error", "none, info, warning, error のいずれかです")));
            }
            else
            {
                options._severities[id.ToUpperInvariant()] = severity;
            }
        }
        return options;
    }

    /// <summary>Applies the overrides; a rule set to none disappears.</summary>
    public IEnumerable<Diagnostic> Apply(IEnumerable<Diagnostic> diagnostics)
    {
        foreach (var diagnostic in diagnostics)
        {
            if (_severities.TryGetValue(diagnostic.Id, out var severity))
            {
                if (severity == Severity.None)
                {
                    continue;
                }
                yield return diagnostic.WithSeverity(severity);
            }
            else
            {
                yield return diagnostic;
            }
        }
    }

    [GeneratedRegex(@"^\s*(?<id>[A-Za-z]{2}\d{4})\s*\.\s*severity\s*=\s*(?<value>\S+)\s*(#.*)?$")]
    private static partial Regex SettingLine();
}
