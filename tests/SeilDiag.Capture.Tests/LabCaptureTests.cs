using System.Text.RegularExpressions;
using SeilDiag.Capture;
using SeilDiag.Tests;

namespace SeilDiag.Capture.Tests;

/// <summary>
/// Every lab capture (real strongSwan 5.9.8 peers) with the key files of its folder: every encrypted IKE
/// message decrypts (retransmissions and the other peer's messages included, where Wireshark fails), every
/// ESP ICV verifies, and each packet matches the scenario's tshark-decrypted.txt.
/// </summary>
public class LabCaptureTests
{
    public static TheoryData<string> Scenarios()
    {
        var data = new TheoryData<string>();
        foreach (var s in new[]
        {
            "01-minimal-ok", "02-responder-only", "03-phase1-dh-mismatch", "04-phase2-md5-rejected", "05-ts-mismatch", "05-ts-mismatch/disjoint",
            "06-aggressive-psk-refused", "07-aggressive-forced", "08-psk-mismatch", "09-id-mismatch", "10-lifetime-rekey", "10-lifetime-rekey/keylife",
            "11-dpd", "12-delete", "13-nat-t-forceencaps", "14-peer-unreachable", "15-strongswan-defaults",
        })
        {
            data.Add(s);
        }
        return data;
    }

    private static (CaptureAnalysis Analysis, List<TsharkRow> Rows) Run(string scenario)
    {
        var dir = Corpus.Lab(scenario.Split('/'));
        var analysis = CaptureFrontEnd.Analyze(Path.Combine(dir, "capture.pcap"), CaptureKeys.FromDirectory(dir));
        return (analysis, TsharkSummary.Read(Path.Combine(dir, "tshark-decrypted.txt")));
    }

    [SkippableTheory]
    [MemberData(nameof(Scenarios))]
    public void EveryEncryptedMessageDecryptsAndEveryIcvVerifies(string scenario)
    {
        var (a, _) = Run(scenario);
        Assert.All(a.Packets.Where(p => p.Isakmp is { Encrypted: true }), p =>
            Assert.True(p.Decryption is DecryptStatus.Decrypted or DecryptStatus.RetransmissionDecrypted, $"frame {p.Frame}: {p.DecryptionFailure}"));
        Assert.Equal(a.EncryptedCount, a.DecryptedCount);
        Assert.All(a.Packets.Where(p => p.Kind == PacketKind.Esp), p =>
        {
            Assert.True(p.EspDecrypted, $"frame {p.Frame}: {p.Info}");
            Assert.Equal(Esp.IcvStatus.Good, p.Icv);
        });
        Assert.DoesNotContain(a.Diagnostics, d => d.Id is "SD0021" or "SD0022" or "SD0024");
    }

    [SkippableTheory]
    [MemberData(nameof(Scenarios))]
    public void EveryPacketMatchesTsharksDecryption(string scenario)
    {
        var (a, rows) = Run(scenario);
        Assert.Equal(rows.Count, a.FrameCount);
        foreach (var row in rows)
        {
            var p = a.Packets.Single(x => x.Frame == row.Frame);
            var where = $"{scenario} frame {row.Frame}";
            switch (row.Exchange)
            {
                case "ESP":
                    Assert.Equal(PacketKind.Esp, p.Kind);
                    Assert.Equal(row.MessageId, $"spi={p.Spi:x8}");
                    Assert.Equal(row.Payloads, $"seq={p.Sequence}");
                    var inner = Regex.Match(row.Rest, @"^inner (\S+)>(\S+)\s+(\S+)");
                    Assert.True(inner.Success, where);
                    Assert.StartsWith($"{inner.Groups[1].Value} > {inner.Groups[2].Value} ICMP", p.Inner);
                    Assert.Equal("yes,ICV-ok", inner.Groups[3].Value);
                    var icmp = Regex.Match(row.Rest, @"Echo \(ping\) (request|reply)\s+id=(0x[0-9a-f]+), seq=(\d+)/");
                    Assert.True(icmp.Success, where);
                    Assert.EndsWith($"ICMP echo {icmp.Groups[1].Value} id={icmp.Groups[2].Value} seq={icmp.Groups[3].Value}", p.Inner);
                    Assert.Equal(row.Source, p.Source);
                    Assert.Equal(row.Destination, p.Destination);
                    break;
                case "ICMP":
                    Assert.Equal(PacketKind.Other, p.Kind);
                    Assert.Equal("type", row.Payloads);
                    Assert.StartsWith("3/3", row.Rest);
                    Assert.StartsWith("ICMP port unreachable for 10.0.0.1 > 10.0.0.2 UDP 500 > 500", p.Info);
                    break;
                default:
                    Assert.Equal(PacketKind.Isakmp, p.Kind);
                    var h = p.Isakmp!.Value;
                    Assert.Equal(row.Source, p.Source);
                    Assert.Equal(row.Destination, p.Destination);
                    Assert.Equal(row.Exchange, h.ExchangeName);
                    Assert.Equal(row.MessageId, $"0x{h.MessageId:x8}");
                    Assert.Equal(row.Encrypted, h.Encrypted);
                    var retx = Regex.Match(row.Decrypt, @"^retx\((\d+)\)$");
                    if (retx.Success)
                    {
                        // tshark cannot decrypt the copy; we decrypt it with the original's IV.
                        var original = long.Parse(retx.Groups[1].Value);
                        Assert.Equal(original, p.RetransmissionOf);
                        Assert.Equal(DecryptStatus.RetransmissionDecrypted, p.Decryption);
                        Assert.Equal(a.Packets.Single(x => x.Frame == original).PayloadList, p.PayloadList);
                        break;
                    }
                    Assert.True(row.Decrypt is "yes" or "yes(alt)" or "-", $"{where}: unexpected decrypt column {row.Decrypt}");
                    Assert.Equal(row.Payloads, p.PayloadList);
                    Assert.Equal(row.Notify ?? "", NotifyColumn(p));
                    break;
            }
        }
    }

