using System.Globalization;
using SeilDiag.Analysis;
using SeilDiag.Capture;
using SeilDiag.Logs;

namespace SeilDiag.Diagnosis.Tests;

/// <summary>
/// racoon prints no packet sizes: its clock is found from the lines that start a negotiation. The lab has no racoon
/// log next to a capture, so the initiator's racoon lines are written from the real capture's opening packets, at
/// Japanese local time and 37 s fast, in racoon's own file format.
/// </summary>
public class RacoonClockTests
{
    private static readonly TimeSpan Shift = TimeSpan.FromHours(9) + TimeSpan.FromSeconds(37);

    [SkippableTheory]
    [InlineData("01-minimal-ok")]
    [InlineData("10-lifetime-rekey")]
    public void Racoon_log_offset_is_estimated_from_negotiation_starts(string lab)
    {
        var folder = LabAcceptanceTests.SharedFolder(lab);
        var capture = CaptureFrontEnd.Analyze(Path.Combine(folder, "capture.pcap"), CaptureKeys.FromDirectory(folder));
        var source = CaptureSourcePackets.From(capture);
        var first = source.Packets.First(p => p.Exchange is 2 or 4);
        var self = first.From!;
        var lines = new List<string>();
        var quickModes = new HashSet<uint?>();
        foreach (var p in source.Packets.Where(p => !p.IsRetransmission))
        {
            var phase = p.Exchange is 2 or 4 && p.ResponderCookie == 0 ? 1 : p.Exchange == 32 && quickModes.Add(p.MessageId) ? 2 : 0;
            if (phase == 0 || (p.From!.Equals(self) ? p.To : p.From) is not { } peer)
            {
                continue;
            }
            var verb = p.From.Equals(self) ? "initiate" : "respond";
            var stamp = (p.Time.UtcDateTime + Shift).ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture);
            lines.Add($"{stamp}: INFO: {verb} new phase {phase} negotiation: {self}[500]<=>{peer}[500]");
        }
        Assert.True(lines.Count >= 2, "the capture has no negotiation to write a racoon log from");
        var logs = LogFrontEnd.Analyze([LogInput.FromText("seil-racoon.log", string.Join("\n", lines) + "\n")]);
        var model = new IkeModel();
        model.ObservedSas.AddRange(capture.ObservedSas);

        var result = CaseCorrelator.Correlate(new CaseInput
        {
            Model = model,
            Diagnostics = [.. capture.Diagnostics, .. logs.Diagnostics],
            Logs = LogSourceEvents.From(logs),
            Captures = [source],
        });

        var offset = Assert.Single(result.Offsets);
        Assert.Equal("seil-racoon.log", offset.Path);
        Assert.Equal(Diagnostics.EvidenceSource.SeilLog, Assert.Single(LogSourceEvents.From(logs)).Source);
        Assert.Contains("negotiation starts matched with first packets", offset.Method);
        Assert.True(offset.MatchedEvents >= 2);
        Assert.InRange((offset.Offset - Shift).TotalSeconds, -1.0, 1.0);
    }
}
