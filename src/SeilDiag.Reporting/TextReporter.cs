using SeilDiag.Diagnostics;
using SeilDiag.Fixes;

namespace SeilDiag.Reporting;

/// <summary>
/// Compiler-style text: <c>path:line:col: error SD0002: message</c>, the source line with a caret under the
/// span, then the evidence, related locations, fixes (as a unified diff when they edit a given file) and
/// the rule's help page. Colour only when writing to a terminal.
/// </summary>
public sealed class TextReporter(bool color = false) : IReporter
{
    public string Format => "text";

    public void Write(ReportInput input, TextWriter output)
    {
        var r = input.Redactor;
        foreach (var line in input.Summary)
        {
            output.WriteLine(r.Redact(line));
        }
        // How the logs were put on one clock, when there was more than one source to align: the terminal reader
        // needs it as much as the ticket reader, since a wrong offset misplaces every log line.
        var clocks = input.ClockOffsets.Count >= 2 || input.ClockOffsets.Any(o => o.Estimated && o.MatchedEvents > 0) ? input.ClockOffsets : [];
        if (clocks.Count > 0)
        {
            var label = ReportText.For(input.Lang).ClockOffsets.ToLowerInvariant();
            foreach (var clock in clocks)
            {
                output.WriteLine($"{label}: {r.Redact(clock.GetMethod(input.Lang))}");
            }
        }
        if (input.Summary.Count > 0 || clocks.Count > 0)
        {
            output.WriteLine();
        }
        foreach (var diagnostic in input.Diagnostics)
        {
            WriteDiagnostic(input, diagnostic, output);
        }
        output.WriteLine(ReportFacts.CountLine(input));
    }

    private void WriteDiagnostic(ReportInput input, Diagnostic d, TextWriter output)
    {
        var r = input.Redactor;
        var where = d.Location is null ? "seildiag" : d.Location.ToString();
        var severity = d.IsSuppressed ? "suppressed" : d.Severity.ToName();
        output.WriteLine($"{where}: {Paint(severity, d.Severity)} {d.Id}: {r.Redact(d.GetMessage(input.Lang))}");
        if (d.Location is { Packet: null } location && input.FindDocument(location.Path) is { } document
            && location.Line >= 1 && location.Line <= document.LineCount)
        {
            var text = r.Redact(document.GetLineText(location.Line));
            var gutter = location.Line.ToString(System.Globalization.CultureInfo.InvariantCulture);
            output.WriteLine($"  {gutter} | {text}");
            var width = location.EndLine == location.Line ? Math.Max(1, location.EndColumn - location.Column) : Math.Max(1, text.Length - location.Column + 1);
            if (location.Column - 1 <= text.Length && text == document.GetLineText(location.Line))
            {
                output.WriteLine($"  {new string(' ', gutter.Length)} | {new string(' ', location.Column - 1)}{Paint(new string('^', width), d.Severity)}");
            }
        }
        var t = ReportText.For(input.Lang);
        if (d.Confidence is { } confidence)
        {
            output.WriteLine($"  = {t.Confidence.ToLowerInvariant()}: {r.Redact(DiagnosisFacts.ConfidenceText(confidence, input.Lang))}");
        }
        if (DiagnosisFacts.TunnelText(d, r) is { } tunnel)
        {
            output.WriteLine($"  = {t.Tunnel.ToLowerInvariant()}: {tunnel}");
        }
        foreach (var related in d.AdditionalLocations)
        {
            output.WriteLine($"  = {(input.Lang == "ja" ? "関連" : "see also")}: {related}");
        }
        foreach (var evidence in d.Evidence)
        {
            var kind = ReportFacts.KindName(evidence.Kind, input.Lang);
            var at = evidence.Location is null ? "" : $" [{evidence.Location}]";
            output.WriteLine($"  = {kind}, {ReportFacts.SourceName(evidence.Source, input.Lang)}{at}: {r.Redact(evidence.GetText(input.Lang))}");
            if (evidence.Excerpt is { Length: > 0 } excerpt)
            {
                output.WriteLine($"      {r.Redact(excerpt)}");
            }
        }
        var number = 0;
        foreach (var fix in d.Fixes)
        {
            number++;
            var weak = fix.Safety == FixSafety.WeakensSecurity ? (input.Lang == "ja" ? " (セキュリティが低下します)" : " (weakens security)") : "";
            output.WriteLine($"  = {(input.Lang == "ja" ? "修正案" : "fix")} {number}: {r.Redact(fix.GetTitle(input.Lang))}{weak}");
            if (fix.GetExplanation(input.Lang) is { Length: > 0 } explanation)
            {
                output.WriteLine($"      {r.Redact(explanation)}");
            }
            foreach (var diff in ReportFacts.Diffs(input, fix))
            {
                foreach (var line in diff.Split('\n', StringSplitOptions.RemoveEmptyEntries))
                {
                    output.WriteLine("      " + r.Redact(line));
                }
            }
        }
        output.WriteLine($"  = {(input.Lang == "ja" ? "ヘルプ" : "help")}: {d.Rule.HelpPath}");
        output.WriteLine();
    }

    private string Paint(string text, Severity severity)
    {
        if (!color)
        {
            return text;
        }
        var code = severity switch
        {
            Severity.Error => "31;1",
            Severity.Warning => "33;1",
            Severity.Info => "36",
            _ => "0",
        };
        return $"\u001b[{code}m{text}\u001b[0m";
    }
}
