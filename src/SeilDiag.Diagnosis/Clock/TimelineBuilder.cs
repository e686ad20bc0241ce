using SeilDiag.Diagnostics;
using SeilDiag.Model;

namespace SeilDiag.Diagnosis;

/// <summary>
/// One clock for the case: every timed log line shifted back by its log's estimated offset, and every packet at
/// the capture's time; entries that are evidence of a diagnosis carry its rule.
/// </summary>
internal static class TimelineBuilder
{
    public static List<TimelineEntry> Build(
        IReadOnlyList<LogSourceEvents> logs,
        IReadOnlyList<CaptureSourcePackets> captures,
        IReadOnlyList<ClockOffset> offsets,
        IReadOnlyList<Diagnostic> diagnostics)
    {
        // The first (highest ranked) diagnosis a place is evidence of names the entry.
        var ruleAt = new Dictionary<(string, long), string>();
        foreach (var diagnostic in diagnostics)
        {
            foreach (var location in diagnostic.Evidence.Select(e => e.Location).Append(diagnostic.Location).Concat(diagnostic.AdditionalLocations).OfType<Location>())
            {
                ruleAt.TryAdd(Key(location), diagnostic.Id);
            }
        }
        var entries = new List<TimelineEntry>();
        var packets = new PacketIndex(captures);
        foreach (var log in logs)
        {
            var clock = offsets.FirstOrDefault(o => o.Path == log.Path);
            var offset = clock?.Offset ?? TimeSpan.Zero;
            var used = new HashSet<long>();
            DateTimeOffset? last = null;
            foreach (var e in log.Events)
            {
                if (e.Time is not { } time)
                {
                    continue;
                }
                // A logged second holds a whole exchange: a line telling of a captured packet is placed at that
                // packet ("sending" just before it, "received" just after), and every other line no earlier than the
                // line written before it — so the log's lines and the packets interleave as they happened.
                var at = time - offset;
                DateTimeOffset? after = null;
                if (clock is { Estimated: true } && packets.Find(e, at, used) is { } packet)
                {
                    at = e.Packet == LoggedPacketDirection.Sent ? packet.Time - Tick : packet.Time + Tick;
                    after = packet.Time + Tick;
                }
                if (last is { } previous && at < previous)
                {
                    at = previous;
                }
                last = after is { } a && a > at ? a : at;
                var location = Location.LogLine(log.Path, e.Line, e.Text.Length);
                entries.Add(new TimelineEntry(at, log.Source, e.Text, location)
                {
                    RuleId = ruleAt.GetValueOrDefault(Key(location)),
                });
            }
        }
        foreach (var capture in captures)
        {
            foreach (var p in capture.Packets)
            {
                var location = Location.InCapture(capture.Path, p.Frame);
                entries.Add(new TimelineEntry(p.Time, EvidenceSource.Capture, $"{p.From} → {p.To} {p.Info}", location)
                {
                    RuleId = ruleAt.GetValueOrDefault(Key(location)),
                });
            }
        }
        // Stable: within one instant, the order each source wrote them.
        return [.. entries.OrderBy(e => e.Time)];
    }

    /// <summary>A microsecond: orders a log line before or after the packet it tells of, at the packet's time.</summary>
    private static readonly TimeSpan Tick = TimeSpan.FromTicks(10);

    /// <summary>The captured ISAKMP packets by direction, in time order, for placing the log lines that tell of them.</summary>
    private sealed class PacketIndex
    {
        private readonly Dictionary<(System.Net.IPAddress, System.Net.IPAddress), List<CapturedPacket>> _byDirection = [];

        public PacketIndex(IReadOnlyList<CaptureSourcePackets> captures)
        {
            foreach (var p in captures.SelectMany(c => c.Packets))
            {
                if (p.IsakmpLength > 0 && p.From is not null && p.To is not null)
                {
                    var key = (p.From, p.To);
                    if (!_byDirection.TryGetValue(key, out var list))
                    {
                        _byDirection[key] = list = [];
                    }
                    list.Add(p);
                }
            }
            foreach (var list in _byDirection.Values)
            {
                list.Sort((x, y) => x.Time.CompareTo(y.Time));
            }
        }

        /// <summary>
        /// The packet a "sending/received packet (N bytes)" line tells of: same direction and length (charon adds the
        /// 4-byte non-ESP marker on port 4500), the earliest this log has not used yet around the logged second.
        /// </summary>
        public CapturedPacket? Find(LoggedEvent e, DateTimeOffset at, HashSet<long> used)
        {
            if (e.Packet == LoggedPacketDirection.None || e.Bytes <= 0 || e.From is null || e.To is null
                || !_byDirection.TryGetValue((e.From, e.To), out var list))
            {
                return null;
            }
            // The stamp is truncated and the offset known to about a second: look from a second before to two after.
            var (lo, hi) = (0, list.Count);
            while (lo < hi)
            {
                var mid = (lo + hi) / 2;
                if (list[mid].Time < at - TimeSpan.FromSeconds(1)) lo = mid + 1; else hi = mid;
            }
            for (var i = lo; i < list.Count && list[i].Time <= at + TimeSpan.FromSeconds(2); i++)
            {
                var p = list[i];
                if ((p.IsakmpLength == e.Bytes || p.IsakmpLength + 4 == e.Bytes) && used.Add(p.Frame))
                {
                    return p;
                }
            }
            return null;
        }
    }

    private static (string, long) Key(Location location) => (location.Path, location.Packet ?? -location.Line);
}
