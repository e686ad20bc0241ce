using System.Net;
using SeilDiag.Diagnostics;
using SeilDiag.Logs.Events;
using SeilDiag.Logs.Reading;
using SeilDiag.Tests;

namespace SeilDiag.Logs.Tests;

/// <summary>One test per line layout, with real lines (lab logs, and the real examples quoted in log-catalog.md §1).</summary>
public sealed class ReaderFormatTests
{
    private static LogEvent SingleEvent(string line, LogEventKind kind)
    {
        var analysis = LogFrontEnd.Analyze([LogInput.FromText("t.log", line)]);
        Assert.Empty(analysis.Unrecognized);
        return Assert.Single(analysis.Sessions.SelectMany(s => s.Events), e => e.Kind == kind);
    }

    [SkippableFact]
    public void CharonFileLogWithIkeNameFromTheLab()
    {
        var path = SharedFiles.Require("corpus", "lab", "03-phase1-dh-mismatch", "remote-charon.log");
        var line = File.ReadLines(path).First(l => l.Contains("configured proposals:", StringComparison.Ordinal));
        var e = SingleEvent(line, LogEventKind.ProposalsConfigured);
        Assert.Equal(LogFormat.CharonFile, e.Format);
        Assert.Equal(LogDaemon.Charon, e.Daemon);
        Assert.Equal(1, e.UniqueId);
        Assert.Null(e.ConnName);
        Assert.Equal(new TimeSpan(0, 35, 35), e.Time!.Value.TimeOfDay);
        Assert.Equal(11, e.Time.Value.Month);
        var proposal = Assert.Single(e.Proposals);
        Assert.Equal(["MODP_1536"], proposal.KeyExchange);
        Assert.Equal(Ike.DhGroup.Modp1536, Assert.Single(proposal.ToPhase1()).Group);
    }

    [Fact]
    public void CharonFileLogWithLogLevelAndConnName()
    {
        // strongswan/strongswan#417 shows log_level=yes ("31[KNL1]"); here with a catalogued IKE message and ike_name.
        var e = SingleEvent("May 27 20:52:03 31[IKE1] <seil-a|3> giving up after 5 retransmits", LogEventKind.GivingUp);
        Assert.Equal(LogFormat.CharonFile, e.Format);
        Assert.Equal("seil-a", e.ConnName);
        Assert.Equal(3, e.UniqueId);
        Assert.Equal(5, e.Number);
    }

    [Fact]
    public void CharonSyslogWithHostAndIdent()
    {
        // Real line, opnsense/core#3582 (log-catalog.md §1.1).
        var e = SingleEvent("Jul 18 07:07:41 mcbfw01 charon: 06[ENC] <con3|3> generating QUICK_MODE request 3793965782 [ HASH SA No ID ID ]", LogEventKind.MessageGenerated);
        Assert.Equal(LogFormat.CharonSyslog, e.Format);
        Assert.Equal("con3", e.ConnName);
        Assert.Equal("QUICK_MODE", e.Exchange);
        Assert.Equal(3793965782u, e.MessageId);
        Assert.Equal(["HASH", "SA", "No", "ID", "ID"], e.Payloads);
    }

    [Fact]
    public void StarterRelayedIpsecPidLine()
    {
        // Real line, trailofbits/algo#976: "ipsec[pid]:" ident before the NN[GRP] tail.
        var e = SingleEvent("Jul 06 15:49:01 gittest ipsec[14464]: 11[ENC] parsed INFORMATIONAL_V1 request 8 [ HASH N(INVAL_ID) ]", LogEventKind.MessageParsed);
        Assert.Equal(LogFormat.CharonSyslog, e.Format);
        Assert.Equal(["INVALID-ID-INFORMATION"], e.Notifies);
    }

    [Fact]
    public void JournalLineWithoutThreadOrGroup()
    {
        var e = SingleEvent("Dec 17 13:46:58 host charon-systemd[812]: selected proposal: IKE:AES_CBC_256/HMAC_SHA2_256_128/PRF_HMAC_SHA2_256/MODP_1536", LogEventKind.ProposalSelected);
        Assert.Equal(LogFormat.CharonJournal, e.Format);
        Assert.Equal(LogDaemon.Charon, e.Daemon);
        Assert.Equal("IKE:AES_CBC_256/HMAC_SHA2_256_128/PRF_HMAC_SHA2_256/MODP_1536", e.Proposals[0].ToString());
    }

    [Fact]
    public void IpsecUpConsoleOutputGivesNoPskDiagnosis()
    {
        // Real `ipsec up` output, nm-l2tp/NetworkManager-l2tp#86 (addresses as published).
        var analysis = LogFrontEnd.Analyze([LogInput.FromText("console.txt", "initiating Main Mode IKE_SA L2TP-PSK[1] to 203.0.113.5\nno shared key found for 192.0.2.10 - 203.0.113.5\n")]);
        var d = Assert.Single(analysis.Diagnostics);
        Assert.Equal("SD1006", d.Id);
        Assert.Equal(LogFormat.Console, analysis.Sessions[0].Events[0].Format);
        Assert.Contains("203.0.113.5", d.Message);
    }

