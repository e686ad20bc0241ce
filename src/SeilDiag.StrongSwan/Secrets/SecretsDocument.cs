using SeilDiag.Diagnostics;
using SeilDiag.Model;
using SeilDiag.Text;

namespace SeilDiag.StrongSwan.Secrets;

/// <summary>ipsec.secrets with its includes: the entries in reading order, the documents read, and the problems found.</summary>
public sealed class SecretsDocument
{
    private Index? _index;

    public required IReadOnlyList<SourceText> Documents { get; init; }

    public required IReadOnlyList<SecretEntry> Entries { get; init; }

    public required IReadOnlyList<Diagnostic> Diagnostics { get; init; }

    /// <summary>The entry charon would use as shared key of <paramref name="type"/> between the two identities (see <see cref="SecretSelection"/>).</summary>
    public SecretEntry? FindSharedKey(IkeIdentity me, IkeIdentity other, string type = "PSK")
    {
        // Only entries with an owner equal to one of the ids, or a %any/wildcard owner, can match at all; the index finds
        // them without comparing every entry (a support desk's secrets file may hold thousands of sites). The candidates
        // keep file order, so the selection is exactly SecretSelection.Select over all entries.
        var index = _index ??= new Index(Entries);
        var candidates = new SortedSet<int>(index.General);
        foreach (var id in new[] { SecretSelection.Canonical(me), SecretSelection.Canonical(other) })
        {
            if (index.Exact.TryGetValue(Index.Key(id), out var positions))
            {
                candidates.UnionWith(positions);
            }
        }
        return SecretSelection.Select(candidates.Select(i => Entries[i]), me, other, type);
    }

    private sealed class Index
    {
        public Index(IReadOnlyList<SecretEntry> entries)
        {
            for (var i = 0; i < entries.Count; i++)
            {
                foreach (var owner in entries[i].Owners)
                {
                    if (owner.Type == IdentityType.Any || owner.Value.StartsWith('*'))
                    {
                        General.Add(i);
                    }
                    else
                    {
                        if (!Exact.TryGetValue(Key(owner), out var list))
                        {
                            Exact[Key(owner)] = list = [];
                        }
                        list.Add(i);
                    }
                }
            }
        }

        public List<int> General { get; } = [];

        public Dictionary<(IdentityType, string), List<int>> Exact { get; } = [];

        /// <summary>FQDN and user FQDN compare without case, as <see cref="SecretSelection"/> does.</summary>
        public static (IdentityType, string) Key(IkeIdentity id) =>
            (id.Type, id.Type is IdentityType.Fqdn or IdentityType.UserFqdn ? id.Value.ToLowerInvariant() : id.Value);
    }
}
