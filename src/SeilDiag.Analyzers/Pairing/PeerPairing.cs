using SeilDiag.Analysis;
using SeilDiag.Analyzers.Common;
using SeilDiag.Model;

namespace SeilDiag.Analyzers.Pairing;

/// <summary>A peer for which the other end's configuration has no partner.</summary>
public sealed record UnpairedPeer(PeerConfig Peer, PeerConfig? Nearest, string Why);

/// <summary>
/// The pairs found, the peers left alone, and whether the model holds two ends at all. The unpaired peers (with
/// their nearest candidate, a costly search over every peer of the other end) are found only when asked for:
/// lint asks for the pairs alone.
/// </summary>
public sealed class PairingResult(IReadOnlyList<PeerPair> pairs, Func<IReadOnlyList<UnpairedPeer>> unpaired, bool twoEnded)
{
    private readonly Lazy<IReadOnlyList<UnpairedPeer>> _unpaired = new(unpaired);

    public IReadOnlyList<PeerPair> Pairs { get; } = pairs;

    public IReadOnlyList<UnpairedPeer> Unpaired => _unpaired.Value;

    public bool TwoEnded { get; } = twoEnded;
}

/// <summary>
/// Matches peers of different documents as the two ends of one tunnel: first by addresses (each end's
/// remote address against the other's local one; %any and %defaultroute fit anything), then by identities
/// where addresses alone cannot decide. An end whose address contradicts the other's is never paired, so
/// a typo in an address surfaces as SD1007 rather than as a string of confusing mismatches.
/// </summary>
public static class PeerPairing
{
    // Every pair analyzer asks for the pairs of the same model; the answer is kept while the peer list is unchanged.
    private static readonly System.Runtime.CompilerServices.ConditionalWeakTable<IkeModel, Tuple<PeerConfig[], PairingResult>> Cache = new();

    public static PairingResult Pair(IkeModel model)
    {
        if (Cache.TryGetValue(model, out var cached) && cached.Item1.SequenceEqual(model.Peers, ReferenceEqualityComparer.Instance))
        {
            return cached.Item2;
        }
        var result = Compute(model);
        Cache.AddOrUpdate(model, Tuple.Create(model.Peers.ToArray(), result));
        return result;
    }

    private static PairingResult Compute(IkeModel model)
    {
        // auto=ignore conns are not loaded by charon: they are nobody's partner.
        var peers = model.Peers.Where(p => p.Initiation.Value != Initiation.Ignore).ToList();
        var documents = peers.Select(p => p.Document.Path).Distinct(StringComparer.Ordinal).ToList();
        if (documents.Count < 2)
        {
            return new PairingResult([], () => [], false);
        }

        var candidates = new List<(PeerConfig A, PeerConfig B, int Score)>();
        for (var i = 0; i < peers.Count; i++)
        {
            for (var j = i + 1; j < peers.Count; j++)
            {
                if (peers[i].Document.Path == peers[j].Document.Path)
                {
                    continue;
                }
                var score = Score(peers[i], peers[j]);
                if (score > 0)
                {
                    candidates.Add((peers[i], peers[j], score));
                }
            }
        }

        // Greedy by score, stable by model order: the best-fitting pairs claim their peers first.
        var used = new HashSet<PeerConfig>(ReferenceEqualityComparer.Instance);
        var pairs = new List<PeerPair>();
        foreach (var (a, b, _) in candidates.OrderByDescending(c => c.Score))
        {
            if (used.Contains(a) || used.Contains(b))
            {
                continue;
            }
            used.Add(a);
            used.Add(b);
            pairs.Add(new PeerPair(a, b));
        }
        pairs.Sort((x, y) => peers.IndexOf(x.A).CompareTo(peers.IndexOf(y.A)));

        return new PairingResult(pairs, () => FindUnpaired(peers, documents.Count, used), true);
    }

