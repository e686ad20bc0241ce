using System.Text.Json;
using SeilDiag.Capture;

namespace SeilDiag.Capture.Tests;

public class OutputTests
{
    private static CaptureAnalysis Lab01(bool keepBytes)
    {
        var dir = Corpus.Lab("01-minimal-ok");
        return CaptureFrontEnd.Analyze(Path.Combine(dir, "capture.pcap"), CaptureKeys.FromDirectory(dir), new CaptureOptions { KeepPayloadBytes = keepBytes });
    }

    [SkippableFact]
    public void Text_HasOneLinePerPacketAndALadder()
    {
        var a = Lab01(false);
        var writer = new StringWriter();
        CaptureText.Write(a, writer);
        var lines = writer.ToString().Split('\n').Select(l => l.TrimEnd('\r')).ToList();
        Assert.Equal(17, lines.Count(l => System.Text.RegularExpressions.Regex.IsMatch(l, @"^\s+\d+\s+\d+\.\d{6} ")));
        Assert.Contains(lines, l => l.Contains("Quick Mode msgid 6ba8671a [decrypted] [HASH,SA,P,T,T,T,T,T,T,No,ID,ID]", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.StartsWith("IKE SA a029457cd2b812cb/43f24753152b1997 Main Mode IKE:AES_CBC_256/HMAC_SHA2_256_128/PRF_HMAC_SHA2_256/MODP_1536", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.StartsWith("  |--MM ID,HASH,N INITIAL-CONTACT", StringComparison.Ordinal) && l.EndsWith("#5", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.StartsWith("  |<-QM HASH,SA,No,ID,ID", StringComparison.Ordinal) && l.EndsWith("#8", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.Contains("spi 0xc1b0e950 10.0.0.2 -> 10.0.0.1 (UDP 4500): 3 packets, decrypted, ICV good; from Quick Mode 6ba8671a", StringComparison.Ordinal));
        // Keys never appear, only where they are written.
        var keyLine = File.ReadAllLines(Corpus.Lab("01-minimal-ok", "ikev1_decryption_table")).Last();
        Assert.DoesNotContain(keyLine.Split(',')[1], writer.ToString());
    }

    [SkippableFact]
    public void Json_HasPayloadsDecryptedBodiesAndInnerPackets()
    {
        var a = Lab01(true);
        var stream = new MemoryStream();
        using (var writer = new Utf8JsonWriter(stream))
        {
            CaptureJson.Write(a, writer);
        }
        using var doc = JsonDocument.Parse(stream.ToArray());
        var root = doc.RootElement;
        Assert.Equal(17, root.GetProperty("frames").GetInt64());
        var packets = root.GetProperty("packets").EnumerateArray().ToList();
        var mm6 = packets[5].GetProperty("isakmp");
        Assert.Equal("Decrypted", mm6.GetProperty("decryption").GetString());
        Assert.Equal("responder-to-initiator", mm6.GetProperty("direction").GetString());
        var hash = mm6.GetProperty("payloads").EnumerateArray().Single(p => p.GetProperty("type").GetInt32() == 8);
        // tshark-decrypted.txt, frame 6: Hash DATA d4cca6a8...
        Assert.Equal("d4cca6a8e714c6f98ba2c472934bf5b4bbbd83f6d024a7c1fe050cdabd94032d", hash.GetProperty("body").GetString());
        // ID payload: next HASH (08), reserved, length 12, ID_IPV4_ADDR, then 10.0.0.2.
        Assert.StartsWith("0800000c010000000a000002", mm6.GetProperty("decryptedBody").GetString());
        var esp = packets[9].GetProperty("esp");
        Assert.Equal("2176bbaf", esp.GetProperty("spi").GetString());
        Assert.Equal("Good", esp.GetProperty("icv").GetString());
        Assert.StartsWith("45", esp.GetProperty("innerPacket").GetString()); // an IPv4 header
        var sa = root.GetProperty("ikeSas").EnumerateArray().Single();
        Assert.True(sa.GetProperty("established").GetBoolean());
        Assert.Equal(2, root.GetProperty("espSas").GetArrayLength());
    }

    [SkippableFact]
    public void Json_WithoutKeepPayloadBytes_HoldsNoBodies()
    {
        var a = Lab01(false);
        Assert.All(a.Packets.SelectMany(p => p.Payloads), p => Assert.Null(p.Body));
        Assert.All(a.Packets, p => Assert.Null(p.InnerPacket));
    }

    [SkippableFact]
    public void StreamingWithoutRetainingPackets()
    {
        var dir = Corpus.Lab("01-minimal-ok");
        var seen = new List<long>();
        var a = CaptureFrontEnd.Analyze(Path.Combine(dir, "capture.pcap"), CaptureKeys.FromDirectory(dir),
            new CaptureOptions { RetainPackets = false, PacketObserver = p => seen.Add(p.Frame) });
        Assert.Empty(a.Packets);
        Assert.Equal(Enumerable.Range(1, 17).Select(i => (long)i), seen);
        Assert.Equal(6, a.EspSas.Sum(s => s.IcvGood));
        Assert.Single(a.ObservedSas);
    }
}
