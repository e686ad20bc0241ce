using SeilDiag.Analyzers.Common;
using SeilDiag.Diagnostics;
using SeilDiag.Ike;
using SeilDiag.Model;

namespace SeilDiag.Analyzers.Negotiation;

/// <summary>The outcome of one Main/Aggressive Mode proposal exchange as the configs predict it.</summary>
public sealed record Phase1Result(
    bool Known,
    Phase1Proposal? Chosen,
    Phase1Proposal? ClosestOffered,
    Phase1Proposal? ClosestAccepted,
    IReadOnlyList<AttributeDifference> Differences,
    LocalizedText? LifetimeProblem)
{
    public bool Succeeds => Known && Chosen is not null;

    public static Phase1Result Unknown { get; } = new(false, null, null, null, [], null);
}

/// <summary>
/// Phase-1 proposal selection as the responder performs it: a transform is acceptable when encryption with
/// key length, hash (and so PRF), DH group and authentication method equal one of the responder's, and the
/// lifetime passes racoon's check-level when a SEIL responds (strongSwan accepts any lifetime).
/// charon walks its own configured list first (prefer_configured_proposals), racoon the offered list.
/// </summary>
public static class Phase1Negotiation
{
    public static Phase1Result Negotiate(PeerConfig initiator, PeerConfig responder)
    {
        if (initiator.Phase1Proposals.Value is not { Count: > 0 } || responder.Phase1Proposals.Value is not { Count: > 0 } accepted)
        {
            return Phase1Result.Unknown;
        }
        var offered = OfferedProposals.Phase1(initiator);

        LocalizedText? lifetimeProblem = null;
        foreach (var (p, q) in Candidates(offered, accepted, OfferedProposals.ResponderPrefersOwnOrder(responder, responder.Phase1Proposals)))
        {
            if (!p.SameSuite(q))
            {
                continue;
            }
            var problem = LifetimeCheck(initiator, p, responder, q);
            if (problem is null)
            {
                return new Phase1Result(true, p, p, q, [], null);
            }
            lifetimeProblem ??= problem;
        }

        // No transform fits: find the closest pair (fewest differing attributes, then the stronger accepted one).
        var best = (from p in offered
                    from q in accepted
                    let diff = DiffCount(p, q)
                    orderby diff, AlgorithmText.IsWeak(q) ? 1 : 0
                    select (p, q)).First();
        var differences = Differences(offered, accepted, best.p, best.q);
        return new Phase1Result(true, null, best.p, best.q, differences, lifetimeProblem);
    }

    /// <summary>Whether <paramref name="proposals"/> accept the suite of <paramref name="p"/> (lifetime aside).</summary>
    public static bool Accepts(IEnumerable<Phase1Proposal> proposals, Phase1Proposal p) => proposals.Any(q => q.SameSuite(p));

    private static IEnumerable<(Phase1Proposal Offered, Phase1Proposal Accepted)> Candidates(
        IReadOnlyList<Phase1Proposal> offered, IReadOnlyList<Phase1Proposal> accepted, bool ownOrderFirst) =>
        ownOrderFirst
            ? from q in accepted from p in offered select (p, q)
            : from p in offered from q in accepted select (p, q);

    private static int DiffCount(Phase1Proposal p, Phase1Proposal q) =>
        (p.Encryption != q.Encryption ? 1 : 0) + (p.Hash != q.Hash ? 1 : 0) + (p.Group != q.Group ? 1 : 0) + (p.Auth != q.Auth ? 1 : 0);

    private static List<AttributeDifference> Differences(
        IReadOnlyList<Phase1Proposal> offered, IReadOnlyList<Phase1Proposal> accepted, Phase1Proposal p, Phase1Proposal q)
    {
        var list = new List<AttributeDifference>();
        if (p.Encryption != q.Encryption)
        {
            list.Add(new("encryption", "暗号化", [.. offered.Select(x => AlgorithmText.Log(x.Encryption)).Distinct()], [.. accepted.Select(x => AlgorithmText.Log(x.Encryption)).Distinct()]));
        }
        if (p.Hash != q.Hash)
        {
            list.Add(new("hash", "ハッシュ", [.. offered.Select(x => AlgorithmText.Log(x.Hash)).Distinct()], [.. accepted.Select(x => AlgorithmText.Log(x.Hash)).Distinct()]));
        }
        if (p.Group != q.Group)
        {
            list.Add(new("DH group", "DH グループ", [.. offered.Select(x => AlgorithmText.Log(x.Group)).Distinct()], [.. accepted.Select(x => AlgorithmText.Log(x.Group)).Distinct()]));
        }
        if (p.Auth != q.Auth)
        {
            list.Add(new("authentication method", "認証方式", [.. offered.Select(x => AlgorithmText.Log(x.Auth)).Distinct()], [.. accepted.Select(x => AlgorithmText.Log(x.Auth)).Distinct()]));
        }
        return list;
    }

    /// <summary>The lifetime a transform carries: its own, else the end's phase-1 lifetime (null when unknown).</summary>
    public static TimeSpan? Lifetime(PeerConfig peer, Phase1Proposal p) =>
        p.Lifetime ?? (peer.Phase1Lifetime.Value > TimeSpan.Zero ? peer.Phase1Lifetime.Value : null);

    /// <summary>racoon's check-level on the responder side; null when the lifetime is accepted.</summary>
    private static LocalizedText? LifetimeCheck(PeerConfig initiator, Phase1Proposal p, PeerConfig responder, Phase1Proposal q)
    {
        if (responder.Vendor != PeerVendor.Seil || responder.CheckLevel is not { } level)
        {
            return null;
        }
        var theirs = Lifetime(initiator, p);
        var mine = Lifetime(responder, q);
        if (theirs is null || mine is null)
        {
            return null;
        }
        return LifetimeRule.Check(level.Value, theirs.Value, mine.Value);
    }
}

/// <summary>racoon's proposal_check / SEIL check-level applied to one lifetime.</summary>
public static class LifetimeRule
{
    /// <summary>
    /// Null when accepted, else why the responder refuses; it follows the responder's name in messages
    /// ("SEIL check-level strict refuses …" / "SEIL は check-level strict のため …").
    /// </summary>
    public static LocalizedText? Check(CheckLevel level, TimeSpan proposed, TimeSpan own) => level switch
    {
        CheckLevel.Obey => null,
        CheckLevel.Claim => null, // accepted; racoon answers with its own shorter lifetime (RESPONDER-LIFETIME)
        CheckLevel.Strict when proposed > own => new(
            $"check-level strict refuses a longer lifetime than its own: proposed {Seconds(proposed)}, own {Seconds(own)}",
            $"は check-level strict のため自身より長いライフタイムを拒否します: 提案 {(long)proposed.TotalSeconds} 秒、自身 {(long)own.TotalSeconds} 秒"),
        CheckLevel.Exact when proposed != own => new(
            $"check-level exact needs equal lifetimes: proposed {Seconds(proposed)}, own {Seconds(own)}",
            $"は check-level exact のため同じライフタイムしか受け入れません: 提案 {(long)proposed.TotalSeconds} 秒、自身 {(long)own.TotalSeconds} 秒"),
        _ => null,
    };

    public static string Seconds(TimeSpan t) => $"{(long)t.TotalSeconds} s";
}
