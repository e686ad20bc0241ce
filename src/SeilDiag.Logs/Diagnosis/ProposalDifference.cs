using SeilDiag.Diagnostics;
using SeilDiag.Ike;
using SeilDiag.Logs.Events;

namespace SeilDiag.Logs.Diagnosis;

/// <summary>One transform type on which the received and configured proposals have nothing in common.</summary>
public sealed record TransformDifference(TransformType Type, IReadOnlyList<string> Received, IReadOnlyList<string> Configured)
{
    public string Label(bool ike, string lang) => (Type, ike) switch
    {
        (TransformType.Encryption, _) => lang == "ja" ? "暗号" : "encryption",
        (TransformType.Integrity, true) or (TransformType.Prf, true) => lang == "ja" ? "ハッシュ" : "hash",
        (TransformType.Integrity, false) => lang == "ja" ? "認証(インテグリティ)" : "integrity",
        (TransformType.KeyExchange, true) => lang == "ja" ? "DH グループ" : "DH group",
        (TransformType.KeyExchange, false) => lang == "ja" ? "PFS グループ" : "PFS group",
        _ => Type.ToString(),
    };
}

/// <summary>
/// Computes what differs between charon's "received proposals" and "configured proposals": per transform type, the
/// types whose received and configured algorithms do not intersect. When every type intersects somewhere but no
/// single proposal matched, the closest proposal pair is compared instead.
/// </summary>
public static class ProposalDifference
{
    public static IReadOnlyList<TransformDifference> Compute(IReadOnlyList<LoggedProposal> received, IReadOnlyList<LoggedProposal> configured)
    {
        if (received.Count == 0 || configured.Count == 0)
        {
            return [];
        }
        var ike = received[0].IsIke;
        TransformType[] types = ike
            ? [TransformType.Encryption, TransformType.Integrity, TransformType.KeyExchange]
            : [TransformType.Encryption, TransformType.Integrity, TransformType.KeyExchange];
        var union = Differences(types, received, configured);
        if (union.Count > 0)
        {
            return union;
        }
        // Every type is available somewhere: report the pair of proposals that comes closest.
        IReadOnlyList<TransformDifference> best = [];
        var bestCount = int.MaxValue;
        foreach (var r in received)
        foreach (var c in configured)
        {
            var d = Differences(types, [r], [c]);
            if (d.Count > 0 && d.Count < bestCount)
            {
                best = d;
                bestCount = d.Count;
            }
        }
        return best;
    }

    private static List<TransformDifference> Differences(TransformType[] types, IReadOnlyList<LoggedProposal> received, IReadOnlyList<LoggedProposal> configured)
    {
        var result = new List<TransformDifference>();
        foreach (var type in types)
        {
            var r = received.SelectMany(p => Values(p, type)).Distinct().ToList();
            var c = configured.SelectMany(p => Values(p, type)).Distinct().ToList();
            if (r.Count == 0 && c.Count == 0)
            {
                continue;
            }
            if (!r.Intersect(c).Any())
            {
                result.Add(new TransformDifference(type, r, c));
            }
        }
        return result;
    }

    /// <summary>Values of a type; an ESP proposal without a DH group means "no PFS" and counts as the value NO_PFS.</summary>
    private static IEnumerable<string> Values(LoggedProposal p, TransformType type)
    {
        var values = p.Of(type);
        if (type == TransformType.KeyExchange && !p.IsIke && values.Count == 0)
        {
            return ["NO_PFS"];
        }
        if (type == TransformType.Integrity && values.Count == 0 && p.Encryption.Any(e => e.Contains("GCM", StringComparison.Ordinal) || e.Contains("CCM", StringComparison.Ordinal)))
        {
            return ["(AEAD)"];
        }
        return values;
    }

    public static string Describe(IReadOnlyList<TransformDifference> differences, bool ike, string lang) =>
        string.Join("; ", differences.Select(d => lang == "ja"
            ? $"{d.Label(ike, lang)}: 受信 {List(d.Received)}、設定 {List(d.Configured)}"
            : $"{d.Label(ike, lang)}: received {List(d.Received)}, configured {List(d.Configured)}"));

    public static LocalizedText Describe(IReadOnlyList<TransformDifference> differences, bool ike) =>
        new(Describe(differences, ike, "en"), Describe(differences, ike, "ja"));

    private static string List(IReadOnlyList<string> values) =>
        values.Count <= 5 ? string.Join("/", values) : string.Join("/", values.Take(5)) + $"/… ({values.Count})";
}
