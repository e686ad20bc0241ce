using SeilDiag.Diagnostics;

namespace SeilDiag.Diagnosis.Tests;

/// <summary>Which lab files a diagnosis shows evidence from: its location, other locations and evidence locations.</summary>
internal static class CaseSources
{
    public static HashSet<string> Of(Diagnostic diagnostic) =>
        [.. diagnostic.Evidence.Select(e => e.Location)
            .Append(diagnostic.Location)
            .Concat(diagnostic.AdditionalLocations)
            .OfType<Location>()
            .Select(l => Path.GetFileName(l.Path))];

    public static bool HasConfig(Diagnostic diagnostic) => Of(diagnostic).Any(f => f.EndsWith(".ipsec.conf", StringComparison.Ordinal));
}
