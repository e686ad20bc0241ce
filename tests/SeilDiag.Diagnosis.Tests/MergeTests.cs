using SeilDiag.Analysis;
using SeilDiag.Diagnostics;
using SeilDiag.Text;

namespace SeilDiag.Diagnosis.Tests;

/// <summary>
/// The merge and ranking rules on findings built by hand, for cases the lab material does not produce (the log
/// front-end already folds its own retransmits into the PSK finding, so a separate SD3002 never reaches the merge).
/// </summary>
public class MergeTests
{
    private const string SeilLog = "case/seil-charon.log";
    private const string RemoteLog = "case/remote-charon.log";
    private const string SeilConf = "case/seil.ipsec.conf";

    private static LogSourceEvents Log(string path) => new(path, EvidenceSource.CharonLog, []);

    private static CaseResult Correlate(params Diagnostic[] diagnostics) => CaseCorrelator.Correlate(new CaseInput
    {
        Model = new IkeModel(),
        Diagnostics = diagnostics,
        Logs = [Log(SeilLog), Log(RemoteLog)],
    });

    /// <summary>The lab's tunnel, as the SEIL end's config says it (local, remote).</summary>
    private static readonly TunnelEndpoints SeilToRemote = TunnelEndpoints.Of("10.0.0.1", "10.0.0.2")!;

    private static Diagnostic Observed(Rule rule, string path, int line, params object?[] args) =>
        Diagnostic.Create(rule, Location.LogLine(path, line), args)
            .WithEvidence(new Evidence(EvidenceSource.CharonLog, EvidenceKind.Observed, $"line {line}", Location.LogLine(path, line)));

    /// <summary>A log finding about the tunnel the log saw from <paramref name="initiator"/> to <paramref name="responder"/>.</summary>
    private static Diagnostic Observed(Rule rule, string path, int line, (string Initiator, string Responder) tunnel, params object?[] args) =>
        Observed(rule, path, line, args).WithTunnel(TunnelEndpoints.Of(tunnel.Initiator, tunnel.Responder));

    private static Diagnostic Predicted(Rule rule, int line, params object?[] args)
    {
        var location = new Location { Path = SeilConf, Line = line, Column = 1, EndLine = line, EndColumn = 10, Span = new TextSpan(line * 20, 9) };
        var edit = new TextEdit(SeilConf, new TextSpan(line * 20, 9), new LinePosition(line, 1), new LinePosition(line, 10), "ike=aes256-sha256-modp2048!");
        return Diagnostic.Create(rule, location, args)
            .WithEvidence(new Evidence(EvidenceSource.StrongSwanConfig, EvidenceKind.Predicted, "configured", location))
            .WithFixes(CodeFix.Advice("change the proposal on one end"), new CodeFix("align ike=", [edit]));
    }

    [Fact]
    public void Timeout_caused_by_a_key_mismatch_is_evidence_not_a_finding()
    {
        var result = Correlate(
            Observed(Rules.PeerNotResponding, SeilLog, 120, ("10.0.0.1", "10.0.0.2"), "10.0.0.2", "giving up after 5 retransmits"),
            Observed(Rules.PskMismatch, RemoteLog, 234, ("10.0.0.1", "10.0.0.2"), "10.0.0.2 could not decrypt Main Mode message 5 from 10.0.0.1"));

        var only = Assert.Single(result.Diagnostics);
        Assert.Equal(SeilToRemote, only.Tunnel);
        Assert.Equal("SD1002", only.Id);
        Assert.Contains(only.Evidence, e => e.Text.StartsWith("consequence (SD3002)", StringComparison.Ordinal) && e.Location?.Line == 120);
        Assert.Equal(ConfidenceLevel.High, only.Confidence?.Level);
    }

    [Fact]
    public void A_consequence_is_described_in_japanese_too()
    {
        var result = Correlate(
            Observed(Rules.PeerNotResponding, SeilLog, 120, ("10.0.0.1", "10.0.0.2"), "10.0.0.2", "giving up after 5 retransmits"),
            Observed(Rules.PskMismatch, RemoteLog, 234, ("10.0.0.1", "10.0.0.2"), "10.0.0.2 could not decrypt Main Mode message 5 from 10.0.0.1"));

        var consequence = Assert.Single(Assert.Single(result.Diagnostics).Evidence, e => e.Location?.Line == 120 && e.Text.StartsWith("consequence", StringComparison.Ordinal));
        var peerNotResponding = Diagnostic.Create(Rules.PeerNotResponding, null, "10.0.0.2", "giving up after 5 retransmits");
        Assert.Equal($"この原因による結果 (SD3002): {peerNotResponding.GetMessage("ja")}", consequence.GetText("ja"));
        Assert.Equal($"consequence (SD3002): {peerNotResponding.Message}", consequence.GetText("en"));
    }

