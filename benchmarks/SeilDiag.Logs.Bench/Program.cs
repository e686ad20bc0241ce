using System.Diagnostics;
using System.Text;
using System.Text.RegularExpressions;
using SeilDiag.Logs;

// Log front-end throughput benchmark (not a unit test).
//   dotnet run -c Release --project benchmarks/SeilDiag.Logs.Bench -- <corpus/lab dir> [sizeMB=1024] [out=/tmp/seildiag-bench-charon.log]
// Builds a charon file log of the requested size by repeating the real lab logs with shifted times and fresh
// IKE_SA unique ids, then times LogFrontEnd.Analyze against `grep -c IKE` on the same file and reports peak memory.

var lab = args.Length > 0 ? args[0] : "../shared/corpus/lab";
var sizeMb = args.Length > 1 ? int.Parse(args[1]) : 1024;
var output = args.Length > 2 ? args[2] : "/tmp/seildiag-bench-charon.log";
// Extra runs in the same process show the steady state (JIT and start-up paid by the first run).
var runs = args.Length > 3 ? int.Parse(args[3]) : 1;

if (!File.Exists(output) || new FileInfo(output).Length < sizeMb * (1L << 20))
{
    Generate(lab, output, sizeMb * (1L << 20));
}
var bytes = new FileInfo(output).Length;
Console.WriteLine($"input: {output}, {bytes / (1 << 20)} MiB");
// The settings in effect (runtimeconfig.json, overridable by DOTNET_* variables), so a figure says what it measured.
Console.WriteLine($"runtime: {System.Runtime.InteropServices.RuntimeInformation.FrameworkDescription}, TieredPGO={AppContext.GetData("System.Runtime.TieredPGO") ?? "default"}" +
                  $"{Env("DOTNET_TieredPGO")}, QuickJitForLoops={AppContext.GetData("System.Runtime.TieredCompilation.QuickJitForLoops") ?? "default"}{Env("DOTNET_TC_QuickJitForLoops")}, " +
                  $"Gen0MaxBudget={AppContext.GetData("System.GC.Gen0MaxBudget") ?? "default"}{Env("DOTNET_GCGen0MaxBudget")}, load average {LoadAverage()}");

// The machine is shared: besides wall-clock time, compare CPU time (user+sys), which load on other cores inflates less.
var grep = Stopwatch.StartNew();
var psi = new ProcessStartInfo("bash", ["-c", $"TIMEFORMAT='%U %S'; time grep -c IKE '{output}'"]) { RedirectStandardOutput = true, RedirectStandardError = true };
double grepCpu;
using (var p = Process.Start(psi)!)
{
    var count = p.StandardOutput.ReadToEnd().Trim();
    var times = p.StandardError.ReadToEnd().Trim().Split(' ');
    p.WaitForExit();
    grep.Stop();
    grepCpu = double.Parse(times[0], System.Globalization.CultureInfo.InvariantCulture) + double.Parse(times[1], System.Globalization.CultureInfo.InvariantCulture);
    Console.WriteLine($"grep -c IKE: {count} lines in {grep.Elapsed.TotalSeconds:F2} s wall, {grepCpu:F2} s CPU = {bytes / grep.Elapsed.TotalSeconds / (1 << 20):F0} MiB/s wall, {bytes / grepCpu / (1 << 20):F0} MiB/s CPU");
}

