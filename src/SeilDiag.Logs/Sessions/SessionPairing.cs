using SeilDiag.Logs.Events;

namespace SeilDiag.Logs.Sessions;

/// <summary>
/// Pairs the sessions of two ends' logs (catalogue §5): the same negotiation seen from both sides of one tunnel
/// (local and remote swapped). Two hosts' clocks need not agree — another time zone, half-hour zones included, and
/// minutes of drift on a router without NTP — so pairing does not compare start times directly:
/// <list type="number">
/// <item>sessions that share an identifier pair first: racoon's cookies, or a CHILD_SA SPI (charon logs its
/// inbound SPI as "_i", which is the other end's "_o");</item>
/// <item>the offset between the two logs is then taken from those pairs, or else voted by all start-time differences
/// of sessions that could be one negotiation (opposite roles, same mode, the first packet one end sent is one the
/// other received);</item>
/// <item>the remaining sessions pair with the other log's session starting nearest to that offset.</item>
/// </list>
/// </summary>
internal static class SessionPairing
{
    /// <summary>How far apart two hosts' clocks may be: time zones span UTC−12 to UTC+14.</summary>
    private static readonly TimeSpan MaxOffset = TimeSpan.FromHours(14);

    /// <summary>
    /// Start-time differences this close vote for the same offset. Narrow: an initiator's keying tries are seconds
    /// apart (one IKE_SA on its side, one per try on the responder's), and a wide window would let them outvote the
    /// true offset.
    /// </summary>
    private static readonly TimeSpan VoteWindow = TimeSpan.FromSeconds(2);

    /// <summary>
    /// How far a session's start may lie from the offset's prediction: the responder's session starts when the first
    /// message arrives, which after lost packets is one or more retransmits (4, 7, 13 s …) after the initiator's.
    /// </summary>
    private static readonly TimeSpan Tolerance = TimeSpan.FromMinutes(1);

    /// <summary>Sessions sampled per log for the offset vote, so that two gigabyte logs stay linear.</summary>
    private const int VoteSample = 256;

    public static void Pair(IReadOnlyList<LogSession> sessions)
    {
        try
        {
            PairAll(sessions);
        }
        finally
        {
            _packets = null;
        }
    }

    private static void PairAll(IReadOnlyList<LogSession> sessions)
    {
        foreach (var tunnel in sessions.Where(s => s.Local is not null && s.Remote is not null).GroupBy(s => s.PairKey))
        {
            var byPath = tunnel.GroupBy(s => s.Path).OrderBy(g => g.Key, StringComparer.Ordinal).ToList();
            for (var i = 0; i < byPath.Count; i++)
            {
                for (var j = i + 1; j < byPath.Count; j++)
                {
                    PairLogs([.. byPath[i]], [.. byPath[j]]);
                }
            }
        }
    }

    private static void PairLogs(List<LogSession> a, List<LogSession> b)
    {
        var samples = PairByIdentifiers(a, b);
        var offset = samples.Count > 0 ? samples.Order().ElementAt(samples.Count / 2) : VoteOffset(a, b);
        if (offset is { } known)
        {
            PairByTime(a, b, known);
        }
        PairUntimed(a, b);
    }

    /// <summary>Cookies or a CHILD_SA SPI in common: the same negotiation whatever the clocks say. Returns the start-time offsets of those pairs.</summary>
    private static List<TimeSpan> PairByIdentifiers(List<LogSession> a, List<LogSession> b)
    {
        var byKey = new Dictionary<string, LogSession>(StringComparer.Ordinal);
        foreach (var s in b)
        {
            foreach (var key in Identifiers(s, inbound: false))
            {
                byKey.TryAdd(key, s);
            }
        }
        var offsets = new List<TimeSpan>();
        foreach (var s in a)
        {
            foreach (var key in Identifiers(s, inbound: true))
            {
                if (byKey.TryGetValue(key, out var other) && IsFacing(s, other) && s.Counterpart is null && other.Counterpart is null)
                {
                    Link(s, other);
                    if (s.Start is { } x && other.Start is { } y)
                    {
                        offsets.Add(y - x);
                    }
                    break;
                }
            }
        }
        return offsets;
    }

