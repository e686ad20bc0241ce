using System.Net;
using SeilDiag.Diagnostics;

namespace SeilDiag.Reporting;

/// <summary>
/// One self-contained HTML file for a ticket: the markdown report's content plus a ladder diagram (inline
/// SVG) per observed IKE SA. Inline CSS only, no scripts, no external resources; every piece of user text
/// is redacted, then HTML-escaped.
/// </summary>
public sealed class HtmlReporter : IReporter
{
    public string Format => "html";

    private const string Style = """
        body{font-family:system-ui,sans-serif;max-width:60rem;margin:2rem auto;padding:0 1rem;color:#111}
        table{border-collapse:collapse;margin:.5rem 0}td,th{border:1px solid #ccc;padding:.2rem .5rem;text-align:left;vertical-align:top}
        pre{background:#f6f6f6;padding:.5rem;overflow-x:auto}td pre{white-space:pre-wrap;overflow-wrap:anywhere;margin:.2rem 0}td{overflow-wrap:anywhere}.sev-error{color:#b00}.sev-warning{color:#a60}.sev-info{color:#06a}
        .weak{color:#b00;font-weight:bold}.diag{border-left:4px solid #ccc;padding-left:1rem;margin:1.5rem 0}
        .diag.error{border-color:#b00}.diag.warning{border-color:#a60}.add{color:#070}.del{color:#b00}
        svg.ladder{display:block;margin:1rem 0;border:1px solid #ddd;background:#fff}tr.rule td{background:#fee}
        """;

    public void Write(ReportInput input, TextWriter output)
    {
        var t = ReportText.For(input.Lang);
        var lang = input.Lang == "ja" ? "ja" : "en";
        output.Write($"<!DOCTYPE html>\n<html lang=\"{lang}\">\n<head>\n<meta charset=\"utf-8\">\n<title>{WebUtility.HtmlEncode(t.Title)}</title>\n<style>{Style}</style>\n</head>\n<body>\n");
        output.Write($"<h1>{WebUtility.HtmlEncode(t.Title)}</h1>\n");
        WriteSummary(input, t, output);
        WriteInputs(input, t, output);
        output.Write($"<h2>{H(t.Findings)}</h2>\n");
        if (input.Diagnostics.Count == 0)
        {
            output.Write($"<p>{H(t.NoFindings)}</p>\n");
        }
        foreach (var d in ReportFacts.Ranked(input))
        {
            WriteDiagnostic(input, t, d, output);
        }
        WriteLadders(input, t, output);
        WriteTimeline(input, t, output);
        output.Write($"<footer><p>SeilDiag {E(input, input.ToolVersion)}</p></footer>\n</body>\n</html>\n");
    }

    private static void WriteSummary(ReportInput input, ReportText t, TextWriter output)
    {
        output.Write($"<h2>{H(t.Summary)}</h2>\n<p><strong>{H(ReportFacts.CountLine(input))}</strong></p>\n");
        if (ReportFacts.Ranked(input).FirstOrDefault(d => !d.IsSuppressed) is { } top)
        {
            var sure = top.Confidence is { } confidence
                ? $" ({H(t.Confidence)}: <strong class=\"confidence-{confidence.LevelName}\">{H(DiagnosisFacts.LevelName(confidence, input.Lang))}</strong>)"
                : "";
            output.Write($"<p>{H(t.TopFinding)}: <strong>{H(top.Id)}</strong> {H(top.Rule.LocalizedTitle(input.Lang))} — {E(input, top.GetMessage(input.Lang))}{sure}</p>\n");
        }
        if (input.Summary.Count > 0)
        {
            output.Write("<ul>\n");
            foreach (var line in input.Summary)
            {
                output.Write($"<li>{E(input, line)}</li>\n");
            }
            output.Write("</ul>\n");
        }
    }

