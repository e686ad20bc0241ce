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
        foreach (var log in logs)
        {
            var offset = offsets.FirstOrDefault(o => o.Path == log.Path)?.Offset ?? TimeSpan.Zero;
            foreach (var e in log.Events)
            {
                if (e.Time is not { } time)
                {
                    continue;
                }
                var location = Location.LogLine(log.Path, e.Line, e.Text.Length);
                entries.Add(new TimelineEntry(time - offset, log.Source, e.Text, location)
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

    private static (string, long) Key(Location location) => (location.Path, location.Packet ?? -location.Line);
}