    /// <summary>"cookies:…" and the session's CHILD_SA SPIs, inbound ones from one side matched against outbound ones of the other.</summary>
    private static IEnumerable<string> Identifiers(LogSession s, bool inbound)
    {
        if (s.Cookies is { } cookies)
        {
            yield return "cookies:" + cookies;
        }
        foreach (var e in s.Events)
        {
            if (e.Kind != LogEventKind.ChildSaEstablished || e.Detail3 is not { } spis)
            {
                continue;
            }
            if (e.Daemon == Reading.LogDaemon.Racoon)
            {
                if (RacoonSpi(s, e, spis) is { } racoon && racoon.Inbound == inbound)
                {
                    yield return "spi:" + racoon.Spi;
                }
                continue;
            }
            // "678baa59_i 619badb9_o": this end's inbound SPI is the SPI the other end sends with.
            foreach (var spi in spis.Split(' ', StringSplitOptions.RemoveEmptyEntries))
            {
                if (spi.EndsWith(inbound ? "_i" : "_o", StringComparison.Ordinal))
                {
                    yield return "spi:" + spi[..^2];
                }
            }
        }
    }

    /// <summary>
    /// racoon logs one line per direction, "IPsec-SA established: ESP/Tunnel 10.0.0.2[500]->10.0.0.1[500]
    /// spi=3221225985(0xc0000201)": inbound when the arrow points at this end. The SPI in charon's spelling (8 hex digits).
    /// </summary>
    private static (string Spi, bool Inbound)? RacoonSpi(LogSession s, LogEvent e, string spis)
    {
        var m = e.Message;
        var arrow = m.IndexOf("->", StringComparison.Ordinal);
        var hex = spis.IndexOf("(0x", StringComparison.Ordinal);
        if (arrow < 0 || hex < 0 || s.Local is null
            || !uint.TryParse(spis.AsSpan(hex + 3).TrimEnd(')'), System.Globalization.NumberStyles.HexNumber, null, out var spi))
        {
            return null;
        }
        var destination = m[(arrow + 2)..];
        var bracket = destination.IndexOf('[');
        var inbound = bracket > 0 && destination[..bracket] == s.Local.Address.ToString();
        return (spi.ToString("x8", System.Globalization.CultureInfo.InvariantCulture), inbound);
    }

    /// <summary>
    /// The offset (b's clock − a's) most pairs of possible counterparts agree on; ties go to the offset nearest a
    /// whole number of hours (a time zone), then the smallest.
    /// </summary>
    private static TimeSpan? VoteOffset(List<LogSession> a, List<LogSession> b)
    {
        var differences = new List<TimeSpan>();
        foreach (var x in Sample(a))
        {
            foreach (var y in Sample(b))
            {
                if (x.Start is { } sx && y.Start is { } sy && (sy - sx).Duration() <= MaxOffset && CouldBeOne(x, y))
                {
                    differences.Add(sy - sx);
                }
            }
        }
        if (differences.Count == 0)
        {
            return null;
        }
        differences.Sort();
        TimeSpan? best = null;
        var bestSupport = 0;
        var low = 0;
        var high = 0;
        foreach (var d in differences)
        {
            while (differences[low] < d - VoteWindow) low++;
            while (high < differences.Count && differences[high] <= d + VoteWindow) high++;
            var support = high - low;
            if (support > bestSupport || (support == bestSupport && best is { } current && Prefer(d, current)))
            {
                best = d;
                bestSupport = support;
            }
        }
        return best;
    }

    private static bool Prefer(TimeSpan candidate, TimeSpan current)
    {
        var (c, k) = (FromWholeHours(candidate), FromWholeHours(current));
        return c != k ? c < k : candidate.Duration() < current.Duration();
    }

    private static TimeSpan FromWholeHours(TimeSpan d)
    {
        var modHour = TimeSpan.FromTicks(d.Duration().Ticks % TimeSpan.TicksPerHour);
        return modHour > TimeSpan.FromMinutes(30) ? TimeSpan.FromHours(1) - modHour : modHour;
    }

