using SeilDiag.Diagnostics;
using SeilDiag.Analysis;

namespace SeilDiag.Diagnosis.Tests;

/// <summary>
/// Each lab folder given whole (configs, both charon logs, the capture with its key tables): the expected top
/// finding of lab/EXPECTED.md, with evidence from every source that shows it, and the shared clock found.
/// </summary>
public class LabAcceptanceTests
{
    private const string Configs = "configs";
    private const string SeilLog = "seil-charon.log";
    private const string RemoteLog = "remote-charon.log";
    private const string Capture = "capture.pcap";

    public static TheoryData<string, string, string, string> Failures => new()
    {
        // folder, top rule, severity, sources that must show it
        { "03-phase1-dh-mismatch", "SD1001", "error", $"{Configs},{SeilLog},{RemoteLog},{Capture}" },
        { "04-phase2-md5-rejected", "SD2001", "error", $"{Configs},{SeilLog},{RemoteLog},{Capture}" },
        { "05-ts-mismatch", "SD2003", "warning", $"{SeilLog},{RemoteLog}" },
        { "05-ts-mismatch/disjoint", "SD2003", "error", $"{Configs},{SeilLog},{RemoteLog},{Capture}" },
        { "06-aggressive-psk-refused", "SD1004", "error", $"{Configs},{SeilLog},{RemoteLog},{Capture}" },
        { "08-psk-mismatch", "SD1002", "error", $"{SeilLog},{RemoteLog},{Capture}" },
        { "09-id-mismatch", "SD1003", "error", $"{Configs},{SeilLog},{RemoteLog},{Capture}" },
        { "11-dpd", "SD3003", "warning", SeilLog },
        { "14-peer-unreachable", "SD3002", "error", $"{SeilLog},{Capture}" },
        { "15-strongswan-defaults", "SD1001", "error", $"{Configs},{SeilLog},{RemoteLog},{Capture}" },
    };

    [SkippableTheory]
    [MemberData(nameof(Failures))]
    public void Top_finding_is_the_expected_cause_with_evidence_from_every_source(string lab, string rule, string severity, string sources)
    {
        var folder = SharedFolder(lab);
        var result = CaseCorrelator.Correlate(LabCase.Build(folder));

        var top = result.Diagnostics[0];
        Assert.Equal(rule, top.Id);
        Assert.Equal(severity, top.Severity.ToName());
        var shown = CaseSources.Of(top);
        foreach (var source in sources.Split(','))
        {
            if (source == Configs)
            {
                Assert.True(CaseSources.HasConfig(top), $"{rule} shows no config line: {string.Join(", ", shown)}");
            }
            else
            {
                Assert.Contains(source, shown);
            }
        }
        // One diagnosis per cause: the rule appears once.
        Assert.Single(result.Diagnostics, d => d.Id == rule);
        var expectedLevel = sources.Split(',').Length >= 2 ? ConfidenceLevel.High : ConfidenceLevel.Medium;
        Assert.Equal(expectedLevel, top.Confidence?.Level);
        Assert.All(result.Diagnostics, d => Assert.NotNull(d.Confidence));
        // Confidence is a field, never an evidence line.
        Assert.DoesNotContain(top.Evidence, e => e.Text.StartsWith("confidence", StringComparison.Ordinal));
    }

    [SkippableTheory]
    [InlineData("01-minimal-ok", null)]
    [InlineData("02-responder-only", null)]
    [InlineData("07-aggressive-forced", "SD4002")]
    [InlineData("10-lifetime-rekey", null)]
    [InlineData("12-delete", "SD3004")]
    [InlineData("13-nat-t-forceencaps", "SD3006")]
    public void Working_tunnels_have_no_error(string lab, string? alsoExpected)
    {
        var result = CaseCorrelator.Correlate(LabCase.Build(SharedFolder(lab)));

        Assert.DoesNotContain(result.Diagnostics, d => d.Severity == Severity.Error && !d.IsSuppressed);
        if (alsoExpected is not null)
        {
            Assert.Contains(result.Diagnostics, d => d.Id == alsoExpected);
        }
    }

    [SkippableFact]
    public void Psk_mismatch_consequences_are_evidence_of_the_cause()
    {
        var result = CaseCorrelator.Correlate(LabCase.Build(SharedFolder("08-psk-mismatch")));

        Assert.DoesNotContain(result.Diagnostics, d => d.Id == "SD3002");
        var cause = result.Diagnostics[0];
        // The retransmitted 5th message in the capture and the initiator's retransmits in its log.
        Assert.Contains(cause.Evidence, e => e.Source == EvidenceSource.Capture && e.Text.Contains("retransmission", StringComparison.Ordinal));
        Assert.Contains(cause.Evidence, e => e.Location?.Path.EndsWith(SeilLog, StringComparison.Ordinal) == true && e.Text.Contains("retransmit", StringComparison.Ordinal));
    }

    [SkippableFact]
    public void Aggressive_refusal_predicted_but_observed_working_is_a_disagreement()
    {
        var result = CaseCorrelator.Correlate(LabCase.Build(SharedFolder("07-aggressive-forced")));

        // The analysed files lack the strongswan.conf override the running daemon has: the tunnel came up.
        var predicted = Assert.Single(result.Diagnostics, d => d.Id == "SD1004");
        Assert.Equal(Severity.Info, predicted.Severity);
        Assert.Contains(result.Disagreements, l => l.English.StartsWith("SD1004", StringComparison.Ordinal) && l.English.Contains(CaseCorrelator.NotRunningNote, StringComparison.Ordinal));
    }

