using System.Text;
using SeilDiag.Diagnostics;
using SeilDiag.Tests;

namespace SeilDiag.Logs.Tests;

/// <summary>Bad input gives a clear message naming the file and line, and the rest of the log is still analysed.</summary>
public sealed class GarbageInputTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("seildiag-logs-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private static string[] LabLines(string scenario, string file) =>
        File.ReadAllLines(SharedFiles.Require("corpus", "lab", scenario, file));

    [SkippableFact]
    public void BinaryBytesAreReportedAndTheRestIsAnalysed()
    {
        var lines = LabLines("03-phase1-dh-mismatch", "remote-charon.log").ToList();
        var path = Path.Combine(_dir, "binary.log");
        using (var stream = File.Create(path))
        {
            var head = Encoding.UTF8.GetBytes(string.Join('\n', lines.Take(10)) + "\n");
            stream.Write(head);
            stream.Write([0x00, 0x01, 0xFF, 0xFE, 0x00, 0x9C, 0x07, 0x0A]);
            stream.Write(Encoding.UTF8.GetBytes(string.Join('\n', lines.Skip(10)) + "\n"));
        }
        var analysis = LogFrontEnd.Analyze([LogInput.Open(path)]);
        Assert.Equal("SD1001", analysis.Diagnostics[0].Id);
        var unknown = Assert.Single(analysis.Diagnostics, d => d.Id == "SD0005");
        Assert.Equal(path, unknown.Location!.Path);
        Assert.Equal(11, unknown.Location.Line);
        Assert.Equal($"1 of {lines.Count + 1} lines in this log were not recognised (first at line 11)", unknown.Message);
        var bad = Assert.Single(analysis.Unrecognized);
        Assert.Contains("binary", bad.Reason);
        Assert.Equal(1, analysis.Inputs[0].BinaryLines);
    }

    [SkippableFact]
    public void FiftyMegabyteLineIsCutAndReported()
    {
        var lines = LabLines("08-psk-mismatch", "remote-charon.log");
        var path = Path.Combine(_dir, "long.log");
        using (var writer = new StreamWriter(path, false, new UTF8Encoding(false)))
        {
            writer.WriteLine(lines[0]);
            var chunk = new string('A', 1 << 20);
            for (var i = 0; i < 50; i++) writer.Write(chunk);
            writer.WriteLine();
            foreach (var line in lines.Skip(1)) writer.WriteLine(line);
        }
        var before = GC.GetTotalMemory(true);
        var analysis = LogFrontEnd.Analyze([LogInput.Open(path)]);
        var growth = GC.GetTotalMemory(false) - before;
        Assert.Equal("SD1002", analysis.Diagnostics[0].Id);
        var cut = Assert.Single(analysis.Unrecognized);
        Assert.Equal(2, cut.Line);
        Assert.Contains($"line of {50 << 20} characters is longer than the 65536-character limit", cut.Reason);
        Assert.True(cut.Text.Length <= 513);
        Assert.Equal(1, analysis.Inputs[0].OverlongLines);
        Assert.True(growth < 40L << 20, $"reading a 50 MB line grew the heap by {growth} bytes");
    }

    [SkippableFact]
    public void MixedEncodingsAreDecodedWithAWarningAndStillAnalysed()
    {
        var lines = LabLines("06-aggressive-psk-refused", "remote-charon.log");
        var path = Path.Combine(_dir, "mixed.log");
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        using (var stream = File.Create(path))
        {
            stream.Write(Encoding.UTF8.GetBytes(string.Join('\n', lines.Take(5)) + "\n"));
            // A Shift_JIS comment line (SEIL consoles) between UTF-8 lines.
            stream.Write(Encoding.GetEncoding(932).GetBytes("Nov 28 00:35:58 00[DMN] 設定を読み込みました\n"));
            stream.Write(Encoding.UTF8.GetBytes("Nov 28 00:35:58 00[DMN] 日本語のメッセージ\n"));
            stream.Write(Encoding.UTF8.GetBytes(string.Join('\n', lines.Skip(5)) + "\n"));
        }
        var analysis = LogFrontEnd.Analyze([LogInput.Open(path)]);
        Assert.Equal("SD1004", analysis.Diagnostics[0].Id);
        var encoding = Assert.Single(analysis.Diagnostics, d => d.Id == "SD0007");
        Assert.Contains("1 lines had undecodable bytes", encoding.Message);
        Assert.Empty(analysis.Unrecognized); // both lines have a charon prefix: recognised, just not catalogued
    }

    [Fact]
    public void UnknownLinesAreCountedOncePerLog()
    {
        var text = "hello world\nthis is not a log\nNov 28 00:35:35 14[IKE] <1> no proposal found\nstill not a log\n";
        var analysis = LogFrontEnd.Analyze([LogInput.FromText("a.log", text), LogInput.FromText("b.log", "nothing here\n")]);
        var perLog = analysis.Diagnostics.Where(d => d.Id == "SD0005").ToList();
        Assert.Equal(2, perLog.Count);
        Assert.Equal("3 of 4 lines in this log were not recognised (first at line 1)", perLog.Single(d => d.Location!.Path == "a.log").Message);
        Assert.Equal(4, analysis.Unrecognized.Count);
        Assert.All(perLog, d => Assert.Equal(Severity.Info, d.Severity));
    }

    [Fact]
    public void MissingFileIsAnInputException()
    {
        var e = Assert.Throws<SeilDiag.Text.InputException>(() => LogInput.Open(Path.Combine(_dir, "absent.log")));
        Assert.Contains("absent.log", e.Message);
    }
}
