namespace SeilDiag.Diagnosis;

/// <summary>What paired a log line with a packet or with the other end's line (named in the offset's method).</summary>
internal enum AnchorKind
{
    Packet,
    NegotiationStart,
    Established,
}

/// <summary>A pairing of one logged event with one reference time; seconds = log time − reference time.</summary>
internal readonly record struct Candidate(int Event, double Seconds, AnchorKind Kind);

/// <summary>The offset most pairings agree on, how many distinct events agree, and what paired them.</summary>
internal sealed record OffsetEstimate(double Seconds, int Matched, IReadOnlySet<AnchorKind> Kinds);

/// <summary>
/// Every pairing proposes an offset; the true one is the value most distinct events agree on, so a wrong pairing
/// (a retransmit, two packets of one length) is outvoted instead of averaged in. When another, separate offset is
/// proposed by as many events, the pairings cannot tell which is right: no estimate rather than a guess.
/// </summary>
internal static class OffsetVote
{
    public enum Outcome
    {
        Estimated,
        NothingPaired,
        Ambiguous,
    }

    /// <param name="window">How far apart pairings of the true offset may lie (clock resolution of both sides).</param>
    /// <param name="truncatedLog">Log against capture: the log's whole seconds are truncated, the packet's exact.</param>
    public static Outcome Estimate(List<Candidate> candidates, double window, bool truncatedLog, out OffsetEstimate? estimate)
    {
        estimate = null;
        if (candidates.Count == 0)
        {
            return Outcome.NothingPaired;
        }
        candidates.Sort((a, b) => a.Seconds.CompareTo(b.Seconds));
        // Two-pointer sweep: how many distinct events the window starting at each candidate holds.
        var counts = new int[candidates.Count];
        var ends = new int[candidates.Count];
        var inWindow = new Dictionary<int, int>();
        var bestStart = 0;
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
            counts[start] = inWindow.Count;
            ends[start] = end;
            var spread = candidates[end].Seconds - candidates[start].Seconds;
            if (counts[start] > bestCount || (counts[start] == bestCount && spread < bestSpread))
            {
                (bestStart, bestCount, bestSpread) = (start, counts[start], spread);
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
        var bestEnd = ends[bestStart];
        var low = candidates[bestStart].Seconds;
        var high = candidates[bestEnd].Seconds;
        // A rival: a window that shares no pairing with the best one and is agreed on by as many events.
        for (var start = 0; start < candidates.Count; start++)
        {
            var separate = candidates[ends[start]].Seconds < low - 1e-6 || candidates[start].Seconds > high + 1e-6;
            if (separate && counts[start] >= bestCount)
            {
                return Outcome.Ambiguous;
            }
        }
        var chosen = candidates.Skip(bestStart).Take(bestEnd - bestStart + 1).ToList();
        var seconds = chosen.Select(c => c.Seconds).ToList();
        double offset;
        if (truncatedLog)
        {
            // Each pairing bounds the offset to [delta, delta + 1): the intersection's middle is the estimate —
            // unless the intersection holds zero. Then the clocks agree as far as whole-second stamps can tell, and
            // "0.1 s ahead" would be precision the log does not have (hosts usually run NTP).
            var lowest = seconds.Max();
            var highest = seconds.Min() + 1.0;
            offset = lowest > highest ? seconds[seconds.Count / 2] + 0.5
                : lowest <= 0 && 0 < highest ? 0
                : (lowest + highest) / 2;
        }
        else
        {
            offset = seconds[seconds.Count / 2];
        }
        estimate = new OffsetEstimate(offset, bestCount, chosen.Select(c => c.Kind).ToHashSet());
        return Outcome.Estimated;
    }
}
