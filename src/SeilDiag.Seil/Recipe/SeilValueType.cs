using System.Globalization;
using System.Net;
using System.Net.Sockets;
using SeilDiag.Diagnostics;
using SeilDiag.Text;

namespace SeilDiag.Seil.Recipe;

/// <summary>Why a value is rejected, and the value the user probably meant (offered as a fix).</summary>
public sealed record ValueProblem(LocalizedText Reason, string? Suggestion = null);

/// <summary>The type of a SEIL setting's value: checks a value and says why it is rejected.</summary>
public abstract class SeilValueType
{
    public abstract ValueProblem? Check(string value);

    public static SeilValueType Text { get; } = new AnyText();

    public static SeilValueType Ipv4Address { get; } = new Address(AddressFamily.InterNetwork);

    public static SeilValueType Ipv6Address { get; } = new Address(AddressFamily.InterNetworkV6);

    public static SeilValueType Ipv4Prefix { get; } = new Prefix(AddressFamily.InterNetwork, allowDefault: false);

    public static SeilValueType Ipv6Prefix { get; } = new Prefix(AddressFamily.InterNetworkV6, allowDefault: false);

    public static SeilValueType RouteDestination { get; } = new Prefix(AddressFamily.InterNetwork, allowDefault: true);

    public static SeilValueType InterfaceAddress { get; } = new InterfaceAddressType();

    public static SeilValueType RouteGateway { get; } = new Gateway();

    public static SeilValueType EnableDisable { get; } = Keywords("enable", "disable");

    /// <summary>An IPv4 or IPv6 address (the remote end of a policy-based SA).</summary>
    public static SeilValueType AnyAddress { get; } = new EitherAddress(allowInterface: false, allowDynamic: false);

    /// <summary><c>ike.peer.N.address</c>: an IPv4/IPv6 address, or <c>dynamic</c> for a peer whose address changes.</summary>
    public static SeilValueType PeerAddress { get; } = new EitherAddress(allowInterface: false, allowDynamic: true);

    /// <summary>An IPv4/IPv6 address or an interface whose address is meant (<c>ipsec.security-association.saN.local-address</c>).</summary>
    public static SeilValueType AddressOrInterface { get; } = new EitherAddress(allowInterface: true, allowDynamic: false);

    /// <summary>A security policy's source: a prefix (a bare address is a host), an interface (its network) or <c>any</c>.</summary>
    public static SeilValueType PolicySource { get; } = new Selector(allowInterface: true);

    /// <summary>A security policy's destination: a prefix (a bare address is a host) or <c>any</c>.</summary>
    public static SeilValueType PolicyDestination { get; } = new Selector(allowInterface: false);

    /// <summary>A port number 0-65535 or <c>any</c>.</summary>
    public static SeilValueType Port { get; } = new PortType();

    /// <summary>The name of an <c>ipsec.security-association.sa[]</c> entry ("sa0").</summary>
    public static SeilValueType SaName { get; } = new SaNameType();

    public static SeilValueType Keywords(params string[] words) => new Keyword(words, null);

    /// <summary>Keywords, with specific advice for known wrong values (a seil3 spelling, a value seil8 cannot take).</summary>
    public static SeilValueType Keywords(string[] words, IReadOnlyDictionary<string, ValueProblem> known) => new Keyword(words, known);

    public static SeilValueType Integer(long min, long max) => new IntegerType(min, max);

    public static SeilValueType RecipeTime(long minSeconds, long maxSeconds) => new Time(minSeconds, maxSeconds);

    private static LocalizedText L(string en, string ja) => new(en, ja);

    private sealed class AnyText : SeilValueType
    {
        public override ValueProblem? Check(string value) => null;
    }