    [Fact]
    public void Timeout_of_another_tunnel_stays_its_own_finding()
    {
        var result = Correlate(
            Observed(Rules.PeerNotResponding, SeilLog, 300, ("10.0.0.1", "192.0.2.9"), "192.0.2.9", "giving up after 5 retransmits"),
            Observed(Rules.PskMismatch, RemoteLog, 234, ("10.0.0.1", "10.0.0.2"), "10.0.0.2 could not decrypt Main Mode message 5 from 10.0.0.1"));

        Assert.Equal(["SD1002", "SD3002"], result.Diagnostics.Select(d => d.Id));
    }

    [Fact]
    public void Same_rule_in_config_and_both_logs_is_one_diagnosis_at_the_config_line_with_the_edit_first()
    {
        var result = Correlate(
            Observed(Rules.Phase1ProposalMismatch, RemoteLog, 59, "DH group: received MODP_1024, configured MODP_1536"),
            Predicted(Rules.Phase1ProposalMismatch, 13, "DH group differs"),
            Observed(Rules.Phase1ProposalMismatch, SeilLog, 69, "NO-PROPOSAL-CHOSEN received"));

        var merged = Assert.Single(result.Diagnostics);
        Assert.Equal(SeilConf, merged.Location?.Path);
        Assert.Equal("phase 1 proposal mismatch: DH group differs", merged.Message);
        Assert.False(merged.Fixes[0].IsAdvice);
        Assert.Equal(2, merged.Fixes.Count);
        Assert.Contains(merged.AdditionalLocations, l => l.Path == RemoteLog && l.Line == 59);
        Assert.Contains(merged.AdditionalLocations, l => l.Path == SeilLog && l.Line == 69);
        Assert.Equal(ConfidenceLevel.High, merged.Confidence?.Level);
        Assert.Equal("high (observed in both logs, predicted by configs)", merged.Confidence?.ToString());
        Assert.Equal("両方のログで観測、設定から予測", merged.Confidence?.Reason.Japanese);
        Assert.DoesNotContain(merged.Evidence, e => e.Text.StartsWith("confidence", StringComparison.Ordinal));
    }

    [Fact]
    public void Same_rule_about_two_tunnels_stays_two_diagnoses()
    {
        // The message text names no address at all: only the typed tunnel tells them apart.
        var result = Correlate(
            Observed(Rules.Phase1ProposalMismatch, SeilLog, 10, ("10.0.0.1", "10.0.0.2"), "DH group differs"),
            Observed(Rules.Phase1ProposalMismatch, SeilLog, 20, ("10.0.0.1", "10.0.0.3"), "DH group differs"));

        Assert.Equal(2, result.Diagnostics.Count);
        Assert.Equal(
            [TunnelEndpoints.Of("10.0.0.1", "10.0.0.2"), TunnelEndpoints.Of("10.0.0.1", "10.0.0.3")],
            result.Diagnostics.Select(d => d.Tunnel).OrderBy(t => t!.Second.ToString()));
    }

