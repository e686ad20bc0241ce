using System.Net;

namespace SeilDiag.Model;

/// <summary>IKEv1 identification types (RFC 2407 4.6.2.1).</summary>
public enum IdentityType
{
    Ipv4Address = 1,
    Fqdn = 2,
    UserFqdn = 3,
    Ipv4Subnet = 4,
    Ipv6Address = 5,
    Ipv6Subnet = 6,
    Ipv4Range = 7,
    Ipv6Range = 8,
    DerAsn1Dn = 9,
    DerAsn1Gn = 10,
    KeyId = 11,
    /// <summary>strongSwan's %any: accepts any identity.</summary>
    Any = 1000,
}

/// <summary>A phase-1 identity as sent in the ID payload (type and value, e.g. FQDN "seil.example.jp").</summary>
public sealed record IkeIdentity(IdentityType Type, string Value)
{
    public static IkeIdentity Address(IPAddress address) =>
        new(address.AddressFamily == System.Net.Sockets.AddressFamily.InterNetworkV6 ? IdentityType.Ipv6Address : IdentityType.Ipv4Address, address.ToString());

    public static IkeIdentity AnyIdentity { get; } = new(IdentityType.Any, "%any");

    public bool IsAddress => Type is IdentityType.Ipv4Address or IdentityType.Ipv6Address;

    /// <summary>Whether a peer expecting this identity accepts <paramref name="sent"/>.</summary>
    public bool Accepts(IkeIdentity sent) =>
        Type == IdentityType.Any || (Type == sent.Type && string.Equals(Value, sent.Value, StringComparison.OrdinalIgnoreCase));

    public override string ToString() => Type switch
    {
        IdentityType.Ipv4Address or IdentityType.Ipv6Address => Value,
        IdentityType.Fqdn => $"FQDN {Value}",
        IdentityType.UserFqdn => $"USER_FQDN {Value}",
        IdentityType.KeyId => $"KEY_ID {Value}",
        IdentityType.DerAsn1Dn => $"DN {Value}",
        IdentityType.Any => "%any",
        _ => $"{Type} {Value}",
    };
}
