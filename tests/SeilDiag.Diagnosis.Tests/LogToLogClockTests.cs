using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using SeilDiag.Analysis;
using SeilDiag.Capture;
using SeilDiag.Logs;

namespace SeilDiag.Diagnosis.Tests;

/// <summary>
/// Two ends' logs and no capture: each log's clock is found against the other's from the lines both ends wrote
/// about the same negotiation, and a log that shares no negotiation with the others is "not estimated".
/// </summary>
public partial class LogToLogClockTests
{
    /// <summary>Japanese local time (a SEIL logs JST) and 37 s fast.</summary>
    private static readonly TimeSpan Jst = TimeSpan.FromHours(9) + TimeSpan.FromSeconds(37);

    /// <summary>A host five time zones west with a clock 75 s slow.</summary>
    private static readonly TimeSpan WestAndSlow = -(TimeSpan.FromHours(5) + TimeSpan.FromSeconds(75));

    /// <summary>Every lab folder with both ends' logs.</summary>
    public static TheoryData<string> LabsWithBothLogs => new()
    {
        "01-minimal-ok", "02-responder-only", "03-phase1-dh-mismatch", "04-phase2-md5-rejected", "05-ts-mismatch",
        "05-ts-mismatch/disjoint", "06-aggressive-psk-refused", "07-aggressive-forced", "08-psk-mismatch",
        "09-id-mismatch", "10-lifetime-rekey", "11-dpd", "12-delete", "13-nat-t-forceencaps", "15-strongswan-defaults",
    };

    [SkippableTheory]
    [MemberData(nameof(LabsWithBothLogs))]
    public void Shifted_seil_log_is_placed_against_the_remote_log_without_a_capture(string lab)
    {
        var folder = LabAcceptanceTests.SharedFolder(lab);

        var result = CaseCorrelator.Correlate(LabCase.Build(folder, LogShift.Of("seil-charon.log", Jst), withCapture: false));

        // remote-charon.log sorts first: it is the reference.
        Assert.Equal(2, result.Offsets.Count);
        Assert.EndsWith("remote-charon.log", result.Offsets[0].Path);
        Assert.Equal(TimeSpan.Zero, result.Offsets[0].Offset);
        var seil = Assert.Single(result.Offsets, o => o.Path.EndsWith("seil-charon.log", StringComparison.Ordinal));
        Assert.True(seil.MatchedEvents > 0, seil.Method);
        Assert.InRange((seil.Offset - Jst).TotalSeconds, -1.0, 1.0);
        Assert.Matches(@"^seil-charon\.log is 9 h 0 m 3[6-8] s ahead of remote-charon\.log \(", seil.Method);
        Assert.Matches(@"^seil-charon\.log は remote-charon\.log より 9 h 0 m 3[6-8] s 進んでいます \(remote-charon\.log の", seil.GetMethod("ja"));
    }

    /// <summary>Clocks that are not whole hours apart: a half-hour zone, and routers without NTP minutes off.</summary>
    [SkippableTheory]
    [InlineData("01-minimal-ok", 5 * 3600 + 30 * 60)]
    [InlineData("03-phase1-dh-mismatch", 5 * 3600 + 30 * 60)]
    [InlineData("08-psk-mismatch", 7 * 60 + 12)]
    [InlineData("10-lifetime-rekey", -(13 * 60 + 20))]
    [InlineData("11-dpd", 9 * 3600 + 4 * 60 + 41)]
    [InlineData("12-delete", -(3 * 3600 + 45 * 60))]
    public void Logs_minutes_or_half_an_hour_apart_are_still_placed(string lab, int seconds)
    {
        var skew = TimeSpan.FromSeconds(seconds);
        var folder = LabAcceptanceTests.SharedFolder(lab);

        var result = CaseCorrelator.Correlate(LabCase.Build(folder, LogShift.Of("seil-charon.log", skew), withCapture: false));

        var seil = Assert.Single(result.Offsets, o => o.Path.EndsWith("seil-charon.log", StringComparison.Ordinal));
        Assert.True(seil.MatchedEvents > 0, seil.Method);
        Assert.InRange((seil.Offset - skew).TotalSeconds, -1.0, 1.0);
    }

    [SkippableTheory]
    [InlineData("01-minimal-ok")]
    [InlineData("08-psk-mismatch")]
    [InlineData("10-lifetime-rekey")]
    [InlineData("11-dpd")]
    public void Reference_log_shifted_back_makes_the_other_log_ahead(string lab)
    {
        var folder = LabAcceptanceTests.SharedFolder(lab);

        var result = CaseCorrelator.Correlate(LabCase.Build(folder, LogShift.Of("remote-charon.log", WestAndSlow), withCapture: false));

        var seil = Assert.Single(result.Offsets, o => o.Path.EndsWith("seil-charon.log", StringComparison.Ordinal));
        Assert.InRange((seil.Offset + WestAndSlow).TotalSeconds, -1.0, 1.0);
        Assert.Matches(@"^seil-charon\.log is 5 h 1 m 1[4-6] s ahead of remote-charon\.log", seil.Method);
        // On the common clock the two ends' first negotiation lines are next to each other again.
        var first = result.Timeline.Where(e => e.Text.Contains("Main Mode IKE_SA", StringComparison.Ordinal))
            .GroupBy(e => e.Location!.Path).Select(g => g.Min(e => e.Time)).ToList();
        Assert.Equal(2, first.Count);
        Assert.InRange((first.Max() - first.Min()).TotalSeconds, 0, 2.0);
    }

