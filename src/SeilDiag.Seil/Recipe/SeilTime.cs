using System.Text.RegularExpressions;

namespace SeilDiag.Seil.Recipe;

/// <summary>
/// SEIL time values. seil8 (recipe) accepts bare seconds or <c>[H]h[M]m[S]s</c> with one or two digits per part
/// (<c>8h</c>, <c>01h02m03s</c>) and not days; seil3 also accepts <c>Nd</c> (IIJ's converter rewrites <c>1d</c> to <c>24h</c>).
/// </summary>
public static partial class SeilTime
{
    public static bool TryParseRecipe(string text, out TimeSpan value)
    {
        value = default;
        if (text.Length > 0 && text.All(char.IsAsciiDigit))
        {
            return TrySeconds(text, out value);
        }
        var match = RecipeForm().Match(text);
        if (!match.Success || match.Length == 0)
        {
            return false;
        }
        value = Sum(0, Part(match, "h"), Part(match, "m"), Part(match, "s"));
        return true;
    }

    public static bool TryParseCommand(string text, out TimeSpan value)
    {
        value = default;
        var match = CommandForm().Match(text);
        if (!match.Success || text.Length == 0)
        {
            return false;
        }
        try
        {
            value = Sum(Part(match, "d"), Part(match, "h"), Part(match, "m"), Part(match, "s"));
            return true;
        }
        catch (OverflowException)
        {
            return false;
        }
    }

    /// <summary>True for a day form ("1d") that seil3 accepts and seil8 does not.</summary>
    public static bool IsDayForm(string text) => text.Contains('d') && CommandForm().IsMatch(text);

    /// <summary>The recipe spelling of a duration: "24h", "8h", "01h02m03s" becomes "1h2m3s", else seconds.</summary>
    public static string ToRecipe(TimeSpan value)
    {
        var seconds = (long)value.TotalSeconds;
        if (seconds > 0 && seconds % 3600 == 0 && seconds / 3600 < 100)
        {
            return $"{seconds / 3600}h";
        }
        return seconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
    }

    private static bool TrySeconds(string digits, out TimeSpan value)
    {
        value = default;
        if (digits.Length > 12 || !long.TryParse(digits, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var seconds))
        {
            return false;
        }
        value = TimeSpan.FromSeconds(seconds);
        return true;
    }

    private static long Part(Match match, string group) =>
        match.Groups[group].Success ? long.Parse(match.Groups[group].Value, System.Globalization.CultureInfo.InvariantCulture) : 0;

    private static TimeSpan Sum(long days, long hours, long minutes, long seconds) =>
        TimeSpan.FromSeconds(checked(((days * 24 + hours) * 60 + minutes) * 60 + seconds));

    [GeneratedRegex(@"^(?:(?<h>\d{1,2})h)?(?:(?<m>\d{1,2})m)?(?:(?<s>\d{1,2})s)?$")]
    private static partial Regex RecipeForm();

    [GeneratedRegex(@"^(?:(?<d>\d{1,6})d)?(?:(?<h>\d{1,6})h)?(?:(?<m>\d{1,6})m)?(?:(?<s>\d{1,9})s?)?$")]
    private static partial Regex CommandForm();
}
