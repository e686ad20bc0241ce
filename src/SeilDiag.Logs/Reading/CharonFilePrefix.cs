using System.Runtime.CompilerServices;

namespace SeilDiag.Logs.Reading;

/// <summary>
/// The prefix of a charon file-log line ("Nov 28 00:35:35 13[NET] &lt;to-remote|1&gt; message") read straight from its
/// ASCII bytes, in one pass over the first few dozen bytes: the timestamp is compared with the one the general parser
/// cached for the previous line, then the "NN[GRP] " tail and the ike_name. Only that exact layout is accepted; any
/// other line (a new second, another layout, a damaged prefix) returns false and goes through
/// <see cref="LinePrefixParser.Parse"/>, whose result this must equal whenever it answers (tested line by line).
/// </summary>
internal static class CharonFilePrefix
{
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static bool TryParse(ReadOnlySpan<byte> line, YearTracker years, out LinePrefix p)
    {
        p = default;
        // The general parser tries a SEIL sequence number first on a leading digit: leave those lines to it.
        var cached = years.CachedLength;
        if (cached == 0 || line.Length <= cached || (uint)(line[0] - '0') <= 9)
        {
            return false;
        }
        if (!line[..cached].SequenceEqual(years.CachedBytes.AsSpan(0, cached)))
        {
            return false;
        }
        var next = line[cached];
        // Same cache rule as LogTimestamp.TryParse; a ':' after the time is racoon's own file layout.
        if ((uint)(next - '0') <= 9 || next == '.' || next == ':')
        {
            return false;
        }
        var pos = cached;
        while (pos < line.Length && line[pos] == ' ') pos++;

        // "NN[GRP] " / "NN[GRPn] " right after the time (the general parser's fast path; anything else is searched there).
        if (pos + 7 > line.Length || !IsDigit(line[pos]) || !IsDigit(line[pos + 1]) || line[pos + 2] != '['
            || !IsUpper(line[pos + 3]) || !IsUpper(line[pos + 4]) || !IsUpper(line[pos + 5]))
        {
            return false;
        }
        var c = pos + 6;
        var level = -1;
        if (IsDigit(line[c]))
        {
            level = line[c] - '0';
            c++;
        }
        if (c >= line.Length || line[c] != ']' || (c + 1 != line.Length && line[c + 1] != ' '))
        {
            return false;
        }
        p.Format = LogFormat.CharonFile;
        p.Daemon = LogDaemon.Charon;
        p.Time = years.CachedTime;
        p.Thread = (line[pos] - '0') * 10 + (line[pos + 1] - '0');
        p.Group = GroupName(line.Slice(pos + 3, 3));
        p.Level = level;
        var m = Math.Min(line.Length, c + 2);
        if (m < line.Length && line[m] == '<')
        {
            // Vectorised searches (the ike_name is a dozen bytes or more on most lines): same bounds as the general parser.
            var close = line.Slice(m, Math.Min(line.Length - m, 200)).IndexOf((byte)'>');
            if (close > 0)
            {
                var inner = line.Slice(m + 1, close - 1);
                var bar = inner.LastIndexOf((byte)'|');
                var id = bar >= 0 ? inner[(bar + 1)..] : inner;
                if (bar >= 0)
                {
                    p.ConnName = ConnName(inner[..bar], years);
                }
                p.UniqueId = UniqueId(id);
                m += close + 1;
                if (m < line.Length && line[m] == ' ') m++;
            }
        }
        p.MessageStart = m;
        return true;
    }

    /// <summary>
    /// The conn name, shared with the previous line's when equal (the general parser's rule). Its bytes are kept next to
    /// the string so the usual case is one vectorised compare; a name set by the general parser is compared char by char.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static string ConnName(ReadOnlySpan<byte> conn, YearTracker years)
    {
        var last = years.LastConnName;
        if (last is not null && ReferenceEquals(last, years.LastConnBytesOf) && conn.SequenceEqual(years.LastConnBytes.AsSpan(0, last.Length)))
        {
            return last;
        }
        if (last is null || !SameText(conn, last))
        {
            last = System.Text.Encoding.Latin1.GetString(conn);
            years.LastConnName = last;
        }
        if (conn.Length <= years.LastConnBytes.Length)
        {
            conn.CopyTo(years.LastConnBytes);
            years.LastConnBytesOf = last;
        }
        return last;
    }

    /// <summary>Plain digits here; anything else through the general parser's rule (same result by construction).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static int UniqueId(ReadOnlySpan<byte> id)
    {
        if (id.Length is > 0 and <= 9)
        {
            var value = 0;
            var plain = true;
            foreach (var b in id)
            {
                if (!IsDigit(b))
                {
                    plain = false;
                    break;
                }
                value = value * 10 + (b - '0');
            }
            if (plain)
            {
                return value;
            }
        }
        return UniqueIdGeneral(id);
    }

    // Apart, so the per-line method carries no stackalloc.
    [MethodImpl(MethodImplOptions.NoInlining)]
    private static int UniqueIdGeneral(ReadOnlySpan<byte> id)
    {
        Span<char> chars = stackalloc char[Math.Min(id.Length, 256)];
        for (var i = 0; i < chars.Length; i++) chars[i] = (char)id[i];
        return id.Length > chars.Length ? LinePrefixParser.ParseUniqueId(System.Text.Encoding.Latin1.GetString(id)) : LinePrefixParser.ParseUniqueId(chars);
    }

    /// <summary>The general parser's group names (the same strings) from three ASCII bytes, by one switch on them packed.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static string GroupName(ReadOnlySpan<byte> g) => (g[0] << 16 | g[1] << 8 | g[2]) switch
    {
        'I' << 16 | 'K' << 8 | 'E' => "IKE",
        'N' << 16 | 'E' << 8 | 'T' => "NET",
        'E' << 16 | 'N' << 8 | 'C' => "ENC",
        'C' << 16 | 'F' << 8 | 'G' => "CFG",
        'K' << 16 | 'N' << 8 | 'L' => "KNL",
        'C' << 16 | 'H' << 8 | 'D' => "CHD",
        'J' << 16 | 'O' << 8 | 'B' => "JOB",
        'M' << 16 | 'G' << 8 | 'R' => "MGR",
        'E' << 16 | 'S' << 8 | 'P' => "ESP",
        'L' << 16 | 'I' << 8 | 'B' => "LIB",
        'D' << 16 | 'M' << 8 | 'N' => "DMN",
        _ => GroupNameGeneral(g),
    };

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static string GroupNameGeneral(ReadOnlySpan<byte> g)
    {
        Span<char> chars = [(char)g[0], (char)g[1], (char)g[2]];
        return LinePrefixParser.GroupName(chars);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static bool SameText(ReadOnlySpan<byte> ascii, string text)
    {
        if (ascii.Length != text.Length)
        {
            return false;
        }
        for (var i = 0; i < ascii.Length; i++)
        {
            if (ascii[i] != text[i])
            {
                return false;
            }
        }
        return true;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static bool IsDigit(byte b) => (uint)(b - '0') <= 9;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static bool IsUpper(byte b) => (uint)(b - 'A') <= 'Z' - 'A';
}
