using System.Buffers.Binary;
using System.Net;
using SeilDiag.Capture.Network;
using SeilDiag.Capture.Reading;
using SeilDiag.Diagnostics;

namespace SeilDiag.Capture.Esp;

/// <summary>Groups ESP packets into SAs (SPI + addresses), decrypts them with esp_sa entries and keeps per-SA verdicts.</summary>
internal sealed class EspTracker(string path, CaptureKeys keys, CaptureOptions options)
{
    private readonly Dictionary<(uint Spi, IPAddress Src, IPAddress Dst), EspSaSummary> _sas = [];
    private readonly List<EspSaSummary> _order = [];
    private readonly Dictionary<EspSaEntry, EspDecryptor?> _decryptors = [];
    private readonly Dictionary<EspSaEntry, string> _unusable = [];
    private readonly HashSet<EspSaEntry> _used = [];

    public long PacketCount { get; private set; }

    /// <summary>The ICV verdict the read-ahead thread computed for the frame about to be processed, if any.</summary>
    public Pipeline.PrecomputedIcv? Precomputed { get; set; }

    public IReadOnlyList<EspSaSummary> Summaries => _order;

    private const int MaxNesting = 2;

    public PacketSummary Process(CaptureFrame frame, IpPacket ip, ReadOnlySpan<byte> esp, bool udp, double relative, string src, string dst, CaptureFindings findings, int depth = 0)
    {
        if (esp.Length < 8)
        {
            findings.Corrupt(frame.Number, $"packet {frame.Number}: ESP header truncated ({esp.Length} of 8 bytes)");
            return new PacketSummary
            {
                Frame = frame.Number, Time = frame.Time, RelativeTime = relative, Length = frame.OriginalLength, Kind = PacketKind.Malformed,
                Source = src, Destination = dst, Info = "[Malformed ESP: header truncated]",
            };
        }
        PacketCount++;
        var spi = BinaryPrimitives.ReadUInt32BigEndian(esp);
        var seq = BinaryPrimitives.ReadUInt32BigEndian(esp[4..]);
        var key = (spi, ip.Source, ip.Destination);
        if (!_sas.TryGetValue(key, out var sa))
        {
            sa = new EspSaSummary { Spi = spi, Source = ip.Source, Destination = ip.Destination, FirstFrame = frame.Number };
            sa.Key = keys.Esp.FirstOrDefault(e => e.Matches(ip.Source, ip.Destination, spi));
            _sas[key] = sa;
            _order.Add(sa);
        }
        sa.UdpEncapsulated |= udp;
        sa.Packets++;
        sa.Bytes += esp.Length;
        sa.LastFrame = frame.Number;
        sa.LastSequence = seq;
        var summary = new PacketSummary
        {
            Frame = frame.Number, Time = frame.Time, RelativeTime = relative, Length = frame.OriginalLength, Kind = PacketKind.Esp,
            Source = src, Destination = dst, Spi = spi, Sequence = seq, UdpEncapsulated = udp,
        };
        // Nobody will read per-packet text when packets are neither kept nor observed (counters-only runs over
        // huge captures): skip formatting it, it costs more than the decryption.
        var describe = options.RetainPackets || options.PacketObserver is not null || depth > 0;
        var prefix = describe ? $"ESP spi=0x{spi:x8} seq={seq}" + (udp ? " (UDP-encapsulated)" : "") : "";
        if (sa.Key is null)
        {
            summary.Info = prefix;
            return summary;
        }
        _used.Add(sa.Key);
        var decryptor = GetDecryptor(sa.Key);
        if (decryptor is null)
        {
            sa.Undecryptable++;
            sa.Problem ??= _unusable[sa.Key];
            summary.EspDecrypted = false;
            summary.Info = $"{prefix} [not decrypted: {sa.Problem}]";
            return summary;
        }
        var result = decryptor.Decrypt(esp, depth == 0 && !udp ? Precomputed?.IcvFor(frame, esp, sa.Key) : null);
        summary.Icv = result.Icv;
        summary.EspDecrypted = result.Decrypted;
        if (result.Icv == IcvStatus.Good) sa.IcvGood++;
        if (result.Icv == IcvStatus.Bad)
        {
            sa.IcvBad++;
            sa.Problem ??= "the ICV does not verify: the authentication key (or the encryption key, for AES-GCM) is wrong";
        }
        if (!result.Decrypted)
        {
            sa.Undecryptable++;
            sa.Problem ??= result.Problem;
            summary.Info = $"{prefix} [not decrypted: {result.Problem}]";
            return summary;
        }
        sa.Decrypted++;
        if (!describe)
        {
            return summary;
        }
        summary.Inner = InnerPacket.Summarize(result.NextHeader, result.Inner.Span);
        if (depth < MaxNesting && result.NextHeader == IpProtocol.Ipip && NestedEsp(result.Inner.Span) is { } nested)
        {
            // ESP inside ESP (nested tunnels): decrypt the inner SA too, as tcpdump's esp2 test expects.
            var inner = Process(frame, nested, nested.Payload.Span, udp: false, relative, nested.Source.ToString(), nested.Destination.ToString(), findings, depth + 1);
            summary.Inner = $"{nested.Source} > {nested.Destination} {inner.Info}";
        }
        if (options.KeepPayloadBytes)
        {
            summary.InnerPacket = result.Inner.ToArray();
        }
        var icv = result.Icv switch { IcvStatus.Good => "ICV ok", IcvStatus.Bad => "ICV BAD", _ => "ICV not checked" };
        summary.Info = $"{prefix} [decrypted, {icv}] {summary.Inner}";
        return summary;
    }

