using System.Globalization;
using System.Text.RegularExpressions;

namespace SeilDiag.Diagnosis.Tests;

/// <summary>Rewrites a log's syslog stamps ("Nov 28 00:35:34") as if its host's clock were off by a known amount.</summary>
internal static partial class LogShift
{
    [GeneratedRegex(@"^(?<stamp>[A-Z][a-z]{2} [ \d]\d \d\d:\d\d:\d\d)", RegexOptions.Multiline)]
    private static partial Regex SyslogStamp();

    /// <summary>A rewrite for <see cref="LabCase.Build"/>: only the file whose name ends with <paramref name="file"/> is shifted.</summary>
    public static Func<string, string, string> Of(string file, TimeSpan by) =>
        (path, text) => path.EndsWith(file, StringComparison.Ordinal) ? Shift(text, by) : text;

    /// <summary>Every stamp moved by <paramref name="by"/>, crossing days as a clock would.</summary>
    public static string Shift(string text, TimeSpan by) => SyslogStamp().Replace(text, m =>
    {
        var time = DateTime.ParseExact("2026 " + Regex.Replace(m.Groups["stamp"].Value, " +", " "), "yyyy MMM d HH:mm:ss", CultureInfo.InvariantCulture) + by;
        return $"{time.ToString("MMM", CultureInfo.InvariantCulture)} {time.Day,2} {time:HH:mm:ss}";
    });
}