    private sealed class Keyword(string[] words, IReadOnlyDictionary<string, ValueProblem>? known) : SeilValueType
    {
        public override ValueProblem? Check(string value)
        {
            if (words.Contains(value, StringComparer.Ordinal))
            {
                return null;
            }
            if (known is not null && known.TryGetValue(value, out var advice))
            {
                return advice;
            }
            var suggestion = words.FirstOrDefault(w => string.Equals(w, value, StringComparison.OrdinalIgnoreCase))
                             ?? Suggestions.Nearest(value, words);
            var list = string.Join(", ", words);
            return new ValueProblem(
                suggestion is null
                    ? L($"expected one of {list}", $"{list} のいずれかです")
                    : L($"expected one of {list}; did you mean '{suggestion}'?", $"{list} のいずれかです。'{suggestion}' の誤りでは?"),
                suggestion);
        }
    }

    private sealed class IntegerType(long min, long max) : SeilValueType
    {
        public override ValueProblem? Check(string value)
        {
            if (value.Length == 0 || value.Length > 18 || !value.All(char.IsAsciiDigit))
            {
                return new ValueProblem(L($"expected a whole number from {min} to {max}", $"{min} から {max} までの整数です"));
            }
            var number = long.Parse(value, CultureInfo.InvariantCulture);
            return number < min || number > max
                ? new ValueProblem(L($"out of range: must be from {min} to {max}", $"範囲外です ({min} から {max})"))
                : null;
        }
    }

    private sealed class Time(long min, long max) : SeilValueType
    {
        public override ValueProblem? Check(string value)
        {
            if (!SeilTime.TryParseRecipe(value, out var time))
            {
                if (SeilTime.IsDayForm(value) && SeilTime.TryParseCommand(value, out var days))
                {
                    var hours = (long)days.TotalHours;
                    var suggestion = hours < 100 && days.TotalSeconds % 3600 == 0
                        ? $"{hours}h"
                        : ((long)days.TotalSeconds).ToString(CultureInfo.InvariantCulture);
                    return new ValueProblem(
                        L($"seil8 does not accept days ('d'); write '{suggestion}'", $"seil8 では日数 (d) は使えません。'{suggestion}' と書きます"),
                        suggestion);
                }
                return new ValueProblem(L("expected seconds or [H]h[M]m[S]s (e.g. 28800, 8h, 01h02m03s)",
                    "秒数または [H]h[M]m[S]s の形式です (例: 28800, 8h, 01h02m03s)"));
            }
            var seconds = (long)time.TotalSeconds;
            return seconds < min || seconds > max
                ? new ValueProblem(L($"{seconds} s is out of range: must be from {min} to {max} seconds",
                    $"{seconds} 秒は範囲外です ({min} から {max} 秒)"))
                : null;
        }
    }

    private sealed class Address(AddressFamily family) : SeilValueType
    {
        public override ValueProblem? Check(string value) =>
            SeilValues.TryParseAddress(value, family, out _)
                ? null
                : new ValueProblem(family == AddressFamily.InterNetwork
                    ? L("expected an IPv4 address (a.b.c.d)", "IPv4 アドレス (a.b.c.d) です")
                    : L("expected an IPv6 address", "IPv6 アドレスです"));
    }

    private sealed class Prefix(AddressFamily family, bool allowDefault) : SeilValueType
    {
        public override ValueProblem? Check(string value)
        {
            if (allowDefault && value == "default")
            {
                return null;
            }
            if (SeilValues.TryParsePrefix(value, family, out _, out var hostBitsSet, out var network))
            {
                return null;
            }
            if (hostBitsSet && network is not null)
            {
                return new ValueProblem(
                    L($"the address has bits set outside the /{network.Value.PrefixLength} prefix; did you mean '{network}'?",
                      $"/{network.Value.PrefixLength} のプレフィックス外のビットが立っています。'{network}' の誤りでは?"),
                    network.ToString());
            }
            return new ValueProblem(family == AddressFamily.InterNetwork
                ? L(allowDefault ? "expected a prefix a.b.c.d/len or 'default'" : "expected a prefix a.b.c.d/len",
                    allowDefault ? "a.b.c.d/len の形式のプレフィックスまたは default です" : "a.b.c.d/len の形式のプレフィックスです")
                : L("expected an IPv6 prefix", "IPv6 プレフィックスです"));
        }
    }

