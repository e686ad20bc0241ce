using System.Net;
using System.Net.Sockets;
using SeilDiag.Capture;
using SeilDiag.Capture.Live;
using SeilDiag.Text;

namespace SeilDiag.Capture.Tests;

public class LiveCaptureTests
{
    [Fact]
    public void UnknownInterface_IsAClearInputException()
    {
        var e = Assert.Throws<InputException>(() => CaptureFrontEnd.AnalyzeLive("no-such-if0", CaptureKeys.None, new LiveCaptureLimits(TimeSpan.FromSeconds(1))));
        // Either libpcap is missing (and the message says how to get it) or the interface list is shown.
        Assert.True(e.Message.Contains("libpcap", StringComparison.Ordinal) || e.Message.Contains("Npcap", StringComparison.Ordinal)
                    || e.Message.Contains("no capture interface of that name", StringComparison.Ordinal), e.Message);
    }

    [SkippableFact]
    public void Loopback_CapturesARealIkeMessage()
    {
        // Replays MM1 of lab 01 to 127.0.0.1:500 while capturing on lo: needs libpcap and capture permission.
        var frames = CaptureWriter.ReadEthernet(Corpus.Lab("01-minimal-ok", "capture.pcap"));
        var mm1 = frames[0].Data[(14 + 20 + 8)..];
        CaptureAnalysis? analysis = null;
        try
        {
            using var cancel = new CancellationTokenSource(TimeSpan.FromSeconds(10));
            var sender = Task.Run(async () =>
            {
                using var udp = new UdpClient(AddressFamily.InterNetwork);
                for (var i = 0; i < 20 && !cancel.IsCancellationRequested; i++)
                {
                    await udp.SendAsync(mm1, new IPEndPoint(IPAddress.Loopback, 500));
                    await Task.Delay(200);
                }
            });
            analysis = CaptureFrontEnd.AnalyzeLive("lo", CaptureKeys.None, new LiveCaptureLimits(TimeSpan.FromSeconds(5), MaxPackets: 2), cancel: cancel.Token);
            sender.Wait();
        }
        catch (InputException e)
        {
            Skip.If(true, $"live capture is not possible here: {e.Message}");
        }
        Assert.NotNull(analysis);
        Assert.Contains(analysis!.Packets, p => p.Kind == PacketKind.Isakmp && p.PayloadList == "[SA,P,T,T,T,T,T,T,V,V,V,V,V]");
        Assert.Equal(0xa029457cd2b812cbUL, analysis.ObservedSas[0].InitiatorCookie);
    }
}