    /// <summary>The lab table's notify/delete column: notify names with underscores, deletes as D(protocol).</summary>
    private static string NotifyColumn(PacketSummary p) => string.Join(",", p.Payloads
        .Where(x => x.Notification is not null || x.Delete is not null)
        .Select(x => x.Notification is { } n ? n.Name.Replace('-', '_') : $"D({x.Delete!.Protocol})"));

    [SkippableFact]
    public void PskMismatch_EachPeersKeyDecryptsOnlyItsOwnMessages()
    {
        var dir = Corpus.Lab("08-psk-mismatch");
        // With only the initiator's keys, the responder's PAYLOAD-MALFORMED notifications cannot be decrypted: SD0021, wrong key.
        var a = CaptureFrontEnd.Analyze(Path.Combine(dir, "capture.pcap"), CaptureKeys.Load(Path.Combine(dir, "ikev1_decryption_table"), null));
        var failed = a.Packets.Where(p => p.Decryption == DecryptStatus.Failed).ToList();
        Assert.Equal(12, failed.Count);
        Assert.All(failed, p => Assert.Equal("Informational", p.Isakmp!.Value.ExchangeName));
        var sd0021 = a.Diagnostics.Where(d => d.Id == "SD0021").ToList();
        Assert.Equal(3, sd0021.Count); // one per IKE SA (cookie), the other frames as additional locations
        Assert.All(sd0021, d => Assert.Contains("the key is wrong for this SA", d.Message));
        Assert.Equal(12, sd0021.Sum(d => 1 + d.AdditionalLocations.Count));
        // Every MM5 and its retransmissions decrypt with the initiator's key.
        Assert.Equal(12, a.Packets.Count(p => p.Isakmp is { ExchangeType: 2, Encrypted: true } && p.Decryption != DecryptStatus.Failed));
        var sa = a.ObservedSas[0];
        Assert.False(sa.Established);
        Assert.Equal(4, sa.Exchanges.Single(e => e.Type == Ike.ExchangeType.IdentityProtection).Messages.Count(m => m.Payloads.SequenceEqual(["ID", "HASH", "N"])));
    }

