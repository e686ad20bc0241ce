using SeilDiag.Capture;
using SeilDiag.Ike;
using SeilDiag.Model;

namespace SeilDiag.Capture.Tests;

/// <summary>Every value Wireshark's test suite (suite_decryption.py) asserts for the IKEv1 and ESP captures.</summary>
public class WiresharkCorpusTests
{
    private static CaptureAnalysis Analyze(string file, CaptureOptions? options = null) =>
        CaptureFrontEnd.Analyze(Corpus.Wireshark(file), Corpus.WiresharkKeys(), options);

    private static string Hashes(CaptureAnalysis a, long frame) =>
        string.Join(",", a.Packets.Single(p => p.Frame == frame).Payloads.Where(p => p.Type == 8).Select(p => p.Summary));

    [SkippableFact]
    public void Ikev1Certs_DecryptsMainModeCertificatesAndQuickMode()
    {
        var a = Analyze("ikev1-certs.pcap");
        Assert.Equal(10, a.FrameCount);
        Assert.Equal(6, a.EncryptedCount);
        Assert.Equal(6, a.DecryptedCount);
        // Upstream test_ikev1_certs: "OpenSwan" is in a certificate only visible after decrypting MM5.
        var mm5 = a.Packets.Single(p => p.Frame == 5);
        Assert.Contains(mm5.Payloads, p => p.CertificateSubject is { } s && s.Contains("CN=OpenSwan", StringComparison.Ordinal));
        var sa = Assert.Single(a.ObservedSas);
        Assert.Equal(0xfafaeb49382a763cUL, sa.InitiatorCookie);
        Assert.Equal(0x36e65ad2f66f4403UL, sa.ResponderCookie);
        Assert.Equal(new Phase1Proposal(new Cipher(EncryptionAlgorithm.TripleDes, 0), HashAlgorithm.Md5, DhGroup.Modp1024, AuthMethod.RsaSignature), sa.ChosenPhase1! with { Lifetime = null });
        var qm = Assert.Single(sa.Exchanges, e => e.Type == ExchangeType.QuickMode);
        Assert.Equal(0xf2cfe203u, qm.MessageId);
        Assert.Equal([0x95f9fa06u, 0xcd876adfu], qm.Spis.Order());
        Assert.Equal(EncryptionAlgorithm.TripleDes, qm.ChosenPhase2!.Encryption.Algorithm);
        Assert.Equal(IntegrityAlgorithm.HmacMd5_96, qm.ChosenPhase2.Integrity);
    }

    [SkippableFact]
    public void Ikev1Certs_RetransmissionDecryptsWithTheOriginalsIv()
    {
        // Wireshark 4.0 shows frame 8 (a byte-identical copy of frame 7) as malformed; we must not.
        var a = Analyze("ikev1-certs.pcap");
        var frame8 = a.Packets.Single(p => p.Frame == 8);
        Assert.Equal(DecryptStatus.RetransmissionDecrypted, frame8.Decryption);
        Assert.Equal(7, frame8.RetransmissionOf);
        Assert.Equal(a.Packets.Single(p => p.Frame == 7).PayloadList, frame8.PayloadList);
        Assert.Equal("[HASH,SA,P,T,No,KE,ID,ID]", frame8.PayloadList);
        // ... and frame 9 (the answer) still decrypts: the retransmission did not advance the CBC chain.
        Assert.Equal(DecryptStatus.Decrypted, a.Packets.Single(p => p.Frame == 9).Decryption);
        Assert.True(a.ObservedSas[0].Exchanges.Single(e => e.Type == ExchangeType.QuickMode).Messages[1].IsRetransmission);
    }

