using SeilDiag.Diagnostics;
using SeilDiag.Ike;
using SeilDiag.Model;
using SeilDiag.Tests;

namespace SeilDiag.Logs.Tests;

/// <summary>Both ends' logs merge into one diagnosis per cause; sessions pair up; the story and the observed SAs tell what happened.</summary>
public sealed class BothEndsAndStoryTests
{
    private static LogAnalysis Lab(string scenario, params string[] files) =>
        LogFrontEnd.Analyze(files.Select(f => LogInput.Open(SharedFiles.Require("corpus", "lab", scenario, f))));

    [SkippableFact]
    public void PskMismatchFromBothEndsIsOneDiagnosisWithTheRetransmitsAsEvidence()
    {
        var analysis = Lab("08-psk-mismatch", "seil-charon.log", "remote-charon.log");
        var d = Assert.Single(analysis.Diagnostics, x => x.Severity == Severity.Error);
        Assert.Equal("SD1002", d.Id);
        // The responder's "invalid ID_V1 payload length" is the most telling line; the initiator's give-up is evidence.
        Assert.EndsWith("remote-charon.log", d.Location!.Path);
        Assert.Contains("Main Mode message 5", d.Message);
        Assert.Contains(d.Evidence, e => e.Excerpt!.Contains("giving up after", StringComparison.Ordinal) && e.Location!.Path.EndsWith("seil-charon.log"));
        Assert.Contains(d.Evidence, e => e.Excerpt!.Contains("invalid ID_V1 payload length, decryption failed?", StringComparison.Ordinal));
        Assert.Single(d.AdditionalLocations);
        Assert.DoesNotContain(analysis.Diagnostics, x => x.Id == "SD3002");
        // The initiator's one IKE_SA (three keying tries) pairs with the responder's first attempt, not a later one.
        var seil = Assert.Single(analysis.Sessions, s => s.Path.EndsWith("seil-charon.log"));
        Assert.Equal(seil.Start, seil.Counterpart!.Start);
        Assert.Equal(analysis.Sessions.OrderBy(s => s.Id), analysis.Sessions);
        Assert.All(d.Evidence, e => Assert.NotNull(e.Time));
    }

    [SkippableFact]
    public void ProposalMismatchPairsTheTwoSessionsAndKeepsTheResponderDifference()
    {
        var analysis = Lab("03-phase1-dh-mismatch", "seil-charon.log", "remote-charon.log");
        var d = Assert.Single(analysis.Diagnostics, x => x.Severity == Severity.Error);
        Assert.Equal("phase 1 proposal mismatch: DH group: received MODP_1024, configured MODP_1536", d.Message);
        Assert.Contains(d.Evidence, e => e.Excerpt!.Contains("received NO_PROPOSAL_CHOSEN error notify", StringComparison.Ordinal));
        var seil = Assert.Single(analysis.Sessions, s => s.Path.EndsWith("seil-charon.log"));
        var remote = Assert.Single(analysis.Sessions, s => s.Path.EndsWith("remote-charon.log"));
        Assert.Same(remote, seil.Counterpart);
        Assert.Same(seil, remote.Counterpart);
        Assert.True(seil.IsInitiator);
        Assert.False(remote.IsInitiator);
    }

    [SkippableFact]
    public void DisjointSelectorsFromBothEndsNameTheSelectors()
    {
        var analysis = Lab("05-ts-mismatch/disjoint", "seil-charon.log", "remote-charon.log");
        var d = Assert.Single(analysis.Diagnostics, x => x.Severity == Severity.Error);
        Assert.Equal("SD2003", d.Id);
        Assert.Contains("192.168.1.0/24 === 192.168.20.0/24", d.Message);
        Assert.Contains(d.Evidence, e => e.Excerpt!.Contains("received INVALID_ID_INFORMATION error notify", StringComparison.Ordinal));
    }

    [SkippableFact]
    public void InitiatorAloneSaysTheOfferWasRefused()
    {
        var analysis = Lab("03-phase1-dh-mismatch", "seil-charon.log");
        var d = Assert.Single(analysis.Diagnostics);
        Assert.Equal("SD1001", d.Id);
        Assert.Contains("10.0.0.2 refused every IKE proposal offered (IKE:AES_CBC_256/HMAC_SHA2_256_128/PRF_HMAC_SHA2_256/MODP_1024)", d.Message);
    }

