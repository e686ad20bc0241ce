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

    // Fully optimised from the first call: this loop runs once per input, so tiered JIT would leave it in OSR code.
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveOptimization)]
    private static void ReadInput(LogInput input, SessionTracker tracker, SessionTracker racoonTracker, UnrecognizedSummary summary, List<UnrecognizedLine> unrecognized, Func<bool> lean)
    {
        var reader = new RawLineReader(input.Reader);
        var years = new YearTracker();
        while (reader.TryRead(out var line))
        {
            var number = reader.LineNumber;
            summary.TotalLines = number;
            if (line.IsWhiteSpace())
            {
                continue;
            }
            string? problem = null;
            if (reader.WasCut)
            {
                summary.OverlongLines++;
                problem = $"line of {reader.FullLength} characters is longer than the {RawLineReader.MaxLineChars}-character limit; only its start was read";
            }
            // One vectorised scan: a line of printable ASCII (nearly every line) holds neither control characters nor
            // U+FFFD; the rare other line is then checked for both.
            if (line.IndexOfAnyExceptInRange(' ', '~') >= 0 && line.IndexOfAny(SuspectChars) >= 0)
            {
                if (line.IndexOfAnyInRange('\0', '\u0008') >= 0 || line.IndexOfAnyInRange('\u000E', '\u001F') >= 0)
                {
                    summary.BinaryLines++;
                    Unrecognized(summary, unrecognized, input.Path, number, line, "binary data (control characters) in a text log");
                    continue;
                }
                summary.ReplacementLines++;
            }
            var prefix = LinePrefixParser.Parse(line, years);
            var start = Math.Min(prefix.MessageStart, line.Length);
            var message = line[start..];
            if (prefix.Daemon == LogDaemon.Charon && message.StartsWith("Starting IKE charon daemon"))
            {
                tracker.Restart();
                continue;
            }
            LogEventKind? kind = null;
            var daemon = prefix.Daemon;
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
            if (kind is null)
            {
                // A known prefix with a message outside the catalogue is a recognised line that carries nothing we use.
                if (prefix.Daemon == LogDaemon.Unknown || problem is not null)
                {
                    Unrecognized(summary, unrecognized, input.Path, number, line, problem ?? "no known log format or message");
                }
                continue;
            }
            if (IsKeyMaterial(message))
            {
                continue;
            }
            // Once the detailed sessions are full, later sessions are only diagnosed, never shown: lines the diagnosis
            // does not read are not materialised (most of a charon log is packet and "Other" lines).
            if (kind is LogEventKind.PacketSent or LogEventKind.Other or LogEventKind.MessageGenerated or LogEventKind.MessageParsed or LogEventKind.IkeSaStateChange
                && !NeededWhenLean(kind.Value, message) && lean())
            {
                continue;
            }
            var text = line.ToString();
            var e = new LogEvent
            {
                Kind = kind.Value,
                Path = input.Path,
                Line = number,
                Time = prefix.Time,
                Daemon = daemon,
                Format = prefix.Format,
                Text = text,
                MessageOffset = start,
                ConnName = prefix.ConnName,
                UniqueId = prefix.UniqueId,
            };
            var body = text[start..];
            if (daemon == LogDaemon.Racoon)
            {
                RacoonCatalog.Fill(e, body);
            }
            else
            {
                CharonCatalog.Fill(e, body);
            }
            (daemon == LogDaemon.Racoon ? racoonTracker : tracker).Add(e);
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
        message.Contains(" bytes @ 0x", StringComparison.Ordinal);

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
