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
        foreach (var tunnel in sessions.Where(s => s.Local is not null && s.Remote is not null).GroupBy(s => s.PairKey))
        {
            var byPath = tunnel.GroupBy(s => s.Path).ToList();
            if (byPath.Count < 2)
            {
                continue;
            }
            // Greedy over all cross-log candidates, nearest first, so a session is paired with the closest negotiation.
            var candidates =
                from a in tunnel
                from b in tunnel
                where a.Id < b.Id && a.Path != b.Path && a.Local!.Address.Equals(b.Remote!.Address) && a.Remote!.Address.Equals(b.Local!.Address)
                let sameCookies = a.Cookies is not null && a.Cookies == b.Cookies
                let distance = sameCookies ? TimeSpan.Zero : Distance(a.Start, b.Start)
                where sameCookies || distance < TimeSpan.FromMinutes(2)
                orderby distance
                select (a, b);
            foreach (var (a, b) in candidates.ToList())
            {
                if (a.Counterpart is null && b.Counterpart is null)
                {
                    a.Counterpart = b;
                    b.Counterpart = a;
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
