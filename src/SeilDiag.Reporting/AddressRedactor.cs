using System.Net;
using System.Text.RegularExpressions;

namespace SeilDiag.Reporting;

/// <summary>
/// <c>--redact-addresses</c>: replaces IPv4/IPv6 addresses, prefixes and the identities it is given (FQDN,
/// USER_FQDN) with stable placeholders — the same address becomes the same <c>host-N</c> everywhere in the
/// report, so a ladder, a log excerpt and a diff still line up for the reader of a ticket that leaves the
/// company. One instance per report: the numbering is the report's.
/// </summary>
public sealed partial class AddressRedactor
{
    private readonly Lock _gate = new();
    private readonly Dictionary<string, string> _hosts = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> _networks = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> _identities = new(StringComparer.OrdinalIgnoreCase);
    private readonly string[] _identityOrder;

    /// <param name="identities">FQDN and USER_FQDN identities from the configs and logs; replaced as whole words.</param>
    public AddressRedactor(IEnumerable<string>? identities = null)
    {
        // Numbered in the order given; replaced longest first, so "vpn.example.com" goes before "example.com".
        var given = (identities ?? []).Where(i => i.Length > 0 && !IPAddress.TryParse(i, out _))
            .Distinct(StringComparer.OrdinalIgnoreCase).ToList();
        foreach (var identity in given)
        {
            _identities[identity] = $"id-{_identities.Count + 1}";
        }
        _identityOrder = [.. given.OrderByDescending(i => i.Length)];
    }

    public string Redact(string text)
    {
        if (text.Length == 0)
        {
            return text;
        }
        foreach (var identity in _identityOrder)
        {
            if (text.Contains(identity, StringComparison.OrdinalIgnoreCase))
            {
                text = Regex.Replace(text, @"(?<![\w.@-])" + Regex.Escape(identity) + @"(?![\w@-]|\.\w)", _identities[identity], RegexOptions.IgnoreCase);
            }
        }
        text = Ipv4().Replace(text, m => Placeholder(m.Groups["addr"].Value, m.Groups["len"].Success ? m.Groups["len"].Value : null) ?? m.Value);
        text = Ipv6().Replace(text, m => Placeholder(m.Groups["addr"].Value, m.Groups["len"].Success ? m.Groups["len"].Value : null) ?? m.Value);
        return text;
    }

    /// <summary>The placeholder for an address or prefix; null when the text is not an address (a version, a time).</summary>
    private string? Placeholder(string address, string? prefixLength)
    {
        if (!IPAddress.TryParse(address, out var ip))
        {
            return null;
        }
        var canonical = ip.ToString();
        lock (_gate)
        {
            if (prefixLength is null)
            {
                return Get(_hosts, canonical, "host");
            }
            return Get(_networks, canonical + "/" + prefixLength, "net") + "/" + prefixLength;
        }
    }

    private static string Get(Dictionary<string, string> map, string key, string stem)
    {
        if (!map.TryGetValue(key, out var name))
        {
            name = $"{stem}-{map.Count + 1}";
            map[key] = name;
        }
        return name;
    }

    // Not part of a longer dotted number (an OID, a version such as 5.9.8.1.2); octets range-checked by IPAddress.
    [GeneratedRegex(@"(?<!\w)(?<!\d\.)(?<addr>(?:25[0-5]|2[0-4]\d|1?\d?\d)(?:\.(?:25[0-5]|2[0-4]\d|1?\d?\d)){3})(?:/(?<len>3[0-2]|[12]?\d))?(?![\w]|\.\d)")]
    private static partial Regex Ipv4();

    // Candidates only: IPAddress.TryParse decides, which rejects times (12:34:56) and MAC addresses.
    [GeneratedRegex(@"(?<![\w:.])(?<addr>(?:[0-9A-Fa-f]{0,4}:){2,7}(?:[0-9A-Fa-f]{1,4}|(?<=::)|(?:\d{1,3}\.){3}\d{1,3}))(?:/(?<len>12[0-8]|1[01]\d|[1-9]?\d))?(?![\w:])")]
    private static partial Regex Ipv6();
}
