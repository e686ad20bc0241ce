using SeilDiag.Model;

namespace SeilDiag.StrongSwan.Secrets;

/// <summary>
/// Which ipsec.secrets entry charon uses for a pair of identities. From strongSwan's sources
/// (libstrongswan/credentials/credential_manager.c get_shared, sets/mem_cred.c has_owner/shared_filter,
/// stroke_cred.c):
/// <list type="bullet">
/// <item>an entry without selectors is stored with the single owner %any;</item>
/// <item>for each entry, the match of "me" is the best match of the local identity against its owners, likewise "other";
/// identity matching: an owner %any matches anything (ID_MATCH_ANY = 1), an equal identity is ID_MATCH_PERFECT (20),
/// a '*' wildcard owner (FQDN "*.example.com", USER_FQDN "*@example.com") ID_MATCH_ONE_WILDCARD (19), else no match;</item>
/// <item>entries where neither identity matches are skipped;</item>
/// <item>the best entry has the highest "other" match, ties broken by the higher "me" match; among equal entries the
/// first one read wins (the comparison is strictly greater); the search stops at a perfect/perfect match.</item>
/// </list>
/// charon looks up IKEv1 PSKs with the conn's identities: leftid/rightid, which default to the left/right addresses
/// (%any when the address is %any or a name), so "10.0.0.1 : PSK x" is found for right=10.0.0.1.
/// </summary>
public static class SecretSelection
{
    public const int MatchNone = 0;
    public const int MatchAny = 1;
    public const int MatchOneWildcard = 19;
    public const int MatchPerfect = 20;

    public static SecretEntry? Select(IEnumerable<SecretEntry> entries, IkeIdentity me, IkeIdentity other, string type = "PSK")
    {
        me = Canonical(me);
        other = Canonical(other);
        SecretEntry? found = null;
        int bestMe = MatchNone, bestOther = MatchNone;
        foreach (var entry in entries)
        {
            if (!string.Equals(entry.Type, type, StringComparison.OrdinalIgnoreCase) || entry.Secret is null)
            {
                continue;
            }
            int matchMe = MatchNone, matchOther = MatchNone;
            foreach (var owner in entry.Owners)
            {
                matchMe = Math.Max(matchMe, Compare(me, owner));
                matchOther = Math.Max(matchOther, Compare(other, owner));
            }
            if (matchMe == MatchNone && matchOther == MatchNone)
            {
                continue;
            }
            if (matchOther > bestOther || (matchOther == bestOther && matchMe > bestMe))
            {
                found = entry;
                bestMe = matchMe;
                bestOther = matchOther;
            }
            if (bestMe == MatchPerfect && bestOther == MatchPerfect)
            {
                break;
            }
        }
        return found;
    }

    /// <summary>How well identity <paramref name="id"/> (looked up) matches <paramref name="owner"/> (a selector).</summary>
    public static int Match(IkeIdentity id, IkeIdentity owner) => Compare(Canonical(id), Canonical(owner));

    /// <summary>An address identity in canonical text ("010.0.0.1" and "10.0.0.1" are one address); others unchanged.</summary>
    public static IkeIdentity Canonical(IkeIdentity identity) =>
        identity.IsAddress && System.Net.IPAddress.TryParse(identity.Value, out var address) && address.ToString() != identity.Value
            ? identity with { Value = address.ToString() }
            : identity;

    private static int Compare(IkeIdentity id, IkeIdentity owner)
    {
        if (owner.Type == IdentityType.Any)
        {
            return MatchAny;
        }
        if (id.Type != owner.Type)
        {
            return MatchNone;
        }
        var caseInsensitive = id.Type is IdentityType.Fqdn or IdentityType.UserFqdn;
        var comparison = caseInsensitive ? StringComparison.OrdinalIgnoreCase : StringComparison.Ordinal;
        if (string.Equals(id.Value, owner.Value, comparison))
        {
            return MatchPerfect;
        }
        if (caseInsensitive && owner.Value.StartsWith('*') && id.Value.EndsWith(owner.Value[1..], StringComparison.OrdinalIgnoreCase))
        {
            return MatchOneWildcard;
        }
        return MatchNone;
    }
}
