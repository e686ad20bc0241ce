using FsCheck;
using FsCheck.Xunit;
using SeilDiag.Analyzers.Negotiation;
using SeilDiag.Ike;
using SeilDiag.Model;
using static SeilDiag.Analyzers.Tests.PeerSpec;

namespace SeilDiag.Analyzers.Tests;

/// <summary>
/// For random algorithm sets on both ends the predicted phase-1 and phase-2 outcome equals a plain
/// set-intersection model: a SEIL proposes the cross product of its lists, strongSwan an explicit list; a
/// transform is agreed iff it is in both sets (phase 2: PFS must match on charon, a SEIL with check-level
/// obey takes the initiator's group), and the chosen transform is one of the common ones.
/// </summary>
public class NegotiationPropertyTests
{
    private static readonly string[] Ciphers = ["aes128", "aes256", "3des", "aes192"];
    private static readonly string[] Hashes = ["sha1", "sha256", "sha384", "md5"];
    private static readonly string[] Groups = ["modp1024", "modp1536", "modp2048", "modp3072"];
    private static readonly string[] Integrities = ["hmac-sha1", "hmac-sha256", "hmac-md5", "hmac-sha512"];
    private static readonly string?[] PfsGroups = [null, "modp1536", "modp2048"];

    private static List<string> Pick(string[] from, byte mask)
    {
        var picked = from.Where((_, i) => (mask & (1 << i)) != 0).ToList();
        return picked.Count > 0 ? picked : [from[mask % from.Length]];
    }

    private static List<Phase1Proposal> SwanPhase1(byte[] codes) =>
        (codes.Length == 0 ? [(byte)0] : codes).Take(8)
            .Select(c => P1(Ciphers[c % 4], Hashes[(c / 4) % 4], Groups[(c / 16) % 4])).Distinct().ToList();

    [Property(MaxTest = 500)]
    public bool Phase1_outcome_is_set_intersection(byte seilCiphers, byte seilHashes, byte seilGroup, byte[] swanCodes, bool seilInitiates)
    {
        var seilList = (from e in Pick(Ciphers, seilCiphers) from h in Pick(Hashes, seilHashes) select P1(e, h, Groups[seilGroup % 4])).ToList();
        var swanList = SwanPhase1(swanCodes);
        var seil = (SeilEnd() with { Phase1 = seilList }).Build();
        var swan = (SwanEnd() with { Phase1 = swanList }).Build();
        var result = seilInitiates ? Phase1Negotiation.Negotiate(seil, swan) : Phase1Negotiation.Negotiate(swan, seil);

        var common = seilList.Where(p => swanList.Any(q => q.SameSuite(p))).ToList();
        return result.Succeeds == (common.Count > 0)
            && (!result.Succeeds || common.Any(c => c.SameSuite(result.Chosen!)))
            && (result.Succeeds || result.Differences.Count > 0);
    }

    [Property(MaxTest = 500)]
    public bool Phase2_outcome_is_set_intersection(byte seilCiphers, byte seilIntegrities, byte seilPfs, byte[] swanCodes, bool seilInitiates)
    {
        var pfs = PfsGroups[seilPfs % 3];
        var seilList = (from e in Pick(Ciphers, seilCiphers) from i in Pick(Integrities, seilIntegrities) select P2(e, i, pfs)).ToList();
        var swanList = (swanCodes.Length == 0 ? [(byte)0] : swanCodes).Take(8)
            .Select(c => P2(Ciphers[c % 4], Integrities[(c / 4) % 4], PfsGroups[(c / 16) % 3])).Distinct().ToList();
        var seil = (SeilEnd() with { Phase2 = seilList }).Build();
        var swan = (SwanEnd() with { Phase2 = swanList }).Build();
        var result = seilInitiates ? Phase2Negotiation.Negotiate(seil, swan) : Phase2Negotiation.Negotiate(swan, seil);

        // charon responder: the whole triple; SEIL (obey) responder: encryption and integrity, the initiator's PFS.
        var common = seilInitiates
            ? seilList.Where(swanList.Contains).ToList()
            : swanList.Where(q => seilList.Any(p => p.Encryption == q.Encryption && p.Integrity == q.Integrity)).ToList();
        return result.Succeeds == (common.Count > 0)
            && (!result.Succeeds || common.Contains(result.Chosen!));
    }

    [Property(MaxTest = 300)]
    public bool Strict_check_level_refuses_exactly_the_longer_lifetimes(ushort seilSeconds, ushort swanSeconds)
    {
        var own = TimeSpan.FromSeconds(seilSeconds + 1);
        var proposed = TimeSpan.FromSeconds(swanSeconds + 1);
        var seil = (SeilEnd() with { CheckLevel = CheckLevel.Strict, Phase1Lifetime = own }).Build();
        var swan = (SwanEnd() with { Phase1 = [P1("aes256", "sha256", "modp1536")], Phase1Lifetime = proposed }).Build();
        return Phase1Negotiation.Negotiate(swan, seil).Succeeds == (proposed <= own)
            && Phase1Negotiation.Negotiate(seil, swan).Succeeds;
    }
}