    private static void WriteInputs(ReportInput input, ReportText t, TextWriter output)
    {
        if (input.Inputs.Count == 0)
        {
            return;
        }
        output.Write($"<h2>{H(t.Inputs)}</h2>\n<table>\n<tr><th>{H(t.Path)}</th><th>{H(t.Kind)}</th><th>{H(t.Version)}</th></tr>\n");
        foreach (var i in input.Inputs)
        {
            output.Write($"<tr><td>{E(input, i.Path)}</td><td>{H(i.Kind)}</td><td>{E(input, i.Version ?? "")}</td></tr>\n");
        }
        output.Write("</table>\n");
    }

    private static void WriteDiagnostic(ReportInput input, ReportText t, Diagnostic d, TextWriter output)
    {
        var lang = input.Lang;
        var severity = d.IsSuppressed ? "suppressed" : d.Severity.ToName();
        output.Write($"<section class=\"diag {severity}\" id=\"{H(d.Id)}\">\n");
        output.Write($"<h3><span class=\"sev-{severity}\">{H(d.IsSuppressed ? t.Suppressed : severity)}</span> {H(d.Id)} {H(d.Rule.LocalizedTitle(lang))}</h3>\n");
        output.Write($"<p>{E(input, d.GetMessage(lang))}</p>\n<ul>\n");
        if (d.Confidence is { } confidence)
        {
            output.Write($"<li>{H(t.Confidence)}: <strong class=\"confidence-{confidence.LevelName}\">{H(DiagnosisFacts.LevelName(confidence, lang))}</strong> ({E(input, confidence.Reason.Get(lang))})</li>\n");
        }
        if (DiagnosisFacts.TunnelText(d, input.Redactor) is { } tunnel)
        {
            output.Write($"<li>{H(t.Tunnel)}: <code>{H(tunnel)}</code></li>\n");
        }
        if (d.Location is { } location)
        {
            output.Write($"<li>{H(t.Location)}: <code>{E(input, location.ToString())}</code></li>\n");
        }
        foreach (var related in d.AdditionalLocations)
        {
            output.Write($"<li>{H(t.SeeAlso)}: <code>{E(input, related.ToString())}</code></li>\n");
        }
        if (d.SuppressionJustification is { Length: > 0 } why)
        {
            output.Write($"<li>{H(t.Suppressed)}: {E(input, why)}</li>\n");
        }
        output.Write("</ul>\n");
        if (d.Location is { Packet: null } at && input.FindDocument(at.Path) is { } document && at.Line >= 1 && at.Line <= document.LineCount)
        {
            output.Write($"<pre>{at.Line}: {E(input, document.GetLineText(at.Line))}</pre>\n");
        }
        var evidence = d.Evidence;
        if (evidence.Count > 0)
        {
            output.Write($"<h4>{H(t.Evidence)}</h4>\n<table>\n<tr><th>{H(t.Observed)}</th><th>{H(t.Source)}</th><th>{H(t.Location)}</th><th>{H(t.Evidence)}</th></tr>\n");
            foreach (var e in evidence)
            {
                var where = e.Location is null ? "" : E(input, e.Location.ToString());
                var when = e.Time is null ? "" : " (" + ReportFacts.Time(e.Time) + ")";
                var excerpt = e.Excerpt is { Length: > 0 } x ? $"<pre>{E(input, x)}</pre>" : "";
                output.Write($"<tr><td>{H(ReportFacts.KindName(e.Kind, lang))}</td><td>{H(ReportFacts.SourceName(e.Source, lang))}</td><td>{where}{when}</td><td>{E(input, e.GetText(lang))}{excerpt}</td></tr>\n");
            }
            output.Write("</table>\n");
        }
        if (d.Fixes.Count > 0)
        {
            output.Write($"<h4>{H(t.Fixes)}</h4>\n<ol>\n");
            foreach (var fix in d.Fixes)
            {
                var weak = fix.Safety == FixSafety.WeakensSecurity ? $" <span class=\"weak\">⚠ {H(t.Weakens)}</span>" : "";
                var advice = fix.IsAdvice ? $" <em>({H(t.Advice)})</em>" : "";
                output.Write($"<li>{E(input, fix.GetTitle(input.Lang))}{weak}{advice}");
                if (fix.GetExplanation(input.Lang) is { Length: > 0 } explanation)
                {
                    output.Write($"<p>{E(input, explanation)}</p>");
                }
                foreach (var diff in ReportFacts.Diffs(input, fix))
                {
                    output.Write("<pre class=\"diff\">");
                    foreach (var line in input.Redactor.Redact(diff).Split('\n', StringSplitOptions.RemoveEmptyEntries))
                    {
                        var cls = line.StartsWith("+++", StringComparison.Ordinal) || line.StartsWith("---", StringComparison.Ordinal) ? ""
                            : line.StartsWith('+') ? "add" : line.StartsWith('-') ? "del" : "";
                        output.Write(cls.Length == 0 ? $"{H(line)}\n" : $"<span class=\"{cls}\">{H(line)}</span>\n");
                    }
                    output.Write("</pre>");
                }
                output.Write("</li>\n");
            }
            output.Write("</ol>\n");
        }
        output.Write($"<p>{H(t.Help)}: <code>{H(d.Rule.HelpPath)}</code></p>\n</section>\n");
    }

