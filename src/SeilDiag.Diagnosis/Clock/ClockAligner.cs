using SeilDiag.Diagnostics;
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
        var why = new LocalizedText?[logs.Count];  // why a log was not placed against the capture
        LocalizedText referenceName;
        if (captures.Count > 0)
        {
            referenceName = captures.Count == 1 ? OffsetText.File(captures[0].Path) : new("the captures", "キャプチャ");
            var packets = captures.SelectMany(c => c.Packets).ToList();
            for (var i = 0; i < logs.Count; i++)
            {
                (placed[i], why[i]) = CaptureAnchors.Align(logs[i], packets, referenceName);
            }
        }
        else
        {
            var reference = ReferenceLog(logs);
            referenceName = OffsetText.File(logs[reference].Path);
            placed[reference] = OffsetText.Offset(logs[reference].Path, TimeSpan.Zero, 0, new(
                "reference clock (no capture given): the other logs are aligned to it",
                "基準の時計 (キャプチャなし): 他のログをこれに合わせます"));
        }
        var logWhy = PlaceThroughOtherLogs(logs, placed, referenceName);
        return [.. logs.Select((log, i) => placed[i] ?? NotPlaced(log, why[i], logWhy[i]))];
    }

    private static ClockOffset NotPlaced(LogSourceEvents log, LocalizedText? fromCapture, LocalizedText? fromLogs)
    {
        var reasons = LocalizedText.Join(new("; and ", "。また、"), new[] { fromCapture, fromLogs }.OfType<LocalizedText>());
        return OffsetText.Offset(log.Path, TimeSpan.Zero, 0, new(
            $"{OffsetText.NotEstimated.English}: {reasons.English}; times as logged",
            $"{OffsetText.NotEstimated.Japanese}: {reasons.Japanese}。ログの時刻のまま使います"), estimated: false);
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
    private static LocalizedText[] PlaceThroughOtherLogs(IReadOnlyList<LogSourceEvents> logs, ClockOffset?[] placed, LocalizedText referenceName)
    {
        var why = new LocalizedText[logs.Count];
        Array.Fill(why, logs.Count == 1
            ? new LocalizedText("there is no other log to pair it with", "対応付ける他のログがありません")
            : new LocalizedText("no other log could be aligned to pair it with", "対応付けられる位置合わせ済みのログがありません"));
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
                var reasons = new List<LocalizedText>();
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
                            reasons.Add(new($"the lines paired with {partner} agree as well on more than one offset",
                                $"{partner} と対応付けた行は複数のずれで同じくらい一致します"));
                            break;
                        case OffsetVote.Outcome.NothingPaired:
                            reasons.Add(new($"no negotiation in it is paired with one in {partner} (the same peers seen from both ends with the same cookies or SPIs, or with opposite roles, the same first packets and starts at an offset the other negotiations agree on)",
                                $"{partner} のネゴシエーションと対応するものがありません (両端から見た同じ対向で、cookie か SPI が同じもの、または役割が逆で最初のパケットが同じで、他のネゴシエーションと同じずれで始まるもの)"));
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
                    why[i] = LocalizedText.Join(new("; ", "。"), reasons);
                }
            }
        }
        return why;
    }

    private static ClockOffset Place(LogSourceEvents log, LogSourceEvents partner, ClockOffset partnerOffset, OffsetEstimate estimate, int negotiations, LocalizedText referenceName)
    {
        var relative = TimeSpan.FromMilliseconds(Math.Round(estimate.Seconds * 1000));
        var total = partnerOffset.Offset + relative;
        var partnerName = OffsetText.File(partner.Path);
        var kinds = OffsetText.Kinds(estimate.Kinds);
        var how = new LocalizedText($"{kinds.English} paired with {partnerName.English}'s in {negotiations} negotiation(s)",
            $"{partnerName.Japanese} の{kinds.Japanese}と {negotiations} 回のネゴシエーションで対応付け");
        var toReference = OffsetText.Relation(log.Path, total, referenceName);
        LocalizedText method;
        if (partnerName == referenceName)
        {
            method = new($"{toReference.English} ({how.English})", $"{toReference.Japanese} ({how.Japanese})");
        }
        else
        {
            var toPartner = OffsetText.Relation(log.Path, relative, partnerName);
            method = new($"{toReference.English}, via {partnerName.English}: {toPartner.English} ({how.English})",
                $"{toReference.Japanese}、{partnerName.Japanese} 経由: {toPartner.Japanese} ({how.Japanese})");
        }
        return OffsetText.Offset(log.Path, total, estimate.Matched, method);
    }
}
