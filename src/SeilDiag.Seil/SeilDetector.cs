using System.Text.RegularExpressions;
using SeilDiag.Text;

namespace SeilDiag.Seil;

/// <summary>
/// Content-based detection of SEIL configs. Looks at a bounded sample (the first lines, the first characters
/// of each) so detection stays cheap on huge inputs.
/// </summary>
internal static partial class SeilDetector
{
    private const int SampleLines = 400;
    private const int SampleLineLength = 512;

    /// <summary>seil3 top-level commands (as `show config` prints them).</summary>
    internal static readonly HashSet<string> Seil3Commands = new(StringComparer.Ordinal)
    {
        "interface", "ike", "ipsec", "route", "route6", "hostname", "timezone", "filter", "filter6", "nat", "nat6", "dhcp", "dhcp6",
        "dns", "dns-forwarder", "ppp", "pppac", "syslog", "sshd", "telnetd", "httpd", "snmp", "ntp", "resolver", "arp", "bridge",
        "vendor", "option", "macfilter", "application-gateway", "proxyarp", "environment", "floatlink", "l2tp", "rtadvd",
        "ipv6", "login-timer", "monitor", "cbq", "keepalive", "upnp", "vrrp", "sntp", "event", "encrypted-password", "password",
        "mail", "router-advertisement", "rip", "ripng", "ospf", "bgp", "unicast-rpf", "dialup-device", "dialup-network",
        "certificate", "sesame", "translator", "qos", "interface-group", "ndp", "hosts", "ip-address", "multicast",
    };

    private static readonly HashSet<string> RecipeTopLevel = new(StringComparer.Ordinal)
    {
        "interface", "route", "ike", "ipsec", "hostname", "timezone", "filter", "nat", "nat6", "dns-forwarder", "dhcp", "dhcp6", "ntp",
        "syslog", "sshd", "telnetd", "httpd", "snmp", "resolver", "floatlink", "macfilter", "option", "arp", "ndp", "bridge", "appgw",
        "rtadvd", "upnp", "vrrp", "cbq", "monitor", "sntp", "login", "environment", "l2tp", "pppac", "ppp", "proxyarp", "qos",
    };

    public static bool IsCommandSyntax(SourceText text)
    {
        var (recipe, command, _) = Count(text);
        return command > recipe;
    }

    public static double Score(SourceText text)
    {
        var (recipe, command, considered) = Count(text);
        if (considered == 0)
        {
            return 0;
        }
        var best = Math.Max(recipe, command);
        return Math.Clamp(best / considered, 0, 1);
    }

    /// <summary>Counts recipe-looking and command-looking lines among the sampled non-blank, non-comment lines.</summary>
    private static (double Recipe, double Command, int Considered) Count(SourceText text)
    {
        double recipe = 0, command = 0;
        var considered = 0;
        for (var line = 1; line <= text.LineCount && considered < SampleLines; line++)
        {
            var span = text.GetLineSpan(line);
            var content = text.Text.AsSpan(span.Start, Math.Min(span.Length, SampleLineLength)).Trim();
            if (content.IsEmpty || content[0] is '#' or '!')
            {
                continue;
            }
            considered++;
            var sample = content.ToString();
            var key = RecipeLine().Match(sample);
            if (key.Success)
            {
                recipe += RecipeTopLevel.Contains(key.Groups["top"].Value) ? 1 : 0.5;
                continue;
            }
            var first = sample.Split([' ', '\t'], 3, StringSplitOptions.RemoveEmptyEntries);
            if (first.Length >= 2 && Seil3Commands.Contains(first[0]) && !first[1].Contains('=') && !first[0].Contains(':'))
            {
                command += first[0] is "interface" or "ike" or "ipsec" or "route" ? 1 : 0.75;
            }
        }
        return (recipe, command, considered);
    }

    [GeneratedRegex(@"^(?<top>[a-zA-Z][a-z0-9-]*)(\.[A-Za-z0-9_-]+)+\s*:")]
    private static partial Regex RecipeLine();
}