    [SkippableFact]
    public void Scenario01_ModelOfAHealthyTunnel()
    {
        var (a, _) = Run("01-minimal-ok");
        var sa = Assert.Single(a.ObservedSas);
        Assert.True(sa.Established);
        Assert.True(sa.NatTraversal);
        Assert.Equal(Model.IkeIdentity.Address(System.Net.IPAddress.Parse("10.0.0.1")), sa.InitiatorIdentity);
        Assert.Equal("IKE:AES_CBC_256/HMAC_SHA2_256_128/PRF_HMAC_SHA2_256/MODP_1536", sa.ChosenPhase1!.ToLogString());
        Assert.Equal(6, sa.OfferedPhase1.Count);
        var qm = sa.Exchanges.Single(e => e.Type == Ike.ExchangeType.QuickMode);
        Assert.Equal("ESP:AES_CBC_256/HMAC_SHA2_256_128/NO_EXT_SEQ", qm.ChosenPhase2!.ToLogString());
        Assert.Equal("192.168.1.0/24 === 192.168.2.0/24", qm.ProxyId!.ToString());
        Assert.Equal([0x2176bbafu, 0xc1b0e950u], qm.Spis.Order());
        Assert.All(a.EspSas, s =>
        {
            Assert.Equal(qm.MessageId, s.QuickModeMessageId);
            Assert.Equal("decrypted, ICV good", s.Verdict);
        });
        // Each SPI links to the Quick Mode message that announced it: the initiator's inbound SPI in QM1, the responder's in QM2.
        Assert.Equal(8, a.EspSas.Single(s => s.Spi == 0x2176bbafu).QuickModeFrame);
        Assert.Equal(7, a.EspSas.Single(s => s.Spi == 0xc1b0e950u).QuickModeFrame);
        var deletes = sa.Exchanges.Where(e => e.Type == Ike.ExchangeType.Informational).SelectMany(e => e.Messages).ToList();
        Assert.Equal(2, deletes.Count);
        Assert.Contains(deletes, m => m.Evidence.Text.Contains("D(ESP) c1b0e950", StringComparison.Ordinal));
        Assert.All(deletes, m =>
        {
            Assert.Equal(a.Path, m.Evidence.Location!.Path);
            Assert.Equal(Diagnostics.EvidenceSource.Capture, m.Evidence.Source);
            Assert.StartsWith("Informational msgid", m.Evidence.Excerpt);
            Assert.NotNull(m.Evidence.Time);
        });
    }

    [SkippableFact]
    public void NatD_ForcedEncapsulationShowsAsAMismatch()
    {
        // 13: forceencaps fakes the NAT-D hashes (README), so the hash of the sender's address does not match.
        var (a, _) = Run("13-nat-t-forceencaps");
        Assert.StartsWith("NAT-D: the sender is not at 10.0.0.1:500", a.Packets.Single(p => p.Frame == 3).NatDetection);
        Assert.Contains(a.ObservedSas[0].Exchanges[0].Messages, m => m.Evidence.Text.Contains("NAT-D: the sender is not at 10.0.0.1:500", StringComparison.Ordinal));
        // Aggressive Mode: the hash algorithm comes in the same message as the NAT-D payloads.
        var (am, _) = Run("07-aggressive-forced");
        Assert.StartsWith("NAT-D: ", am.Packets.Single(p => p.Frame == 2).NatDetection);
        Assert.DoesNotContain("not checked", am.Packets.Single(p => p.Frame == 2).NatDetection);
    }

    [SkippableFact]
    public void NatD_NoNatWhereThereIsNone()
    {
        var a = CaptureFrontEnd.Analyze(Corpus.Wireshark("ikev1-bug-12610.pcapng.gz"), CaptureKeys.None);
        Assert.Equal("NAT-D: no NAT between 192.168.0.100:500 and 192.168.0.1:500", a.Packets.Single(p => p.Frame == 3).NatDetection);
        Assert.Equal("NAT-D: no NAT between 192.168.0.1:500 and 192.168.0.100:500", a.Packets.Single(p => p.Frame == 4).NatDetection);
    }

    [SkippableFact]
    public void Dpd_RUThereWithoutAck()
    {
        var (a, _) = Run("11-dpd");
        var messages = a.ObservedSas.Single().Exchanges.SelectMany(e => e.Messages).ToList();
        Assert.Equal(4, messages.Count(m => m.Notifies.Contains("R-U-THERE")));
        Assert.Equal(2, messages.Count(m => m.Notifies.Contains("R-U-THERE-ACK")));
    }

    [SkippableFact]
    public void DhMismatch_UnencryptedNoProposalChosen()
    {
        var (a, _) = Run("03-phase1-dh-mismatch");
        var sa = a.ObservedSas.Single();
        Assert.Null(sa.ChosenPhase1);
        Assert.All(sa.OfferedPhase1, p => Assert.Equal(Ike.DhGroup.Modp1024, p.Group));
        Assert.Contains(sa.Exchanges.SelectMany(e => e.Messages), m => m.Notifies.Contains("NO-PROPOSAL-CHOSEN") && m.Direction == Model.MessageDirection.ResponderToInitiator);
    }
}
