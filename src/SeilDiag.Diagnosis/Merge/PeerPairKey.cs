using System.Net;
using System.Text.RegularExpressions;
using SeilDiag.Diagnostics;

namespace SeilDiag.Diagnosis;

/// <summary>
/// The tunnel a diagnostic is about, as the two peer addresses it names (ordered), or null when it names fewer than
/// two. Two findings of one rule merge unless they name different pairs: a config finding that names no address
/// joins the log's finding for the same rule.
/// </summary>
internal static partial class PeerPairKey
{
    [GeneratedRegex(@"(?<![\w.:])(\d{1,3}(?:\.\d{1,3}){3})(?![\w./])")]
    private static partial Regex Ipv4();

    public static string? Of(Diagnostic diagnostic)
    {
        var text = string.Join(" ", diagnostic.MessageArgs.Select(a => a?.ToString()));
        var addresses = Ipv4().Matches(text)
            .Select(m => IPAddress.TryParse(m.Groups[1].Value, out var a) ? a.ToString() : null)
            .OfType<string>()
            .Where(a => a != "0.0.0.0" && !a.StartsWith("255.", StringComparison.Ordinal))
            .Distinct()
            .Take(2)
            .Order(StringComparer.Ordinal)
            .ToList();
        return addresses.Count == 2 ? $"{addresses[0]}<->{addresses[1]}" : null;
    }

    public static bool Compatible(string? a, string? b) => a is null || b is null || a == b;
}
