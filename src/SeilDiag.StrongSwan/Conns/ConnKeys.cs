using System.Globalization;
using System.Net;
using SeilDiag.Diagnostics;
using SeilDiag.StrongSwan.Proposals;

namespace SeilDiag.StrongSwan.Conns;

/// <summary>A problem with a value: the message, and the part of the value it is about (offset and length in the value).</summary>
public sealed record ValueProblem(LocalizedText Message, int Offset, int Length, string? Suggestion = null);

/// <summary>
/// The conn parameters of strongSwan 5.9's ipsec.conf(5), and checks for the values that matter to IKEv1 with a SEIL.
/// Other known keys are accepted as written.
/// </summary>
public static class ConnKeys
{
    // From strongSwan 5.9's starter keyword list (src/starter/keywords.txt) and ipsec.conf(5).
    private static readonly string[] SideKeys =
    [
        "", "ikeport", "subnet", "subnetwithin", "protoport", "sourceip", "dns", "firewall", "hostaccess", "allowany", "updown",
        "auth", "auth2", "id", "id2", "sigkey", "rsasigkey", "cert", "cert2", "certpolicy", "sendcert", "ca", "ca2", "groups", "groups2",
    ];

    private static readonly string[] OtherKeys =
    [
        "keyexchange", "type", "compress", "installpolicy", "aggressive", "authby", "eap_identity", "aaa_identity", "mobike",
        "forceencaps", "fragmentation", "ikedscp", "ikelifetime", "lifetime", "keylife", "rekeymargin", "margintime", "lifebytes",
        "marginbytes", "lifepackets", "marginpackets", "keyingtries", "rekeyfuzz", "rekey", "reauth", "ike", "esp", "ah", "dpddelay",
        "dpdtimeout", "dpdaction", "closeaction", "inactivity", "modeconfig", "xauth", "xauth_identity", "mediation", "mediated_by",
        "me_peerid", "reqid", "mark", "mark_in", "mark_out", "tfc", "also", "auto", "replay_window", "sha256_96", "hw_offload",
        "copy_df", "copy_ecn", "copy_dscp", "if_id_in", "if_id_out", "ppk_id", "ppk_required",
    ];

    /// <summary>Keys of "config setup" that charon's starter still reads.</summary>
    public static IReadOnlySet<string> SetupKeys { get; } = new HashSet<string>(StringComparer.Ordinal) { "charondebug", "uniqueids", "cachecrls", "strictcrlpolicy" };

