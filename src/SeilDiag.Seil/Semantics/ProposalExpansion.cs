using SeilDiag.Ike;
using SeilDiag.Model;

namespace SeilDiag.Seil.Semantics;

/// <summary>
/// SEIL (racoon) offers every combination of its configured algorithms, encryption-major: for each encryption
/// (in list order) each hash. The seed's default list shows it: aes256/sha256, aes256/sha1, aes128/sha256, ...
/// </summary>
public static class ProposalExpansion
{
    public static IReadOnlyList<Phase1Proposal> Phase1(IEnumerable<Cipher> encryptions, IReadOnlyList<HashAlgorithm> hashes, DhGroup dhGroup, TimeSpan lifetime,
        AuthMethod auth = AuthMethod.PreSharedKey) =>
        [.. from encryption in encryptions from hash in hashes select new Phase1Proposal(encryption, hash, dhGroup, auth, lifetime)];

    public static IReadOnlyList<Phase2Proposal> Phase2(IEnumerable<Cipher> encryptions, IReadOnlyList<IntegrityAlgorithm> integrities, DhGroup pfs) =>
        [.. from encryption in encryptions from integrity in integrities select new Phase2Proposal(encryption, integrity, pfs)];

    /// <summary>Orders list indices numerically ("2" before "10"), as SEIL reads its lists.</summary>
    public static int CompareIndex(string a, string b)
    {
        var x = a.TrimStart('0');
        var y = b.TrimStart('0');
        return x.Length != y.Length ? x.Length.CompareTo(y.Length) : string.CompareOrdinal(x, y);
    }
}