    [SkippableFact]
    public void StoryTellsTheStepsInEnglishAndJapanese()
    {
        var analysis = Lab("04-phase2-md5-rejected", "seil-charon.log", "remote-charon.log");
        var en = analysis.Story("en");
        Assert.Contains("started Main Mode (phase 1) towards 10.0.0.2", en);
        Assert.Contains("phase 1 completed (ISAKMP SA established)", en);
        Assert.Contains("sent Quick Mode (message ID 1160718810)", en);
        Assert.Contains("received error notify NO-PROPOSAL-CHOSEN", en);
        Assert.Contains("error SD2001 Phase 2 proposal mismatch: phase 2 proposal mismatch: integrity: received HMAC_MD5_96", en);
        Assert.Contains("fix (weakens security): On strongSwan (conn to-seil) accept the peer's proposal: esp=aes256-md5!", en);
        var ja = analysis.Story("ja");
        Assert.Contains("メインモードでフェーズ1 を開始", ja);
        Assert.Contains("フェーズ2 プロポーザル不一致", ja);
        Assert.Contains("(安全性が下がります)", ja);
        // Timeline order: phase 1 before the Quick Mode refusal.
        Assert.True(en.IndexOf("phase 1 completed", StringComparison.Ordinal) < en.IndexOf("received error notify NO-PROPOSAL-CHOSEN", StringComparison.Ordinal));
    }

    [SkippableFact]
    public void WorkingTunnelExportsTheObservedSa()
    {
        var analysis = Lab("01-minimal-ok", "seil-charon.log");
        var sa = Assert.Single(analysis.ObservedSas);
        Assert.Equal(EvidenceSource.CharonLog, sa.Source);
        Assert.True(sa.Established);
        Assert.Equal("to-remote", sa.ConnectionName);
        Assert.Equal(ExchangeMode.Main, sa.Mode);
        Assert.Equal("10.0.0.1", sa.Initiator!.Address.ToString());
        Assert.Equal(new Phase1Proposal(new Cipher(EncryptionAlgorithm.AesCbc, 256), HashAlgorithm.Sha2_256, DhGroup.Modp1536), sa.ChosenPhase1);
        Assert.True(sa.NatTraversal);
        var main = sa.Exchanges.First(x => x.Type == ExchangeType.IdentityProtection);
        Assert.Equal(6, main.Messages.Count);
        Assert.All(main.Messages, m => Assert.Equal(EvidenceKind.Observed, m.Evidence.Kind));
        var quick = Assert.Single(sa.Exchanges, x => x.Type == ExchangeType.QuickMode);
        Assert.Equal("192.168.1.0/24 === 192.168.2.0/24", quick.ProxyId!.ToString());
        Assert.Equal(2, quick.Spis.Count);
        Assert.Equal(new Phase2Proposal(new Cipher(EncryptionAlgorithm.AesCbc, 256), IntegrityAlgorithm.HmacSha2_256_128), quick.ChosenPhase2);
        Assert.Equal("10.0.0.1", sa.InitiatorIdentity!.Value);
    }
}

/// <summary>A log with more sessions than are kept in detail: later sessions are diagnosed and compacted, the diagnosis stays one.</summary>
public sealed class LongLogTests
{
    [SkippableFact]
    public void ManyRepeatedFailuresAreOneDiagnosisWithBoundedEvidence()
    {
        var lines = File.ReadAllLines(SharedFiles.Require("corpus", "lab", "03-phase1-dh-mismatch", "remote-charon.log"));
        var text = new System.Text.StringBuilder();
        for (var i = 0; i < LogFrontEnd.DetailedSessionLimit + 100; i++)
        {
            foreach (var line in lines) text.Append(line).Append('\n');
        }
        var analysis = LogFrontEnd.Analyze([LogInput.FromText("long.log", text.ToString())]);
        var d = Assert.Single(analysis.Diagnostics, x => x.Severity == Severity.Error);
        Assert.Equal("phase 1 proposal mismatch: DH group: received MODP_1024, configured MODP_1536", d.Message);
        Assert.Equal(LogFrontEnd.DetailedSessionLimit, analysis.Sessions.Count);
        Assert.Equal(100, analysis.CompactedSessions);
        Assert.True(d.Evidence.Count <= 60);
        Assert.Contains("(100 more sessions", analysis.Story("en"));
    }
}

