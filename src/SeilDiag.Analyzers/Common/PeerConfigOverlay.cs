using SeilDiag.Model;

namespace SeilDiag.Analyzers.Common;

/// <summary>A copy of a peer with other proposal lists: "what if this end proposed that instead".</summary>
internal sealed class PeerConfigOverlay(PeerConfig peer, IReadOnlyList<Phase1Proposal>? phase1, IReadOnlyList<Phase2Proposal>? phase2)
{
    public PeerConfig Config { get; } = new()
    {
        Name = peer.Name,
        Vendor = peer.Vendor,
        Document = peer.Document,
        Definition = peer.Definition,
        LocalAddress = peer.LocalAddress,
        RemoteAddress = peer.RemoteAddress,
        KeyExchange = peer.KeyExchange,
        ExchangeMode = peer.ExchangeMode,
        AuthMethod = peer.AuthMethod,
        LocalIdentity = peer.LocalIdentity,
        RemoteIdentity = peer.RemoteIdentity,
        PreSharedKey = peer.PreSharedKey,
        PreSharedKeyKnown = peer.PreSharedKeyKnown,
        Phase1Proposals = phase1 is null ? peer.Phase1Proposals : peer.Phase1Proposals with { Value = phase1 },
        Phase2Proposals = phase2 is null ? peer.Phase2Proposals : peer.Phase2Proposals with { Value = phase2 },
        ProxyIds = peer.ProxyIds,
        Initiation = peer.Initiation,
        Phase1Lifetime = peer.Phase1Lifetime,
        Phase2Lifetime = peer.Phase2Lifetime,
        Phase2LifetimeBytes = peer.Phase2LifetimeBytes,
        CheckLevel = peer.CheckLevel,
        Dpd = peer.Dpd,
        NatTraversal = peer.NatTraversal,
        AggressivePskAllowed = peer.AggressivePskAllowed,
        Editor = peer.Editor,
    };
}
