using SeilDiag.Analyzers.Common;
using SeilDiag.Ike;
using SeilDiag.Model;

namespace SeilDiag.Analyzers.Negotiation;

/// <summary>The outcome of Quick Mode's SA negotiation as the configs predict it.</summary>
public sealed record Phase2Result(
    bool Known,
    Phase2Proposal? Chosen,
    Phase2Proposal? ClosestOffered,
    Phase2Proposal? ClosestAccepted,
    IReadOnlyList<AttributeDifference> Differences,
    bool PfsOnly)
{
    public bool Succeeds => Known && Chosen is not null;

    public static Phase2Result Unknown { get; } = new(false, null, null, null, [], false);
}

/// <summary>
/// ESP transform selection: encryption (with key length) and integrity must be equal. The PFS group is
/// matched exactly by charon; racoon with check-level obey takes the initiator's group (SEIL's "follows the
/// initiator"), with strict/claim/exact it must equal its own.
/// </summary>
public static class Phase2Negotiation
{
    public static Phase2Result Negotiate(PeerConfig initiator, PeerConfig responder)
    {
        if (initiator.Phase2Proposals.Value is not { Count: > 0 } || responder.Phase2Proposals.Value is not { Count: > 0 } accepted)
        {
            return Phase2Result.Unknown;
        }
        var offered = OfferedProposals.Phase2(initiator);
        var obeys = responder.Vendor == PeerVendor.Seil && (responder.CheckLevel?.Value ?? CheckLevel.Obey) == CheckLevel.Obey;

        var ordered = OfferedProposals.ResponderPrefersOwnOrder(responder, responder.Phase2Proposals)
            ? from q in accepted from p in offered select (p, q)
            : from p in offered from q in accepted select (p, q);
        foreach (var (p, q) in ordered)
        {
            if (SameTransform(p, q) && (obeys || p.Pfs == q.Pfs))
            {
                return new Phase2Result(true, obeys ? p : q with { Pfs = p.Pfs }, p, q, [], false);
            }
        }

        var pfsOnly = offered.Any(p => accepted.Any(q => SameTransform(p, q)));
        var best = (from p in offered
                    from q in accepted
                    let diff = (p.Encryption != q.Encryption ? 1 : 0) + (p.Integrity != q.Integrity ? 1 : 0) + (p.Pfs != q.Pfs ? 1 : 0)
                    orderby diff, AlgorithmText.IsWeak(q) ? 1 : 0
                    select (p, q)).First();
        var differences = new List<AttributeDifference>();
        if (best.p.Encryption != best.q.Encryption)
        {
            differences.Add(new("encryption", "暗号化", [.. offered.Select(x => AlgorithmText.Log(x.Encryption)).Distinct()], [.. accepted.Select(x => AlgorithmText.Log(x.Encryption)).Distinct()]));
        }
        if (best.p.Integrity != best.q.Integrity)
        {
            differences.Add(new("integrity", "認証 (完全性)", [.. offered.Select(x => AlgorithmText.Log(x.Integrity)).Distinct()], [.. accepted.Select(x => AlgorithmText.Log(x.Integrity)).Distinct()]));
        }
        if (best.p.Pfs != best.q.Pfs)
        {
            differences.Add(new("PFS group", "PFS グループ", [.. offered.Select(x => AlgorithmText.Log(x.Pfs)).Distinct()], [.. accepted.Select(x => AlgorithmText.Log(x.Pfs)).Distinct()]));
        }
        return new Phase2Result(true, null, best.p, best.q, differences, pfsOnly);
    }

    public static bool SameTransform(Phase2Proposal p, Phase2Proposal q) => p.Encryption == q.Encryption && p.Integrity == q.Integrity;
}
