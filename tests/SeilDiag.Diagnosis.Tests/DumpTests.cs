using Xunit.Abstractions;
namespace SeilDiag.Diagnosis.Tests;

public class DumpTests(ITestOutputHelper output)
{
    [SkippableTheory]
    [InlineData("03-phase1-dh-mismatch")]
    [InlineData("08-psk-mismatch")]
    [InlineData("01-minimal-ok")]
    public void Dump(string lab)
    {
        var folder = SeilDiag.Tests.SharedFiles.Require("corpus", "lab", lab);
        var input = LabCase.Build(folder);
        foreach (var d in input.Diagnostics) output.WriteLine($"IN {d}  ev={d.Evidence.Count} {string.Join(" | ", d.Evidence.Select(e => $"{e.Source}/{e.Kind}/{e.Location}"))}");
        var result = CaseCorrelator.Correlate(input);
        foreach (var o in result.Offsets) output.WriteLine($"OFF {o}");
        foreach (var d in result.Diagnostics)
        {
            output.WriteLine($"OUT {d}");
            foreach (var e in d.Evidence) output.WriteLine($"    {e.Source}/{e.Kind} {e.Location} {e.Text}");
        }
        foreach (var s in result.Disagreements) output.WriteLine($"DIS {s}");
        output.WriteLine($"timeline {result.Timeline.Count}");
        foreach (var t in result.Timeline.Take(12)) output.WriteLine($"  {t.Time:HH:mm:ss.fff} {t.Source} {t.RuleId} {t.Text}");
    }
}
