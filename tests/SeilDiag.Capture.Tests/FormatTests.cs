using SeilDiag.Capture;

namespace SeilDiag.Capture.Tests;

/// <summary>
/// The real lab 01 capture (IKE on 500 and 4500, ESP in UDP) re-encoded in every container, byte order,
/// timestamp resolution, link type and fragmentation the reader supports: the decoded result must be the same.
/// </summary>
public class FormatTests
{
    private static string Scenario => Corpus.Lab("01-minimal-ok");

    private static CaptureKeys Keys(bool ipv6 = false)
    {
        if (!ipv6)
        {
            return CaptureKeys.FromDirectory(Scenario);
        }
        // Same keys, addresses wildcarded for the IPv6 rewrite (also tests '*' and the protocol field).
        var dir = Corpus.TempDir();
        File.Copy(Path.Combine(Scenario, "ikev1_decryption_table"), Path.Combine(dir, "ikev1_decryption_table"));
        var lines = File.ReadAllLines(Path.Combine(Scenario, "esp_sa"))
            .Select(l => l.Replace("\"IPv4\",\"10.0.0.2\",\"10.0.0.1\"", "\"IPv6\",\"*\",\"2001:db8::a00:1\"").Replace("\"IPv4\",\"10.0.0.1\",\"10.0.0.2\"", "\"IPv6\",\"2001:db8::*\",\"*\""));
        File.WriteAllLines(Path.Combine(dir, "esp_sa"), lines);
        return CaptureKeys.FromDirectory(dir);
    }

    private static List<string> Signature(CaptureAnalysis a) => a.Packets
        .Where(p => p.Kind is PacketKind.Isakmp or PacketKind.Esp)
        .Select(p => $"{p.Kind} {p.Isakmp?.ExchangeName} {p.PayloadList} {p.Decryption} {p.Inner} {p.Icv}")
        .ToList();

    private static List<string> Expected()
    {
        var a = CaptureFrontEnd.Analyze(Path.Combine(Scenario, "capture.pcap"), Keys());
        Assert.Equal(7, a.DecryptedCount);
        return Signature(a);
    }

    private static CaptureAnalysis AnalyzeBytes(string name, byte[] bytes, bool ipv6 = false) =>
        CaptureFrontEnd.Analyze(Corpus.TempFile(name, bytes), Keys(ipv6));

    private static List<CaptureWriter.Frame> Frames() => CaptureWriter.ReadEthernet(Path.Combine(Scenario, "capture.pcap"));

    [SkippableTheory]
    [InlineData(false, false)]
    [InlineData(true, false)]
    [InlineData(false, true)]
    [InlineData(true, true)]
    public void Pcap_BothByteOrdersAndResolutions(bool bigEndian, bool nanoseconds)
    {
        var expected = Expected();
        var frames = Frames();
        var a = AnalyzeBytes("x.pcap", CaptureWriter.Pcap(frames, bigEndian: bigEndian, nanoseconds: nanoseconds));
        Assert.Equal(expected, Signature(a));
        Assert.Equal(frames[^1].Time.ToUnixTimeMilliseconds(), a.Packets[^1].Time.ToUnixTimeMilliseconds());
        Assert.DoesNotContain(a.Diagnostics, d => d.Id == "SD0024");
    }

    [SkippableTheory]
    [InlineData(false)]
    [InlineData(true)]
    public void PcapNg_InterfacesOptionsSimplePacketsAndTimestampResolution(bool bigEndian)
    {
        var expected = Expected();
        var frames = Frames();
        var a = AnalyzeBytes("x.pcapng", CaptureWriter.PcapNg(frames, bigEndian));
        Assert.Equal(expected, Signature(a));
        // Frame 2 went through interface 1 (nanosecond resolution): its time must survive.
        Assert.Equal(frames[1].Time.ToUnixTimeMilliseconds(), a.Packets[1].Time.ToUnixTimeMilliseconds());
        Assert.DoesNotContain(a.Diagnostics, d => d.Id == "SD0024");
    }

