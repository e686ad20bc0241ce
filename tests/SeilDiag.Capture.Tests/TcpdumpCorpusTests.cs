using SeilDiag.Capture;

namespace SeilDiag.Capture.Tests;

/// <summary>tcpdump's ESP and IKEv1 test captures (tcpdump/SOURCES.md) with the keys upstream uses.</summary>
public class TcpdumpCorpusTests
{
    private static string Line(string dst, string spi, string alg, string key) =>
        $"\"IPv4\",\"*\",\"{dst}\",\"{spi}\",\"{alg}\",\"{key}\",\"ANY 96 bit authentication [no checking]\",\"\"";

    [SkippableFact]
    public void SunriseSunsetEsp_DecryptsWithTheCommandLineKey()
    {
        var keys = Corpus.EspKeys(Line("192.1.2.45", "0x12345678", "TripleDES-CBC [RFC2451]", Corpus.TcpdumpEsp1Key));
        var a = CaptureFrontEnd.Analyze(Corpus.Tcpdump("02-sunrise-sunset-esp.pcap"), keys);
        Assert.Equal(8, a.EspCount);
        // esp1.out: 8 x "ICMP echo request, id 28416, seq 1280.." (seq grows by 256).
        for (var i = 0; i < 8; i++)
        {
            Assert.Equal($"192.0.2.1 > 192.0.1.1 ICMP echo request id=0x6f00 seq={1280 + 256 * i}", a.Packets[i].Inner);
        }
        Assert.Equal(Esp.IcvStatus.NotChecked, a.Packets[0].Icv);
    }

    [SkippableFact]
    public void SunriseSunsetEsp2_DecryptsNestedEspWithTheFileKeys()
    {
        var keys = Corpus.EspKeys(
            Line("192.1.2.45", "0x12345678", "TripleDES-CBC [RFC2451]", Corpus.TcpdumpFileKey1),
            Line("192.0.1.1", "0xabcdabcd", "TripleDES-CBC [RFC2451]", Corpus.TcpdumpFileKey2));
        var a = CaptureFrontEnd.Analyze(Corpus.Tcpdump("08-sunrise-sunset-esp2.pcap"), keys);
        Assert.All(a.Packets, p => Assert.Matches(@"^192\.1\.2\.23 > 192\.0\.1\.1 ESP spi=0xabcdabcd seq=\d+ \[decrypted, ICV not checked\] 192\.0\.2\.1 > 192\.0\.1\.1 ICMP echo request id=0x6f00 seq=\d+$", p.Inner));
        Assert.Equal(2, a.EspSas.Count);
        Assert.All(a.EspSas, s => Assert.Equal(8, s.Decrypted));
    }

    [SkippableFact]
    public void SunriseSunsetAes_DecryptsAes256()
    {
        var keys = Corpus.EspKeys(Line("192.1.2.45", "0xd1234567", "AES-CBC [RFC3602]", Corpus.TcpdumpFileKey3));
        var a = CaptureFrontEnd.Analyze(Corpus.Tcpdump("08-sunrise-sunset-aes.pcap"), keys);
        Assert.Equal(8, a.EspSas.Single().Decrypted);
        Assert.StartsWith("192.0.2.1 > 192.0.1.1 ICMP echo request", a.Packets[7].Inner);
    }

    [SkippableFact]
    public void EspUdp1_FailsCleanlyWithTheFilesWrongKey()
    {
        // Upstream's espudp1.out shows garbage: the file's key for this SPI is not the one used.
        var keys = Corpus.EspKeys(Line("192.1.2.45", "0x12345678", "TripleDES-CBC [RFC2451]", Corpus.TcpdumpFileKey1));
        var a = CaptureFrontEnd.Analyze(Corpus.Tcpdump("espudp1.pcap"), keys);
        Assert.Equal(8, a.EspCount);
        Assert.All(a.Packets, p => Assert.False(p.EspDecrypted));
        var sd0022 = Assert.Single(a.Diagnostics, d => d.Id == "SD0022");
        Assert.Contains("0x12345678", sd0022.Message);
        Assert.Contains("encryption key is wrong", sd0022.Message);
        // The key itself never appears.
        Assert.DoesNotContain(Corpus.TcpdumpFileKey1[2..], sd0022.Message, StringComparison.OrdinalIgnoreCase);
        Assert.True(a.EspSas.Single().UdpEncapsulated);
    }