/// <summary>
/// A SEIL (racoon) log and a charon log of the same tunnel on clocks 9 h 4 m 13 s apart: the negotiation pairs by
/// its CHILD_SA SPIs (racoon's "spi=…(0x…)" per direction ↔ charon's "_i"/"_o"), not by start times, which would
/// favour an earlier failed attempt whose offset is nearer a whole hour. The racoon lines carry the SPIs of lab
/// 01's real remote log.
/// </summary>
public sealed class RacoonCharonPairingTests
{
    [SkippableFact]
    public void Racoon_and_charon_sessions_pair_by_spi_across_a_time_zone_and_drift()
    {
        var remote = SharedFiles.Require("corpus", "lab", "01-minimal-ok", "remote-charon.log");
        // remote-charon.log: 00:35:22 "CHILD_SA to-seil{1} established with SPIs 2176bbaf_i c1b0e950_o"; the SEIL end
        // sends with 2176bbaf and receives with c1b0e950.
        var racoon = string.Join("\n",
            "2026-11-28 09:39:05: INFO: initiate new phase 1 negotiation: 10.0.0.1[500]<=>10.0.0.2[500]",
            "2026-11-28 09:39:05: INFO: begin Identity Protection mode.",
            "2026-11-28 09:39:25: ERROR: phase1 negotiation failed due to time up. 0123456789abcdef:0000000000000000",
            "2026-11-28 09:39:35: INFO: initiate new phase 1 negotiation: 10.0.0.1[500]<=>10.0.0.2[500]",
            "2026-11-28 09:39:35: INFO: begin Identity Protection mode.",
            "2026-11-28 09:39:35: INFO: ISAKMP-SA established 10.0.0.1[500]-10.0.0.2[500] spi:1111111111111111:2222222222222222",
            "2026-11-28 09:39:35: INFO: initiate new phase 2 negotiation: 10.0.0.1[500]<=>10.0.0.2[500]",
            "2026-11-28 09:39:35: INFO: IPsec-SA established: ESP/Tunnel 10.0.0.2[500]->10.0.0.1[500] spi=3249596752(0xc1b0e950)",
            "2026-11-28 09:39:35: INFO: IPsec-SA established: ESP/Tunnel 10.0.0.1[500]->10.0.0.2[500] spi=561429423(0x2176bbaf)",
            "");
        var analysis = LogFrontEnd.Analyze([LogInput.Open(remote), LogInput.FromText("seil-racoon.log", racoon)]);

        var charon = Assert.Single(analysis.Sessions, s => s.Path == remote && s.ChildSasEstablished > 0);
        var paired = Assert.IsType<LogSession>(charon.Counterpart);
        Assert.Equal("seil-racoon.log", paired.Path);
        Assert.Equal(new DateTimeOffset(2026, 11, 28, 9, 39, 35, TimeSpan.Zero), paired.Start);
    }
}

/// <summary>
/// `ipsec up` prints the initiator's messages bare, without times: its session still pairs with the responder's
/// syslog session of the same negotiation (lab 01's real lines, the initiator's with their prefixes cut off).
/// </summary>
public sealed class UntimedPairingTests
{
    [SkippableFact]
    public void Console_output_of_ipsec_up_pairs_with_the_other_ends_log()
    {
        var seil = SharedFiles.Require("corpus", "lab", "01-minimal-ok", "seil-charon.log");
        var remote = SharedFiles.Require("corpus", "lab", "01-minimal-ok", "remote-charon.log");
        // "Nov 28 00:35:22 15[IKE] <to-remote|1> initiating Main Mode …" -> "initiating Main Mode …"
        var console = string.Join("\n", File.ReadLines(seil)
            .Select(l => System.Text.RegularExpressions.Regex.Match(l, @"^\w{3} [ \d]\d \d\d:\d\d:\d\d \d\d\[\w+\] <to-remote\|1> (.*)$"))
            .Where(m => m.Success).Select(m => m.Groups[1].Value)) + "\n";
        var analysis = LogFrontEnd.Analyze([LogInput.Open(remote), LogInput.FromText("ipsec-up.txt", console)]);

        var up = Assert.Single(analysis.Sessions, s => s.Path == "ipsec-up.txt" && s.Local is not null);
        Assert.Null(up.Start);
        Assert.Equal(remote, up.Counterpart?.Path);
    }
}