    private static IReadOnlyList<UnpairedPeer> FindUnpaired(List<PeerConfig> peers, int documentCount, HashSet<PeerConfig> used)
    {
        // With more than two documents "the other end" is ambiguous; SD1007 is only sure with exactly two.
        var unpaired = new List<UnpairedPeer>();
        if (documentCount == 2)
        {
            foreach (var peer in peers.Where(p => !used.Contains(p)))
            {
                var others = peers.Where(p => p.Document.Path != peer.Document.Path).ToList();
                var nearest = others
                    .OrderByDescending(o => Closeness(peer, o))
                    .ThenBy(o => Text.Suggestions.Distance(peer.RemoteAddress.Value ?? "", o.LocalAddress.Value ?? ""))
                    .FirstOrDefault();
                unpaired.Add(new UnpairedPeer(peer, nearest, nearest is null ? "the other configuration defines no peer" : Explain(peer, nearest)));
            }
        }
        return unpaired;
    }

    /// <summary>0 = not a pair; higher = more certainly a pair.</summary>
    internal static int Score(PeerConfig a, PeerConfig b)
    {
        var forward = Endpoints.Match(a.RemoteAddress.Value, b.LocalAddress.Value);
        var backward = Endpoints.Match(b.RemoteAddress.Value, a.LocalAddress.Value);
        if (forward == EndpointMatch.Conflict || backward == EndpointMatch.Conflict)
        {
            return 0;
        }
        var score = (int)forward + (int)backward;
        if (forward == EndpointMatch.Exact && backward == EndpointMatch.Exact)
        {
            return score * 10;
        }
        // Addresses leave room (dynamic peer, %any): let the identities decide.
        var identityScore = IdentityScore(a, b) + IdentityScore(b, a);
        if (identityScore < 0)
        {
            return 0;
        }
        return score * 10 + identityScore;
    }

    /// <summary>+2 when <paramref name="receiver"/> expects exactly what <paramref name="sender"/> sends, 0 when it accepts anything, -1 on conflict.</summary>
    private static int IdentityScore(PeerConfig sender, PeerConfig receiver)
    {
        var sent = Endpoints.EffectiveLocalIdentity(sender);
        var expected = Endpoints.EffectiveRemoteIdentity(receiver);
        if (sent is null || expected is null || expected.Type == IdentityType.Any)
        {
            return 0;
        }
        return expected.Accepts(sent) ? 2 : -1;
    }

    private static int Closeness(PeerConfig peer, PeerConfig other)
    {
        var score = 0;
        score += Endpoints.Match(peer.RemoteAddress.Value, other.LocalAddress.Value) == EndpointMatch.Exact ? 2 : 0;
        score += Endpoints.Match(other.RemoteAddress.Value, peer.LocalAddress.Value) == EndpointMatch.Exact ? 2 : 0;
        score += Endpoints.Match(peer.RemoteAddress.Value, other.LocalAddress.Value) == EndpointMatch.Possible ? 1 : 0;
        score += Endpoints.Match(other.RemoteAddress.Value, peer.LocalAddress.Value) == EndpointMatch.Possible ? 1 : 0;
        return score;
    }

    private static string Explain(PeerConfig peer, PeerConfig nearest)
    {
        var reasons = new List<string>();
        if (Endpoints.Match(peer.RemoteAddress.Value, nearest.LocalAddress.Value) == EndpointMatch.Conflict)
        {
            reasons.Add($"this peer's remote address {peer.RemoteAddress.Value} is not {EndNames.Short(nearest, peer)}'s local address {nearest.LocalAddress.Value}");
        }
        if (Endpoints.Match(nearest.RemoteAddress.Value, peer.LocalAddress.Value) == EndpointMatch.Conflict)
        {
            reasons.Add($"{EndNames.Short(nearest, peer)} expects the peer at {nearest.RemoteAddress.Value}, this peer's local address is {peer.LocalAddress.Value}");
        }
        if (reasons.Count == 0)
        {
            var sent = Endpoints.EffectiveLocalIdentity(peer);
            var expected = Endpoints.EffectiveRemoteIdentity(nearest);
            if (sent is not null && expected is not null && !expected.Accepts(sent))
            {
                reasons.Add($"it expects identity {expected}, this peer sends {sent}");
            }
        }
        if (reasons.Count == 0)
        {
            reasons.Add("it is already paired with another peer");
        }
        return string.Join("; ", reasons);
    }
}
