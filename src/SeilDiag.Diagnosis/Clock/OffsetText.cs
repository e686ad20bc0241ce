using System.Globalization;

namespace SeilDiag.Diagnosis;

/// <summary>Offsets in the words an engineer reads them: "remote-charon.log is 9 h 0 m 37 s behind seil.log".</summary>
internal static class OffsetText
{
    public const string NotEstimated = "not estimated";

    public static string Relation(string log, TimeSpan offset, string reference)
    {
        var name = Path.GetFileName(log);
        var other = Path.GetFileName(reference);
        if (offset.Duration() < TimeSpan.FromMilliseconds(50))
        {
            return $"{name} keeps the same time as {other}";
        }
        return $"{name} is {Duration(offset.Duration())} {(offset > TimeSpan.Zero ? "ahead of" : "behind")} {other}";
    }

    /// <summary>"9 h 0 m 37 s", "2 m 5 s", "37 s", "0.4 s": whole seconds from a minute up (logs print no more).</summary>
    public static string Duration(TimeSpan d)
    {
        if (d < TimeSpan.FromSeconds(10))
        {
            return d.TotalSeconds.ToString("0.0", CultureInfo.InvariantCulture) + " s";
        }
        var whole = TimeSpan.FromSeconds(Math.Round(d.TotalSeconds));
        if (whole < TimeSpan.FromMinutes(1))
        {
            return $"{whole.Seconds} s";
        }
        return whole < TimeSpan.FromHours(1)
            ? $"{whole.Minutes} m {whole.Seconds} s"
            : $"{(int)whole.TotalHours} h {whole.Minutes} m {whole.Seconds} s";
    }

    public static string Kinds(IReadOnlySet<AnchorKind> kinds) => string.Join(", ", new[]
    {
        kinds.Contains(AnchorKind.Packet) ? "packets" : null,
        kinds.Contains(AnchorKind.NegotiationStart) ? "negotiation starts" : null,
        kinds.Contains(AnchorKind.Established) ? "SAs established" : null,
    }.OfType<string>());
}
