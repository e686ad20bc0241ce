using System.Globalization;
using SeilDiag.Diagnostics;
using SeilDiag.Model;

namespace SeilDiag.Diagnosis;

/// <summary>
/// Offsets in the words an engineer reads them, in both report languages: "remote-charon.log is 9 h 0 m 37 s behind
/// seil.log" / "remote-charon.log は seil.log より 9 h 0 m 37 s 遅れています".
/// </summary>
internal static class OffsetText
{
    public static readonly LocalizedText NotEstimated = new("not estimated", "推定できず");

    public static LocalizedText Relation(string log, TimeSpan offset, LocalizedText reference)
    {
        var name = Path.GetFileName(log);
        if (offset.Duration() < TimeSpan.FromMilliseconds(50))
        {
            return new($"{name} keeps the same time as {reference.English}", $"{name} は {reference.Japanese} と同じ時刻です");
        }
        var d = Duration(offset.Duration());
        return offset > TimeSpan.Zero
            ? new($"{name} is {d} ahead of {reference.English}", $"{name} は {reference.Japanese} より {d} 進んでいます")
            : new($"{name} is {d} behind {reference.English}", $"{name} は {reference.Japanese} より {d} 遅れています");
    }

    /// <summary>A file the others are compared with, by its name (the same in both languages).</summary>
    public static LocalizedText File(string path) => LocalizedText.Invariant(Path.GetFileName(path));

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

    public static LocalizedText Kinds(IReadOnlySet<AnchorKind> kinds) => LocalizedText.Join(new(", ", "、"), new[]
    {
        kinds.Contains(AnchorKind.Packet) ? new LocalizedText("packets", "パケット") : null,
        kinds.Contains(AnchorKind.NegotiationStart) ? new LocalizedText("negotiation starts", "ネゴシエーション開始") : null,
        kinds.Contains(AnchorKind.Established) ? new LocalizedText("SAs established", "SA 確立") : null,
    }.OfType<LocalizedText>());

    /// <summary>The offset record with its explanation in both languages.</summary>
    public static ClockOffset Offset(string path, TimeSpan offset, int matched, LocalizedText method, bool estimated = true) =>
        new(path, offset, matched, method.English, estimated) { MethodJapanese = method.Japanese };
}
