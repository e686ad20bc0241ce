using SeilDiag.Analysis;
using SeilDiag.Analyzers;
using SeilDiag.Capture;
using SeilDiag.Diagnostics;
using SeilDiag.Logs;
using SeilDiag.StrongSwan;
using SeilDiag.Text;

namespace SeilDiag.Diagnosis.Tests;

/// <summary>
/// Runs one lab folder through the real front-ends and analyzers the way <c>seildiag diagnose</c> does, and
/// correlates it. A log's text can be rewritten first (to shift its clock).
/// </summary>
internal static class LabCase
{
    public static CaseInput Build(string folder, Func<string, string, string>? rewriteLog = null, bool withCapture = true)
    {
        var model = new IkeModel();
        var diagnostics = new List<Diagnostic>();
        foreach (var conf in Directory.GetFiles(folder, "*.ipsec.conf").Order(StringComparer.Ordinal))
        {
            var config = StrongSwanFrontEnd.Load(InputReader.ReadFile(conf));
            diagnostics.AddRange(config.Diagnostics);
            model.Peers.AddRange(config.Peers);
            model.Documents.AddRange(config.Documents);
        }

        // The key logs (*-keys.log) are key tables for the capture, not daemon logs.
        var logPaths = Directory.GetFiles(folder, "*-charon.log").Order(StringComparer.Ordinal).ToList();
        var inputs = logPaths.Select(p => LogInput.FromText(p, rewriteLog is null ? File.ReadAllText(p) : rewriteLog(p, File.ReadAllText(p)))).ToList();
        var logs = LogFrontEnd.Analyze(inputs);
        diagnostics.AddRange(logs.Diagnostics);
        model.ObservedSas.AddRange(logs.ObservedSas);

        var captures = new List<CaptureSourcePackets>();
        var capturePath = Path.Combine(folder, "capture.pcap");
        if (withCapture && File.Exists(capturePath))
        {
            var capture = CaptureFrontEnd.Analyze(capturePath, CaptureKeys.FromDirectory(folder));
            diagnostics.AddRange(capture.Diagnostics);
            model.ObservedSas.AddRange(capture.ObservedSas);
            captures.Add(CaptureSourcePackets.From(capture));
        }

        diagnostics.AddRange(AnalysisContext.Run(model, ConfigAnalyzers.All));
        return new CaseInput
        {
            Model = model,
            Diagnostics = diagnostics,
            Logs = LogSourceEvents.From(logs),
            Captures = captures,
        };
    }
}
