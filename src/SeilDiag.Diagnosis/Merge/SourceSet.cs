using SeilDiag.Diagnostics;

namespace SeilDiag.Diagnosis;

/// <summary>Which inputs of the case are logs and captures (everything else a diagnostic points into is a config).</summary>
internal sealed class SourceSet(IReadOnlyList<LogSourceEvents> logs, IReadOnlyList<CaptureSourcePackets> captures)
{
    private readonly Dictionary<string, EvidenceSource> _logs = logs.GroupBy(l => l.Path).ToDictionary(g => g.Key, g => g.First().Source);
    private readonly HashSet<string> _captures = [.. captures.Select(c => c.Path)];

    /// <summary>Where a location is: a packet, a line of a known log, or a config line.</summary>
    public EvidenceSource? SourceOf(Location? location)
    {
        if (location is null)
        {
            return null;
        }
        if (location.IsPacket || _captures.Contains(location.Path))
        {
            return EvidenceSource.Capture;
        }
        if (_logs.TryGetValue(location.Path, out var log))
        {
            return log;
        }
        return IsSeilConfig(location.Path) ? EvidenceSource.SeilConfig : EvidenceSource.StrongSwanConfig;
    }

    public static bool IsConfig(EvidenceSource source) => source is EvidenceSource.SeilConfig or EvidenceSource.StrongSwanConfig;

    public static bool IsLog(EvidenceSource source) => source is EvidenceSource.CharonLog or EvidenceSource.SeilLog;

    // SEIL configs are recipes or command dumps; everything named ipsec.*/strongswan.* is strongSwan's.
    private static bool IsSeilConfig(string path)
    {
        var name = Path.GetFileName(path).ToLowerInvariant();
        return !(name.Contains("ipsec.") || name.Contains("strongswan"));
    }
}