    private static IEnumerable<LogSession> Sample(List<LogSession> sessions)
    {
        var step = Math.Max(1, sessions.Count / VoteSample);
        for (var i = 0; i < sessions.Count; i += step)
        {
            yield return sessions[i];
        }
    }

    /// <summary>Greedy, nearest to the predicted start first, so a session is paired with the closest negotiation.</summary>
    private static void PairByTime(List<LogSession> a, List<LogSession> b, TimeSpan offset)
    {
        var others = b.Where(s => s.Counterpart is null && s.Start is not null).OrderBy(s => s.Start).ToList();
        var starts = others.Select(s => s.Start!.Value).ToList();
        var candidates = new List<(TimeSpan Distance, LogSession A, LogSession B)>();
        foreach (var x in a)
        {
            if (x.Counterpart is not null || x.Start is not { } start)
            {
                continue;
            }
            var expected = start + offset;
            var from = LowerBound(starts, expected - Tolerance);
            for (var k = from; k < others.Count && starts[k] <= expected + Tolerance; k++)
            {
                if (CouldBeOne(x, others[k]))
                {
                    candidates.Add(((starts[k] - expected).Duration(), x, others[k]));
                }
            }
        }
        foreach (var (_, x, y) in candidates.OrderBy(c => c.Distance))
        {
            if (x.Counterpart is null && y.Counterpart is null)
            {
                Link(x, y);
            }
        }
    }

    /// <summary>Console output of `ipsec up` has no times: its sessions pair in order with the other log's first fitting one.</summary>
    private static void PairUntimed(List<LogSession> a, List<LogSession> b)
    {
        foreach (var x in a.Where(s => s.Counterpart is null))
        {
            var y = b.FirstOrDefault(y => y.Counterpart is null && (x.Start is null || y.Start is null) && CouldBeOne(x, y));
            if (y is not null)
            {
                Link(x, y);
            }
        }
    }

    private static void Link(LogSession x, LogSession y)
    {
        x.Counterpart = y;
        y.Counterpart = x;
    }

    private static bool IsFacing(LogSession x, LogSession y) =>
        x.Local!.Address.Equals(y.Remote!.Address) && x.Remote!.Address.Equals(y.Local!.Address);

    /// <summary>
    /// Whether two sessions can be one negotiation by what they show, whatever the clocks: they face each other, not
    /// both initiator or both responder, the same exchange mode, and the first message either sent was received by the
    /// other (same UDP length), where both logged packets.
    /// </summary>
    private static bool CouldBeOne(LogSession x, LogSession y) =>
        IsFacing(x, y)
        && !(x.IsInitiator is { } ix && y.IsInitiator is { } iy && ix == iy)
        && !(x.Mode is { } mx && y.Mode is { } my && mx != my)
        && FirstSentWasReceived(x, y) && FirstSentWasReceived(y, x);

    private static bool FirstSentWasReceived(LogSession sender, LogSession receiver)
    {
        var (firstSent, _) = PacketsOf(sender);
        var (_, received) = PacketsOf(receiver);
        return firstSent == 0 || received.Count == 0 || received.Contains(firstSent);
    }

    // The vote compares up to VoteSample² session pairs: each session's packet lengths are collected once.
    [ThreadStatic] private static Dictionary<LogSession, (int FirstSent, HashSet<int> Received)>? _packets;

    private static (int FirstSent, HashSet<int> Received) PacketsOf(LogSession s)
    {
        _packets ??= new(ReferenceEqualityComparer.Instance);
        if (!_packets.TryGetValue(s, out var packets))
        {
            var first = s.Events.FirstOrDefault(e => e.Kind == LogEventKind.PacketSent && e.Number > 0)?.Number ?? 0;
            var received = s.Events.Where(e => e.Kind == LogEventKind.PacketReceived && e.Number > 0).Select(e => e.Number).ToHashSet();
            _packets[s] = packets = (first, received);
        }
        return packets;
    }

    private static int LowerBound(List<DateTimeOffset> sorted, DateTimeOffset value)
    {
        var (lo, hi) = (0, sorted.Count);
        while (lo < hi)
        {
            var mid = (lo + hi) / 2;
            if (sorted[mid] < value) lo = mid + 1; else hi = mid;
        }
        return lo;
    }
}
