using SeilDiag.Capture;

namespace SeilDiag.Diagnosis.Tests;

public class CollectorTests
{
    [SkippableFact]
    public void Streamed_capture_gives_the_same_packets_as_a_retained_one()
    {
        var folder = LabAcceptanceTests.SharedFolder("08-psk-mismatch");
        var path = Path.Combine(folder, "capture.pcap");
        var keys = CaptureKeys.FromDirectory(folder);
        var collector = CaptureSourcePackets.Collect(path);

        var streamed = CaptureFrontEnd.Analyze(path, keys, new CaptureOptions { RetainPackets = false, PacketObserver = collector.Observe });
        var retained = CaptureSourcePackets.From(CaptureFrontEnd.Analyze(path, keys));

        Assert.Empty(streamed.Packets);
        var collected = collector.ToSource();
        Assert.NotEmpty(collected.Packets);
        Assert.Equal(retained.Packets.Select(p => (p.Frame, p.Time, p.IsakmpLength, p.Exchange)), collected.Packets.Select(p => (p.Frame, p.Time, p.IsakmpLength, p.Exchange)));
    }
}