    private static void WriteLadders(ReportInput input, ReportText t, TextWriter output)
    {
        if (input.ObservedSas.Count == 0)
        {
            return;
        }
        output.Write($"<h2>{H(t.Exchanges)}</h2>\n");
        var failing = ReportFacts.FailurePredicate(input);
        var index = 0;
        foreach (var sa in input.ObservedSas)
        {
            index++;
            output.Write($"<h3>{index}. {E(input, LadderSvg.Title(sa))} <small>({H(ReportFacts.SourceName(sa.Source, input.Lang))})</small></h3>\n");
            output.Write(LadderSvg.Render(sa, index, input, failing));
        }
    }

    private static void WriteTimeline(ReportInput input, ReportText t, TextWriter output)
    {
        if (input.Timeline.Count > 0)
        {
            output.Write($"<h2>{H(t.Timeline)}</h2>\n<table>\n<tr><th>{H(t.Time)}</th><th>{H(t.Source)}</th><th>{H(t.Location)}</th><th>{H(t.Event)}</th></tr>\n");
            foreach (var e in input.Timeline.OrderBy(e => e.Time))
            {
                var where = e.Location is null ? "" : E(input, e.Location.ToString());
                var rule = e.RuleId is null ? "" : $"<strong>{H(e.RuleId)}</strong> ";
                var cls = e.RuleId is null ? "" : " class=\"rule\"";
                output.Write($"<tr{cls}><td>{ReportFacts.Time(e.Time)}</td><td>{H(ReportFacts.SourceName(e.Source, input.Lang))}</td><td>{where}</td><td>{rule}{E(input, e.Text)}</td></tr>\n");
            }
            output.Write("</table>\n");
        }
        if (input.ClockOffsets.Count > 0)
        {
            output.Write($"<h2>{H(t.ClockOffsets)}</h2>\n<table>\n<tr><th>{H(t.Path)}</th><th>{H(t.Offset)}</th><th>{H(t.Matched)}</th><th>{H(t.Method)}</th></tr>\n");
            foreach (var o in input.ClockOffsets)
            {
                output.Write($"<tr><td>{E(input, o.Path)}</td><td>{H(ReportFacts.Offset(o, input.Lang))}</td><td>{o.MatchedEvents}</td><td>{E(input, o.GetMethod(input.Lang))}</td></tr>\n");
            }
            output.Write("</table>\n");
        }
    }

    /// <summary>Fixed text (rule titles, IDs): escape only.</summary>
    private static string H(string text) => WebUtility.HtmlEncode(text);

    /// <summary>User text: redact, then escape.</summary>
    private static string E(ReportInput input, string text) => WebUtility.HtmlEncode(input.Redactor.Redact(text));
}
