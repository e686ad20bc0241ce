using SeilDiag.Analysis;
using SeilDiag.Capture;
using SeilDiag.Diagnostics;

namespace SeilDiag.Diagnosis.Tests;

/// <summary>A capture and its key tables alone name the cause: the failing notify becomes the finding.</summary>
public class CaptureOnlyTests
{
    [SkippableTheory]
    [InlineData("03-phase1-dh-mismatch", "SD1001")]
    [InlineData("04-phase2-md5-rejected", "SD2001")]
    [InlineData("05-ts-mismatch/disjoint", "SD2003")]
    [InlineData("06-aggressive-psk-refused", "SD1004")]
    [InlineData("08-psk-mismatch", "SD1002")]
    [InlineData("09-id-mismatch", "SD1003")]
    [InlineData("14-peer-unreachable", "SD3002")]
    public void Capture_alone_yields_the_diagnosis(string lab, string rule)
    {
        var folder = LabAcceptanceTests.SharedFolder(lab);
        var capture = CaptureFrontEnd.Analyze(Path.Combine(folder, "capture.pcap"), CaptureKeys.FromDirectory(folder));
        var model = new IkeModel();
        model.ObservedSas.AddRange(capture.ObservedSas);

        var result = CaseCorrelator.Correlate(new CaseInput
        {
            Model = model,
            Diagnostics = capture.Diagnostics,
            Captures = [CaptureSourcePackets.From(capture)],
        });

        var top = result.Diagnostics[0];
        Assert.Equal(rule, top.Id);
        Assert.True(top.Location?.IsPacket, $"{top.Location} is not a packet");
        Assert.All(top.Evidence.Where(e => e.Location is not null), e => Assert.Equal(EvidenceSource.Capture, e.Source));
        Assert.Equal(ConfidenceLevel.Medium, top.Confidence?.Level);
        Assert.Equal("observed in the capture", top.Confidence?.Reason.English);
        Assert.Equal("キャプチャで観測", top.Confidence?.Reason.Japanese);
        // The tunnel is the capture's initiator/responder pair.
        Assert.Equal(TunnelEndpoints.Of("10.0.0.1", "10.0.0.2"), top.Tunnel);
        Assert.Empty(result.Offsets);
        Assert.Empty(result.Disagreements);
    }
}