    [SkippableFact]
    public void SeedWrappedPrefixBeforeTheThreadGroupTail()
    {
        var seed = File.ReadAllLines(SharedFiles.Require("seed", "000_b3ea9c92e5d0cf72.txt"));
        var line = seed.First(l => l.StartsWith("00022358 000105 L0 ", StringComparison.Ordinal));
        var e = SingleEvent(line, LogEventKind.Phase1PeerInitiating);
        Assert.Equal(LogFormat.CharonWrapped, e.Format);
        Assert.Null(e.Time);
        Assert.Equal(IPAddress.Parse("10.0.0.1"), e.Remote!.Address);
        Assert.Equal("Aggressive", e.Detail);
    }

    [SkippableFact]
    public void SeilShowLogLine()
    {
        var seed = File.ReadAllLines(SharedFiles.Require("seed", "000_b3ea9c92e5d0cf72.txt"));
        var line = seed.First(l => l.StartsWith("460 Dec 17", StringComparison.Ordinal));
        var e = SingleEvent(line, LogEventKind.ProxyIdReturnedMismatch);
        Assert.Equal(LogFormat.SeilShowLog, e.Format);
        Assert.Equal(LogDaemon.Racoon, e.Daemon);
        Assert.Equal("mismatched ID was returned.", e.Message);
        Assert.Equal(12, e.Time!.Value.Month);
    }

    [Fact]
    public void KameRacoonOwnFileFormatWithLocation()
    {
        // The KAME layout of log-catalog.md §1.2 (file:line:func() always printed).
        var analysis = LogFrontEnd.Analyze([LogInput.FromText("racoon.log", "2005-04-18 10:00:00: ERROR: oakley.c:2116:oakley_skeyid(): couldn't find the pskey for 198.51.100.7.")]);
        var e = Assert.Single(analysis.Sessions.SelectMany(s => s.Events));
        Assert.Equal(LogFormat.RacoonFile, e.Format);
        Assert.Equal("couldn't find the pskey for 198.51.100.7.", e.Message);
        Assert.Equal(new DateTimeOffset(2005, 4, 18, 10, 0, 0, TimeSpan.Zero), e.Time);
        var d = Assert.Single(analysis.Diagnostics);
        Assert.Equal("SD1006", d.Id);
        Assert.Equal(EvidenceSource.SeilLog, d.Evidence[0].Source);
    }

    [Fact]
    public void IpsecToolsWordingAndPeerPrefix()
    {
        // ipsec-tools 0.8: "[peer] LEVEL:" prefix and "mismatched IDci was returned." (log-catalog.md §1.2, §6).
        var text = "2014-06-02 12:39:30: INFO: initiate new phase 2 negotiation: 192.0.2.1[500]<=>203.0.113.1[500]\n"
                   + "2014-06-02 12:39:30: [203.0.113.1] ERROR: mismatched IDci was returned.\n"
                   + "2014-06-02 12:39:30: ERROR: failed to pre-process ph2 packet (side: 0, status: 5).\n";
        var analysis = LogFrontEnd.Analyze([LogInput.FromText("racoon.log", text)]);
        Assert.Empty(analysis.Unrecognized);
        var d = Assert.Single(analysis.Diagnostics);
        Assert.Equal("SD2003", d.Id);
        Assert.Equal(2, d.Location!.Line);
        Assert.Contains("mismatched IDci was returned.", d.Message);
    }

    [Fact]
    public void RacoonThroughSyslog()
    {
        var text = "Dec 17 13:46:58 gw racoon[812]: INFO: respond new phase 1 negotiation: 10.0.0.1[500]<=>10.0.0.2[500]\n"
                   + "Dec 17 13:46:58 gw racoon[812]: ERROR: rejected dh_group: DB(prop#1:trns#1):Peer(prop#1:trns#1) = 1536-bit MODP group:1024-bit MODP group\n"
                   + "Dec 17 13:46:58 gw racoon[812]: ERROR: no suitable proposal found.\n";
        var analysis = LogFrontEnd.Analyze([LogInput.FromText("syslog", text)]);
        Assert.Empty(analysis.Unrecognized);
        Assert.Equal(LogFormat.RacoonSyslog, analysis.Sessions[0].Events[0].Format);
        var d = Assert.Single(analysis.Diagnostics);
        Assert.Equal("SD1001", d.Id);
        Assert.Contains("dh_group: SEIL 1536-bit MODP group, peer 1024-bit MODP group", d.Message);
    }

