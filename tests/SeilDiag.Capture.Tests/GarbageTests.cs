using System.Buffers.Binary;
using SeilDiag.Capture;
using SeilDiag.Text;

namespace SeilDiag.Capture.Tests;

/// <summary>Bad input gives a clear finding (SD0024, SD0021, or an InputException for unusable files), never a crash or a hang.</summary>
public class GarbageTests
{
    private static byte[] Lab01() => File.ReadAllBytes(Corpus.Lab("01-minimal-ok", "capture.pcap"));

    private static CaptureAnalysis Analyze(byte[] bytes, string name = "bad.pcap") =>
        CaptureFrontEnd.Analyze(Corpus.TempFile(name, bytes), CaptureKeys.FromDirectory(Corpus.Lab("01-minimal-ok")));

    [Theory]
    [InlineData(new byte[] { 0xd4 }, "not a pcap or pcapng capture")]
    [InlineData(new byte[] { }, "file is empty")]
    [InlineData(new byte[] { 0xd4, 0xc3, 0xb2, 0xa1, 2, 0 }, "needs a 24-byte global header")]
    [InlineData(new byte[] { 0x0a, 0x0d, 0x0d, 0x0a }, "needs at least a 28-byte section header block")]
    [InlineData(new byte[] { (byte)'h', (byte)'e', (byte)'l', (byte)'l', (byte)'o' }, "starts with 68656c6c")]
    public void TinyOrForeignFiles_AreInputExceptions(byte[] bytes, string expected)
    {
        var path = Corpus.TempFile("tiny.pcap", bytes);
        var e = Assert.Throws<InputException>(() => CaptureFrontEnd.Analyze(path, CaptureKeys.None));
        Assert.Contains(expected, e.Message);
        Assert.Equal(path, e.Path);
    }

    [Fact]
    public void MissingFile_IsAnInputException()
    {
        var e = Assert.Throws<InputException>(() => CaptureFrontEnd.Analyze(Path.Combine(Corpus.TempDir(), "none.pcap"), CaptureKeys.None));
        Assert.Contains("file not found", e.Message);
    }

    [SkippableFact]
    public void TruncatedInsideAPacket_KeepsEveryCompletePacket()
    {
        var bytes = Lab01();
        var a = Analyze(bytes[..(bytes.Length - 50)]);
        Assert.Equal(16, a.Packets.Count);
        var finding = Assert.Single(a.Diagnostics, d => d.Id == "SD0024");
        Assert.Contains("capture ends inside packet 17", finding.Message);
        Assert.Equal(17, finding.Location!.Packet);
        Assert.Equal(6, a.DecryptedCount);
    }

    [SkippableFact]
    public void TruncatedInsideARecordHeader()
    {
        var bytes = Lab01();
        // Cut 8 bytes into the record header of packet 2.
        var first = 24 + 16 + (int)BinaryPrimitives.ReadUInt32LittleEndian(bytes.AsSpan(24 + 8));
        var a = Analyze(bytes[..(first + 8)]);
        Assert.Single(a.Packets);
        Assert.Contains("inside the record header of packet 2", Assert.Single(a.Diagnostics, d => d.Id == "SD0024").Message);
    }

    [SkippableFact]
    public void LyingLengthField_StopsWithAFinding()
    {
        var bytes = Lab01();
        var first = 24 + 16 + (int)BinaryPrimitives.ReadUInt32LittleEndian(bytes.AsSpan(24 + 8));
        BinaryPrimitives.WriteUInt32LittleEndian(bytes.AsSpan(first + 8), 0x7fffffff);
        var a = Analyze(bytes);
        Assert.Single(a.Packets);
        Assert.Contains("claims 2147483647 captured bytes", Assert.Single(a.Diagnostics, d => d.Id == "SD0024").Message);
    }

    [SkippableFact]
    public void PcapNgWithACorruptBlockLength_StopsWithAFinding()
    {
        var frames = CaptureWriter.ReadEthernet(Corpus.Lab("01-minimal-ok", "capture.pcap"));
        var ng = CaptureWriter.PcapNg(frames);
        // The block after SHB (28 bytes) and two IDBs: corrupt the trailing length of the first packet block.
        var offset = 28;
        for (var i = 0; i < 2; i++)
        {
            offset += (int)BinaryPrimitives.ReadUInt32LittleEndian(ng.AsSpan(offset + 4));
        }
        var length = (int)BinaryPrimitives.ReadUInt32LittleEndian(ng.AsSpan(offset + 4));
        BinaryPrimitives.WriteUInt32LittleEndian(ng.AsSpan(offset + length - 4), 12345);
        var a = Analyze(ng, "bad.pcapng");
        Assert.Empty(a.Packets);
        Assert.Contains("trailing length 12345", Assert.Single(a.Diagnostics, d => d.Id == "SD0024").Message);
    }

