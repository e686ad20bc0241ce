using SeilDiag.Diagnostics;
using SeilDiag.Model;

namespace SeilDiag.Reporting;

/// <summary>
/// The report a support desk pastes into a ticket: summary (top finding first), inputs with versions, each
/// diagnosis with its evidence and fix diffs, the timeline and clock offsets. GitHub-flavoured Markdown;
/// every piece of user text is redacted, then escaped (pipes would break tables, backticks code spans).
/// </summary>
public sealed class MarkdownReporter : IReporter
{
    public string Format => "markdown";

    public void Write(ReportInput input, TextWriter output)
    {
        var t = ReportText.For(input.Lang);
        var r = input.Redactor;
        output.Write($"# {t.Title}\n\n");
        WriteSummary(input, t, output);
        WriteInputs(input, t, output);
        output.Write($"## {t.Findings}\n\n");
        if (input.Diagnostics.Count == 0)
        {
            output.Write(t.NoFindings + "\n\n");
        }
        foreach (var d in ReportFacts.Ranked(input))
        {
            WriteDiagnostic(input, t, d, output);
        }
        WriteExchanges(input, t, output);
        WriteTimeline(input, t, output);
        output.Write($"---\nSeilDiag {MarkdownText.Escape(r.Redact(input.ToolVersion))}\n");
    }

    private static void WriteSummary(ReportInput input, ReportText t, TextWriter output)
    {
        var r = input.Redactor;
        output.Write($"## {t.Summary}\n\n");
        output.Write($"**{MarkdownText.Escape(ReportFacts.CountLine(input))}**\n\n");
        if (ReportFacts.Ranked(input).FirstOrDefault(d => !d.IsSuppressed) is { } top)
        {
            output.Write($"{t.TopFinding}: **{top.Id}** {MarkdownText.Escape(top.Rule.LocalizedTitle(input.Lang))} — {MarkdownText.Escape(r.Redact(top.GetMessage(input.Lang)))}");
            if (top.Confidence is { } confidence)
            {
                output.Write($" ({t.Confidence}: **{DiagnosisFacts.LevelName(confidence, input.Lang)}**)");
            }
            output.Write("\n\n");
        }
        foreach (var line in input.Summary)
        {
            output.Write($"- {MarkdownText.Escape(r.Redact(line))}\n");
        }
        if (input.Summary.Count > 0)
        {
            output.Write("\n");
        }
    }

    private static void WriteInputs(ReportInput input, ReportText t, TextWriter output)
    {
        if (input.Inputs.Count == 0)
        {
            return;
        }
        var r = input.Redactor;
        output.Write($"## {t.Inputs}\n\n| {t.Path} | {t.Kind} | {t.Version} |\n|---|---|---|\n");
        foreach (var i in input.Inputs)
        {
            output.Write($"| {Cell(r.Redact(i.Path))} | {Cell(i.Kind)} | {Cell(r.RedactOrNull(i.Version) ?? "")} |\n");
        }
        output.Write("\n");
    }

    private static void WriteDiagnostic(ReportInput input, ReportText t, Diagnostic d, TextWriter output)
    {
        var r = input.Redactor;
        var lang = input.Lang;
        var severity = d.IsSuppressed ? t.Suppressed : d.Severity.ToName();
        output.Write($"### {d.Id} {MarkdownText.Escape(d.Rule.LocalizedTitle(lang))} ({severity})\n\n");
        output.Write(MarkdownText.Escape(r.Redact(d.GetMessage(lang))) + "\n\n");
        if (d.Confidence is { } confidence)
        {
            output.Write($"- {t.Confidence}: **{DiagnosisFacts.LevelName(confidence, lang)}** ({MarkdownText.Escape(r.Redact(confidence.Reason.Get(lang)))})\n");
        }
        if (DiagnosisFacts.TunnelText(d, r) is { } tunnel)
        {
            output.Write($"- {t.Tunnel}: `{Code(tunnel)}`\n");
        }
        if (d.Location is { } location)
        {
            output.Write($"- {t.Location}: `{Code(r.Redact(location.ToString()))}`\n");
        }
        foreach (var related in d.AdditionalLocations)
        {
            output.Write($"- {t.SeeAlso}: `{Code(r.Redact(related.ToString()))}`\n");
        }
        if (d.SuppressionJustification is { Length: > 0 } why)
        {
            output.Write($"- {t.Suppressed}: {MarkdownText.Escape(r.Redact(why))}\n");
        }
        output.Write("\n");
        if (d.Location is { Packet: null } at && input.FindDocument(at.Path) is { } document && at.Line >= 1 && at.Line <= document.LineCount)
        {
            output.Write(MarkdownText.Fence($"{at.Line}: {r.Redact(document.GetLineText(at.Line))}"));
            output.Write("\n");
        }
        var evidence = d.Evidence;
        if (evidence.Count > 0)
        {
            // Rows are numbered and each excerpt below the table carries its row's number: an excerpt (a whole log
            // line) is too long for a table cell, and unlabelled it could not be told apart from its neighbours.
            output.Write($"#### {t.Evidence}\n\n| # | {t.Observed} | {t.Source} | {t.Location} | {t.Evidence} |\n|---|---|---|---|---|\n");
            var row = 0;
            foreach (var e in evidence)
            {
                var where = e.Location is null ? "" : Cell(r.Redact(e.Location.ToString()));
                var when = e.Time is null ? "" : " (" + ReportFacts.Time(e.Time) + ")";
                output.Write($"| {++row} | {ReportFacts.KindName(e.Kind, lang)} | {ReportFacts.SourceName(e.Source, lang)} | {where}{when} | {Cell(r.Redact(e.GetText(lang)))} |\n");
            }
            output.Write("\n");
            row = 0;
            foreach (var e in evidence)
            {
                row++;
                if (e.Excerpt is not { Length: > 0 } excerpt)
                {
                    continue;
                }
                var where = e.Location is null ? "" : $" `{Code(r.Redact(e.Location.ToString()))}`";
                output.Write($"**[{row}]**{where}\n\n");
                output.Write(MarkdownText.Fence(r.Redact(excerpt)));
                output.Write("\n");
            }
        }
        if (d.Fixes.Count > 0)
        {
            output.Write($"#### {t.Fixes}\n\n");
            var number = 0;
            foreach (var fix in d.Fixes)
            {
                number++;
                var flags = new List<string>();
                if (fix.Safety == FixSafety.WeakensSecurity)
                {
                    flags.Add($"⚠ **{t.Weakens}**");
                }
                if (fix.IsAdvice)
                {
                    flags.Add(t.Advice);
                }
                var suffix = flags.Count == 0 ? "" : " (" + string.Join(", ", flags) + ")";
                output.Write($"{number}. {MarkdownText.Escape(r.Redact(fix.GetTitle(input.Lang)))}{suffix}\n");
                if (fix.GetExplanation(input.Lang) is { Length: > 0 } explanation)
                {
                    output.Write($"   {MarkdownText.Escape(r.Redact(explanation))}\n");
                }
                foreach (var diff in ReportFacts.Diffs(input, fix))
                {
                    output.Write("\n" + Indent(MarkdownText.Fence(r.Redact(diff), "diff")));
                }
            }
            output.Write("\n");
        }
        output.Write($"{t.Help}: `{d.Rule.HelpPath}`\n\n");
    }