    /// <summary>
    /// Keys the starter still recognises but ignores ("# deprecated keyword"): pluto/KLIPS-era settings. The value says
    /// what to use instead. pfs=/pfsgroup= matter most: PFS in strongSwan 5 is a DH group in esp=, so a conn that
    /// relies on pfsgroup= proposes no PFS at all.
    /// </summary>
    public static IReadOnlyDictionary<string, string> Deprecated { get; } = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["pfs"] = "a DH group in esp= (esp=aes256-sha256-modp1536!); pfs= is ignored",
        ["pfsgroup"] = "a DH group in esp= (esp=aes256-sha256-modp1536!); pfsgroup= is ignored",
        ["eap"] = "leftauth=eap-... / rightauth=eap-...",
        ["leftnexthop"] = "nothing (the kernel routes; leftnexthop= is ignored)",
        ["rightnexthop"] = "nothing (the kernel routes; rightnexthop= is ignored)",
        ["interfaces"] = "charon.interfaces_use in strongswan.conf",
        ["nat_traversal"] = "nothing: NAT-T is always on in charon (forceencaps=yes forces it)",
        ["plutostart"] = "nothing (pluto is gone)",
        ["plutodebug"] = "charondebug",
        ["charonstart"] = "nothing (charon always starts)",
        ["klipsdebug"] = "nothing (KLIPS is gone)",
        ["virtual_private"] = "nothing (pluto is gone)",
        ["keep_alive"] = "charon.keep_alive in strongswan.conf",
        ["force_keepalive"] = "nothing (pluto is gone)",
        ["dumpdir"] = "nothing", ["prepluto"] = "nothing", ["postpluto"] = "nothing", ["plutostderrlog"] = "charon's filelog in strongswan.conf",
        ["fragicmp"] = "nothing", ["packetdefault"] = "nothing", ["hidetos"] = "nothing", ["overridemtu"] = "nothing",
        ["crlcheckinterval"] = "nothing", ["nocrsend"] = "nothing",
        ["pkcs11module"] = "the pkcs11 plugin in strongswan.conf", ["pkcs11initargs"] = "the pkcs11 plugin in strongswan.conf",
        ["pkcs11keepstate"] = "the pkcs11 plugin in strongswan.conf", ["pkcs11proxy"] = "the pkcs11 plugin in strongswan.conf",
        ["ldaphost"] = "nothing", ["ldapbase"] = "nothing",
    };

    public static IReadOnlySet<string> Known { get; } =
        SideKeys.SelectMany(k => new[] { "left" + k, "right" + k }).Concat(OtherKeys).ToHashSet(StringComparer.Ordinal);

    /// <summary>Keys that are other spellings of one setting; settings are stored under the canonical key.</summary>
    public static string Canonical(string key) => key switch
    {
        "keylife" => "lifetime",
        "margintime" => "rekeymargin",
        "leftrsasigkey" => "leftsigkey",
        "rightrsasigkey" => "rightsigkey",
        _ => key,
    };

    private static readonly string[] YesNo = ["yes", "no"];

    private static readonly Dictionary<string, string[]> Choices = new(StringComparer.Ordinal)
    {
        ["auto"] = ["add", "start", "route", "ignore"],
        ["keyexchange"] = ["ikev1", "ikev2", "ike"],
        ["authby"] = ["secret", "psk", "pubkey", "rsasig", "ecdsasig", "xauthpsk", "xauthrsasig", "never", "rsa", "ecdsa"],
        ["type"] = ["tunnel", "transport", "transport_proxy", "passthrough", "pass", "drop", "reject"],
        ["dpdaction"] = ["none", "clear", "hold", "restart"],
        ["closeaction"] = ["none", "clear", "hold", "restart"],
        ["aggressive"] = YesNo,
        ["forceencaps"] = YesNo,
        ["mobike"] = YesNo,
        ["reauth"] = YesNo,
        ["rekey"] = YesNo,
        ["compress"] = YesNo,
        ["installpolicy"] = YesNo,
        ["fragmentation"] = ["yes", "no", "accept", "force"],
    };

    private static readonly HashSet<string> TimeKeys = ["ikelifetime", "lifetime", "keylife", "rekeymargin", "margintime", "dpddelay", "dpdtimeout", "inactivity"];

    /// <summary>Checks one value; null when strongSwan accepts it. An empty value ("key=") resets the key and is always fine.</summary>
    public static ValueProblem? Check(string key, string value)
    {
        if (value.Length == 0)
        {
            return null;
        }
        if (Choices.TryGetValue(key, out var choices))
        {
            if (!choices.Contains(value, StringComparer.Ordinal))
            {
                return new ValueProblem(new($"expected one of {string.Join(", ", choices)}", $"{string.Join(", ", choices)} のいずれかです"), 0, value.Length, Text.Suggestions.Nearest(value, choices));
            }
            return null;
        }
        if (TimeKeys.Contains(key))
        {
            return TimeValue.TryParse(value, out _)
                ? null
                : new ValueProblem(new("expected a time: a number of seconds, or a number with s, m, h or d (28800s, 60m, 1h, 3d)", "時間は秒数、または s, m, h, d 付きの数です (28800s, 60m, 1h, 3d)"), 0, value.Length);
        }
        switch (key)
        {
            case "ike":
            case "esp":
                var list = StrongSwanProposals.Parse(value, key == "ike" ? ProposalProtocol.Ike : ProposalProtocol.Esp);
                if (list.Errors.Count > 0)
                {
                    var error = list.Errors[0];
                    return new ValueProblem(error.Message, error.Offset, error.Length, error.Suggestion);
                }
                return null;
            case "leftsubnet":
            case "rightsubnet":
                return CheckSubnets(value);
            case "left":
            case "right":
                return CheckHost(value);
            case "keyingtries":
                return value == "%forever" || uint.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out _)
                    ? null : new ValueProblem(new("expected a number or %forever", "数または %forever です"), 0, value.Length);
        }
        return null;
    }

    private static ValueProblem? CheckSubnets(string value)
    {
        var offset = 0;
        foreach (var part in value.Split(','))
        {
            var item = part.Trim();
            var start = offset + (part.Length - part.TrimStart().Length);
            offset += part.Length + 1;
            // strongSwan 5 allows a protocol/port selector after the subnet: 10.0.0.0/24[tcp/80].
            var bracket = item.IndexOf('[');
            var network = bracket >= 0 ? item[..bracket] : item;
            if (network.Length == 0 || network is "%dynamic")
            {
                if (network.Length == 0)
                {
                    return new ValueProblem(new("empty subnet in the list", "リストに空のサブネットがあります"), start, Math.Max(1, item.Length));
                }
                continue;
            }
            if (network.Contains('-') && !network.Contains('/'))
            {
                var range = network.Split('-');
                if (range.Length == 2 && IdentityParser.TryAddress(range[0]) is not null && IdentityParser.TryAddress(range[1]) is not null)
                {
                    continue;
                }
            }
            if (!TryParseSubnet(network, out _))
            {
                return new ValueProblem(new($"'{network}' is not a subnet (address/prefix such as 192.168.1.0/24, or an address)", $"'{network}' はサブネット (192.168.1.0/24 のようなアドレス/プレフィックス長、またはアドレス) ではありません"), start, network.Length);
            }
        }
        return null;
    }

    /// <summary>A subnet as leftsubnet= writes it; a bare address is a host (/32 or /128).</summary>
    public static bool TryParseSubnet(string text, out IPNetwork network)
    {
        network = default;
        var slash = text.IndexOf('/');
        var addressText = slash >= 0 ? text[..slash] : text;
        var address = IdentityParser.TryAddress(addressText);
        if (address is null)
        {
            return false;
        }
        var max = address.AddressFamily == System.Net.Sockets.AddressFamily.InterNetworkV6 ? 128 : 32;
        var prefix = max;
        if (slash >= 0)
        {
            var prefixText = text[(slash + 1)..];
            if (prefixText.Length == 0 || !prefixText.All(char.IsAsciiDigit) || !int.TryParse(prefixText, NumberStyles.None, CultureInfo.InvariantCulture, out prefix) || prefix > max)
            {
                return false;
            }
        }
        // strongSwan masks host bits (192.168.1.1/24 is 192.168.1.0/24); IPNetwork insists on a clean base, so mask here.
        var bytes = address.GetAddressBytes();
        for (var bit = prefix; bit < bytes.Length * 8; bit++)
        {
            bytes[bit / 8] &= (byte)~(0x80 >> (bit % 8));
        }
        network = new IPNetwork(new IPAddress(bytes), prefix);
        return true;
    }

    private static ValueProblem? CheckHost(string value)
    {
        if (value.StartsWith('%'))
        {
            return value is "%any" or "%any4" or "%any6" or "%defaultroute" or "%group" or "%opportunistic" || value.Length > 1
                ? null : new ValueProblem(new("expected an address, a host name, %any or %defaultroute", "アドレス、ホスト名、%any、%defaultroute のいずれかです"), 0, value.Length);
        }
        foreach (var host in value.Split(',').Select(h => h.Trim()))
        {
            var looksNumeric = host.Length > 0 && host.All(c => char.IsAsciiDigit(c) || c == '.');
            if (looksNumeric && IdentityParser.TryAddress(host) is null && !TryParseSubnet(host, out _))
            {
                return new ValueProblem(new($"'{host}' is not a valid IPv4 address", $"'{host}' は正しい IPv4 アドレスではありません"), value.IndexOf(host, StringComparison.Ordinal), host.Length);
            }
            if (host.Contains('/') && !TryParseSubnet(host, out _))
            {
                return new ValueProblem(new($"'{host}' is not a valid address or range", $"'{host}' は正しいアドレスまたは範囲ではありません"), value.IndexOf(host, StringComparison.Ordinal), host.Length);
            }
        }
        return null;
    }
}
