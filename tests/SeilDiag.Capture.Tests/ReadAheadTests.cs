using System.Text.Json;
using SeilDiag.Capture;

namespace SeilDiag.Capture.Tests;

/// <summary>
/// The read-ahead pipeline (a second thread reads frames and verifies ESP ICVs) must give exactly what reading on
/// the calling thread gives: every packet, verdict, SA counter and diagnostic, in the same order.
/// </summary>
public class ReadAheadTests
{
    private static string Render(string path, CaptureKeys keys, CaptureOptions options)
    {
        var a = CaptureFrontEnd.Analyze(path, keys, options);
        var stream = new MemoryStream();
        using (var writer = new Utf8JsonWriter(stream))
        {
            CaptureJson.Write(a, writer);
        }
        var text = new StringWriter();
        CaptureText.Write(a, text);
        var diagnostics = string.Join("\n", a.Diagnostics.Select(d => d.ToString()));
        return System.Text.Encoding.UTF8.GetString(stream.ToArray()) + "\n" + text + "\n" + diagnostics;
    }

    private static void AssertSame(string path, CaptureKeys keys, long maxFrames = 0)
    {
        foreach (var retain in new[] { true, false })
        {
            var options = new CaptureOptions { KeepPayloadBytes = true, RetainPackets = retain, MaxFrames = maxFrames };
            var direct = Render(path, keys, options with { ReadAhead = false });
            var ahead = Render(path, keys, options with { ReadAhead = true });
            Assert.Equal(direct, ahead);
        }
    }

    public static TheoryData<string> LabScenarios() =>
    [
        "01-minimal-ok", "04-phase2-md5-rejected", "05-ts-mismatch", "08-psk-mismatch", "10-lifetime-rekey", "11-dpd", "12-delete",
        "13-nat-t-forceencaps", "15-strongswan-defaults",
    ];

    [SkippableTheory]
    [MemberData(nameof(LabScenarios))]
    public void LabCaptures_SameResult(string scenario)
    {
        var dir = Corpus.Lab(scenario);
        AssertSame(Path.Combine(dir, "capture.pcap"), CaptureKeys.FromDirectory(dir));
    }

    [SkippableTheory]
    [InlineData("esp-bug-12671.pcapng.gz")]
    [InlineData("ikev1-bug-12610.pcapng.gz")]
    [InlineData("ikev1-certs.pcap")]
    public void WiresharkCaptures_SameResult(string file) => AssertSame(Corpus.Wireshark(file), Corpus.WiresharkKeys());

    [SkippableFact]
    public void NestedEspAndWrongKeys_SameResult()
    {
        // esp2: ESP inside ESP (the inner SA is verified by the analysis thread); one key deliberately wrong.
        var keys = Corpus.EspKeys(
            $"\"IPv4\",\"192.1.2.45\",\"192.1.2.23\",\"0x12345678\",\"TripleDES-CBC [RFC2451]\",\"{Corpus.TcpdumpFileKey1}\",\"NULL\",\"\"",
            $"\"IPv4\",\"192.0.1.1\",\"192.0.2.1\",\"0xabcdabcd\",\"TripleDES-CBC [RFC2451]\",\"{Corpus.TcpdumpFileKey2}\",\"NULL\",\"\"");
        AssertSame(Corpus.Tcpdump("08-sunrise-sunset-esp2.pcap"), keys);
        AssertSame(Corpus.Tcpdump("espudp1.pcap"), keys);
    }