    [SkippableFact]
    public void ScoreTellsLogsFromOtherText()
    {
        var log = string.Join('\n', File.ReadLines(SharedFiles.Require("corpus", "lab", "01-minimal-ok", "seil-charon.log")).Take(40));
        Assert.True(LogFrontEnd.Score(log) > 0.9);
        var conf = File.ReadAllText(SharedFiles.Require("corpus", "lab", "01-minimal-ok", "seil.ipsec.conf"));
        Assert.True(LogFrontEnd.Score(conf) < 0.2, $"ipsec.conf scored {LogFrontEnd.Score(conf)}");
    }
}

/// <summary>racoon notify lines (log-catalog.md §3.5, §3.6) land in the right phase.</summary>
public sealed class RacoonNotifyTests
{
    private static Diagnostic Only(string text)
    {
        var analysis = LogFrontEnd.Analyze([LogInput.FromText("racoon.log", text)]);
        Assert.Empty(analysis.Unrecognized);
        return Assert.Single(analysis.Diagnostics);
    }

    [Fact]
    public void UnencryptedNoProposalChosenIsPhase1()
    {
        var d = Only("2014-06-02 12:39:30: INFO: initiate new phase 1 negotiation: 192.0.2.1[500]<=>203.0.113.1[500]\n"
                     + "2014-06-02 12:39:30: INFO: begin Identity Protection mode.\n"
                     + "2014-06-02 12:39:30: ERROR: notification NO-PROPOSAL-CHOSEN received in unencrypted informational exchange.\n");
        Assert.Equal("SD1001", d.Id);
        Assert.Contains("203.0.113.1 refused every IKE proposal offered", d.Message);
    }

    [Fact]
    public void EncryptedInvalidIdInformationIsAPhase2SelectorProblem()
    {
        var d = Only("2014-06-02 12:39:30: INFO: ISAKMP-SA established 192.0.2.1[500]-203.0.113.1[500] spi:d8ad22e1602d929b:352dcafe83de1fa1\n"
                     + "2014-06-02 12:39:31: INFO: initiate new phase 2 negotiation: 192.0.2.1[500]<=>203.0.113.1[500]\n"
                     + "2014-06-02 12:39:31: ERROR: notification INVALID-ID-INFORMATION received in informational exchange.\n");
        Assert.Equal("SD2003", d.Id);
        Assert.Equal(Severity.Error, d.Severity);
    }

    [Fact]
    public void KameTimeUpAfterADiscardedNotifyPointsAtThePeer()
    {
        var d = Only("2005-04-18 10:00:00: INFO: isakmp.c:1694:isakmp_ph1begin_i(): initiate new phase 1 negotiation: 10.0.0.1[500]<=>10.0.0.2[500]\n"
                     + "2005-04-18 10:00:00: ERROR: isakmp_inf.c:145:isakmp_info_recv(): ignore information because the message has no hash payload.\n"
                     + "2005-04-18 10:00:40: ERROR: isakmp.c:1880:isakmp_ph1resend(): phase1 negotiation failed due to time up. d8ad22e1602d929b:0000000000000000\n");
        Assert.Equal("SD3002", d.Id);
        Assert.Contains("racoon discarded an unencrypted notify from the peer", d.Message);
        Assert.Equal("peer 10.0.0.2 did not respond: ", d.Message[..31]);
    }
}

/// <summary>The daemon versions a log names at start-up, for the report's inputs table.</summary>
public sealed class DaemonVersionTests
{
    [SkippableFact]
    public void Charon_start_up_line_names_the_strongswan_version()
    {
        // The real lab log starts with "Starting IKE charon daemon (strongSwan 5.9.8, Linux …, x86_64)".
        var log = SeilDiag.Tests.SharedFiles.Require("corpus", "lab", "01-minimal-ok", "seil-charon.log");
        var analysis = LogFrontEnd.Analyze([LogInput.Open(log)]);
        Assert.Equal(["strongSwan 5.9.8"], analysis.Inputs[0].Versions);
    }

    [Theory]
    [InlineData("2026-11-28 09:00:00: INFO: @(#)ipsec-tools 0.8.2 (http://ipsec-tools.sourceforge.net)", "ipsec-tools 0.8.2")]
    [InlineData("Nov 28 09:00:00 seil racoon: INFO: @(#)ipsec-tools 0.8.2 (http://ipsec-tools.sourceforge.net)", "ipsec-tools 0.8.2")]
    [InlineData("Nov 28 09:00:00 host charon: 00[DMN] Starting IKE charon daemon (strongSwan 5.6.2, Linux 4.15.0, x86_64)", "strongSwan 5.6.2")]
    public void Start_up_banners_name_the_daemon(string line, string version)
    {
        var text = line + "\n2026-11-28 09:00:01: INFO: @(#)This product linked OpenSSL 1.0.1t 3 May 2016 (http://www.openssl.org/)\n";
        var analysis = LogFrontEnd.Analyze([LogInput.FromText("daemon.log", text)]);
        Assert.Equal([version], analysis.Inputs[0].Versions);
    }
}
