using Xunit.Abstractions;

namespace SeilDiag.Diagnosis.Tests;

public class SummaryDump(ITestOutputHelper output)
{
    [SkippableFact]
    public void All()
    {
        var lab = SeilDiag.Tests.SharedFiles.Require("corpus", "lab");
        foreach (var folder in Directory.GetDirectories(lab).Append(Path.Combine(lab, "05-ts-mismatch", "disjoint")).Order())
        {
            var result = CaseCorrelator.Correlate(LabCase.Build(folder));
            output.WriteLine($"{Path.GetFileName(folder)}: " + string.Join(", ", result.Diagnostics.Take(4).Select(d => $"{d.Id}/{d.Severity}/{Confidence.LevelOf(d)}/{Path.GetFileName(d.Location?.Path)}")));
            output.WriteLine("   offsets " + string.Join(", ", result.Offsets.Select(o => $"{Path.GetFileName(o.Path)}={o.Offset.TotalSeconds:0.###}({o.MatchedEvents})")) + " dis=" + result.Disagreements.Count);
            var top = result.Diagnostics.FirstOrDefault();
            if (top is not null)
            {
                output.WriteLine("   top sources: " + string.Join(",", top.Evidence.Where(e => e.Location is not null).Select(e => $"{e.Kind}:{Path.GetFileName(e.Location!.Path)}").Distinct()));
            }
        }
    }
}