    [SkippableFact]
    public void Ikev1Bug12610_InterleavedExchangesDecrypt()
    {
        var a = Analyze("ikev1-bug-12610.pcapng.gz");
        Assert.Equal(16, a.FrameCount);
        Assert.Equal(12, a.EncryptedCount);
        Assert.Equal(12, a.DecryptedCount);
        // Upstream test_ikev1_simultaneous asserts this prefix; SOURCES.md records the full value.
        Assert.Equal("HASH b52521f774967402c9f6cee95fd17e5bccec230b5731fc530e1a8ab33a69f440", Hashes(a, 9));
        var sa = Assert.Single(a.ObservedSas);
        Assert.Equal(new IkeIdentity(IdentityType.Ipv4Address, "192.168.0.100"), sa.InitiatorIdentity);
        Assert.Equal(new IkeIdentity(IdentityType.Fqdn, "moon.localdomain"), sa.ResponderIdentity);
        Assert.Equal(AuthMethod.XauthInitPreShared, sa.ChosenPhase1!.Auth);
        Assert.Equal(new Cipher(EncryptionAlgorithm.AesCbc, 256), sa.ChosenPhase1.Encryption);
        Assert.Equal(HashAlgorithm.Sha2_256, sa.ChosenPhase1.Hash);
        Assert.Contains(a.Packets.Single(p => p.Frame == 8).Payloads, p => p.Notification?.Name == "INITIAL-CONTACT");
        var reply = a.Packets.Single(p => p.Frame == 13).Payloads.Single(p => p.Config is not null).Config!;
        Assert.Contains(reply.Attributes, x => x.Name == "INTERNAL_IP4_ADDRESS" && x.ValueText == "10.1.1.1");
        var qm = sa.Exchanges.Single(e => e.Type == ExchangeType.QuickMode);
        Assert.Equal(0xb1167ba3u, qm.MessageId);
        Assert.Equal([0x070883c2u, 0xc254fe64u], qm.Spis.Order());
        Assert.Equal(new Phase2Proposal(new Cipher(EncryptionAlgorithm.AesCbc, 128), IntegrityAlgorithm.HmacSha1_96), qm.ChosenPhase2);
    }

    [SkippableFact]
    public void Ikev1Bug12610_XauthPasswordIsNeverPrinted()
    {
        var a = Analyze("ikev1-bug-12610.pcapng.gz");
        var attr = a.Packets.Single(p => p.Frame == 9).Payloads.Single(p => p.Config is not null).Config!.Attributes.Single(x => x.Name == "XAUTH_USER_PASSWORD");
        Assert.Equal("<redacted>", attr.ValueText);
    }

    [SkippableFact]
    public void Ikev1Bug12620_UnencryptedAggressiveModeThenEncryptedInformational()
    {
        var a = Analyze("ikev1-bug-12620.pcapng.gz");
        Assert.Equal(10, a.FrameCount);
        Assert.Equal(7, a.EncryptedCount);
        Assert.Equal(7, a.DecryptedCount);
        // Upstream test_ikev1_unencrypted asserts this prefix (frame 4).
        Assert.Equal("HASH 40043b640f4373250d5ac3a1fb63153cacab954cca6366021f4ab9d436265052", Hashes(a, 4));
        var sa = Assert.Single(a.ObservedSas);
        Assert.Equal(ExchangeMode.Aggressive, sa.Mode);
        Assert.Equal(new IkeIdentity(IdentityType.UserFqdn, "mpa@tablet.localdomain"), sa.InitiatorIdentity);
        Assert.Equal(new IkeIdentity(IdentityType.Fqdn, "moon.localdomain"), sa.ResponderIdentity);
        Assert.True(sa.Established);
    }

    [SkippableFact]
    public void EspBug12671_DecryptsAndVerifiesEveryPacket()
    {
        var a = Analyze("esp-bug-12671.pcapng.gz", new CaptureOptions { KeepPayloadBytes = true });
        Assert.Equal(6, a.EspCount);
        Assert.All(a.Packets, p =>
        {
            Assert.True(p.EspDecrypted);
            Assert.Equal(Esp.IcvStatus.Good, p.Icv);
            // Upstream test_ipsec_esp: the ICMP payload bytes appear in all 6 frames.
            Assert.Contains("08090a0b0c0d0e0f1011121314151617", Convert.ToHexString(p.InnerPacket!).ToLowerInvariant());
        });
        Assert.Equal(2, a.EspSas.Count);
        Assert.All(a.EspSas, s => Assert.Equal("decrypted, ICV good", s.Verdict));
        Assert.Contains("10.1.1.1 > 10.1.0.10 ICMP echo request", a.Packets[0].Inner);
        Assert.DoesNotContain(a.Diagnostics, d => d.Id is "SD0022" or "SD0024");
    }

    [SkippableFact]
    public void UnusedKeyTableEntriesAreReported()
    {
        // The Wireshark test profile holds keys for all three IKE captures: each capture uses one.
        var a = Analyze("ikev1-certs.pcap");
        var unused = a.Diagnostics.Where(d => d.Id == "SD0023" && d.Location!.Path.EndsWith("ikev1_decryption_table", StringComparison.Ordinal)).Select(d => d.Location!.Line).ToList();
        Assert.Contains(3, unused); // ab3e0f1f8bc3be8e (line 3 of the table, after the comment)
        Assert.Contains(4, unused);
        Assert.DoesNotContain(2, unused);
        // Both esp_sa lines match nothing in a capture without ESP, and the message says so.
        Assert.Equal(2, a.Diagnostics.Count(d => d.Id == "SD0023" && d.Location!.Path.EndsWith("esp_sa", StringComparison.Ordinal) && d.Message.Contains("matches no ESP packet", StringComparison.Ordinal)));
    }
}