    [SkippableFact]
    public void EspUdp1_DecryptsWithTheRightKey()
    {
        var keys = Corpus.EspKeys(Line("192.1.2.45", "0x12345678", "TripleDES-CBC [RFC2451]", Corpus.TcpdumpEsp1Key));
        var a = CaptureFrontEnd.Analyze(Corpus.Tcpdump("espudp1.pcap"), keys);
        Assert.All(a.Packets, p => Assert.StartsWith("192.0.2.1 > 192.0.1.1 ICMP echo request", p.Inner));
        Assert.DoesNotContain(a.Diagnostics, d => d.Id == "SD0022");
    }

    [SkippableFact]
    public void Isakmp4500_NatTraversalWithoutKeys()
    {
        var a = CaptureFrontEnd.Analyze(Corpus.Tcpdump("isakmp4500.pcap"), CaptureKeys.None);
        var sa = Assert.Single(a.ObservedSas);
        Assert.Equal(0x9e89f2388f90bc1eUL, sa.InitiatorCookie);
        Assert.Equal(0x0a74357ce3d1a4bfUL, sa.ResponderCookie);
        Assert.True(sa.NatTraversal);
        Assert.Equal(Ike.DhGroup.Modp1536, sa.ChosenPhase1!.Group);
        Assert.Equal(Ike.AuthMethod.RsaSignature, sa.ChosenPhase1.Auth);
        Assert.Contains(a.Packets, p => p.Kind == PacketKind.NatKeepalive);
        Assert.Contains(a.Packets, p => p.Kind == PacketKind.Esp && p.Spi == 0xf4dc0ae5u && p.UdpEncapsulated);
        Assert.Contains(a.Packets, p => p.NonEspMarker && p.Isakmp!.Value.Encrypted);
        Assert.Contains(a.Packets.SelectMany(p => p.Payloads), p => p.Type == 20 || p.Type == 130);
        Assert.Contains(a.Packets.SelectMany(p => p.Payloads), p => p.VendorName == "RFC 3706 DPD (Dead Peer Detection)");
        // No IKE key: every encrypted message gets SD0021 with the reason, reported once per reason.
        var sd0021 = Assert.Single(a.Diagnostics, d => d.Id == "SD0021");
        Assert.Contains("no key for this initiator cookie", sd0021.Message);
        // Retransmissions (many here) are not reported again: one location per original message.
        var originals = a.Packets.Count(p => p.Isakmp is { Encrypted: true } && p.RetransmissionOf is null);
        Assert.Equal(originals, 1 + sd0021.AdditionalLocations.Count);
        Assert.True(a.Packets.Count(p => p.RetransmissionOf is not null) > 0);
        Assert.Equal("no key", a.EspSas.Single().Verdict);
    }

    [SkippableFact]
    public void IsakmpSaSetup_ProposalsAndVendorIds()
    {
        var a = CaptureFrontEnd.Analyze(Corpus.Tcpdump("ISAKMP_sa_setup.pcap"), CaptureKeys.None);
        var sa = Assert.Single(a.ObservedSas);
        var chosen = sa.ChosenPhase1!;
        Assert.Equal(new Ike.Cipher(Ike.EncryptionAlgorithm.AesCbc, 128), chosen.Encryption);
        Assert.Equal(Ike.HashAlgorithm.Sha1, chosen.Hash);
        Assert.Equal(Ike.DhGroup.Modp768, chosen.Group);
        Assert.Equal(Ike.AuthMethod.PreSharedKey, chosen.Auth);
        Assert.Equal(TimeSpan.FromSeconds(86400), chosen.Lifetime);
        var vendors = a.Packets.SelectMany(p => p.Payloads).Select(p => p.VendorName).OfType<string>().ToHashSet();
        Assert.Contains("Cisco Unity", vendors);
        Assert.Contains("XAUTH", vendors);
        Assert.Contains("RFC 3706 DPD (Dead Peer Detection)", vendors);
    }
}