    /// <summary>The inner IPv4 packet when it is itself ESP (copied: the decryptor's buffer is reused).</summary>
    private static IpPacket? NestedEsp(ReadOnlySpan<byte> inner)
    {
        if (inner.Length < 28 || inner[0] >> 4 != 4 || inner[9] != IpProtocol.Esp)
        {
            return null;
        }
        var ihl = (inner[0] & 0x0f) * 4;
        var total = Math.Min(BinaryPrimitives.ReadUInt16BigEndian(inner[2..]), inner.Length);
        if (ihl < 20 || total <= ihl)
        {
            return null;
        }
        return new IpPacket(new IPAddress(inner.Slice(12, 4)), new IPAddress(inner.Slice(16, 4)), IpProtocol.Esp, inner[ihl..total].ToArray(), inner[8]);
    }

    private EspDecryptor? GetDecryptor(EspSaEntry entry)
    {
        if (_decryptors.TryGetValue(entry, out var d))
        {
            return d;
        }
        try
        {
            d = new EspDecryptor(entry);
        }
        catch (Exception e) when (e is ArgumentException or NotSupportedException or System.Security.Cryptography.CryptographicException)
        {
            _unusable[entry] = $"the key at {entry.Where} cannot be used: {e.Message}";
            d = null;
        }
        _decryptors[entry] = d;
        return d;
    }

    public void LinkQuickModes(Dictionary<uint, (ulong Cookie, uint MessageId, long Frame)> quickModes)
    {
        foreach (var sa in _order)
        {
            if (quickModes.TryGetValue(sa.Spi, out var qm))
            {
                sa.QuickModeCookie = qm.Cookie;
                sa.QuickModeMessageId = qm.MessageId;
                sa.QuickModeFrame = qm.Frame;
            }
        }
    }

    public IEnumerable<Diagnostic> Diagnostics()
    {
        foreach (var sa in _order.Where(s => s.Key is not null && (s.Undecryptable > 0 || s.IcvBad > 0)))
        {
            var name = $"0x{sa.Spi:x8} {sa.Source} -> {sa.Destination}";
            var counts = $"{sa.Problem} ({sa.Undecryptable} of {sa.Packets} packets not decrypted, {sa.IcvBad} with a bad ICV; key at {sa.Key!.Where})";
            yield return Diagnostic.Create(Rules.EspUndecryptable, Location.InCapture(path, sa.FirstFrame), name, counts)
                .WithAdditionalLocations(sa.Key.Where)
                .WithTunnel(TunnelEndpoints.Of(sa.Source, sa.Destination));
        }
        foreach (var entry in keys.Esp.Where(e => !_used.Contains(e)))
        {
            // Say why: the same SPI seen with other addresses is the classic copy-paste error.
            var sameSpi = _order.FirstOrDefault(s => entry.SpiPattern != "*" && EspSaEntry.Glob(SpiText(entry.SpiPattern), s.Spi.ToString("x8")));
            var reason = sameSpi is not null
                ? new LocalizedText($"matches no ESP packet: SPI {entry.SpiPattern} travels {sameSpi.Source} -> {sameSpi.Destination}, the entry says {entry.SourcePattern} -> {entry.DestinationPattern}",
                    $"どの ESP パケットにも一致しません: SPI {entry.SpiPattern} は {sameSpi.Source} -> {sameSpi.Destination} ですが、項目は {entry.SourcePattern} -> {entry.DestinationPattern} です")
                : new LocalizedText("matches no ESP packet in the capture", "キャプチャ中のどの ESP パケットにも一致しません");
            yield return Diagnostic.Create(Rules.KeyTableMismatch, entry.Where, $"SPI {entry.SpiPattern}", reason);
        }
    }

    private static string SpiText(string pattern)
    {
        var p = pattern.StartsWith("0x", StringComparison.OrdinalIgnoreCase) ? pattern[2..] : pattern;
        return p.Length < 8 && !p.Contains('*') ? p.PadLeft(8, '0').ToLowerInvariant() : p.ToLowerInvariant();
    }
}