    private sealed class InterfaceAddressType : SeilValueType
    {
        public override ValueProblem? Check(string value) =>
            SeilValues.TryParseInterfaceAddress(value, out _, out _) || SeilValues.IsInterfaceName(value)
                ? null
                : new ValueProblem(L("expected an address with prefix length (a.b.c.d/len) or an interface name (unnumbered)",
                    "プレフィックス長付きのアドレス (a.b.c.d/len) またはインタフェース名 (unnumbered) です"));
    }

    private sealed class Gateway : SeilValueType
    {
        public override ValueProblem? Check(string value) =>
            SeilValues.TryParseAddress(value, AddressFamily.InterNetwork, out _) || SeilValues.IsInterfaceName(value)
            || value is "discard" or "dhcp"
                ? null
                : new ValueProblem(L("expected an IPv4 address, an interface name (e.g. ipsec0), 'dhcp' or 'discard'",
                    "IPv4 アドレス、インタフェース名 (例: ipsec0)、dhcp、discard のいずれかです"));
    }

    private sealed class EitherAddress(bool allowInterface, bool allowDynamic) : SeilValueType
    {
        public override ValueProblem? Check(string value)
        {
            if (SeilValues.TryParseAddress(value, AddressFamily.InterNetwork, out _) || SeilValues.TryParseAddress(value, AddressFamily.InterNetworkV6, out _)
                || (allowInterface && SeilValues.IsInterfaceName(value)) || (allowDynamic && value == "dynamic"))
            {
                return null;
            }
            return new ValueProblem((allowInterface, allowDynamic) switch
            {
                (true, _) => L("expected an IPv4/IPv6 address or an interface name (e.g. ge0, pppoe0)", "IPv4/IPv6 アドレスまたはインタフェース名 (例: ge0, pppoe0) です"),
                (_, true) => L("expected an IPv4/IPv6 address or 'dynamic'", "IPv4/IPv6 アドレスまたは dynamic です"),
                _ => L("expected an IPv4/IPv6 address", "IPv4/IPv6 アドレスです"),
            });
        }
    }

    private sealed class Selector(bool allowInterface) : SeilValueType
    {
        public override ValueProblem? Check(string value)
        {
            if (value == "any" || (allowInterface && SeilValues.IsInterfaceName(value)))
            {
                return null;
            }
            var family = value.Contains(':') ? AddressFamily.InterNetworkV6 : AddressFamily.InterNetwork;
            if (SeilValues.TryParsePrefix(value, family, out _, out var hostBitsSet, out var network))
            {
                return null;
            }
            if (hostBitsSet && network is not null)
            {
                return new ValueProblem(
                    L($"the address has bits set outside the /{network.Value.PrefixLength} prefix; did you mean '{network}'?",
                      $"/{network.Value.PrefixLength} のプレフィックス外のビットが立っています。'{network}' の誤りでは?"),
                    network.ToString());
            }
            return new ValueProblem(allowInterface
                ? L("expected a prefix (a.b.c.d/len), an address, an interface name or 'any'", "プレフィックス (a.b.c.d/len)、アドレス、インタフェース名、any のいずれかです")
                : L("expected a prefix (a.b.c.d/len), an address or 'any'", "プレフィックス (a.b.c.d/len)、アドレス、any のいずれかです"));
        }
    }

    private sealed class PortType : SeilValueType
    {
        public override ValueProblem? Check(string value) =>
            value == "any" || (value.Length is > 0 and <= 5 && value.All(char.IsAsciiDigit) && int.Parse(value, CultureInfo.InvariantCulture) <= 65535)
                ? null
                : new ValueProblem(L("expected a port number from 0 to 65535 or 'any'", "0 から 65535 までのポート番号または any です"));
    }

    private sealed class SaNameType : SeilValueType
    {
        public override ValueProblem? Check(string value) =>
            RecipeSchema.IsSaName(value)
                ? null
                : new ValueProblem(L("expected the name of an ipsec.security-association entry (sa0, sa1, ...)", "ipsec.security-association の名前 (sa0, sa1, ...) です"));
    }
}