    [SkippableFact]
    public void ManyBatches_TruncatedEndAndMaxFrames_SameResult()
    {
        // Lab 01's 17 frames repeated past several read-ahead batches (512 frames each), then cut inside a
        // packet: the truncation finding must land after the last complete packet, as when read directly.
        var frames = CaptureWriter.ReadEthernet(Corpus.Lab("01-minimal-ok", "capture.pcap"));
        var many = Enumerable.Range(0, 100).SelectMany(_ => frames).ToList();
        var bytes = CaptureWriter.Pcap(many);
        var keys = CaptureKeys.FromDirectory(Corpus.Lab("01-minimal-ok"));
        var whole = Corpus.TempFile("many.pcap", bytes);
        var cut = Corpus.TempFile("cut.pcap", bytes[..^50]);
        var gz = Corpus.TempFile("cut.pcap.gz", CaptureWriter.Gzip(bytes)[..^20]);
        AssertSame(whole, keys);
        AssertSame(cut, keys);
        AssertSame(gz, keys);
        AssertSame(whole, keys, maxFrames: 1000);
        var a = CaptureFrontEnd.Analyze(cut, keys, new CaptureOptions { RetainPackets = false });
        Assert.Equal(many.Count - 1, a.FrameCount);
        Assert.Contains(a.Diagnostics, d => d.Message.Contains($"capture ends inside packet {many.Count}", StringComparison.Ordinal));
        Assert.True(a.EspSas.Sum(s => s.IcvGood) > 0);
    }

    [SkippableFact]
    public void PlainEspWithHmac_VerifiedAhead_SameVerdicts()
    {
        // Lab 01's ESP (AES-CBC + HMAC-SHA-256-128, real strongSwan packets) is UDP-encapsulated; unwrapped to
        // plain IP protocol 50 the same bytes go through the read-ahead ICV check. Every fifth copy has one
        // ciphertext byte flipped, so bad verdicts and the SA's first problem must also come out the same.
        var frames = CaptureWriter.ReadEthernet(Corpus.Lab("01-minimal-ok", "capture.pcap"));
        var plain = new List<CaptureWriter.Frame>();
        for (var copy = 0; copy < 300; copy++)
        {
            foreach (var f in frames)
            {
                var unwrapped = UnwrapUdpEsp(f.Data);
                if (unwrapped is not null && copy % 5 == 4)
                {
                    unwrapped[^20] ^= 0x01;
                }
                plain.Add(f with { Data = unwrapped ?? f.Data });
            }
        }
        var path = Corpus.TempFile("plain-esp.pcap", CaptureWriter.Pcap(plain));
        var keys = CaptureKeys.FromDirectory(Corpus.Lab("01-minimal-ok"));
        AssertSame(path, keys);
        var a = CaptureFrontEnd.Analyze(path, keys, new CaptureOptions { RetainPackets = false });
        var esp = a.EspSas.Where(s => s.Key is not null).ToList();
        Assert.NotEmpty(esp);
        Assert.Equal(esp.Sum(s => s.Packets) / 5, esp.Sum(s => s.IcvBad));
        Assert.Equal(esp.Sum(s => s.Packets) - esp.Sum(s => s.IcvBad), esp.Sum(s => s.IcvGood));
    }

    /// <summary>Ethernet/IPv4/UDP 4500/ESP → Ethernet/IPv4/ESP; null for anything else.</summary>
    private static byte[]? UnwrapUdpEsp(byte[] eth)
    {
        if (eth.Length < 14 + 20 + 8 + 8 || eth[12] != 0x08 || eth[13] != 0x00 || eth[23] != 17)
        {
            return null;
        }
        var ihl = (eth[14] & 0x0f) * 4;
        var udp = 14 + ihl;
        var port = (eth[udp] << 8 | eth[udp + 1]) == 4500 || (eth[udp + 2] << 8 | eth[udp + 3]) == 4500;
        if (!port || eth.Length < udp + 8 + 8 || (eth[udp + 8] | eth[udp + 9] | eth[udp + 10] | eth[udp + 11]) == 0)
        {
            return null; // not ESP (IKE with the non-ESP marker, or a keepalive)
        }
        var result = new byte[eth.Length - 8];
        eth.AsSpan(0, udp).CopyTo(result);
        eth.AsSpan(udp + 8).CopyTo(result.AsSpan(udp));
        result[23] = 50;
        var total = (eth[16] << 8 | eth[17]) - 8;
        result[16] = (byte)(total >> 8);
        result[17] = (byte)total;
        result[24] = result[25] = 0;
        var sum = 0;
        for (var i = 0; i < ihl; i += 2)
        {
            sum += result[14 + i] << 8 | result[15 + i];
        }
        sum = (sum & 0xffff) + (sum >> 16);
        sum = (sum & 0xffff) + (sum >> 16);
        result[24] = (byte)(~sum >> 8);
        result[25] = (byte)~sum;
        return result;
    }
}
