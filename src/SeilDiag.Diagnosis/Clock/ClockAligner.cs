using SeilDiag.Model;

namespace SeilDiag.Diagnosis;

/// <summary>
/// Estimates how far each log's clock is from the reference clock: the capture's when there is one, else the log's
/// with most negotiations paired with the others' (the first given on a tie). A log is first paired with the capture (packets of the same direction and length); a log that matched no
/// packet, or every log when there is no capture, is then paired with a log already placed, through the lines both
/// ends wrote about the same negotiation (<see cref="LogPairAnchors"/>), so a chain of logs reaches the reference.
/// Hours of time-zone difference and minutes of skew are found the same way, since nothing limits the candidate
/// offsets (<see cref="OffsetVote"/>); when the pairings do not single out one offset the log is "not estimated"
/// and keeps its own times.
/// </summary>
public static class ClockAligner
{
    /// <summary>
    /// Lines used per log: enough to outvote wrong pairings many times over, few enough that a day of DPD packets of
    /// one length does not make the pairing quadratic.
    /// </summary>
    public const int MaxAnchorsPerLog = 400;

    /// <summary>Both logs print whole seconds (truncated), so two lines of one instant differ by the offset ± 1 s.</summary>
    private const double LogPairWindow = 2.0;

    public static IReadOnlyList<ClockOffset> Align(IReadOnlyList<LogSourceEvents> logs, IReadOnlyList<CaptureSourcePackets> captures)
    {
        if (logs.Count == 0)
        {
            return [];
        }
        var placed = new ClockOffset?[logs.Count];
        var why = new string?[logs.Count];  // why a log was not placed against the capture
        string referenceName;
        if (captures.Count > 0)
        {
            referenceName = captures.Count == 1 ? Path.GetFileName(captures[0].Path) : "the captures";
            var packets = captures.SelectMany(c => c.Packets).ToList();
            for (var i = 0; i < logs.Count; i++)
            {
                (placed[i], why[i]) = CaptureAnchors.Align(logs[i], packets, referenceName);
            }
        }
        else
        {
            var reference = ReferenceLog(logs);
            referenceName = Path.GetFileName(logs[reference].Path);
            placed[reference] = new ClockOffset(logs[reference].Path, TimeSpan.Zero, 0, "reference clock (no capture given): the other logs are aligned to it");
        }
        var logWhy = PlaceThroughOtherLogs(logs, placed, referenceName);
        return [.. logs.Select((log, i) => placed[i] ?? new ClockOffset(log.Path, TimeSpan.Zero, 0,
            $"{OffsetText.NotEstimated}: {string.Join("; and ", new[] { why[i], logWhy[i] }.OfType<string>())}; times as logged", Estimated: false))];
    }

    /// <summary>
    /// Without a capture: the log with most negotiations paired with other logs' (the first given on a tie), so an
    /// unrelated log given first does not leave the two ends of a tunnel unaligned.
    /// </summary>
    private static int ReferenceLog(IReadOnlyList<LogSourceEvents> logs)
    {
        var best = 0;
        var bestPaired = -1;
        for (var i = 0; i < logs.Count; i++)
        {
            var paired = logs[i].Events.Where(e => e.Counterpart != 0).Select(e => e.Session).Distinct().Count();
            if (paired > bestPaired)
            {
                (best, bestPaired) = (i, paired);
            }
        }
        return best;
    }

    /// <summary>Places unplaced logs against placed ones until no more can be: the partner with most agreeing lines wins.</summary>
    /// <returns>For each log left unplaced, why.</returns>
    private static string[] PlaceThroughOtherLogs(IReadOnlyList<LogSourceEvents> logs, ClockOffset?[] placed, string referenceName)
    {
        var why = new string[logs.Count];
        Array.Fill(why, logs.Count == 1 ? "there is no other log to pair it with" : "no other log could be aligned to pair it with");
        var progress = true;
        while (progress)
        {
            progress = false;
            for (var i = 0; i < logs.Count; i++)
            {
                if (placed[i] is not null)
                {
                    continue;
                }
                (int Partner, OffsetEstimate Estimate, int Negotiations)? best = null;
                var reasons = new List<string>();
                for (var j = 0; j < logs.Count; j++)
                {
                    if (j == i || placed[j] is null)
                    {
                        continue;
                    }
                    var candidates = LogPairAnchors.Between(logs[i], logs[j], MaxAnchorsPerLog, out var negotiations);
                    var partner = Path.GetFileName(logs[j].Path);
                    switch (OffsetVote.Estimate(candidates, LogPairWindow, truncatedLog: false, out var estimate))
                    {
                        case OffsetVote.Outcome.Estimated when best is null || estimate!.Matched > best.Value.Estimate.Matched:
                            best = (j, estimate!, negotiations);
                            break;
                        case OffsetVote.Outcome.Ambiguous:
                            reasons.Add($"the lines paired with {partner} agree as well on more than one offset");
                            break;
                        case OffsetVote.Outcome.NothingPaired:
                            reasons.Add($"no negotiation in it is paired with one in {partner} (the same peers seen from both ends with the same cookies or SPIs, or with opposite roles, the same first packets and starts at an offset the other negotiations agree on)");
                            break;
                    }
                }
                if (best is { } b)
                {
                    placed[i] = Place(logs[i], logs[b.Partner], placed[b.Partner]!, b.Estimate, b.Negotiations, referenceName);
                    progress = true;
                }
                else if (reasons.Count > 0)
                {
                    why[i] = string.Join("; ", reasons);
                }
            }
        }
        return why;
    }

    private static ClockOffset Place(LogSourceEvents log, LogSourceEvents partner, ClockOffset partnerOffset, OffsetEstimate estimate, int negotiations, string referenceName)
    {
        var relative = TimeSpan.FromMilliseconds(Math.Round(estimate.Seconds * 1000));
        var total = partnerOffset.Offset + relative;
        var partnerName = Path.GetFileName(partner.Path);
        var how = $"{OffsetText.Kinds(estimate.Kinds)} paired with {partnerName}'s in {negotiations} negotiation(s)";
        var method = partnerName == referenceName
            ? $"{OffsetText.Relation(log.Path, total, referenceName)} ({how})"
            : $"{OffsetText.Relation(log.Path, total, referenceName)}, via {partnerName}: {OffsetText.Relation(log.Path, relative, partnerName)} ({how})";
        return new ClockOffset(log.Path, total, estimate.Matched, method);
    }
}
