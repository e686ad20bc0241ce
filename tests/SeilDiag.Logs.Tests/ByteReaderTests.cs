using System.Text;
using SeilDiag.Logs.Events;
using SeilDiag.Logs.Reading;
using SeilDiag.Tests;

namespace SeilDiag.Logs.Tests;

/// <summary>
/// The byte-level front-end (files: <see cref="Utf8LineReader"/>, <see cref="CharonFilePrefix"/>, span fills) must give
/// what the general text path gives: the same lines, the same prefixes, the same events and the same analysis.
/// </summary>
public sealed class ByteReaderTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("seildiag-bytes-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    /// <summary>Lines as the text reader gives them: (number, text, cut).</summary>
    private static List<(int, string, bool)> TextLines(byte[] data)
    {
        var reader = new RawLineReader(new StreamReader(new MemoryStream(data), new UTF8Encoding(false, false), detectEncodingFromByteOrderMarks: true));
        var lines = new List<(int, string, bool)>();
        while (reader.TryRead(out var line))
        {
            lines.Add((reader.LineNumber, line.ToString(), reader.WasCut));
        }
        return lines;
    }

    private static List<(int, string, bool)> ByteLines(byte[] data, int bufferBytes)
    {
        using var reader = new Utf8LineReader(new MemoryStream(data), bufferBytes);
        var lines = new List<(int, string, bool)>();
        while (reader.TryRead(out var bytes, out var decoded, out var isDecoded))
        {
            lines.Add((reader.LineNumber, isDecoded ? decoded.ToString() : reader.Decode(bytes).ToString(), reader.WasCut));
        }
        return lines;
    }

    /// <summary>Every awkward thing a line end can meet, each of them on a read boundary for some buffer size.</summary>
    private static byte[] AwkwardBytes()
    {
        var s = new MemoryStream();
        void Add(byte[] b) => s.Write(b);
        Add("\uFEFF"u8.ToArray()); // a UTF-8 byte order mark at the start is dropped
        Add("Nov 28 00:35:35 13[NET] <to-remote|1> sending packet: from 10.0.0.1[500] to 10.0.0.2[500] (184 bytes)\r\n"u8.ToArray());
        Add("Nov 28 00:35:35 00[DMN] 日本語のメッセージ\n"u8.ToArray());
        Add("Nov 28 00:35:35 00[DMN] a NUL \0 byte\n"u8.ToArray());
        Add([.. "Nov 28 00:35:35 00[DMN] bad "u8, 0xFF, 0xE3, 0x81, (byte)'\n']); // invalid byte, then a sequence cut by the line end
        Add([.. "Nov 28 00:35:35 00[DMN] "u8, 0xE3, (byte)'\r', 0x81, 0x82, (byte)'\n']); // a CR inside an invalid sequence
        Add("\n\r\n   \n"u8.ToArray());
        Add(Encoding.UTF8.GetBytes("x" + new string('é', 40000) + "\n")); // 80 KB of bytes, 40 001 characters: not cut
        Add(Encoding.UTF8.GetBytes(new string('y', 70000) + "\r\n")); // over the limit: cut
        Add(Encoding.UTF8.GetBytes(new string('z', 65536) + "\r\n")); // the limit plus a CR
        Add("no newline at the end"u8.ToArray());
        return s.ToArray();
    }

    [Theory]
    [InlineData(16)]
    [InlineData(17)]
    [InlineData(64)]
    [InlineData(100)]
    [InlineData(4096)]
    [InlineData(Utf8LineReader.BufferBytes)]
    public void ByteLinesEqualTextLinesOnEveryBufferBoundary(int bufferBytes)
    {
        var data = AwkwardBytes();
        var expected = TextLines(data);
        Assert.Equal(expected, ByteLines(data, bufferBytes));
        Assert.Contains(expected, l => l.Item3);
        Assert.Equal("no newline at the end", expected[^1].Item2);
    }

    [Fact]
    public void MultibyteCharacterSplitAcrossReadsDecodesAsOne()
    {
        // With a 16-byte buffer the 3-byte characters of this 70 KB line fall across every read boundary.
        var data = Encoding.UTF8.GetBytes("Nov 28 00:35:35 00[DMN] " + new string('設', 30000) + "\nnext\n");
        var lines = ByteLines(data, 16);
        Assert.Equal(2, lines.Count);
        Assert.Equal(TextLines(data), lines);
        Assert.DoesNotContain('\uFFFD', lines[0].Item2);
    }

    [Fact]
    public void FiftyMegabyteLineIsCutWithoutHoldingIt()
    {
        var data = new byte[50 << 20];
        data.AsSpan().Fill((byte)'A');
        data[^1] = (byte)'\n';
        using var reader = new Utf8LineReader(new MemoryStream(data));
        Assert.True(reader.TryRead(out _, out var head, out var decoded));
        Assert.True(decoded);
        Assert.True(reader.WasCut);
        Assert.Equal(RawLineReader.MaxLineChars, head.Length);
        Assert.Equal((50 << 20) - 1, reader.FullLength);
        Assert.False(reader.TryRead(out _, out _, out _));
    }

    [SkippableFact]
    public void FastPrefixEqualsTheGeneralParserOnEveryLabLine()
    {
        var lab = SharedFiles.Require("corpus", "lab");
        var fast = new YearTracker();
        var general = new YearTracker();
        int hits = 0, lines = 0;
        foreach (var file in Directory.GetFiles(lab, "*.log", SearchOption.AllDirectories).Order())
        {
            foreach (var line in File.ReadLines(file))
            {
                lines++;
                var bytes = Encoding.UTF8.GetBytes(line);
                var reference = LinePrefixParser.Parse(line, general);
                if (CharonFilePrefix.TryParse(bytes, fast, out var p))
                {
                    hits++;
                    Assert.True(reference.Equals(p), $"{file}: {line}");
                }
                else
                {
                    // What the front-end does when the fast path declines: the general parser, on the same tracker.
                    Assert.Equal(reference, LinePrefixParser.Parse(line, fast));
                }
            }
        }
        // Most lines of a charon file log repeat the previous line's second: the fast path must really be taken.
        Assert.True(hits > lines / 2, $"fast path taken on {hits} of {lines} lines");
    }

    [Theory]
    [InlineData("Nov 28 00:35:35 13[NET] <to-remote|1> x", "Nov 28 00:35:35 13[NET] <to-remote|1> y")]
    [InlineData("Nov 28 00:35:35 13[NET] <to-remote|1> x", "Nov 28 00:35:35.5 13[NET] <1> y")]
    [InlineData("Nov 28 00:35:35 13[NET] <to-remote|1> x", "Nov 28 00:35:351 13[NET] <1> y")]
    [InlineData("Nov 28 00:35:35 13[NET] <to-remote|1> x", "Nov 28 00:35:35 13[NET]x y")]
    [InlineData("Nov 28 00:35:35 13[NET] <to-remote|1> x", "Nov 28 00:35:35 13[NET]")]
    [InlineData("Nov 28 00:35:35 13[NET] <to-remote|1> x", "Nov 28 00:35:35 13[NET] <a|b|+7> y")]
    [InlineData("Nov 28 00:35:35 13[NET] <to-remote|1> x", "Nov 28 00:35:35 13[NET] <12345678901> y")]
    [InlineData("Nov 28 00:35:35 13[NET] <to-remote|1> x", "Nov 28 00:35:35 13[NET] <unterminated y")]
    [InlineData("Nov 28 00:35:35 13[NET] <to-remote|1> x", "Nov 28 00:35:35 host charon: 13[NET] y")]
    [InlineData("Nov 28 00:35:35 13[NET] <to-remote|1> x", "Nov 28 00:35:35 105[IKE2] <3> y")]
    [InlineData("2026-11-28 00:35:35 13[NET] x", "2026-11-28 00:35:35 13[NET] <c|4> y")]
    [InlineData("2026-11-28 00:35:35: INFO: x", "2026-11-28 00:35:35: ERROR: y")]
    public void FastPrefixEqualsTheGeneralParserOnOddLines(string first, string second)
    {
        var fast = new YearTracker();
        var general = new YearTracker();
        LinePrefixParser.Parse(first, fast);
        LinePrefixParser.Parse(first, general);
        var reference = LinePrefixParser.Parse(second, general);
        var p = CharonFilePrefix.TryParse(Encoding.ASCII.GetBytes(second), fast, out var quick) ? quick : LinePrefixParser.Parse(second, fast);
        Assert.Equal(reference, p);
    }

    [SkippableFact]
    public void SpanFillEqualsTheStringFill()
    {
        var lab = SharedFiles.Require("corpus", "lab");
        var years = new YearTracker();
        var filled = 0;
        foreach (var line in Directory.GetFiles(lab, "*-charon.log", SearchOption.AllDirectories).Order().SelectMany(File.ReadLines))
        {
            var prefix = LinePrefixParser.Parse(line, years);
            var start = Math.Min(prefix.MessageStart, line.Length);
            if (CharonCatalog.Classify(line.AsSpan(start)) is not { } kind)
            {
                continue;
            }
            LogEvent New() => new() { Kind = kind, Path = "t", Line = 1, Text = line, MessageOffset = start };
            var bySpan = New();
            var byString = New();
            CharonCatalog.Fill(bySpan, line, start);
            CharonCatalog.Fill(byString, line[start..]);
            Assert.Equal(byString.Local, bySpan.Local);
            Assert.Equal(byString.Remote, bySpan.Remote);
            Assert.Equal(byString.Number, bySpan.Number);
            Assert.Equal(byString.Proposals.Select(p => p.ToString()), bySpan.Proposals.Select(p => p.ToString()));
            Assert.Equal((byString.Detail, byString.Detail2, byString.Detail3, byString.Exchange, byString.MessageId),
                (bySpan.Detail, bySpan.Detail2, bySpan.Detail3, bySpan.Exchange, bySpan.MessageId));
            filled++;
        }
        Assert.True(filled > 1000, $"{filled} events");
    }

    /// <summary>Everything an analysis says, to compare two runs.</summary>
    private static string Dump(LogAnalysis a) => string.Join("\n",
        a.Diagnostics.Select(d => $"{d} {d.Tunnel} | " + string.Join(" | ", d.Evidence.Select(e => $"{e.Location} {e.Text} {e.Excerpt} {e.Time:O}"))))
        + "\n" + string.Join("\n", a.Sessions.Select(s => $"{s} {s.Findings.Count} {s.DroppedEvents} {s.Start:O} " + string.Join(";", s.Events.Select(e => $"{e.Line} {e.Kind} {e.Time:O} {e.Text}"))))
        + "\n" + string.Join("\n", a.Unrecognized) + "\n"
        + string.Join("\n", a.Inputs.Select(i => $"{i.TotalLines} {i.UnrecognizedCount} {i.FirstLine} {i.OverlongLines} {i.BinaryLines} {i.ReplacementLines}"))
        + $"\n{a.ObservedSas.Count} {a.CompactedSessions}";

    [SkippableFact]
    public void FileAnalysisEqualsTextAnalysisOnLabLogsWithGarbage()
    {
        var lab = SharedFiles.Require("corpus", "lab");
        var s = new MemoryStream();
        var index = 0;
        foreach (var file in Directory.GetFiles(lab, "*.log", SearchOption.AllDirectories).Order())
        {
            s.Write(File.ReadAllBytes(file));
            // Between logs: garbage of every kind the byte path must hand to the general one.
            var garbage = (index++ % 5) switch
            {
                0 => "Nov 28 00:35:35 09[IKE] \0\u0001 binary\r\n"u8.ToArray(),
                1 => [.. "Nov 28 00:35:35 09[IKE] <x|3> bad "u8, 0xFF, 0xFE, (byte)'\n'],
                2 => "Nov 28 00:35:35 09[IKE]\t<to-seil|1> tab\n"u8.ToArray(),
                3 => Encoding.UTF8.GetBytes("Nov 28 00:35:36 00[DMN] 日本語\r\nnot a log line\n"),
                _ => Encoding.UTF8.GetBytes(new string('q', 70000) + "\n"),
            };
            s.Write(garbage);
        }
        s.Write("Nov 28 00:35:35 13[IKE] <to-remote|1> sending DPD request"u8); // no final newline
        var path = Path.Combine(_dir, "mixed.log");
        File.WriteAllBytes(path, s.ToArray());
        var byFile = LogFrontEnd.Analyze([LogInput.Open(path)]);
        var byText = LogFrontEnd.Analyze([new LogInput(path, new StreamReader(path, new UTF8Encoding(false, false), true))]);
        Assert.Equal(Dump(byText), Dump(byFile));
        Assert.True(byFile.Inputs[0].BinaryLines > 0 && byFile.Inputs[0].ReplacementLines > 0 && byFile.Inputs[0].OverlongLines > 0);
        Assert.Contains(byFile.Diagnostics, d => d.Id == "SD0005");
    }

    [Fact]
    public void Utf16FileWithByteOrderMarkIsStillRead()
    {
        var path = Path.Combine(_dir, "utf16.log");
        File.WriteAllText(path, "Nov 28 00:35:35 13[IKE] <to-remote|1> initiating Main Mode IKE_SA to-remote[1] to 10.0.0.2\n", Encoding.Unicode);
        var analysis = LogFrontEnd.Analyze([LogInput.Open(path)]);
        var e = Assert.Single(Assert.Single(analysis.Sessions).Events);
        Assert.Equal(LogEventKind.Phase1Initiating, e.Kind);
        Assert.Empty(analysis.Unrecognized);
    }
}