    /// <summary>The ladder as a table (markdown has no drawings): one row per message, arrows by direction, the failing one marked.</summary>
    private static void WriteExchanges(ReportInput input, ReportText t, TextWriter output)
    {
        if (input.ObservedSas.Count == 0)
        {
            return;
        }
        var r = input.Redactor;
        var failing = ReportFacts.FailurePredicate(input);
        output.Write($"## {t.Exchanges}\n\n");
        var index = 0;
        foreach (var sa in input.ObservedSas)
        {
            index++;
            output.Write($"### {index}. {MarkdownText.Escape(r.Redact(LadderSvg.Title(sa)))} ({ReportFacts.SourceName(sa.Source, input.Lang)})\n\n");
            output.Write($"| {t.Time} | {t.Initiator} | | {t.Responder} | {t.Location} |\n|---|---|:-:|---|---|\n");
            foreach (var m in LadderSvg.Messages(sa))
            {
                var label = MarkdownText.Escape(r.Redact(LadderSvg.Label(m)));
                if (m.IsRetransmission)
                {
                    label += $" ({t.Retransmission})";
                }
                if (failing(m))
                {
                    label = $"**{label}** ✗ {t.Failing}";
                }
                var arrow = m.Direction == MessageDirection.InitiatorToResponder ? "→" : "←";
                var (left, right) = m.Direction == MessageDirection.InitiatorToResponder ? (label, "") : ("", label);
                var where = m.Evidence.Location is null ? "" : Cell(r.Redact(m.Evidence.Location.ToString()));
                output.Write($"| {ReportFacts.Time(m.Time)} | {left} | {arrow} | {right} | {where} |\n");
            }
            output.Write("\n");
        }
    }

    private static void WriteTimeline(ReportInput input, ReportText t, TextWriter output)
    {
        var r = input.Redactor;
        if (input.Timeline.Count > 0)
        {
            output.Write($"## {t.Timeline}\n\n| {t.Time} | {t.Source} | {t.Location} | {t.Event} |\n|---|---|---|---|\n");
            foreach (var e in input.Timeline.OrderBy(e => e.Time))
            {
                var where = e.Location is null ? "" : Cell(r.Redact(e.Location.ToString()));
                var rule = e.RuleId is null ? "" : $"**{Cell(e.RuleId)}** ";
                output.Write($"| {ReportFacts.Time(e.Time)} | {ReportFacts.SourceName(e.Source, input.Lang)} | {where} | {rule}{Cell(r.Redact(e.Text))} |\n");
            }
            output.Write("\n");
        }
        if (input.ClockOffsets.Count > 0)
        {
            output.Write($"## {t.ClockOffsets}\n\n| {t.Path} | {t.Offset} | {t.Matched} | {t.Method} |\n|---|---|---|---|\n");
            foreach (var o in input.ClockOffsets)
            {
                output.Write($"| {Cell(r.Redact(o.Path))} | {ReportFacts.Offset(o, input.Lang)} | {o.MatchedEvents} | {Cell(r.Redact(o.GetMethod(input.Lang)))} |\n");
            }
            output.Write("\n");
        }
    }

    private static string Cell(string text) => MarkdownText.Escape(text);

    // Inside a code span only a backtick can end it early; a location never needs one, so drop it.
    private static string Code(string text) => text.Replace('`', '\'');

    private static string Indent(string block) =>
        string.Concat(block.Split('\n').Select((line, i) => line.Length == 0 ? "\n" : "   " + line + "\n")).TrimEnd('\n') + "\n";
}
