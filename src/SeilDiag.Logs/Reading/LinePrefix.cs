namespace SeilDiag.Logs.Reading;

/// <summary>What the prefix of one line told: format, daemon, time, charon thread/group/level, IKE_SA name and id.</summary>
internal struct LinePrefix
{
    public LogFormat Format;
    public LogDaemon Daemon;
    public DateTimeOffset? Time;
    public int Thread;
    public string? Group;
    public int Level;
    /// <summary>charon ike_name: the conn name (null when only the unique id is printed).</summary>
    public string? ConnName;
    public int UniqueId;
    /// <summary>racoon level word when printed (ERROR, INFO...) or the SEIL level.</summary>
    public string? RacoonLevel;
    public int MessageStart;
}

/// <summary>
/// Detects the line layout, per line, with span code: this runs on every line of a possibly huge log, so it must not
/// allocate for lines it does not keep. (A Sprache grammar here would allocate per attempt and backtrack over every
/// alternative; the message bodies, which are rare, are parsed with Sprache in <c>Events.LogGrammar</c>.)
/// </summary>
internal static class LinePrefixParser
{
    private const int TailSearchLimit = 256;

    // Runs per line (or per IKE_SA) of gigabyte logs: compiled fully optimised at once. With tiering, the JIT kept
    // postponing tier-up while later stages compiled new code, and most of a run was spent in instrumented code.
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveOptimization)]
    public static LinePrefix Parse(ReadOnlySpan<char> line, YearTracker years)
    {
        var p = new LinePrefix { Format = LogFormat.Console };
        var pos = 0;
        var seilSequence = false;

        // SEIL `show log`: leading sequence number, then a BSD timestamp.
        if (line.Length > 0 && char.IsAsciiDigit(line[0]))
        {
            var i = 0;
            while (i < line.Length && char.IsAsciiDigit(line[i])) i++;
            var j = i;
            while (j < line.Length && line[j] == ' ') j++;
            if (j > i && j < line.Length && char.IsAsciiLetterUpper(line[j]) && LogTimestamp.TryParse(line[j..], years, out var seilTime, out var seilLength))
            {
                p.Time = seilTime;
                pos = j + seilLength;
                seilSequence = true;
            }
        }
        if (!seilSequence && LogTimestamp.TryParse(line, years, out var time, out var length))
        {
            p.Time = time;
            pos = length;
        }
        var timeEnd = pos;
        while (pos < line.Length && line[pos] == ' ') pos++;

        // racoon's own file format: "yyyy-mm-dd hh:mm:ss: LEVEL: ..."
        if (p.Time is not null && !seilSequence && timeEnd < line.Length && line[timeEnd] == ':')
        {
            var rest = timeEnd + 1;
            while (rest < line.Length && line[rest] == ' ') rest++;
            var levelAt = rest;
            // ipsec-tools prints "[peer] " before the level when the message concerns a peer.
            if (levelAt < line.Length && line[levelAt] == '[' && line[levelAt..].IndexOf("] ") is var close && close > 0 && close < 64)
            {
                levelAt += close + 2;
            }
            if (RacoonLevelLength(line[levelAt..], out var level) > 0)
            {
                p.Format = LogFormat.RacoonFile;
                p.Daemon = LogDaemon.Racoon;
                p.MessageStart = rest;
                StripRacoonDecorations(line, ref p, level);
                return p;
            }
        }

        var tail = FindCharonTail(line, pos, out var thread, out var group, out var level2, out var tailEnd);
        if (tail >= 0)
        {
            p.Daemon = LogDaemon.Charon;
            p.Thread = thread;
            p.Group = group;
            p.Level = level2;
            p.Format = tail == pos ? LogFormat.CharonFile
                : IdentBefore(line, pos, tail) is { } ident && IsCharonIdent(ident) ? LogFormat.CharonSyslog
                : LogFormat.CharonWrapped;
            var m = tailEnd;
            if (m < line.Length && line[m] == '<')
            {
                var close = ShortSpan.IndexOf(line[m..], '>', 200);
                if (close > 0)
                {
                    var inner = line.Slice(m + 1, close - 1);
                    var bar = ShortSpan.LastIndexOf(inner, '|');
                    if (bar >= 0)
                    {
                        var conn = inner[..bar];
                        // Reuse the previous line's string: the same conn name repeats on most lines.
                        if (years.LastConnName is null || !ShortSpan.Equal(conn, years.LastConnName))
                        {
                            years.LastConnName = conn.ToString();
                        }
                        p.ConnName = years.LastConnName;
                        p.UniqueId = ParseUniqueId(inner[(bar + 1)..]);
                    }
                    else
                    {
                        p.UniqueId = ParseUniqueId(inner);
                    }
                    m += close + 1;
                    if (m < line.Length && line[m] == ' ') m++;
                }
            }
            p.MessageStart = m;
            return p;
        }

        // syslog-style "ident[pid]: message" (racoon, SEIL show log, charon-systemd journal, starter)
        var colon = FindIdentColon(line, pos, out var identStart);
        if (colon >= 0)
        {
            var ident = line[identStart..colon];
            var bracket = ident.IndexOf('[');
            var name = bracket >= 0 ? ident[..bracket] : ident;
            var messageStart = colon + 1;
            if (messageStart < line.Length && line[messageStart] == ' ') messageStart++;
            if (name.SequenceEqual("racoon"))
            {
                p.Daemon = LogDaemon.Racoon;
                p.Format = seilSequence ? LogFormat.SeilShowLog : LogFormat.RacoonSyslog;
                if (seilSequence)
                {
                    p.RacoonLevel = FirstWord(line[pos..identStart]);
                }
                p.MessageStart = messageStart;
                var lvl = RacoonLevelLength(line[messageStart..], out var racoonLevel) > 0 ? racoonLevel : null;
                StripRacoonDecorations(line, ref p, lvl);
                return p;
            }
            if (IsCharonIdent(name))
            {
                p.Daemon = LogDaemon.Charon;
                p.Format = LogFormat.CharonJournal;
                p.MessageStart = messageStart;
                return p;
            }
        }

        p.Format = LogFormat.Console;
        p.MessageStart = pos;
        return p;
    }

    /// <summary>
    /// The IKE_SA unique id: plain digits on the fast path (int.TryParse is culture-aware and was a visible cost per
    /// line); anything else goes to int.TryParse so the result is the same (0 when not a number).
    /// </summary>
    internal static int ParseUniqueId(ReadOnlySpan<char> digits)
    {
        if (digits.Length is > 0 and <= 9)
        {
            var value = 0;
            foreach (var c in digits)
            {
                if (!char.IsAsciiDigit(c))
                {
                    return int.TryParse(digits, out var parsed) ? parsed : 0;
                }
                value = value * 10 + (c - '0');
            }
            return value;
        }
        return int.TryParse(digits, out var other) ? other : 0;
    }

    private static bool IsCharonIdent(ReadOnlySpan<char> name) =>
        name.SequenceEqual("charon") || name.SequenceEqual("charon-systemd") || name.SequenceEqual("ipsec")
        || name.SequenceEqual("ipsec_starter") || name.SequenceEqual("strongswan") || name.SequenceEqual("charon-nm")
        || name.SequenceEqual("swanctl");

    private static string? FirstWord(ReadOnlySpan<char> s)
    {
        s = s.Trim();
        var space = s.IndexOf(' ');
        return (space >= 0 ? s[..space] : s).ToString();
    }

    /// <summary>The word before the charon tail (host charon: 07[IKE]) without its ":" and "[pid]".</summary>
    private static string? IdentBefore(ReadOnlySpan<char> line, int from, int tail)
    {
        var seg = line[from..tail].TrimEnd();
        if (seg.Length == 0 || seg[^1] != ':')
        {
            return null;
        }
        seg = seg[..^1];
        var space = seg.LastIndexOf(' ');
        var word = space >= 0 ? seg[(space + 1)..] : seg;
        var bracket = word.IndexOf('[');
        return (bracket >= 0 ? word[..bracket] : word).ToString();
    }

    private static bool IsCharonIdent(string ident) => IsCharonIdent(ident.AsSpan());

    /// <summary>Finds "ident[pid]:" or "ident:" followed by a space within the first words after the time.</summary>
    private static int FindIdentColon(ReadOnlySpan<char> line, int from, out int identStart)
    {
        identStart = -1;
        var limit = Math.Min(line.Length, from + 160);
        var wordStart = from;
        for (var i = from; i < limit; i++)
        {
            var c = line[i];
            if (c == ' ')
            {
                wordStart = i + 1;
            }
            else if (c == ':' && (i + 1 == line.Length || line[i + 1] == ' ') && i > wordStart)
            {
                identStart = wordStart;
                return i;
            }
        }
        return -1;
    }

    /// <summary>Finds the charon "NN[GRP]" / "NN[GRPn]" tail followed by a space; returns its start or -1.</summary>
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveOptimization)]
    private static int FindCharonTail(ReadOnlySpan<char> line, int from, out int thread, out string? group, out int level, out int end)
    {
        thread = 0;
        group = null;
        level = -1;
        end = 0;
        // Fast path for the charon file layout, where the tail starts right after the time ("09[IKE] " / "09[IKE1] "):
        // the same checks as the loop below, without searching.
        if (from + 7 <= line.Length && char.IsAsciiDigit(line[from]) && char.IsAsciiDigit(line[from + 1]) && line[from + 2] == '['
            && char.IsAsciiLetterUpper(line[from + 3]) && char.IsAsciiLetterUpper(line[from + 4]) && char.IsAsciiLetterUpper(line[from + 5]))
        {
            var c0 = from + 6;
            var lvl0 = -1;
            if (char.IsAsciiDigit(line[c0]))
            {
                lvl0 = line[c0] - '0';
                c0++;
            }
            if (c0 < line.Length && line[c0] == ']' && (c0 + 1 == line.Length || line[c0 + 1] == ' '))
            {
                thread = (line[from] - '0') * 10 + (line[from + 1] - '0');
                group = GroupName(line.Slice(from + 3, 3));
                level = lvl0;
                end = Math.Min(line.Length, c0 + 2);
                return from;
            }
        }
        var limit = Math.Min(line.Length, from + TailSearchLimit);
        var i = from;
        while (i < limit)
        {
            var rel = line[i..limit].IndexOf('[');
            if (rel < 0)
            {
                return -1;
            }
            var b = i + rel;
            i = b + 1;
            var d = b;
            while (d > from && char.IsAsciiDigit(line[d - 1])) d--;
            if (b - d < 2 || (d > 0 && line[d - 1] != ' ' && d != from))
            {
                continue;
            }
            if (b + 5 > line.Length || !char.IsAsciiLetterUpper(line[b + 1]) || !char.IsAsciiLetterUpper(line[b + 2]) || !char.IsAsciiLetterUpper(line[b + 3]))
            {
                continue;
            }
            var c = b + 4;
            var lvl = -1;
            if (c < line.Length && char.IsAsciiDigit(line[c]))
            {
                lvl = line[c] - '0';
                c++;
            }
            if (c >= line.Length || line[c] != ']' || (c + 1 < line.Length && line[c + 1] != ' '))
            {
                continue;
            }
            var t = 0;
            for (var k = d; k < b; k++) t = t * 10 + (line[k] - '0');
            thread = t;
            group = GroupName(line.Slice(b + 1, 3));
            level = lvl;
            end = Math.Min(line.Length, c + 2);
            return d;
        }
        return -1;
    }

    // A switch on the span compiles to length and character tests: this runs once per charon line, and looping over
    // a table of 18 names with SequenceEqual was a visible share of the prefix time.
    internal static string GroupName(ReadOnlySpan<char> g) => g switch
    {
        "IKE" => "IKE",
        "NET" => "NET",
        "KNL" => "KNL",
        "CFG" => "CFG",
        "CHD" => "CHD",
        "MGR" => "MGR",
        "JOB" => "JOB",
        "DMN" => "DMN",
        "LIB" => "LIB",
        "ENC" => "ENC",
        "ASN" => "ASN",
        "ESP" => "ESP",
        "TNC" => "TNC",
        "IMC" => "IMC",
        "IMV" => "IMV",
        "PTS" => "PTS",
        "TLS" => "TLS",
        "APP" => "APP",
        _ => g.ToString(),
    };

    private static readonly string[] RacoonLevels = ["ERROR", "WARNING", "NOTIFY", "INFO", "DEBUG2", "DEBUG"];

    private static int RacoonLevelLength(ReadOnlySpan<char> s, out string? level)
    {
        foreach (var name in RacoonLevels)
        {
            if (s.StartsWith(name) && s.Length > name.Length + 1 && s[name.Length] == ':' && s[name.Length + 1] == ' ')
            {
                level = name;
                return name.Length + 2;
            }
        }
        level = null;
        return 0;
    }

    /// <summary>Removes racoon's "LEVEL: ", ipsec-tools' "[peer] " and KAME's "file.c:123:func(): " from the message start.</summary>
    private static void StripRacoonDecorations(ReadOnlySpan<char> line, ref LinePrefix p, string? level)
    {
        var m = p.MessageStart;
        if (m < line.Length && line[m] == '[')
        {
            var close = line[m..].IndexOf("] ");
            if (close > 0 && close < 64)
            {
                m += close + 2;
            }
        }
        var skip = RacoonLevelLength(line[m..], out var lvl);
        if (skip > 0)
        {
            m += skip;
            level = lvl;
        }
        p.RacoonLevel ??= level;
        // KAME location: "oakley.c:2116:oakley_skeyid(): "
        var rest = line[m..];
        var paren = rest.IndexOf("(): ");
        if (paren > 0 && paren < 80)
        {
            var loc = rest[..paren];
            var firstColon = loc.IndexOf(':');
            if (firstColon > 2 && loc[..firstColon].EndsWith(".c") && loc.IndexOf(' ') < 0)
            {
                m += paren + 4;
            }
        }
        p.MessageStart = m;
    }
}