    [SkippableFact]
    public void IsakmpLengthLargerThanThePacket_IsReported()
    {
        var bytes = Lab01();
        // Frame 1 is MM1 on UDP 500: Ethernet(14) + IPv4(20) + UDP(8); the ISAKMP length field is at offset 24 of the header.
        var isakmp = 24 + 16 + 14 + 20 + 8;
        BinaryPrimitives.WriteUInt32BigEndian(bytes.AsSpan(isakmp + 24), 9999);
        var a = Analyze(bytes);
        var finding = Assert.Single(a.Diagnostics, d => d.Id == "SD0024");
        Assert.Contains("ISAKMP length field says 9999 bytes", finding.Message);
        Assert.Equal(1, finding.Location!.Packet);
        Assert.Equal(7, a.DecryptedCount);
    }

    [SkippableFact]
    public void WrongIkeKey_GivesSd0021WithTheReasonAndNeverTheKey()
    {
        var dir = Corpus.TempDir();
        const string wrong = "00112233445566778899aabbccddeeff00112233445566778899aabbccddeeff";
        File.WriteAllText(Path.Combine(dir, "ikev1_decryption_table"), $"a029457cd2b812cb,{wrong}\n");
        File.Copy(Corpus.Lab("01-minimal-ok", "esp_sa"), Path.Combine(dir, "esp_sa"));
        var a = CaptureFrontEnd.Analyze(Corpus.Lab("01-minimal-ok", "capture.pcap"), CaptureKeys.FromDirectory(dir));
        Assert.Equal(0, a.DecryptedCount);
        var d = Assert.Single(a.Diagnostics, x => x.Id == "SD0021");
        Assert.Contains("a029457cd2b812cb", d.Message);
        Assert.Contains("the key is wrong for this SA", d.Message);
        Assert.Equal(7, 1 + d.AdditionalLocations.Count);
        // The finding names its tunnel, so the correlator can merge it with the logs' findings about the same pair.
        Assert.Equal(SeilDiag.Diagnostics.TunnelEndpoints.Of("10.0.0.1", "10.0.0.2"), d.Tunnel);
        Assert.DoesNotContain(wrong, string.Join("\n", a.Diagnostics.Select(x => x.Message)));
        // ESP still decrypts: the rest goes on.
        Assert.Equal(6, a.Packets.Count(p => p.EspDecrypted == true));
    }

    [SkippableFact]
    public void WrongEspKey_GivesSd0022ForThatSaOnly()
    {
        var scenario = Corpus.Lab("01-minimal-ok");
        var dir = Corpus.TempDir();
        File.Copy(Path.Combine(scenario, "ikev1_decryption_table"), Path.Combine(dir, "ikev1_decryption_table"));
        var lines = File.ReadAllLines(Path.Combine(scenario, "esp_sa"));
        // Flip one hex digit of the first SA's integrity key: decryption works, the ICV does not.
        var last = lines[0].LastIndexOf("\"0x", StringComparison.Ordinal) + 3;
        lines[0] = lines[0][..last] + (lines[0][last] == '0' ? '1' : '0') + lines[0][(last + 1)..];
        File.WriteAllLines(Path.Combine(dir, "esp_sa"), lines);
        var a = CaptureFrontEnd.Analyze(Path.Combine(scenario, "capture.pcap"), CaptureKeys.FromDirectory(dir));
        var d = Assert.Single(a.Diagnostics, x => x.Id == "SD0022");
        Assert.Contains("0xc1b0e950", d.Message);
        Assert.Contains("ICV does not verify", d.Message);
        Assert.Equal(3, a.EspSas.Single(s => s.Spi == 0x2176bbafu).IcvGood);
        Assert.Equal(3, a.EspSas.Single(s => s.Spi == 0xc1b0e950u).IcvBad);
        Assert.Equal(SeilDiag.Diagnostics.TunnelEndpoints.Of("10.0.0.2", "10.0.0.1"), d.Tunnel);
    }