    [Fact]
    public void Same_tunnel_seen_as_local_remote_and_as_initiator_responder_merges()
    {
        // The SEIL config says local 10.0.0.1, remote 10.0.0.2; the remote end's log saw 10.0.0.2 answer 10.0.0.1's
        // Main Mode (and writes the responder first): the same unordered pair.
        var config = Predicted(Rules.Phase1ProposalMismatch, 13, "DH group differs").WithTunnel(TunnelEndpoints.Of("10.0.0.1", "10.0.0.2"));
        var log = Observed(Rules.Phase1ProposalMismatch, RemoteLog, 59, ("10.0.0.2", "10.0.0.1"), "no proposal found");
        var otherTunnel = Observed(Rules.Phase1ProposalMismatch, RemoteLog, 90, ("10.0.0.2", "10.0.0.9"), "no proposal found");

        var result = Correlate(config, log, otherTunnel);

        Assert.Equal(2, result.Diagnostics.Count);
        var merged = Assert.Single(result.Diagnostics, d => d.Tunnel == SeilToRemote);
        Assert.Equal(SeilConf, merged.Location?.Path);
        Assert.Contains(merged.AdditionalLocations, l => l.Path == RemoteLog && l.Line == 59);
        Assert.DoesNotContain(merged.AdditionalLocations, l => l.Line == 90);
        Assert.Equal(ConfidenceLevel.High, merged.Confidence?.Level);
        var other = Assert.Single(result.Diagnostics, d => d != merged);
        Assert.Equal(ConfidenceLevel.Medium, other.Confidence?.Level);
    }

    [Fact]
    public void Finding_without_a_tunnel_joins_the_one_with_a_tunnel()
    {
        var result = Correlate(
            Predicted(Rules.Phase1ProposalMismatch, 13, "DH group differs"),
            Observed(Rules.Phase1ProposalMismatch, RemoteLog, 59, ("10.0.0.2", "10.0.0.1"), "no proposal found"));

        var merged = Assert.Single(result.Diagnostics);
        // The config finding is the primary (it has the edit), and the merged diagnosis keeps the log's tunnel.
        Assert.Equal(SeilConf, merged.Location?.Path);
        Assert.Equal(SeilToRemote, merged.Tunnel);
    }

    [Fact]
    public void Only_predicted_is_low_confidence()
    {
        var only = Assert.Single(Correlate(Predicted(Rules.Phase1ProposalMismatch, 13, "DH group differs")).Diagnostics);

        Assert.Equal(ConfidenceLevel.Low, only.Confidence?.Level);
        Assert.Equal("predicted by configs", only.Confidence?.Reason.English);
    }

    [Fact]
    public void Ranking_puts_errors_first_then_observed_causes_then_phase_1()
    {
        var result = Correlate(
            Observed(Rules.ProxyIdMismatch, SeilLog, 5, "narrowed").WithSeverity(Severity.Warning),
            Predicted(Rules.Phase2ProposalMismatch, 14, "ESP integrity differs"),
            Observed(Rules.Phase2ProposalMismatch, RemoteLog, 80, ("10.0.0.1", "10.0.0.9"), "NO-PROPOSAL-CHOSEN in Quick Mode"),
            Observed(Rules.IdentityMismatch, RemoteLog, 40, "no peer config found"),
            Predicted(Rules.Phase1ProposalMismatch, 13, "DH group differs").WithTunnel(TunnelEndpoints.Of("10.0.0.1", "10.0.0.7")));

        // SD2001 from the config names no address, so it joins the observed SD2001; the predicted-only SD1001 of
        // another tunnel ranks after the observed errors although it is phase 1.
        Assert.Equal(["SD1003", "SD2001", "SD1001", "SD2003"], result.Diagnostics.Select(d => d.Id));
    }

    [SkippableFact]
    public void Failure_the_configs_do_not_predict_is_a_disagreement()
    {
        // Configs of a working tunnel (lab 01), and a log that says Quick Mode failed.
        var folder = LabAcceptanceTests.SharedFolder("01-minimal-ok");
        var model = new IkeModel();
        foreach (var conf in Directory.GetFiles(folder, "*.ipsec.conf"))
        {
            model.Peers.AddRange(SeilDiag.StrongSwan.StrongSwanFrontEnd.Load(InputReader.ReadFile(conf)).Peers);
        }
        Assert.NotEmpty(model.Peers);
        var result = CaseCorrelator.Correlate(new CaseInput
        {
            Model = model,
            Diagnostics = [Observed(Rules.Phase2ProposalMismatch, RemoteLog, 80, "NO-PROPOSAL-CHOSEN")],
            Logs = [Log(RemoteLog)],
        });

        var line = Assert.Single(result.Disagreements);
        Assert.Contains(CaseCorrelator.NotRunningNote, line.English);
        Assert.Contains("与えられた設定は稼働中のものではない可能性があります", line.Japanese);
        Assert.Contains(result.Diagnostics[0].Evidence, e => e.Text.Contains(CaseCorrelator.NotRunningNote, StringComparison.Ordinal));
    }
}
