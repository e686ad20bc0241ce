using SeilDiag.Diagnostics;
using SeilDiag.Model;

namespace SeilDiag.Diagnosis;

/// <summary>
/// Pairs the packets a log tells of ("sending packet: from A[500] to B[500] (N bytes)") with captured packets of the
/// same direction and length, and racoon's negotiation starts (it prints no sizes) with the packet opening that phase.
/// </summary>
internal static class CaptureAnchors
{
    /// <returns>The offset against the capture, or null and why not.</returns>
    public static (ClockOffset? Offset, LocalizedText? WhyNot) Align(LogSourceEvents log, List<CapturedPacket> packets, LocalizedText captureName)
    {
        var byKey = packets.Where(p => p.IsakmpLength > 0 && p.From is not null && p.To is not null)
            .ToLookup(p => (p.From!, p.To!));
        var openings = Openings(packets);
        var candidates = new List<Candidate>();
        var events = log.Events;
        var anchors = 0;
        for (var i = 0; i < events.Count && anchors < ClockAligner.MaxAnchorsPerLog; i++)
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
                    candidates.Add(new Candidate(i, (time - p.Time).TotalSeconds, AnchorKind.NegotiationStart));
                }
                continue;
            }
            foreach (var p in byKey[(e.From, e.To)])
            {
                // charon counts the UDP payload: on port 4500 that is the ISAKMP message plus the 4-byte non-ESP marker.
                if (p.IsakmpLength == e.Bytes || p.IsakmpLength + 4 == e.Bytes)
                {
                    candidates.Add(new Candidate(i, (time - p.Time).TotalSeconds, AnchorKind.Packet));
                }
            }
        }
        var method = events.Any(e => e.StartsPhase != 0) && !events.Any(e => e.Bytes > 0)
            ? new LocalizedText("negotiation starts matched with first packets (direction, phase)", "ネゴシエーション開始を最初のパケットと照合 (方向、フェーズ)")
            : new LocalizedText("packets matched by direction and length", "方向と長さが一致するパケットで照合");
        // Logs print whole seconds (truncated): a logged time is in [t + offset − 1, t + offset] of the packet's.
        switch (OffsetVote.Estimate(candidates, window: 1.0, truncatedLog: true, out var estimate))
        {
            case OffsetVote.Outcome.Estimated:
                var offset = TimeSpan.FromMilliseconds(Math.Round(estimate!.Seconds * 1000));
                var relation = OffsetText.Relation(log.Path, offset, captureName);
                return (OffsetText.Offset(log.Path, offset, estimate.Matched,
                    new($"{relation.English} ({method.English})", $"{relation.Japanese} ({method.Japanese})")), null);
            case OffsetVote.Outcome.Ambiguous:
                return (null, new($"its lines match packets of {captureName.English} equally well at more than one offset",
                    $"行が {captureName.Japanese} のパケットと複数のずれで同じくらい一致します"));
            default:
                return (null, anchors == 0
                    ? new("it has no packet lines to match with the capture", "キャプチャと照合できるパケットの行がありません")
                    : new($"none of its {anchors} packet line(s) matches a packet of {captureName.English}",
                        $"パケットの行 {anchors} 行のどれも {captureName.Japanese} のパケットと一致しません"));
        }
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
}
