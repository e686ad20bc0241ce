using System.Net;
using SeilDiag.Model;

namespace SeilDiag.Diagnosis;

/// <summary>
/// Estimates how far each log's clock is from the reference clock (the capture's, else the first log's) by pairing
/// packets the log tells of ("sending packet: from A[500] to B[500] (N bytes)") with packets of the same direction
/// and length. Every pairing proposes an offset; the true one is the value most pairings agree on, so a wrong
/// pairing (retransmits, equal lengths) is outvoted instead of averaged in. Hours of time-zone difference and minutes of
/// skew are found the same way, since nothing limits the candidate offsets.
/// </summary>
public static class ClockAligner
{
    /// <summary>
    /// Packet lines used per log: enough to outvote wrong pairings many times over, few enough that a day of DPD
    /// packets of one length does not make the pairing quadratic.
    /// </summary>
    public const int MaxAnchorsPerLog = 400;

    /// <summary>A pairing of one logged event with one reference time; seconds = log time − reference time.</summary>
    private readonly record struct Candidate(int Event, double Seconds);

    public static IReadOnlyList<ClockOffset> Align(IReadOnlyList<LogSourceEvents> logs, IReadOnlyList<CaptureSourcePackets> captures)
    {
        var offsets = new List<ClockOffset>();
        if (captures.Count > 0)
        {
            var packets = captures.SelectMany(c => c.Packets).ToList();
            foreach (var log in logs)
            {
                offsets.Add(AgainstCapture(log, packets));
            }
            return offsets;
        }
        if (logs.Count == 0)
        {
            return offsets;
        }
        var reference = logs[0];
        offsets.Add(new ClockOffset(reference.Path, TimeSpan.Zero, 0, "reference clock (no capture given)"));
        foreach (var log in logs.Skip(1))
        {
            offsets.Add(AgainstLog(log, reference));
        }
        return offsets;
    }

    private static ClockOffset AgainstCapture(LogSourceEvents log, List<CapturedPacket> packets)
    {
        var byKey = packets.Where(p => p.IsakmpLength > 0 && p.From is not null && p.To is not null)
            .ToLookup(p => (p.From!, p.To!));
        var openings = Openings(packets);
        var candidates = new List<Candidate>();
        var events = log.Events;
        var anchors = 0;
        for (var i = 0; i < events.Count && anchors < MaxAnchorsPerLog; i++)
        {
            var e = events[i];
            if (e.Packet == LoggedPacketDirection.None || e.Time is not { } time || e.From is null || e.To is null)
            {
                continue;
            }
            anchors++;
            if (e.StartsPhase != 0)
            {
                foreach (var p in byKey[(e.From, e.To)].Where(p => openings.Contains((p.Frame, e.StartsPhase))))
                {
                    candidates.Add(new Candidate(i, (time - p.Time).TotalSeconds));
                }
                continue;
            }
            foreach (var p in byKey[(e.From, e.To)])
            {
                // charon counts the UDP payload: on port 4500 that is the ISAKMP message plus the 4-byte non-ESP marker.
                if (p.IsakmpLength == e.Bytes || p.IsakmpLength + 4 == e.Bytes)
                {
                    candidates.Add(new Candidate(i, (time - p.Time).TotalSeconds));
                }
            }
        }
        // Logs print whole seconds (truncated): a logged time is in [t + offset − 1, t + offset] of the packet's.
        var method = events.Any(e => e.StartsPhase != 0) && !events.Any(e => e.Bytes > 0)
            ? "negotiation starts matched with first packets (direction, phase)"
            : "packets matched by direction and length";
        return Estimate(log.Path, candidates, window: 1.0, truncatedLog: true, method);
    }