    [SkippableFact]
    public void Logs_of_different_negotiations_are_not_estimated()
    {
        // The remote end of lab 01 (00:35) and the SEIL end of lab 15 (00:47): the same peers and packets of the
        // same lengths, but never the same negotiation. Pairing packets by length alone would give a confident offset.
        var remote = Path.Combine(LabAcceptanceTests.SharedFolder("01-minimal-ok"), "remote-charon.log");
        var seil = Path.Combine(LabAcceptanceTests.SharedFolder("15-strongswan-defaults"), "seil-charon.log");
        var logs = LogFrontEnd.Analyze([LogInput.FromText(remote, File.ReadAllText(remote)), LogInput.FromText(seil, File.ReadAllText(seil))]);

        var result = CaseCorrelator.Correlate(new CaseInput { Model = new IkeModel(), Diagnostics = logs.Diagnostics, Logs = LogSourceEvents.From(logs) });

        Assert.Equal(2, result.Offsets.Count);
        var unplaced = Assert.Single(result.Offsets, o => o.Path == seil);
        Assert.StartsWith("not estimated: no negotiation in it is paired with one in remote-charon.log", unplaced.Method);
        Assert.EndsWith("times as logged", unplaced.Method);
        Assert.Equal(0, unplaced.MatchedEvents);
        Assert.False(unplaced.Estimated);
        Assert.True(Assert.Single(result.Offsets, o => o.Path != seil).Estimated);
        Assert.Equal(TimeSpan.Zero, unplaced.Offset);
    }

    [SkippableFact]
    public void Seed_excerpts_of_different_scenarios_are_not_estimated()
    {
        // The article's SEIL `show log` lines (S5, proxy-id) and its charon lines (S10, aggressive mode; no time stamps):
        // nothing to pair, so the charon excerpt keeps its own (absent) clock rather than a guessed one.
        var seed = File.ReadAllLines(SeilDiag.Tests.SharedFiles.Require("seed", "000_b3ea9c92e5d0cf72.txt"));
        var seilLines = seed.Where(l => SeilShowLogLine().IsMatch(l)).ToList();
        var charonLines = seed.Where(l => l.StartsWith("00022358 ", StringComparison.Ordinal)).ToList();
        Assert.NotEmpty(seilLines);
        Assert.NotEmpty(charonLines);
        var logs = LogFrontEnd.Analyze([
            LogInput.FromText("seil-show-log.txt", string.Join("\n", seilLines) + "\n"),
            LogInput.FromText("charon.log", string.Join("\n", charonLines) + "\n"),
        ]);

        var result = CaseCorrelator.Correlate(new CaseInput { Model = new IkeModel(), Diagnostics = logs.Diagnostics, Logs = LogSourceEvents.From(logs) });

        Assert.Equal(["seil-show-log.txt", "charon.log"], result.Offsets.Select(o => o.Path));
        Assert.StartsWith("reference clock", result.Offsets[0].Method);
        Assert.StartsWith("not estimated: ", result.Offsets[1].Method);
    }

    [SkippableTheory]
    [InlineData("01-minimal-ok")]
    [InlineData("10-lifetime-rekey")]
    [InlineData("12-delete")]
    public void Racoon_show_log_is_aligned_with_the_charon_log_through_negotiation_steps(string lab)
    {
        // The lab has no racoon: the SEIL end's racoon lines are written, in the seed's SEIL `show log` layout and at
        // JST + 37 s, from what its real charon log says happened (Main Mode start, ISAKMP SA up with the capture's
        // cookies, one IPsec-SA line per direction). racoon prints no packet sizes, so only these steps pair.
        var folder = LabAcceptanceTests.SharedFolder(lab);
        var racoon = RacoonShowLog(folder, Jst);
        var remote = Path.Combine(folder, "remote-charon.log");
        var logs = LogFrontEnd.Analyze([LogInput.FromText("seil-show-log.txt", racoon), LogInput.FromText(remote, File.ReadAllText(remote))]);
        var sources = LogSourceEvents.From(logs);
        Assert.Equal(Diagnostics.EvidenceSource.SeilLog, sources[0].Source);

        var result = CaseCorrelator.Correlate(new CaseInput { Model = new IkeModel(), Diagnostics = logs.Diagnostics, Logs = sources });

        Assert.Equal("seil-show-log.txt", result.Offsets[0].Path);
        var charon = result.Offsets[1];
        Assert.Equal(remote, charon.Path);
        Assert.True(charon.MatchedEvents >= 3, charon.Method);
        Assert.InRange((charon.Offset + Jst).TotalSeconds, -1.0, 1.0);
        Assert.Matches(@"^remote-charon\.log is 9 h 0 m 3[6-8] s behind seil-show-log\.txt \(negotiation starts, SAs established paired", charon.Method);
    }

