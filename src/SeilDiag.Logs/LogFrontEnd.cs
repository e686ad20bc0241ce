using SeilDiag.Diagnostics;
using SeilDiag.Logs.Diagnosis;
using SeilDiag.Logs.Events;
using SeilDiag.Logs.Reading;
using SeilDiag.Logs.Sessions;
using SeilDiag.Model;

namespace SeilDiag.Logs;

/// <summary>
/// The log front-end: racoon/SEIL and charon logs (any mix, one end or both) → events → sessions → diagnoses and a
/// step-by-step story. Streaming: each input is read once, line by line; only catalogued lines are kept, and
/// sessions are diagnosed as they end.
/// </summary>
public static class LogFrontEnd
{
    /// <summary>Sessions kept with all their events; later ones keep only their findings (bounded memory on huge logs).</summary>
    public const int DetailedSessionLimit = 500;

    public static LogAnalysis Analyze(IEnumerable<LogInput> inputs, string lang = "en")
    {
        _ = lang; // diagnostics carry both languages; the story takes the language when asked for.
        var merger = new FindingMerger();
        var sessions = new List<LogSession>();
        var summaries = new List<UnrecognizedSummary>();
        var unrecognized = new List<UnrecognizedLine>();
        var diagnostics = new List<Diagnostic>();
        var compacted = 0;
        var nextId = 0;

        // Runs once per IKE_SA (88 000 times on 1 GiB): optimised at once, like the per-line methods (tiered, it ran
        // unoptimised for a good part of a run).
        [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveOptimization)]
        void OnClosed(LogSession session)
        {
            session.Findings = SessionDiagnoser.Diagnose(session);
            if (session.Findings.Count > 0)
            {
                var pairKey = session.PairKey;
                var tunnel = TunnelEndpoints.Of(session.Local?.Address, session.Remote?.Address);
                foreach (var finding in session.Findings)
                {
                    merger.Add(finding, pairKey, tunnel);
                }
            }
            if (sessions.Count < DetailedSessionLimit)
            {
                sessions.Add(session);
            }
            else
            {
                session.Compact();
                compacted++;
            }
        }

        foreach (var input in inputs)
        {
            var summary = new UnrecognizedSummary { Path = input.Path };
            summaries.Add(summary);
            // One tracker per daemon: a paste mixing SEIL and charon lines holds two sides' sessions, never one.
            var charon = new SessionTracker(input.Path, () => ++nextId, OnClosed);
            var racoon = new SessionTracker(input.Path, () => ++nextId, OnClosed);
            ReadInput(input, charon, racoon, summary, unrecognized, () => sessions.Count >= DetailedSessionLimit);
            charon.Finish();
            racoon.Finish();
            if (summary.UnrecognizedCount > 0)
            {
                diagnostics.Add(Diagnostic.Create(Rules.UnrecognizedLogLines, Location.LogLine(input.Path, summary.FirstLine),
                    summary.UnrecognizedCount, summary.TotalLines, summary.FirstLine)
                    .WithEvidence(unrecognized.Where(u => u.Path == input.Path).Take(10)
                        .Select(u => new Evidence(EvidenceSource.CharonLog, EvidenceKind.Observed, u.Reason, Location.LogLine(u.Path, u.Line, u.Text.Length), u.Text)).ToArray()));
            }
            if (summary.ReplacementLines > 0)
            {
                diagnostics.Add(Diagnostic.Create(Rules.NotUtf8, Location.LogLine(input.Path, 1),
                    $"UTF-8 with replacement characters ({summary.ReplacementLines} lines had undecodable bytes)"));
            }
        }