    /// <summary>
    /// The packet that opens a phase: phase 1 — the initiator's first message (no responder cookie yet); phase 2 —
    /// the first packet of a Quick Mode message ID (in capture order). Retransmissions are not openings.
    /// </summary>
    private static HashSet<(long Frame, int Phase)> Openings(List<CapturedPacket> packets)
    {
        var openings = new HashSet<(long, int)>();
        var quickModes = new HashSet<(ulong?, uint?)>();
        foreach (var p in packets.Where(p => !p.IsRetransmission))
        {
            if (p.Exchange is 2 or 4 && p.ResponderCookie == 0)
            {
                openings.Add((p.Frame, 1));
            }
            else if (p.Exchange == 32 && quickModes.Add((p.InitiatorCookie, p.MessageId)))
            {
                openings.Add((p.Frame, 2));
            }
        }
        return openings;
    }

    private static ClockOffset AgainstLog(LogSourceEvents log, LogSourceEvents reference)
    {
        var received = reference.Events
            .Where(e => e.Packet != LoggedPacketDirection.None && e.Time is not null && e.From is not null && e.To is not null)
            .ToLookup(e => (e.Packet, e.From!, e.To!, e.Bytes));
        var candidates = new List<Candidate>();
        var anchors = 0;
        for (var i = 0; i < log.Events.Count && anchors < MaxAnchorsPerLog; i++)
        {
            var e = log.Events[i];
            if (e.Packet == LoggedPacketDirection.None || e.Time is not { } time || e.From is null || e.To is null)
            {
                continue;
            }
            anchors++;
            // What this end sent, the other received (and the other way round).
            var opposite = e.Packet == LoggedPacketDirection.Sent ? LoggedPacketDirection.Received : LoggedPacketDirection.Sent;
            foreach (var r in received[(opposite, e.From, e.To, e.Bytes)])
            {
                candidates.Add(new Candidate(i, (time - r.Time!.Value).TotalSeconds));
            }
        }
        // Both clocks print whole seconds, so matched pairs differ by the offset ± 1 s.
        return Estimate(log.Path, candidates, window: 2.0, truncatedLog: false, $"packets matched with {Path.GetFileName(reference.Path)} (sent ↔ received)");
    }

    /// <summary>
    /// Picks the window of candidate offsets that the most distinct events fall into, and estimates the offset in it.
    /// </summary>
    private static ClockOffset Estimate(string path, List<Candidate> candidates, double window, bool truncatedLog, string method)
    {
        if (candidates.Count == 0)
        {
            return new ClockOffset(path, TimeSpan.Zero, 0, "no packet lines to match: offset unknown (assumed 0)");
        }
        candidates.Sort((a, b) => a.Seconds.CompareTo(b.Seconds));
        // Two-pointer sweep: how many distinct events the window starting at each candidate holds.
        var inWindow = new Dictionary<int, int>();
        var bestStart = 0;
        var bestEnd = 0;
        var bestCount = -1;
        var bestSpread = double.MaxValue;
        var end = -1;
        for (var start = 0; start < candidates.Count; start++)
        {
            while (end + 1 < candidates.Count && candidates[end + 1].Seconds - candidates[start].Seconds <= window + 1e-6)
            {
                end++;
                inWindow[candidates[end].Event] = inWindow.GetValueOrDefault(candidates[end].Event) + 1;
            }
            var count = inWindow.Count;
            var spread = candidates[end].Seconds - candidates[start].Seconds;
            if (count > bestCount || (count == bestCount && spread < bestSpread))
            {
                (bestStart, bestEnd, bestCount, bestSpread) = (start, end, count, spread);
            }
            var leaving = candidates[start].Event;
            var left = inWindow[leaving] - 1;
            if (left == 0)
            {
                inWindow.Remove(leaving);
            }
            else
            {
                inWindow[leaving] = left;
            }
        }
        var chosen = candidates.Skip(bestStart).Take(bestEnd - bestStart + 1).Select(c => c.Seconds).ToList();
        double offset;
        if (truncatedLog)
        {
            // Each pairing bounds the offset to [delta, delta + 1): the intersection's middle is the estimate.
            var low = chosen.Max();
            var high = chosen.Min() + 1.0;
            offset = low <= high ? (low + high) / 2 : chosen[chosen.Count / 2] + 0.5;
        }
        else
        {
            offset = chosen[chosen.Count / 2];
        }
        return new ClockOffset(path, TimeSpan.FromMilliseconds(Math.Round(offset * 1000)), bestCount, method);
    }
}
