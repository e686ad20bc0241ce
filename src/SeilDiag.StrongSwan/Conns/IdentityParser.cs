using System.Net;
using SeilDiag.Model;

namespace SeilDiag.StrongSwan.Conns;

/// <summary>
/// leftid/rightid and ipsec.secrets selectors the way strongSwan's identification_create_from_string reads them:
/// %any; "@fqdn" (FQDN, not resolved); "@#hex" (KEY_ID); an IP address; "user@fqdn" (USER_FQDN); a DN when it contains
/// '='; explicit "fqdn:", "email:"/"rfc822:", "keyid:", "ipv4:"/"ipv6:" prefixes; anything else is an FQDN.
/// </summary>
public static class IdentityParser
{
    public static IkeIdentity Parse(string text)
    {
        var t = text.Trim();
        if (t.Length == 0 || t is "%any" or "%any4" or "%any6" or "*")
        {
            return IkeIdentity.AnyIdentity;
        }
        if (t.StartsWith("@#", StringComparison.Ordinal))
        {
            return new IkeIdentity(IdentityType.KeyId, t[2..]);
        }
        if (t.StartsWith("@@", StringComparison.Ordinal))
        {
            return new IkeIdentity(IdentityType.UserFqdn, t[2..]);
        }
        if (t.StartsWith('@'))
        {
            return new IkeIdentity(IdentityType.Fqdn, t[1..]);
        }
        var colon = t.IndexOf(':');
        if (colon > 0 && !t.Contains('=') && !IPAddress.TryParse(t, out _))
        {
            var prefix = t[..colon].ToLowerInvariant();
            var rest = t[(colon + 1)..];
            switch (prefix)
            {
                case "fqdn": return new IkeIdentity(IdentityType.Fqdn, rest);
                case "email" or "rfc822" or "userfqdn": return new IkeIdentity(IdentityType.UserFqdn, rest);
                case "keyid": return new IkeIdentity(IdentityType.KeyId, rest.StartsWith('#') ? rest[1..] : rest);
                case "ipv4" or "ipv6" when IPAddress.TryParse(rest, out var prefixed): return IkeIdentity.Address(prefixed);
                case "asn1dn" or "dn": return new IkeIdentity(IdentityType.DerAsn1Dn, rest);
            }
        }
        if (IPAddress.TryParse(t, out var address) && LooksLikeAddress(t))
        {
            return IkeIdentity.Address(address);
        }
        if (t.Contains('='))
        {
            return new IkeIdentity(IdentityType.DerAsn1Dn, t);
        }
        if (t.Contains('@'))
        {
            return new IkeIdentity(IdentityType.UserFqdn, t);
        }
        return new IkeIdentity(IdentityType.Fqdn, t);
    }

    /// <summary>IPAddress.TryParse also accepts "10" or "1.2"; strongSwan wants a dotted quad or an IPv6 address.</summary>
    public static bool LooksLikeAddress(string text) =>
        text.Contains(':') || text.Count(c => c == '.') == 3;

    /// <summary>An address as left=/right= allow it: an IP address (not a host name, not %any).</summary>
    public static IPAddress? TryAddress(string? text) =>
        text is not null && LooksLikeAddress(text) && IPAddress.TryParse(text, out var address) ? address : null;
}