    [SkippableTheory]
    [InlineData("01-minimal-ok")]
    [InlineData("03-phase1-dh-mismatch")]
    [InlineData("08-psk-mismatch")]
    [InlineData("11-dpd")]
    [InlineData("14-peer-unreachable")]
    public void Logs_and_capture_share_one_clock(string lab)
    {
        var result = CaseCorrelator.Correlate(LabCase.Build(SharedFolder(lab)));

        Assert.NotEmpty(result.Offsets);
        Assert.All(result.Offsets, o =>
        {
            Assert.True(o.MatchedEvents > 0, $"{o.Path}: nothing matched");
            Assert.InRange(o.Offset.TotalSeconds, -1.0, 1.0);
        });
        // Timeline: sorted, with log lines and packets, and the failure marked.
        Assert.Equal(result.Timeline.OrderBy(e => e.Time).Select(e => e.Time), result.Timeline.Select(e => e.Time));
        Assert.Contains(result.Timeline, e => e.Source == EvidenceSource.Capture);
        Assert.Contains(result.Timeline, e => e.Source == EvidenceSource.CharonLog);
    }

    [SkippableFact]
    public void Failure_is_marked_in_the_timeline()
    {
        var result = CaseCorrelator.Correlate(LabCase.Build(SharedFolder("03-phase1-dh-mismatch")));

        Assert.Contains(result.Timeline, e => e.Source == EvidenceSource.Capture && e.RuleId == "SD1001");
        Assert.Contains(result.Timeline, e => e.Source == EvidenceSource.CharonLog && e.RuleId == "SD1001");
    }

    [SkippableFact]
    public void Weak_algorithms_at_two_places_stay_two_diagnoses_each_with_its_edit()
    {
        var result = CaseCorrelator.Correlate(LabCase.Build(SharedFolder("04-phase2-md5-rejected")));

        // seil.ipsec.conf: 3DES in ike= (line 12) and MD5 in esp= (line 15) of the same tunnel.
        var weak = result.Diagnostics.Where(d => d.Id == "SD4001").OrderBy(d => d.Location!.Line).ToList();
        Assert.Equal([12, 15], weak.Select(d => d.Location!.Line));
        Assert.All(weak, d => Assert.Equal(d.Location!.Line, Assert.Single(d.Fixes[0].Edits).Start.Line));
    }

    [SkippableFact]
    public void Timeline_interleaves_whole_second_log_lines_with_the_packets_they_tell_of()
    {
        var result = CaseCorrelator.Correlate(LabCase.Build(SharedFolder("04-phase2-md5-rejected")));
        var timeline = result.Timeline.ToList();
        int At(string path, string text) => timeline.FindIndex(e => e.Location!.Path.EndsWith(path, StringComparison.Ordinal) && e.Text.Contains(text, StringComparison.Ordinal));
        int Packet(long frame) => timeline.FindIndex(e => e.Location!.Packet == frame);

        // All of it happened within one logged second (01:04:41): the order comes from the packets, not the stamps.
        var order = new[]
        {
            At(SeilLog, "generating QUICK_MODE request"), Packet(7), At(RemoteLog, "no matching proposal found"),
            At(RemoteLog, "generating INFORMATIONAL_V1 request"), Packet(8), At(SeilLog, "received NO_PROPOSAL_CHOSEN error notify"),
        };
        Assert.DoesNotContain(-1, order);
        Assert.Equal(order.Order(), order);
        // Each log's lines keep their file order, and the clocks agree within the logs' whole seconds.
        foreach (var log in timeline.Where(e => e.Source == EvidenceSource.CharonLog).GroupBy(e => e.Location!.Path))
        {
            Assert.Equal(log.Select(e => e.Location!.Line).Order(), log.Select(e => e.Location!.Line));
        }
        Assert.All(result.Offsets, o => Assert.Equal(TimeSpan.Zero, o.Offset));
    }

    [SkippableTheory]
    [InlineData("03-phase1-dh-mismatch")]
    [InlineData("04-phase2-md5-rejected")]
    public void With_both_configs_the_fixes_are_edits_not_the_logs_advice(string lab)
    {
        var cause = CaseCorrelator.Correlate(LabCase.Build(SharedFolder(lab))).Diagnostics[0];

        // Both ends' files are edited; the logs' "change this key on the peer" would only repeat that.
        Assert.Equal(2, cause.Fixes.SelectMany(f => f.Edits).Select(e => e.Path).Distinct().Count());
        Assert.DoesNotContain(cause.Fixes, f => f.IsAdvice);
        // Logs alone still advise.
        var logsOnly = LabCase.Build(SharedFolder(lab));
        var fromLogs = CaseCorrelator.Correlate(logsOnly with
        {
            Model = new IkeModel(),
            Diagnostics = [.. logsOnly.Diagnostics.Where(d => d.Location?.Path.EndsWith(".log", StringComparison.Ordinal) == true)],
        }).Diagnostics[0];
        Assert.Contains(fromLogs.Fixes, f => f.IsAdvice);
    }

    internal static string SharedFolder(string lab) =>
        SeilDiag.Tests.SharedFiles.Require(["corpus", "lab", .. lab.Split('/')]);
}
