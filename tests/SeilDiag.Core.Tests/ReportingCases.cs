using SeilDiag.Capture;
using SeilDiag.Diagnostics;
using SeilDiag.Logs;
using SeilDiag.Model;
using SeilDiag.Reporting;
using SeilDiag.Text;

namespace SeilDiag.Tests.Core;

/// <summary>Report inputs built from the real lab material: the capture with its keys, both charon logs and both ipsec.conf files.</summary>
internal static class ReportingCases
{
    public static ReportInput Lab(string name, Redactor redactor, string lang = "en", IReadOnlyList<string>? extraSummary = null)
    {
        var dir = SharedFiles.Require("corpus", "lab", name);
        var capture = CaptureFrontEnd.Analyze(Path.Combine(dir, "capture.pcap"), CaptureKeys.FromDirectory(dir));
        var logs = LogFrontEnd.Analyze(
            new[] { "seil-charon.log", "remote-charon.log" }.Select(f => Path.Combine(dir, f)).Where(File.Exists).Select(LogInput.Open), lang);
        var documents = new[] { "seil.ipsec.conf", "remote.ipsec.conf", "ikev1_decryption_table" }
            .Select(f => Path.Combine(dir, f)).Where(File.Exists)
            .Select(p => SourceText.From(File.ReadAllText(p), p)).ToList();
        var timeline = capture.ObservedSas.Concat(logs.ObservedSas)
            .SelectMany(sa => sa.Exchanges.SelectMany(e => e.Messages))
            .Where(m => m.Time is not null)
            .Select(m => new TimelineEntry(m.Time!.Value, m.Evidence.Source, m.Evidence.Text, m.Evidence.Location))
            .ToList();
        return new ReportInput
        {
            Diagnostics = [.. capture.Diagnostics, .. logs.Diagnostics],
            Documents = documents,
            Redactor = redactor,
            Lang = lang,
            Summary = extraSummary ?? [],
            Inputs = [new InputSummary(Path.Combine(dir, "capture.pcap"), "pcap"), new InputSummary(Path.Combine(dir, "seil-charon.log"), "charon log", "5.9.8")],
            ObservedSas = capture.ObservedSas,
            Timeline = timeline,
            ClockOffsets = [new ClockOffset(Path.Combine(dir, "seil-charon.log"), TimeSpan.FromMilliseconds(-12), 4, "matched packets")],
        };
    }

    public static string Render(IReporter reporter, ReportInput input)
    {
        var writer = new StringWriter();
        reporter.Write(input, writer);
        return writer.ToString();
    }
}
