namespace SeilDiag.Diagnosis.Tests;

/// <summary>
/// One log rewritten as if its host ran 9 hours ahead (Japanese local time, as a SEIL logs) and 37 s fast: the
/// offset is found within a second, against the capture and, without it, against the other log.
/// </summary>
public class ClockShiftTests
{
    private static readonly TimeSpan Shift = TimeSpan.FromHours(9) + TimeSpan.FromSeconds(37);

    /// <summary>Rewrites every "Nov 28 00:35:34" stamp of the seil log by <see cref="Shift"/> (crossing days as a clock would).</summary>
    internal static string ShiftSeilLog(string path, string text) => LogShift.Of("seil-charon.log", Shift)(path, text);

    [SkippableTheory]
    [InlineData("03-phase1-dh-mismatch", "SD1001")]
    [InlineData("08-psk-mismatch", "SD1002")]
    [InlineData("01-minimal-ok", null)]
    public void Shifted_log_offset_is_estimated_against_the_capture(string lab, string? top)
    {
        var folder = LabAcceptanceTests.SharedFolder(lab);
        var original = File.ReadAllText(Path.Combine(folder, "seil-charon.log"));
        Assert.NotEqual(original, ShiftSeilLog(Path.Combine(folder, "seil-charon.log"), original));

        var result = CaseCorrelator.Correlate(LabCase.Build(folder, ShiftSeilLog));

        var seil = Assert.Single(result.Offsets, o => o.Path.EndsWith("seil-charon.log", StringComparison.Ordinal));
        var remote = Assert.Single(result.Offsets, o => o.Path.EndsWith("remote-charon.log", StringComparison.Ordinal));
        Assert.InRange((seil.Offset - Shift).TotalSeconds, -1.0, 1.0);
        Assert.InRange(remote.Offset.TotalSeconds, -1.0, 1.0);
        if (top is not null)
        {
            Assert.Equal(top, result.Diagnostics[0].Id);
        }

        // On the common clock, the shifted log's first line is back next to the packets (not 9 hours later).
        var firstPacket = result.Timeline.First(e => e.Source == Diagnostics.EvidenceSource.Capture).Time;
        var seilEntries = result.Timeline.Where(e => e.Location?.Path.EndsWith("seil-charon.log", StringComparison.Ordinal) == true).ToList();
        Assert.NotEmpty(seilEntries);
        Assert.InRange((seilEntries.Min(e => e.Time) - firstPacket).TotalMinutes, -2.0, 2.0);
    }

    [SkippableFact]
    public void Without_a_capture_the_logs_are_aligned_to_each_other()
    {
        var folder = LabAcceptanceTests.SharedFolder("01-minimal-ok");

        var result = CaseCorrelator.Correlate(LabCase.Build(folder, ShiftSeilLog, withCapture: false));

        // The reference is the first log (remote-charon.log); both logs print whole seconds, so ±1 s.
        var reference = result.Offsets[0];
        Assert.EndsWith("remote-charon.log", reference.Path);
        Assert.Equal(TimeSpan.Zero, reference.Offset);
        var seil = Assert.Single(result.Offsets, o => o.Path.EndsWith("seil-charon.log", StringComparison.Ordinal));
        Assert.True(seil.MatchedEvents > 0);
        Assert.InRange((seil.Offset - Shift).TotalSeconds, -1.0, 1.0);
    }
}
