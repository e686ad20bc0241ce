using System.Net;
using SeilDiag.Analysis;
using SeilDiag.Diagnostics;
using SeilDiag.Logs;

namespace SeilDiag.Diagnosis.Tests;

/// <summary>
/// When the pairings cannot single out one offset, the log keeps its own times and says why; and which log is the
/// reference without a capture. Lines built by hand where the lab has no such case (one packet logged once by the
/// sender and twice by the receiver).
/// </summary>
public class ClockVoteTests
{
    private static readonly DateTimeOffset T0 = new(2026, 11, 28, 0, 35, 22, TimeSpan.Zero);
    private static readonly IPAddress Seil = IPAddress.Parse("10.0.0.1");
    private static readonly IPAddress Remote = IPAddress.Parse("10.0.0.2");

    private static LoggedEvent Packet(int line, DateTimeOffset time, LoggedPacketDirection direction, int session, int counterpart) =>
        new(line, time, $"{direction} packet: from 10.0.0.1[500] to 10.0.0.2[500] (376 bytes)")
        {
            Packet = direction,
            From = Seil,
            To = Remote,
            Bytes = 376,
            Session = session,
            Counterpart = counterpart,
            Tunnel = TunnelEndpoints.Of(Seil, Remote),
        };

    [Fact]
    public void One_line_matching_two_lines_equally_is_not_estimated()
    {
        // The sender logged the first Main Mode message once; the receiver logged two of that length, 20 s apart.
        var sender = new LogSourceEvents("seil.log", EvidenceSource.CharonLog, [Packet(1, T0, LoggedPacketDirection.Sent, 1, 2)]);
        var receiver = new LogSourceEvents("remote.log", EvidenceSource.CharonLog, [
            Packet(1, T0.AddHours(9), LoggedPacketDirection.Received, 2, 1),
            Packet(2, T0.AddHours(9).AddSeconds(20), LoggedPacketDirection.Received, 2, 1),
        ]);

        var offsets = ClockAligner.Align([sender, receiver], []);

        Assert.Equal("reference clock (no capture given): the other logs are aligned to it", offsets[0].Method);
        Assert.Equal("not estimated: the lines paired with seil.log agree as well on more than one offset; times as logged", offsets[1].Method);
        Assert.Equal(TimeSpan.Zero, offsets[1].Offset);
        Assert.True(offsets[0].Estimated);
        Assert.False(offsets[1].Estimated);
    }

    [Fact]
    public void The_retransmission_logged_by_both_ends_decides()
    {
        var sender = new LogSourceEvents("seil.log", EvidenceSource.CharonLog, [
            Packet(1, T0, LoggedPacketDirection.Sent, 1, 2),
            Packet(2, T0.AddSeconds(20), LoggedPacketDirection.Sent, 1, 2),
        ]);
        var receiver = new LogSourceEvents("remote.log", EvidenceSource.CharonLog, [
            Packet(1, T0.AddHours(9), LoggedPacketDirection.Received, 2, 1),
            Packet(2, T0.AddHours(9).AddSeconds(20), LoggedPacketDirection.Received, 2, 1),
        ]);

        var offsets = ClockAligner.Align([sender, receiver], []);

        Assert.Equal(TimeSpan.FromHours(9), offsets[1].Offset);
        Assert.Equal(2, offsets[1].MatchedEvents);
        Assert.Equal("remote.log is 9 h 0 m 0 s ahead of seil.log (packets paired with seil.log's in 1 negotiation(s))", offsets[1].Method);
    }

    [Fact]
    public void Lines_without_a_paired_session_are_not_estimated()
    {
        // Same packets, but the log front-end paired no session of one log with the other's.
        var sender = new LogSourceEvents("seil.log", EvidenceSource.CharonLog, [Packet(1, T0, LoggedPacketDirection.Sent, 1, 0)]);
        var receiver = new LogSourceEvents("remote.log", EvidenceSource.CharonLog, [Packet(1, T0, LoggedPacketDirection.Received, 2, 0)]);

        var offsets = ClockAligner.Align([sender, receiver], []);

        Assert.StartsWith("not estimated: no negotiation in it is paired with one in seil.log", offsets[1].Method);
    }

    [SkippableFact]
    public void An_unrelated_log_given_first_does_not_become_the_reference()
    {
        var unrelated = Path.Combine(LabAcceptanceTests.SharedFolder("15-strongswan-defaults"), "seil-charon.log");
        var folder = LabAcceptanceTests.SharedFolder("01-minimal-ok");
        var remote = Path.Combine(folder, "remote-charon.log");
        var seil = Path.Combine(folder, "seil-charon.log");
        var shift = TimeSpan.FromHours(9) + TimeSpan.FromSeconds(37);
        var logs = LogFrontEnd.Analyze([
            LogInput.FromText(unrelated, File.ReadAllText(unrelated)),
            LogInput.FromText(remote, File.ReadAllText(remote)),
            LogInput.FromText(seil, LogShift.Shift(File.ReadAllText(seil), shift)),
        ]);

        var result = CaseCorrelator.Correlate(new CaseInput { Model = new IkeModel(), Diagnostics = logs.Diagnostics, Logs = LogSourceEvents.From(logs) });

        Assert.Equal(3, result.Offsets.Count);
        Assert.StartsWith("reference clock", Assert.Single(result.Offsets, o => o.Path == remote).Method);
        Assert.InRange((Assert.Single(result.Offsets, o => o.Path == seil).Offset - shift).TotalSeconds, -1.0, 1.0);
        Assert.StartsWith("not estimated: ", Assert.Single(result.Offsets, o => o.Path == unrelated).Method);
    }
}
