using SeilDiag.Model;

namespace SeilDiag.Analyzers.Negotiation;

/// <summary>
/// What an end actually puts on the wire as initiator, and in which order a responder picks. Both follow
/// charon's IKEv1 behaviour seen in the lab: an IKEv1 SA payload carries one transform per proposal, built
/// from the first algorithm of each type (lab 02: the default ESP list goes out as two transforms,
/// AES_CBC_128/HMAC_SHA2_256_128 and AES_GCM_16_128); as responder charon walks its own proposals first, and
/// inside one multi-algorithm proposal (the defaults) it takes the received transforms in their order
/// (lab 01 selected AES_CBC_256 from the default ESP list because the SEIL side offered it first).
/// </summary>
internal static class OfferedProposals
{
    public static IReadOnlyList<Phase1Proposal> Phase1(PeerConfig peer) =>
        IsStrongSwanDefault(peer, peer.Phase1Proposals) ? FirstOfEachProposal(peer.Phase1Proposals.Value!, p => p.Encryption.IsAead) : peer.Phase1Proposals.Value!;

    public static IReadOnlyList<Phase2Proposal> Phase2(PeerConfig peer) =>
        IsStrongSwanDefault(peer, peer.Phase2Proposals) ? FirstOfEachProposal(peer.Phase2Proposals.Value!, p => p.Encryption.IsAead) : peer.Phase2Proposals.Value!;

    /// <summary>Whether a charon responder prefers its own order (explicit single-algorithm proposals) or the received one (the defaults).</summary>
    public static bool ResponderPrefersOwnOrder<T>(PeerConfig responder, Located<IReadOnlyList<T>> accepted) =>
        responder.Vendor == PeerVendor.StrongSwan && !accepted.IsDefault;

    private static bool IsStrongSwanDefault<T>(PeerConfig peer, Located<IReadOnlyList<T>> list) =>
        peer.Vendor == PeerVendor.StrongSwan && list.IsDefault && list.Value is { Count: > 0 };

    /// <summary>The defaults are one classic and one AEAD proposal; their flattened lists start with each one's first algorithms.</summary>
    private static IReadOnlyList<T> FirstOfEachProposal<T>(IReadOnlyList<T> flattened, Func<T, bool> isAead)
    {
        var result = new List<T>();
        if (flattened.FirstOrDefault(p => !isAead(p)) is { } classic)
        {
            result.Add(classic);
        }
        if (flattened.FirstOrDefault(isAead) is { } aead)
        {
            result.Add(aead);
        }
        return result;
    }
}