    [SkippableFact]
    public void PcapNg_UnknownBlockIsSkippedWithAFinding()
    {
        var expected = Expected();
        var a = AnalyzeBytes("x.pcapng", CaptureWriter.PcapNg(Frames(), unknownBlockType: 0x0000_0F00));
        Assert.Equal(expected, Signature(a));
        var finding = Assert.Single(a.Diagnostics, d => d.Id == "SD0024");
        Assert.Contains("unknown type 0x00000f00", finding.Message);
    }

    [SkippableFact]
    public void Gzip_IsReadTransparently()
    {
        var expected = Expected();
        var a = AnalyzeBytes("x.pcapng.gz", CaptureWriter.Gzip(CaptureWriter.PcapNg(Frames())));
        Assert.Equal(expected, Signature(a));
    }

    [SkippableTheory]
    [InlineData("raw", 101)]
    [InlineData("raw", 228)]
    [InlineData("sll", 113)]
    [InlineData("sll2", 276)]
    [InlineData("null", 0)]
    [InlineData("vlan", 1)]
    public void LinkTypes(string kind, int linkType)
    {
        var expected = Expected();
        Func<byte[], byte[]> rewrite = kind switch
        {
            "raw" => CaptureWriter.ToRawIp,
            "sll" => CaptureWriter.ToSll,
            "sll2" => CaptureWriter.ToSll2,
            "null" => CaptureWriter.ToNull,
            _ => CaptureWriter.ToVlan,
        };
        var frames = Frames().Select(f => f with { Data = rewrite(f.Data) });
        var a = AnalyzeBytes("x.pcap", CaptureWriter.Pcap(frames, linkType));
        Assert.Equal(expected, Signature(a));
    }

    [SkippableFact]
    public void IPv4Fragments_AreReassembledOutOfOrder()
    {
        var expected = Expected();
        var frames = Frames().SelectMany(f => CaptureWriter.FragmentIPv4(f.Data, 96).Select(d => f with { Data = d })).ToList();
        var a = AnalyzeBytes("x.pcap", CaptureWriter.Pcap(frames));
        Assert.True(a.Packets.Count(p => p.Kind == PacketKind.Fragment) > 10);
        Assert.Equal(expected, Signature(a));
        Assert.DoesNotContain(a.Diagnostics, d => d.Id == "SD0024");
    }

    [SkippableFact]
    public void IPv6_WithAndWithoutFragments()
    {
        var expected = Expected();
        foreach (var chunk in new int?[] { null, 104 })
        {
            var frames = Frames().SelectMany(f => CaptureWriter.ToIPv6(f.Data, chunk).Select(d => f with { Data = d })).ToList();
            var a = AnalyzeBytes("x.pcap", CaptureWriter.Pcap(frames), ipv6: true);
            Assert.Equal(expected, Signature(a));
            Assert.Equal("[2001:db8::a00:1]:500", a.Packets.First(p => p.Kind == PacketKind.Isakmp).Source);
        }
    }

    [SkippableFact]
    public void LooksLikeCapture_RecognisesEveryContainer()
    {
        var frames = Frames();
        Assert.True(CaptureFrontEnd.LooksLikeCapture(CaptureWriter.Pcap(frames)));
        Assert.True(CaptureFrontEnd.LooksLikeCapture(CaptureWriter.Pcap(frames, bigEndian: true, nanoseconds: true)));
        Assert.True(CaptureFrontEnd.LooksLikeCapture(CaptureWriter.PcapNg(frames)));
        Assert.True(CaptureFrontEnd.LooksLikeCapture(File.ReadAllBytes(Corpus.Wireshark("ikev1-bug-12610.pcapng.gz"))));
        Assert.False(CaptureFrontEnd.LooksLikeCapture(File.ReadAllBytes(Path.Combine(Scenario, "esp_sa"))));
        Assert.False(CaptureFrontEnd.LooksLikeCapture([0xd4]));
    }
}
