using SeilDiag.Analysis;
using SeilDiag.Capture;
using SeilDiag.Diagnostics;
using SeilDiag.Logs;
using SeilDiag.Tests;

namespace SeilDiag.Diagnosis.Tests;

/// <summary>
/// Evidence is labelled by what its file is: a key table is neither a config nor a prediction, and a daemon's
/// normal log and its debug-level copy are one witness when confidence counts the sources.
/// </summary>
public class SourceLabellingTests
{
    [SkippableFact]
    public void A_daemons_debug_log_beside_its_normal_log_is_one_witness()
    {
        var folder = SharedFiles.Require("corpus", "lab", "08-psk-mismatch");
        // What a support desk receives from lab 08: both daemons' logs, each also at debug level (*-keys.log).
        var paths = Directory.GetFiles(folder, "*charon*.log").Order(StringComparer.Ordinal).ToList();
        Assert.Equal(4, paths.Count);
        var logs = LogFrontEnd.Analyze(paths.Select(p => LogInput.FromText(p, File.ReadAllText(p))).ToList());
        var capture = CaptureFrontEnd.Analyze(Path.Combine(folder, "capture.pcap"), CaptureKeys.FromDirectory(folder));
        var model = new IkeModel();
        model.ObservedSas.AddRange(logs.ObservedSas);
        model.ObservedSas.AddRange(capture.ObservedSas);
        var result = CaseCorrelator.Correlate(new CaseInput
        {
            Model = model,
            Diagnostics = [.. logs.Diagnostics, .. capture.Diagnostics],
            Logs = LogSourceEvents.From(logs),
            Captures = [CaptureSourcePackets.From(capture)],
        });

        var top = result.Diagnostics[0];
        Assert.Equal("SD1002", top.Id);
        // Evidence from all four files, counted as the two hosts that wrote them.
        Assert.True(top.Evidence.Select(e => e.Location?.Path).OfType<string>().Where(p => p.EndsWith(".log", StringComparison.Ordinal)).Distinct().Count() >= 3);
        Assert.Equal("observed in the capture and both logs", top.Confidence!.Reason.English);
        // The debug logs lack charon's ENC lines: their "message parsing failed" does not lead over the responder's
        // "invalid ID_V1 payload length, decryption failed?" on message 5.
        Assert.EndsWith("remote-charon.log", top.Location!.Path, StringComparison.Ordinal);
        Assert.Contains("Main Mode message 5", top.Message, StringComparison.Ordinal);
    }

    [SkippableFact]
    public void A_finding_located_in_a_key_table_is_labelled_key_table_not_config()
    {
        var folder = SharedFiles.Require("corpus", "lab", "01-minimal-ok");
        // An esp_sa line that matches no packet (addresses swapped): SD0023 located in the key table.
        var dir = Path.Combine(Path.GetTempPath(), "seildiag-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(dir);
        var esp = Path.Combine(dir, "esp_sa");
        var lines = File.ReadAllLines(Path.Combine(folder, "esp_sa"));
        lines[0] = lines[0].Replace("\"10.0.0.2\",\"10.0.0.1\"", "\"10.0.0.1\",\"10.0.0.3\"", StringComparison.Ordinal);
        File.WriteAllLines(esp, lines);
        var ike = Path.Combine(folder, "ikev1_decryption_table");
        var capture = CaptureFrontEnd.Analyze(Path.Combine(folder, "capture.pcap"), CaptureKeys.Load(ike, esp));
        var result = CaseCorrelator.Correlate(new CaseInput
        {
            Model = new IkeModel(),
            Diagnostics = capture.Diagnostics,
            Captures = [CaptureSourcePackets.From(capture)],
            InputKinds = new Dictionary<string, DocumentKind> { [esp] = DocumentKind.EspKeyTable, [ike] = DocumentKind.IkeKeyTable },
        });

        var sd0023 = Assert.Single(result.Diagnostics, d => d.Id == "SD0023");
        var evidence = Assert.Single(sd0023.Evidence);
        Assert.Equal(EvidenceSource.KeyTable, evidence.Source);
        Assert.Equal(EvidenceKind.Observed, evidence.Kind);
        Assert.DoesNotContain("predicted", sd0023.Confidence!.Reason.English, StringComparison.Ordinal);
        Assert.Equal("observed in the key table", sd0023.Confidence.Reason.English);
    }
}
