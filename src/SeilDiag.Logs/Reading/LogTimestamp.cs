namespace SeilDiag.Logs.Reading;

/// <summary>
/// Span-based timestamp recognition for the prefixes logs use: BSD syslog "Mmm dd hh:mm:ss[.fff]" (no year),
/// ISO "yyyy-mm-dd[T ]hh:mm:ss[.fff][zone]". Hand-written because it runs on every line of gigabyte logs.
/// </summary>
internal static class LogTimestamp
{
    private static readonly string[] Months = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];

    /// <summary>Parses a timestamp at the start of <paramref name="s"/>; <paramref name="length"/> is how much it used.</summary>
    // Runs per line (or per IKE_SA) of gigabyte logs: compiled fully optimised at once. With tiering, the JIT kept
    // postponing tier-up while later stages compiled new code, and most of a run was spent in instrumented code.
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveOptimization)]
    public static bool TryParse(ReadOnlySpan<char> s, YearTracker years, out DateTimeOffset time, out int length)
    {
        // Many lines share a second: reuse the previous result when the text is the same (the hot path of big logs).
        if (years.CachedLength > 0 && s.Length > years.CachedLength && ShortSpan.Equal(s[..years.CachedLength], years.CachedText.AsSpan(0, years.CachedLength))
            && !char.IsAsciiDigit(s[years.CachedLength]) && s[years.CachedLength] != '.')
        {
            time = years.CachedTime;
            length = years.CachedLength;
            return true;
        }
        if (!TryParseUncached(s, years, out time, out length))
        {
            return false;
        }
        if (length <= years.CachedText.Length)
        {
            s[..length].CopyTo(years.CachedText);
            // A timestamp is ASCII (digits, month names, separators): its bytes, for the byte-level prefix.
            for (var i = 0; i < length; i++)
            {
                years.CachedBytes[i] = (byte)s[i];
            }
            years.CachedLength = length;
            years.CachedTime = time;
        }
        return true;
    }

    private static bool TryParseUncached(ReadOnlySpan<char> s, YearTracker years, out DateTimeOffset time, out int length)
    {
        time = default;
        length = 0;
        if (s.Length >= 15 && char.IsAsciiLetterUpper(s[0]))
        {
            var month = MonthIndex(s[..3]);
            if (month == 0 || s[3] != ' ')
            {
                return false;
            }
            var i = 4;
            if (s[i] == ' ')
            {
                i++;
            }
            if (!TryDigits(s, ref i, 1, 2, out var day) || i >= s.Length || s[i] != ' ')
            {
                return false;
            }
            i++;
            if (!TryClock(s, ref i, out var clock))
            {
                return false;
            }
            var year = years.YearFor(month);
            if (!TryBuild(year, month, day, clock, TimeSpan.Zero, out time))
            {
                return false;
            }
            length = i;
            return true;
        }
        if (s.Length >= 19 && char.IsAsciiDigit(s[0]) && s[4] == '-' && s[7] == '-' && (s[10] == ' ' || s[10] == 'T'))
        {
            var i = 0;
            if (!TryDigits(s, ref i, 4, 4, out var year) || s[i++] != '-' || !TryDigits(s, ref i, 2, 2, out var month)
                || s[i++] != '-' || !TryDigits(s, ref i, 2, 2, out var day))
            {
                return false;
            }
            i++;
            if (!TryClock(s, ref i, out var clock))
            {
                return false;
            }
            var offset = TimeSpan.Zero;
            if (i < s.Length && s[i] == 'Z')
            {
                i++;
            }
            else if (i + 5 <= s.Length && (s[i] == '+' || s[i] == '-') && char.IsAsciiDigit(s[i + 1]))
            {
                var sign = s[i] == '-' ? -1 : 1;
                var j = i + 1;
                if (TryDigits(s, ref j, 2, 2, out var hh))
                {
                    if (j < s.Length && s[j] == ':')
                    {
                        j++;
                    }
                    if (TryDigits(s, ref j, 2, 2, out var mm))
                    {
                        offset = TimeSpan.FromMinutes(sign * (hh * 60 + mm));
                        i = j;
                    }
                }
            }
            // A year no date can have (0000 in a damaged line) must not become the year of later syslog lines.
            if (IsValidYear(year))
            {
                years.Observe(year, month);
            }
            if (!TryBuild(year, month, day, clock, offset, out time))
            {
                return false;
            }
            length = i;
            return true;
        }
        return false;
    }

    /// <summary>
    /// A damaged line can carry any digits: year 0000, a "+99:99" zone, a time that falls outside DateTimeOffset's
    /// range once the zone is applied. Each is checked here, so such a line has no time instead of throwing.
    /// </summary>
    private static bool TryBuild(int year, int month, int day, TimeSpan clock, TimeSpan offset, out DateTimeOffset time)
    {
        time = default;
        if (!IsValidYear(year) || month is < 1 or > 12 || day < 1 || day > DateTime.DaysInMonth(year, month) || clock >= TimeSpan.FromDays(1)
            || offset.Duration() > MaxOffset)
        {
            return false;
        }
        var local = new DateTime(year, month, day).Add(clock);
        var utcTicks = local.Ticks - offset.Ticks;
        if (utcTicks < DateTime.MinValue.Ticks || utcTicks > DateTime.MaxValue.Ticks)
        {
            return false;
        }
        time = new DateTimeOffset(local, offset);
        return true;
    }

    /// <summary>The largest UTC offset a DateTimeOffset takes (and any real zone uses).</summary>
    private static readonly TimeSpan MaxOffset = TimeSpan.FromHours(14);

    private static bool IsValidYear(int year) => year is >= 1 and <= 9999;

    private static bool TryClock(ReadOnlySpan<char> s, ref int i, out TimeSpan clock)
    {
        clock = default;
        if (!TryDigits(s, ref i, 2, 2, out var h) || i >= s.Length || s[i++] != ':'
            || !TryDigits(s, ref i, 2, 2, out var m) || i >= s.Length || s[i++] != ':'
            || !TryDigits(s, ref i, 2, 2, out var sec))
        {
            return false;
        }
        var ticks = 0L;
        if (i + 1 < s.Length && (s[i] == '.' || s[i] == ',') && char.IsAsciiDigit(s[i + 1]))
        {
            i++;
            var scale = TimeSpan.TicksPerSecond;
            while (i < s.Length && char.IsAsciiDigit(s[i]))
            {
                scale /= 10;
                ticks += (s[i] - '0') * scale;
                i++;
            }
        }
        if (h > 23 || m > 59 || sec > 60)
        {
            return false;
        }
        clock = new TimeSpan(h, m, Math.Min(sec, 59)) + TimeSpan.FromTicks(ticks);
        return true;
    }

    private static bool TryDigits(ReadOnlySpan<char> s, ref int i, int min, int max, out int value)
    {
        value = 0;
        var start = i;
        while (i < s.Length && i - start < max && char.IsAsciiDigit(s[i]))
        {
            value = value * 10 + (s[i] - '0');
            i++;
        }
        return i - start >= min;
    }

    private static int MonthIndex(ReadOnlySpan<char> name)
    {
        for (var m = 0; m < 12; m++)
        {
            if (name.SequenceEqual(Months[m]))
            {
                return m + 1;
            }
        }
        return 0;
    }
}

/// <summary>
/// Supplies the year syslog timestamps leave out: the last year seen in a full timestamp of the same input, else
/// the current year; a month going backwards (Dec → Jan) starts the next year.
/// </summary>
internal sealed class YearTracker
{
    private int _year = DateTime.UtcNow.Year;

    internal readonly char[] CachedText = new char[40];
    /// <summary><see cref="CachedText"/> as bytes (it is ASCII), compared with one vectorised call by <see cref="CharonFilePrefix"/>.</summary>
    internal readonly byte[] CachedBytes = new byte[40];
    internal int CachedLength;
    internal DateTimeOffset CachedTime;
    internal string? LastConnName;
    /// <summary>The bytes of <see cref="LastConnName"/> when <see cref="CharonFilePrefix"/> made it (<see cref="LastConnBytesOf"/> is then that string).</summary>
    internal readonly byte[] LastConnBytes = new byte[200];
    internal string? LastConnBytesOf;
    private int _lastMonth;

    public int YearFor(int month)
    {
        if (_lastMonth != 0 && month < _lastMonth && _lastMonth - month > 6)
        {
            _year++;
        }
        _lastMonth = month;
        return _year;
    }

    public void Observe(int year, int month)
    {
        _year = year;
        _lastMonth = month;
    }
}
