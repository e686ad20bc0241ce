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

    private static Diagnostic Observed(Rule rule, string path, int line, params object?[] args) =>
        Diagnostic.Create(rule, Location.LogLine(path, line), args)
            .WithEvidence(new Evidence(EvidenceSource.CharonLog, EvidenceKind.Observed, $"line {line}", Location.LogLine(path, line)));

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
            Observed(Rules.PeerNotResponding, SeilLog, 120, "10.0.0.2", "giving up after 5 retransmits"),
            Observed(Rules.PskMismatch, RemoteLog, 234, "10.0.0.2 could not decrypt Main Mode message 5 from 10.0.0.1"));

        var only = Assert.Single(result.Diagnostics);
        Assert.Equal("SD1002", only.Id);
        Assert.Contains(only.Evidence, e => e.Text.StartsWith("consequence (SD3002)", StringComparison.Ordinal) && e.Location?.Line == 120);
        Assert.Equal("high", Confidence.LevelOf(only));
    }

    [Fact]
    public void Timeout_of_another_tunnel_stays_its_own_finding()
    {
        var result = Correlate(
            Observed(Rules.PeerNotResponding, SeilLog, 300, "192.0.2.9", "giving up after 5 retransmits to 192.0.2.9 from 10.0.0.1"),
            Observed(Rules.PskMismatch, RemoteLog, 234, "10.0.0.2 could not decrypt Main Mode message 5 from 10.0.0.1"));

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
        Assert.Equal("confidence: high (observed in both logs, predicted by configs)", merged.Evidence[^1].Text);
    }

    [Fact]
    public void Different_tunnels_are_different_diagnoses()
    {
        var result = Correlate(
            Observed(Rules.Phase1ProposalMismatch, SeilLog, 10, "10.0.0.1 → 10.0.0.2"),
            Observed(Rules.Phase1ProposalMismatch, SeilLog, 20, "10.0.0.1 → 10.0.0.3"));

        Assert.Equal(2, result.Diagnostics.Count);
    }

    [Fact]
    public void Ranking_puts_errors_first_then_observed_causes_then_phase_1()
    {
        var result = Correlate(
            Observed(Rules.ProxyIdMismatch, SeilLog, 5, "narrowed").WithSeverity(Severity.Warning),
            Predicted(Rules.Phase2ProposalMismatch, 14, "ESP integrity differs"),
            Observed(Rules.Phase2ProposalMismatch, RemoteLog, 80, "NO-PROPOSAL-CHOSEN in Quick Mode 10.0.0.1 → 10.0.0.9"),
            Observed(Rules.IdentityMismatch, RemoteLog, 40, "no peer config found"),
            Predicted(Rules.Phase1ProposalMismatch, 13, "DH group differs 10.0.0.1 → 10.0.0.7"));

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
        Assert.Contains(CaseCorrelator.NotRunningNote, line);
        Assert.Contains(result.Diagnostics[0].Evidence, e => e.Text.Contains(CaseCorrelator.NotRunningNote, StringComparison.Ordinal));
    }
}
