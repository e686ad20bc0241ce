using System.Net;
using SeilDiag.Diagnostics;

namespace SeilDiag.Diagnosis;

/// <summary>
/// Pairs the lines two ends wrote about the same negotiations, for aligning two logs without a capture: charon's
/// "sending packet: from A to B (N bytes)" on one end with "received packet: from A to B (N bytes)" on the other,
/// and the steps both daemons log (phase 1 start, ISAKMP/IKE SA established, IPsec/CHILD SA established).
/// </summary>
/// <remarks>
/// The log front-end's session pairing (<see cref="LoggedEvent.Counterpart"/>: same racoon cookies or CHILD_SA SPIs,
/// else the offset most sessions of the same peers agree on, seen from both ends) says whether the two logs saw the same
/// negotiations at all, and roughly at which offset: two logs of the same configs at other times send packets of the
/// same lengths, and pairing those would give a confident, wrong offset. It does not decide which line pairs with
/// which: the two ends cut negotiations into sessions differently (an initiator's keyingtries are one IKE_SA, the
/// responder sees one per try; rekeys a few seconds apart), so one wrongly paired session must not decide the offset.
/// Every line is therefore paired with every line of the same tunnel and kind whose offset lies near one the
/// paired sessions suggest, and <see cref="OffsetVote"/> picks the offset most lines agree on.
/// </remarks>
internal static class LogPairAnchors
{
    /// <summary>How far the true offset may lie from the one a paired session's start suggests (the pairing allows 1 minute, after retransmits).</summary>
    private const double PriorSlack = 150;

    private readonly record struct Key(TunnelEndpoints? Tunnel, LoggedPacketDirection Direction, IPAddress? From, IPAddress? To, int Bytes, NegotiationMilestone Milestone);

    private readonly record struct Timed(double Seconds);

    public static List<Candidate> Between(LogSourceEvents log, LogSourceEvents reference, int maxAnchors, out int negotiations)
    {
        var candidates = new List<Candidate>();
        var priors = Priors(log, reference, out negotiations);
        if (priors.Count == 0)
        {
            return candidates;
        }
        var epoch = reference.Events.FirstOrDefault(e => e.Time is not null)?.Time ?? DateTimeOffset.UnixEpoch;
        var index = new Dictionary<Key, List<Timed>>();
        foreach (var r in reference.Events)
        {
            if (r.Time is { } time && KeyOf(r, opposite: false) is { } key)
            {
                if (!index.TryGetValue(key, out var list))
                {
                    index[key] = list = [];
                }
                list.Add(new Timed((time - epoch).TotalSeconds));
            }
        }
        foreach (var list in index.Values)
        {
            list.Sort((a, b) => a.Seconds.CompareTo(b.Seconds));
        }
        var anchors = 0;
        for (var i = 0; i < log.Events.Count && anchors < maxAnchors; i++)
        {
            var e = log.Events[i];
            if (e.Time is not { } time || KeyOf(e, opposite: true) is not { } key || !index.TryGetValue(key, out var matches))
            {
                continue;
            }
            anchors++;
            var kind = e.Milestone switch
            {
                NegotiationMilestone.None => AnchorKind.Packet,
                NegotiationMilestone.Phase1Start or NegotiationMilestone.Phase2Start => AnchorKind.NegotiationStart,
                _ => AnchorKind.Established,
            };
            var at = (time - epoch).TotalSeconds;
            foreach (var prior in priors)
            {
                // Reference lines whose offset to this one lies within the slack of the prior: a range of the sorted list.
                var from = LowerBound(matches, at - prior - PriorSlack);
                for (var k = from; k < matches.Count && matches[k].Seconds <= at - prior + PriorSlack; k++)
                {
                    candidates.Add(new Candidate(i, at - matches[k].Seconds, kind));
                }
            }
        }
        // Priors closer than twice the slack overlap: the same pairing may have been added once for each.
        return [.. candidates.Distinct()];
    }

    /// <summary>
    /// The offsets the paired sessions' starts suggest (log start − counterpart start), those within a few seconds of
    /// each other once, so that a long log with thousands of paired rekeys at a steady skew scans the reference once.
    /// </summary>
    private static List<double> Priors(LogSourceEvents log, LogSourceEvents reference, out int negotiations)
    {
        var referenceStarts = new Dictionary<int, DateTimeOffset>();
        foreach (var r in reference.Events)
        {
            if (r.Time is { } t && r.Session != 0)
            {
                referenceStarts.TryAdd(r.Session, t);
            }
        }
        var suggested = new List<double>();
        var paired = new HashSet<int>();
        foreach (var e in log.Events)
        {
            if (e.Time is { } t && e.Counterpart != 0 && referenceStarts.TryGetValue(e.Counterpart, out var start) && paired.Add(e.Session))
            {
                suggested.Add((t - start).TotalSeconds);
            }
        }
        negotiations = paired.Count;
        suggested.Sort();
        var priors = new List<double>();
        foreach (var s in suggested)
        {
            if (priors.Count == 0 || s - priors[^1] > 10)
            {
                priors.Add(s);
            }
        }
        return priors;
    }

    /// <summary>
    /// What a line pairs with: a packet line with the other end's line of the same packet (sent ↔ received, same
    /// endpoints and byte count), a step with the other end's same step of the same tunnel.
    /// </summary>
    private static Key? KeyOf(LoggedEvent e, bool opposite)
    {
        if (e.Packet != LoggedPacketDirection.None && e.Bytes > 0 && e.From is not null && e.To is not null)
        {
            var direction = !opposite ? e.Packet : e.Packet == LoggedPacketDirection.Sent ? LoggedPacketDirection.Received : LoggedPacketDirection.Sent;
            // The packet's own endpoints name its tunnel, even in a session whose peers the log never named.
            return new Key(null, direction, e.From, e.To, e.Bytes, NegotiationMilestone.None);
        }
        // A step says nothing of which tunnel it belongs to but through its session's peers.
        return e.Milestone != NegotiationMilestone.None && e.Tunnel is not null
            ? new Key(e.Tunnel, LoggedPacketDirection.None, null, null, 0, e.Milestone)
            : null;
    }

    private static int LowerBound(List<Timed> sorted, double value)
    {
        int low = 0, high = sorted.Count;
        while (low < high)
        {
            var mid = (low + high) / 2;
            if (sorted[mid].Seconds < value)
            {
                low = mid + 1;
            }
            else
            {
                high = mid;
            }
        }
        return low;
    }
}