LogAnalysis analysis = null!;
for (var run = 1; run <= runs; run++)
{
    if (run > 1)
    {
        GC.Collect();
        Console.WriteLine($"run {run} (same process, JIT warm):");
    }
    var cpuBefore = Process.GetCurrentProcess().TotalProcessorTime;
    var allocatedBefore = GC.GetTotalAllocatedBytes();
    var gen0Before = GC.CollectionCount(0);
    var sw = Stopwatch.StartNew();
    analysis = LogFrontEnd.Analyze([LogInput.Open(output)]);
    sw.Stop();
    var process = Process.GetCurrentProcess();
    process.Refresh();
    var cpu = (process.TotalProcessorTime - cpuBefore).TotalSeconds;
    Console.WriteLine($"LogFrontEnd.Analyze CPU: {cpu:F2} s = {bytes / cpu / (1 << 20):F0} MiB/s CPU ({grepCpu / cpu:P0} of grep's CPU throughput)");
    Console.WriteLine($"LogFrontEnd.Analyze: {sw.Elapsed.TotalSeconds:F2} s = {bytes / sw.Elapsed.TotalSeconds / (1 << 20):F0} MiB/s " +
                      $"({grep.Elapsed.TotalSeconds / sw.Elapsed.TotalSeconds:P0} of grep), peak working set {process.PeakWorkingSet64 / (1 << 20)} MiB");
    Console.WriteLine($"GC: gen0 {GC.CollectionCount(0) - gen0Before}, gen1 {GC.CollectionCount(1)}, gen2 {GC.CollectionCount(2)}, pause {GC.GetTotalPauseDuration().TotalSeconds:F2} s, allocated by Analyze {(GC.GetTotalAllocatedBytes() - allocatedBefore) / (1 << 20)} MiB");
}
// The CLI's report tells every kept session's story (explain's "summary"): part of what the user waits for.
var storyCpu = Process.GetCurrentProcess().TotalProcessorTime;
var story = analysis.Story();
Console.WriteLine($"Story: {story.Length / 1024} KiB in {(Process.GetCurrentProcess().TotalProcessorTime - storyCpu).TotalSeconds:F2} s CPU");
var info = GC.GetGCMemoryInfo();
Console.WriteLine($"GC heap after the last run: {info.HeapSizeBytes / (1 << 20)} MiB, committed {info.TotalCommittedBytes / (1 << 20)} MiB, " +
                  $"live after a full collection {GC.GetTotalMemory(forceFullCollection: true) / (1 << 20)} MiB (the analysis result still referenced)");
GC.KeepAlive(analysis);
Console.WriteLine($"sessions kept {analysis.Sessions.Count}, compacted {analysis.CompactedSessions}, diagnostics {analysis.Diagnostics.Count}, unrecognised {analysis.Inputs.Sum(i => i.UnrecognizedCount)}");
// SEILDIAG_BENCH_DUMP=file writes everything the analysis says (diagnostics with evidence and fixes, sessions with
// their stories, unrecognised lines), to compare two builds of the front-end on the same input byte for byte.
if (Environment.GetEnvironmentVariable("SEILDIAG_BENCH_DUMP") is { Length: > 0 } dump)
{
    using var w = new StreamWriter(dump);
    foreach (var d in analysis.Diagnostics)
    {
        w.WriteLine($"{d.Severity} {d.Id} {d.Location} {d.Message}");
        foreach (var e in d.Evidence) w.WriteLine($"  ev {e.Location} {e.Kind} {e.Text} | {e.Excerpt} | {e.Time}");
        foreach (var f in d.Fixes) w.WriteLine($"  fix {f}");
    }
    foreach (var s in analysis.Sessions)
    {
        w.WriteLine($"session {s} findings {s.Findings.Count} dropped {s.DroppedEvents}");
        w.WriteLine(s.Story());
    }
    w.WriteLine($"observed {analysis.ObservedSas.Count} compacted {analysis.CompactedSessions}");
    foreach (var u in analysis.Unrecognized) w.WriteLine($"unrecognized {u}");
}
foreach (var d in analysis.Diagnostics.Take(10))
{
    Console.WriteLine($"  {d.Severity} {d.Id} {d.Message} ({d.Evidence.Count} evidence)");
}

static string Env(string name) => Environment.GetEnvironmentVariable(name) is { } v ? $" (env {name}={v})" : "";

static string LoadAverage() => File.Exists("/proc/loadavg") ? string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "?";

static void Generate(string lab, string output, long target)
{
    var logs = Directory.GetFiles(lab, "*-charon.log", SearchOption.AllDirectories)
        .Where(f => !f.EndsWith("-keys.log", StringComparison.Ordinal)).OrderBy(f => f).Select(File.ReadAllLines).ToList();
    var uniqueId = new Regex(@"<(?:([^|>]*)\|)?(\d+)>", RegexOptions.Compiled);
    var clock = new DateTime(2026, 1, 1, 0, 0, 0);
    var idBase = 0;
    using var writer = new StreamWriter(output, false, new UTF8Encoding(false), 1 << 20);
    long written = 0;
    while (written < target)
    {
        foreach (var log in logs)
        {
            foreach (var line in log)
            {
                // Replace the "Nov 28 hh:mm:ss" time by a running clock, and offset the IKE_SA unique ids.
                var body = line.Length > 16 ? line[16..] : line;
                body = uniqueId.Replace(body, m => $"<{(m.Groups[1].Success ? m.Groups[1].Value + "|" : "")}{int.Parse(m.Groups[2].Value) + idBase}>");
                var text = clock.ToString("MMM dd HH:mm:ss", System.Globalization.CultureInfo.InvariantCulture) + " " + body;
                writer.WriteLine(text);
                written += text.Length + 1;
            }
            clock = clock.AddSeconds(7);
            idBase += 10;
        }
    }
}
