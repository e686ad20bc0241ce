using SeilDiag.Model;

namespace SeilDiag.Analyzers.Negotiation;

public enum ProxyIdOutcome
{
    /// <summary>No proxy-ids known on one side.</summary>
    Unknown,
    /// <summary>The responder has exactly the initiator's IDs (mirrored).</summary>
    Equal,
    /// <summary>The initiator's IDs lie inside the responder's: charon accepts them as they are.</summary>
    Subset,
    /// <summary>The responder's IDs lie inside the initiator's: the responder answers with them.</summary>
    Narrowed,
    /// <summary>The responder has no policy for the IDs: INVALID-ID-INFORMATION (charon) or "no policy found" (racoon).</summary>
    Refused,
}

/// <summary>The Quick Mode ID outcome of one direction, with the IDs involved (both seen from the initiator).</summary>
public sealed record ProxyIdResult(ProxyIdOutcome Outcome, ProxyId? Proposed, ProxyId? ResponderView, ProxyId? Negotiated);

/// <summary>
/// Quick Mode IDs: the initiator proposes its proxy-id (local side first); a charon responder narrows a wider
/// proposal to its own subnets and answers with them (racoon as initiator then logs "mismatched ID was
/// returned"), and refuses disjoint ones with INVALID-ID-INFORMATION; racoon as responder needs a policy
/// equal to the proposed IDs ("no policy found", "failed to get sainfo").
/// </summary>
public static class ProxyIdNegotiation
{
    public static ProxyIdResult Negotiate(PeerConfig initiator, PeerConfig responder)
    {
        var proposedList = initiator.ProxyIds.Value;
        var responderList = responder.ProxyIds.Value;
        if (proposedList is null || responderList is null || proposedList.Count == 0 || responderList.Count == 0)
        {
            return new ProxyIdResult(ProxyIdOutcome.Unknown, null, null, null);
        }
        // Several proxy-ids (strongSwan subnet lists) are several Quick Modes; the worst decides.
        ProxyIdResult? worst = null;
        foreach (var proposed in proposedList)
        {
            var result = One(proposed, responderList.Select(r => r.Swapped()).ToList(), responder.Vendor);
            if (worst is null || result.Outcome > worst.Outcome)
            {
                worst = result;
            }
        }
        return worst!;
    }

    private static ProxyIdResult One(ProxyId proposed, IReadOnlyList<ProxyId> responderViews, PeerVendor responderVendor)
    {
        var equal = responderViews.FirstOrDefault(r => Same(r, proposed));
        if (equal is not null)
        {
            return new ProxyIdResult(ProxyIdOutcome.Equal, proposed, equal, proposed);
        }
        if (responderVendor == PeerVendor.Seil)
        {
            // racoon looks the proposed IDs up in its SPD with wildcard matching (getsp_r/cmpspidxwild):
            // IDs inside its policy are accepted as proposed, anything else has "no policy found".
            var inside = responderViews.FirstOrDefault(r => proposed.Local.IsSubsetOf(r.Local) && proposed.Remote.IsSubsetOf(r.Remote) && PortsFit(proposed, r));
            return inside is not null
                ? new ProxyIdResult(ProxyIdOutcome.Subset, proposed, inside, proposed)
                : new ProxyIdResult(ProxyIdOutcome.Refused, proposed, responderViews[0], null);
        }
        var narrowed = responderViews.FirstOrDefault(r => r.Local.IsSubsetOf(proposed.Local) && r.Remote.IsSubsetOf(proposed.Remote) && PortsFit(r, proposed));
        if (narrowed is not null)
        {
            return new ProxyIdResult(ProxyIdOutcome.Narrowed, proposed, narrowed, narrowed);
        }
        var subset = responderViews.FirstOrDefault(r => proposed.Local.IsSubsetOf(r.Local) && proposed.Remote.IsSubsetOf(r.Remote) && PortsFit(proposed, r));
        if (subset is not null)
        {
            return new ProxyIdResult(ProxyIdOutcome.Subset, proposed, subset, proposed);
        }
        // Overlapping but not nested: charon narrows to the intersection (treated as narrowing).
        var overlap = responderViews.FirstOrDefault(r => r.Local.Overlaps(proposed.Local) && r.Remote.Overlaps(proposed.Remote));
        if (overlap is not null)
        {
            return new ProxyIdResult(ProxyIdOutcome.Narrowed, proposed, overlap, overlap);
        }
        return new ProxyIdResult(ProxyIdOutcome.Refused, proposed, responderViews[0], null);
    }

    private static bool Same(ProxyId a, ProxyId b) =>
        a.Local.Equals(b.Local) && a.Remote.Equals(b.Remote) && a.Protocol == b.Protocol && a.LocalPort == b.LocalPort && a.RemotePort == b.RemotePort;

    private static bool PortsFit(ProxyId inner, ProxyId outer) =>
        (outer.Protocol == 0 || outer.Protocol == inner.Protocol)
        && (outer.LocalPort == 0 || outer.LocalPort == inner.LocalPort)
        && (outer.RemotePort == 0 || outer.RemotePort == inner.RemotePort);
}