    [SkippableFact]
    public void EspEntryWithTheWrongAddress_IsSd0023NamingTheRealDirection()
    {
        // The seed article's note: an esp_sa line with the addresses the wrong way round matches nothing.
        var scenario = Corpus.Lab("01-minimal-ok");
        var lines = File.ReadAllLines(Path.Combine(scenario, "esp_sa"));
        lines[0] = lines[0].Replace("\"10.0.0.2\",\"10.0.0.1\"", "\"10.0.0.1\",\"10.0.0.3\"");
        var esp = Path.Combine(Corpus.TempDir(), "esp_sa");
        File.WriteAllLines(esp, lines);
        var a = CaptureFrontEnd.Analyze(Path.Combine(scenario, "capture.pcap"), CaptureKeys.Load(Path.Combine(scenario, "ikev1_decryption_table"), esp));
        var d = Assert.Single(a.Diagnostics, x => x.Id == "SD0023");
        Assert.Equal(1, d.Location!.Line);
        Assert.Contains("SPI 0xc1b0e950 travels 10.0.0.2 -> 10.0.0.1, the entry says 10.0.0.1 -> 10.0.0.3", d.Message);
        Assert.Equal("no key", a.EspSas.Single(s => s.Spi == 0xc1b0e950u).Verdict);
    }

    [Fact]
    public void BadKeyTableLines_AreDiagnosticsOnTheKeyFile()
    {
        var dir = Corpus.TempDir();
        File.WriteAllText(Path.Combine(dir, "ikev1_decryption_table"), "# comment\nnot-a-line\nzz29457cd2b812cb,00\na029457cd2b812cb,0g\n");
        File.WriteAllText(Path.Combine(dir, "esp_sa"), "\"IPv4\",\"*\",\"*\",\"0x1\",\"AES-CBD [RFC3602]\",\"0x00\",\"NULL\",\"\"\n\"IPv4\",\"*\"\n");
        var keys = CaptureKeys.FromDirectory(dir);
        Assert.Empty(keys.Ikev1);
        Assert.Empty(keys.Esp);
        var messages = keys.Diagnostics.Select(d => $"{d.Location!.Line}:{d.Id}:{d.Message}").ToList();
        Assert.Contains(messages, m => m.StartsWith("2:SD0001:", StringComparison.Ordinal));
        Assert.Contains(messages, m => m.StartsWith("3:SD0003:", StringComparison.Ordinal) && m.Contains("initiator cookie"));
        Assert.Contains(messages, m => m.StartsWith("4:SD0003:", StringComparison.Ordinal) && m.Contains("<key>"));
        Assert.Contains(messages, m => m.StartsWith("1:SD0003:", StringComparison.Ordinal) && m.Contains("did you mean 'AES-CBC [RFC3602]'"));
        Assert.Contains(messages, m => m.StartsWith("2:SD0001:", StringComparison.Ordinal) && m.Contains("8 quoted fields"));
    }

    [SkippableFact]
    public void RandomCorruption_NeverCrashesOrHangs()
    {
        // Mutate real captures (pcap and gzip'd pcapng) at fixed pseudo-random positions: every run must end
        // with an analysis (or an InputException for a destroyed header), never another exception.
        var sources = new[]
        {
            Lab01(),
            File.ReadAllBytes(Corpus.Wireshark("ikev1-bug-12610.pcapng.gz")),
            File.ReadAllBytes(Corpus.Lab("08-psk-mismatch", "capture.pcap")),
        };
        var random = new Random(20261128);
        foreach (var source in sources)
        {
            for (var run = 0; run < 60; run++)
            {
                var bytes = (byte[])source.Clone();
                var flips = 1 + random.Next(20);
                for (var i = 0; i < flips; i++)
                {
                    bytes[random.Next(bytes.Length)] = (byte)random.Next(256);
                }
                if (run % 5 == 0)
                {
                    bytes = bytes[..random.Next(bytes.Length)];
                }
                var path = Corpus.TempFile("fuzz.pcap", bytes);
                try
                {
                    var a = CaptureFrontEnd.Analyze(path, CaptureKeys.FromDirectory(Corpus.Lab("01-minimal-ok")));
                    Assert.NotNull(a);
                    using var text = new StringWriter();
                    CaptureText.Write(a, text);
                    using var json = new System.Text.Json.Utf8JsonWriter(new MemoryStream());
                    CaptureJson.Write(a, json);
                }
                catch (InputException)
                {
                }
            }
        }
    }
}