        sessions.Sort((a, b) => a.Id.CompareTo(b.Id));
        SessionPairing.Pair(sessions);
        var all = merger.ToDiagnostics().Concat(diagnostics).ToList();
        return new LogAnalysis
        {
            Diagnostics = all,
            Sessions = sessions,
            ObservedSas = sessions.Where(s => s.Phase1Started || s.Events.Count > 0).Select(ObservedExport.ToObserved).ToList(),
            Unrecognized = unrecognized,
            Inputs = summaries,
            CompactedSessions = compacted,
        };
    }

    /// <summary>
    /// How much some text looks like an IKE log this front-end reads (0..1): the share of non-empty lines recognised
    /// in a known layout with a known message or a charon/racoon prefix. For the CLI's input detection.
    /// </summary>
    public static double Score(string firstLines)
    {
        var years = new YearTracker();
        int lines = 0, hits = 0;
        foreach (var raw in firstLines.Split('\n'))
        {
            var line = raw.TrimEnd('\r');
            if (line.Trim().Length == 0)
            {
                continue;
            }
            lines++;
            var prefix = LinePrefixParser.Parse(line, years);
            var message = line.AsSpan(Math.Min(prefix.MessageStart, line.Length));
            if (prefix.Daemon != LogDaemon.Unknown && prefix.Format != LogFormat.Console
                || CharonCatalog.Classify(message) is not null || RacoonCatalog.Classify(message) is not null)
            {
                hits++;
            }
        }
        return lines == 0 ? 0 : (double)hits / lines;
    }

    /// <summary>Where one input's lines go: its trackers, counts and sample, and whether later sessions are lean.</summary>
    private sealed class LineSink(LogInput input, SessionTracker tracker, SessionTracker racoonTracker, UnrecognizedSummary summary, List<UnrecognizedLine> unrecognized, Func<bool> lean)
    {
        public readonly string Path = input.Path;
        public readonly SessionTracker Tracker = tracker;
        public readonly SessionTracker RacoonTracker = racoonTracker;
        public readonly UnrecognizedSummary Summary = summary;
        public readonly List<UnrecognizedLine> Unrecognized = unrecognized;
        public readonly Func<bool> Lean = lean;
        public readonly YearTracker Years = new();
    }

    private static void ReadInput(LogInput input, SessionTracker tracker, SessionTracker racoonTracker, UnrecognizedSummary summary, List<UnrecognizedLine> unrecognized, Func<bool> lean)
    {
        var sink = new LineSink(input, tracker, racoonTracker, summary, unrecognized, lean);
        if (input.Utf8Source is { CanSeek: true } stream && !Utf8LineReader.StartsWithNonUtf8Bom(stream))
        {
            using var bytes = new Utf8LineReader(stream);
            ReadBytes(bytes, sink);
        }
        else
        {
            ReadText(new RawLineReader(input.Reader), sink);
        }
    }

    // Fully optimised from the first call: this loop runs once per input, so tiered JIT would leave it in OSR code.
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveOptimization)]
    private static void ReadText(RawLineReader reader, LineSink sink)
    {
        while (reader.TryRead(out var line))
        {
            var number = reader.LineNumber;
            sink.Summary.TotalLines = number;
            if (line.IsWhiteSpace())
            {
                continue;
            }
            string? problem = null;
            if (reader.WasCut)
            {
                sink.Summary.OverlongLines++;
                problem = OverlongProblem(reader.FullLength);
            }
            ReadLine(line, number, problem, sink);
        }
    }

    /// <summary>
    /// The byte loop (files): a printable-ASCII line in the charon file layout whose timestamp repeats the previous
    /// line's is read straight from its bytes, and only its message is widened to be classified; the whole line
    /// becomes a string only when it is kept. Every other line is decoded and goes through <see cref="ReadLine"/>, the
    /// same code as text inputs, so both loops give the same events, counts and unrecognised lines.
    /// </summary>
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveOptimization)]
    private static void ReadBytes(Utf8LineReader reader, LineSink sink)
    {
        while (reader.TryRead(out var bytes, out var decoded, out var isDecoded))
        {
            var number = reader.LineNumber;
            sink.Summary.TotalLines = number;
            if (isDecoded)
            {
                // A line over the length limit in bytes (already decoded, its head when cut).
                if (decoded.IsWhiteSpace())
                {
                    continue;
                }
                string? problem = null;
                if (reader.WasCut)
                {
                    sink.Summary.OverlongLines++;
                    problem = OverlongProblem(reader.FullLength);
                }
                ReadLine(decoded, number, problem, sink);
                continue;
            }
            if (bytes.IndexOfAnyExceptInRange((byte)' ', (byte)'~') >= 0)
            {
                // Not plain printable ASCII (UTF-8 text, control bytes, invalid bytes, a tab): decode and take the general path.
                var chars = reader.Decode(bytes);
                if (!chars.IsWhiteSpace())
                {
                    ReadLine(chars, number, null, sink);
                }
                continue;
            }
            if (bytes.IndexOfAnyExcept((byte)' ') < 0)
            {
                continue;
            }
            if (!CharonFilePrefix.TryParse(bytes, sink.Years, out var prefix))
            {
                ReadLine(reader.Widen(bytes), number, null, sink);
                continue;
            }
            var start = prefix.MessageStart;
            if (CharonCatalog.IsUncatalogued(bytes[start..]))
            {
                continue; // what Classify would say, without widening the message (a third of a debug log's lines)
            }
            var message = reader.Widen(bytes[start..]);
            var kind = Classify(prefix, message, sink, out var daemon);
            if (kind is null || Skip(kind.Value, message, sink))
            {
                continue;
            }
            // Printable ASCII: the bytes are the characters, so the string is made from them in one pass.
            Keep(System.Text.Encoding.Latin1.GetString(bytes), number, start, kind.Value, daemon, prefix, sink);
        }
    }

    /// <summary>The text after <paramref name="open"/> up to <paramref name="close"/> (or the end), trimmed.</summary>
    private static string VersionWithin(ReadOnlySpan<char> message, char open, char close)
    {
        var from = message.IndexOf(open);
        if (from < 0)
        {
            return "";
        }
        var rest = message[(from + 1)..];
        var to = rest.IndexOf(close);
        return (to < 0 ? rest : rest[..to]).Trim().ToString();
    }

    private static string OverlongProblem(long length) =>
        $"line of {length} characters is longer than the {RawLineReader.MaxLineChars}-character limit; only its start was read";

    /// <summary>One decoded line, any layout: checks, prefix, classification, and the event when it is kept.</summary>
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveOptimization)]
    private static void ReadLine(ReadOnlySpan<char> line, int number, string? problem, LineSink sink)
    {
        var summary = sink.Summary;
        // One vectorised scan: a line of printable ASCII (nearly every line) holds neither control characters nor
        // U+FFFD; the rare other line is then checked for both.
        if (line.IndexOfAnyExceptInRange(' ', '~') >= 0 && line.IndexOfAny(SuspectChars) >= 0)
        {
            if (line.IndexOfAnyInRange('\0', '\u0008') >= 0 || line.IndexOfAnyInRange('\u000E', '\u001F') >= 0)
            {
                summary.BinaryLines++;
                Unrecognized(summary, sink.Unrecognized, sink.Path, number, line, "binary data (control characters) in a text log");
                return;
            }
            summary.ReplacementLines++;
        }
        var prefix = LinePrefixParser.Parse(line, sink.Years);
        var start = Math.Min(prefix.MessageStart, line.Length);
        var message = line[start..];
        var kind = Classify(prefix, message, sink, out var daemon);
        if (kind is null && daemon == LogDaemon.Unknown && prefix.Daemon == LogDaemon.Charon)
        {
            return; // a daemon restart
        }
        if (kind is null)
        {
            // A known prefix with a message outside the catalogue is a recognised line that carries nothing we use.
            if (prefix.Daemon == LogDaemon.Unknown || problem is not null)
            {
                Unrecognized(summary, sink.Unrecognized, sink.Path, number, line, problem ?? "no known log format or message");
            }
            return;
        }
        if (Skip(kind.Value, message, sink))
        {
            return;
        }
        Keep(line.ToString(), number, start, kind.Value, daemon, prefix, sink);
    }

    /// <summary>The event kind of a message (charon's catalogue, then racoon's, as the prefix allows); a charon restart resets its sessions.</summary>
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveOptimization)]
    private static LogEventKind? Classify(in LinePrefix prefix, ReadOnlySpan<char> message, LineSink sink, out LogDaemon daemon)
    {
        daemon = prefix.Daemon;
        if (prefix.Daemon == LogDaemon.Charon && message.Length > 0 && message[0] == 'S' && message.StartsWith("Starting IKE charon daemon"))
        {
            // "Starting IKE charon daemon (strongSwan 5.9.8, Linux 6.1.0, x86_64)"
            sink.Summary.AddVersion(VersionWithin(message, '(', ','));
            sink.Tracker.Restart();
            daemon = LogDaemon.Unknown; // tells the caller this line was a restart, not an unknown message
            return null;
        }
        if (message.Length > 4 && message[0] == '@' && message.StartsWith("@(#)"))
        {
            // racoon's start-up banner: "@(#)ipsec-tools 0.8.2 (http://ipsec-tools.sourceforge.net)", KAME's
            // "@(#)racoon 20050201 ..." (not the OpenSSL line "@(#)This product linked OpenSSL ...").
            if (!message.StartsWith("@(#)This product"))
            {
                sink.Summary.AddVersion(VersionWithin(message, ')', '('));
            }
        }
        LogEventKind? kind = null;
        if (daemon != LogDaemon.Racoon)
        {
            kind = CharonCatalog.Classify(message);
            if (kind is not null) daemon = LogDaemon.Charon;
        }
        if (kind is null && daemon != LogDaemon.Charon)
        {
            kind = RacoonCatalog.Classify(message);
            if (kind is not null) daemon = LogDaemon.Racoon;
        }
        return kind;
    }

    /// <summary>Catalogued lines that are still not kept: key material, and bulk lines of lean (undetailed) sessions.</summary>
    private static bool Skip(LogEventKind kind, ReadOnlySpan<char> message, LineSink sink)
    {
        if (IsKeyMaterial(message))
        {
            return true;
        }
        // Once the detailed sessions are full, later sessions are only diagnosed, never shown: lines the diagnosis
        // does not read are not materialised (most of a charon log is packet and "Other" lines).
        return kind is LogEventKind.PacketSent or LogEventKind.Other or LogEventKind.MessageGenerated or LogEventKind.MessageParsed or LogEventKind.IkeSaStateChange
               && !NeededWhenLean(kind, message) && sink.Lean();
    }

    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveOptimization)]
    private static void Keep(string text, int number, int start, LogEventKind kind, LogDaemon daemon, in LinePrefix prefix, LineSink sink)
    {
        var e = new LogEvent
        {
            Kind = kind,
            Path = sink.Path,
            Line = number,
            Time = prefix.Time,
            Daemon = daemon,
            Format = prefix.Format,
            Text = text,
            MessageOffset = start,
            ConnName = prefix.ConnName,
            UniqueId = prefix.UniqueId,
        };
        if (daemon == LogDaemon.Racoon)
        {
            RacoonCatalog.Fill(e, text[start..]);
            sink.RacoonTracker.Add(e);
        }
        else
        {
            CharonCatalog.Fill(e, text, start);
            sink.Tracker.Add(e);
        }
    }

    /// <summary>Control characters a text log never holds (binary data) and U+FFFD (undecodable bytes).</summary>
    private static readonly System.Buffers.SearchValues<char> SuspectChars = System.Buffers.SearchValues.Create(
        "\0\u0001\u0002\u0003\u0004\u0005\u0006\u0007\u0008\u000E\u000F\u0010\u0011\u0012\u0013\u0014\u0015\u0016\u0017\u0018\u0019\u001A\u001B\u001C\u001D\u001E\u001F\uFFFD");

    /// <summary>Of the bulk kinds, what the diagnosis still reads: notifies, phase-1 message 0 (mode and role), the end of an IKE_SA.</summary>
    private static bool NeededWhenLean(LogEventKind kind, ReadOnlySpan<char> message) => kind switch
    {
        LogEventKind.MessageGenerated or LogEventKind.MessageParsed =>
            message.Contains("N(", StringComparison.Ordinal) || message.Contains(" request 0 [", StringComparison.Ordinal) || message.Contains(" response 0 [", StringComparison.Ordinal),
        LogEventKind.IkeSaStateChange => message.EndsWith("DESTROYING"),
        _ => false,
    };

    /// <summary>Level-4 lines print key material as "name => N bytes @ 0x..." followed by hex dump lines; never kept as evidence.</summary>
    private static bool IsKeyMaterial(ReadOnlySpan<char> message) =>
        // The one-character search rules out nearly every line at a fraction of the cost of the string search.
        message.IndexOf('@') >= 0 && message.Contains(" bytes @ 0x", StringComparison.Ordinal);

    private static void Unrecognized(UnrecognizedSummary summary, List<UnrecognizedLine> sample, string path, int line, ReadOnlySpan<char> text, string reason)
    {
        summary.UnrecognizedCount++;
        if (summary.FirstLine == 0)
        {
            summary.FirstLine = line;
        }
        if (sample.Count(u => u.Path == path) < UnrecognizedSummary.SampleLimit)
        {
            var shown = text.Length > 512 ? text[..512].ToString() + "…" : text.ToString();
            sample.Add(new UnrecognizedLine(path, line, shown, reason));
        }
    }
}
