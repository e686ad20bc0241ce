namespace SeilDiag.Logs.Sessions;

/// <summary>
/// Pairs the sessions of two ends' logs (catalogue §5): same racoon cookies, or the same address pair seen from the
/// two sides (local/remote swapped) with the nearest start time. Clocks and time zones of the two hosts need not
/// agree, so whole-hour offsets are ignored when comparing times.
/// </summary>
internal static class SessionPairing
{
    public static void Pair(IReadOnlyList<LogSession> sessions)
    {
        foreach (var group in sessions.Where(s => s.Local is not null && s.Remote is not null).GroupBy(s => s.PairKey))
        {
            var byPath = group.GroupBy(s => s.Path).ToList();
            if (byPath.Count < 2)
            {
                continue;
            }
            var first = byPath[0].ToList();
            foreach (var other in byPath.Skip(1))
            {
                foreach (var s in other)
                {
                    var match = first.Where(f => f.Counterpart is null && f.Local!.Address.Equals(s.Remote!.Address) && f.Remote!.Address.Equals(s.Local!.Address))
                        .OrderBy(f => f.Cookies is not null && f.Cookies == s.Cookies ? TimeSpan.Zero : Distance(f.Start, s.Start))
                        .FirstOrDefault();
                    if (match is not null && (match.Cookies == s.Cookies && s.Cookies is not null || Distance(match.Start, s.Start) < TimeSpan.FromMinutes(2)))
                    {
                        match.Counterpart = s;
                        s.Counterpart = match;
                    }
                }
            }
        }
    }

    private static TimeSpan Distance(DateTimeOffset? a, DateTimeOffset? b)
    {
        if (a is null || b is null)
        {
            return TimeSpan.FromMinutes(1);
        }
        var d = (a.Value - b.Value).Duration();
        var modHour = TimeSpan.FromTicks(d.Ticks % TimeSpan.TicksPerHour);
        return modHour > TimeSpan.FromMinutes(30) ? TimeSpan.FromHours(1) - modHour : modHour;
    }
}
