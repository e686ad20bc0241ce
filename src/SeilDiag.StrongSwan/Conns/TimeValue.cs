using System.Globalization;

namespace SeilDiag.StrongSwan.Conns;

/// <summary>ipsec.conf times: a number with an optional unit s, m, h or d ("1h", "60m", "28800s", "3d", "28800").</summary>
public static class TimeValue
{
    public static bool TryParse(string text, out TimeSpan value)
    {
        value = default;
        var t = text.Trim();
        if (t.Length == 0)
        {
            return false;
        }
        var unit = char.ToLowerInvariant(t[^1]);
        var multiplier = unit switch
        {
            's' => 1L,
            'm' => 60L,
            'h' => 3600L,
            'd' => 86400L,
            _ => 0L,
        };
        var number = multiplier == 0 ? t : t[..^1];
        if (multiplier == 0)
        {
            multiplier = 1;
        }
        if (number.Length == 0 || !number.All(char.IsAsciiDigit)
            || !long.TryParse(number, NumberStyles.None, CultureInfo.InvariantCulture, out var count)
            || count > TimeSpan.MaxValue.TotalSeconds / multiplier)
        {
            return false;
        }
        value = TimeSpan.FromSeconds(count * multiplier);
        return true;
    }
}