    [SkippableFact]
    public void Log_that_matches_no_packet_is_placed_through_the_other_log()
    {
        // charon before 5.9.6 printed no byte counts: the SEIL end's packet lines cannot match a captured packet, but its
        // negotiation steps pair with the remote end's, which the capture placed.
        var folder = LabAcceptanceTests.SharedFolder("01-minimal-ok");
        var shift = LogShift.Of("seil-charon.log", Jst);
        string Rewrite(string path, string text) => path.EndsWith("seil-charon.log", StringComparison.Ordinal)
            ? ByteCount().Replace(shift(path, text), "")
            : text;

        var result = CaseCorrelator.Correlate(LabCase.Build(folder, Rewrite));

        var remote = Assert.Single(result.Offsets, o => o.Path.EndsWith("remote-charon.log", StringComparison.Ordinal));
        Assert.StartsWith("remote-charon.log ", remote.Method);
        Assert.Contains("capture.pcap (packets matched by direction and length)", remote.Method);
        var seil = Assert.Single(result.Offsets, o => o.Path.EndsWith("seil-charon.log", StringComparison.Ordinal));
        Assert.InRange((seil.Offset - Jst).TotalSeconds, -1.5, 1.5);
        Assert.Matches(@"^seil-charon\.log is 9 h 0 m 3[6-8] s ahead of capture\.pcap, via remote-charon\.log: ", seil.Method);
    }

    [GeneratedRegex(@"^\d+ [A-Z][a-z]{2} [ \d]\d \d\d:\d\d:\d\d +\w+ +ike racoon\[")]
    private static partial Regex SeilShowLogLine();

    [GeneratedRegex(@" \(\d+ bytes\)")]
    private static partial Regex ByteCount();

    [GeneratedRegex(@"^(?<stamp>[A-Z][a-z]{2} [ \d]\d \d\d:\d\d:\d\d) \d+\[\w+\] (?:<[^>]*> )?(?<msg>.*)$")]
    private static partial Regex CharonLine();

    /// <summary>The SEIL end's racoon lines in `show log` layout, from its charon log and the capture's cookies.</summary>
    private static string RacoonShowLog(string folder, TimeSpan shift)
    {
        var capture = CaptureFrontEnd.Analyze(Path.Combine(folder, "capture.pcap"), CaptureKeys.FromDirectory(folder));
        var cookies = new Queue<string>(capture.ObservedSas.Where(s => s.Established && s.InitiatorCookie is not null)
            .Select(s => $"{s.InitiatorCookie:x16}:{s.ResponderCookie:x16}"));
        var output = new StringBuilder();
        var seq = 400;
        foreach (var line in File.ReadLines(Path.Combine(folder, "seil-charon.log")))
        {
            var m = CharonLine().Match(line);
            if (!m.Success)
            {
                continue;
            }
            var msg = m.Groups["msg"].Value;
            var messages = new List<string>();
            if (Regex.Match(msg, @"^initiating (?:Main|Aggressive) Mode IKE_SA \S+ to (?<peer>[\d.]+)$") is { Success: true } i)
            {
                messages.Add($"initiate new phase 1 negotiation: 10.0.0.1[500]<=>{i.Groups["peer"].Value}[500]");
            }
            else if (Regex.Match(msg, @"^(?<peer>[\d.]+) is initiating a (?:Main|Aggressive) Mode IKE_SA$") is { Success: true } r)
            {
                messages.Add($"respond new phase 1 negotiation: 10.0.0.1[500]<=>{r.Groups["peer"].Value}[500]");
            }
            else if (Regex.Match(msg, @"^IKE_SA \S+ established between (?<l>[\d.]+)\[[^\]]*\]\.\.\.(?<p>[\d.]+)\[") is { Success: true } e && cookies.Count > 0)
            {
                messages.Add($"ISAKMP-SA established {e.Groups["l"].Value}[500]-{e.Groups["p"].Value}[500] spi:{cookies.Dequeue()}");
            }
            else if (Regex.Match(msg, @"^CHILD_SA \S+ established with SPIs (?<in>[0-9a-f]{8})_i (?<out>[0-9a-f]{8})_o") is { Success: true } c)
            {
                foreach (var (from, to, spi) in new[] { ("10.0.0.2", "10.0.0.1", c.Groups["in"].Value), ("10.0.0.1", "10.0.0.2", c.Groups["out"].Value) })
                {
                    messages.Add($"IPsec-SA established: ESP/Tunnel {from}[0]->{to}[0] spi={uint.Parse(spi, NumberStyles.HexNumber, CultureInfo.InvariantCulture)}(0x{spi})");
                }
            }
            foreach (var message in messages)
            {
                var stamp = LogShift.Shift(m.Groups["stamp"].Value, shift);
                output.Append(CultureInfo.InvariantCulture, $"{seq++} {stamp}     info    ike racoon[-]: {message}\n");
            }
        }
        Assert.True(seq > 402, $"{folder}: the SEIL end's charon log tells no negotiation to write racoon lines from");
        return output.ToString();
    }
}
