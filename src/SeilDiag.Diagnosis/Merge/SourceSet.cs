using SeilDiag.Analysis;
using SeilDiag.Diagnostics;
using SeilDiag.Model;

namespace SeilDiag.Diagnosis;

/// <summary>
/// What each input of the case is (config of which vendor, log of which daemon and host, capture, key table), so a
/// piece of evidence is labelled by the file it points into.
/// </summary>
internal sealed class SourceSet
{
    private readonly Dictionary<string, EvidenceSource> _kinds = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> _logHosts = new(StringComparer.Ordinal);
    private readonly HashSet<string> _captures;

    public SourceSet(IReadOnlyList<LogSourceEvents> logs, IReadOnlyList<CaptureSourcePackets> captures, IkeModel? model = null, IReadOnlyDictionary<string, DocumentKind>? inputKinds = null)
    {
        _captures = [.. captures.Select(c => c.Path)];
        // Weakest first, so the more reliable facts below overwrite it.
        foreach (var peer in model?.Peers ?? [])
        {
            _kinds[peer.Document.Path] = peer.Vendor == PeerVendor.Seil ? EvidenceSource.SeilConfig : EvidenceSource.StrongSwanConfig;
        }
        foreach (var (path, kind) in inputKinds ?? new Dictionary<string, DocumentKind>())
        {
            if (SourceOfKind(kind) is { } source)
            {
                _kinds[path] = source;
            }
        }
        foreach (var log in logs)
        {
            _kinds[log.Path] = log.Source;
            _logHosts[log.Path] = HostOf(log, logs);
        }
    }

    /// <summary>Where a location is: a packet, a line of a known input, or (for a path nothing says more about) a config line.</summary>
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
        if (_kinds.TryGetValue(location.Path, out var known))
        {
            return known;
        }
        return IsSeilConfigName(location.Path) ? EvidenceSource.SeilConfig : EvidenceSource.StrongSwanConfig;
    }

    /// <summary>The host whose log a path is (its own address when the sessions name it), for counting witnesses.</summary>
    public string LogHost(string path) => _logHosts.TryGetValue(path, out var host) ? host : path;

    // Two files of one daemon (its normal log and a debug-level "-keys" log) are one witness, not two. A log that
    // never names its own address (charon at a level without "sending packet" lines) belongs to the host whose other
    // log talks to the same peer.
    private static string HostOf(LogSourceEvents log, IReadOnlyList<LogSourceEvents> logs)
    {
        if (log.LocalAddress is { } local)
        {
            return local.ToString();
        }
        var sibling = log.RemoteAddress is null ? null
            : logs.FirstOrDefault(l => l.LocalAddress is not null && Equals(l.RemoteAddress, log.RemoteAddress) && l.Source == log.Source);
        return sibling?.LocalAddress?.ToString() ?? log.Path;
    }

    public static bool IsConfig(EvidenceSource source) => source is EvidenceSource.SeilConfig or EvidenceSource.StrongSwanConfig;

    public static bool IsLog(EvidenceSource source) => source is EvidenceSource.CharonLog or EvidenceSource.SeilLog;

    private static EvidenceSource? SourceOfKind(DocumentKind kind) => kind switch
    {
        DocumentKind.SeilRecipe or DocumentKind.SeilCommand => EvidenceSource.SeilConfig,
        DocumentKind.IpsecConf or DocumentKind.IpsecSecrets or DocumentKind.StrongSwanConf => EvidenceSource.StrongSwanConfig,
        DocumentKind.CharonLog => EvidenceSource.CharonLog,
        DocumentKind.RacoonLog => EvidenceSource.SeilLog,
        DocumentKind.Capture => EvidenceSource.Capture,
        DocumentKind.IkeKeyTable or DocumentKind.EspKeyTable => EvidenceSource.KeyTable,
        _ => null,
    };

    // Last resort for a path no input and no peer names: SEIL configs are recipes or command dumps; everything
    // named ipsec.*/strongswan.* is strongSwan's.
    private static bool IsSeilConfigName(string path)
    {
        var name = Path.GetFileName(path).ToLowerInvariant();
        return !(name.Contains("ipsec.") || name.Contains("strongswan"));
    }
}
