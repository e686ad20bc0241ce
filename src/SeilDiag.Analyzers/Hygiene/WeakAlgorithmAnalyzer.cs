using SeilDiag.Analysis;
using SeilDiag.Analyzers.Common;
using SeilDiag.Analyzers.Negotiation;
using SeilDiag.Analyzers.Pairing;
using SeilDiag.Diagnostics;
using SeilDiag.Ike;
using SeilDiag.Model;

namespace SeilDiag.Analyzers.Hygiene;

/// <summary>
/// SD4001: DES, 3DES, MD5, SHA-1 as the only hash, MODP-768/1024 (also as PFS group) — only where the user
/// wrote them (a daemon's default list is the vendor's choice, reported nowhere). The fix replaces the
/// algorithm with a strong one, unless the other end's configuration is known and would then no longer
/// match; then the fix is advice to change both ends.
/// </summary>
public sealed class WeakAlgorithmAnalyzer : IAnalyzer
{
    public IReadOnlyList<Rule> SupportedRules { get; } = [Rules.WeakAlgorithm];

    public void Analyze(AnalysisContext context)
    {
        // Pairing is only needed to word a finding's fix, so it is done when the first finding needs it.
        var pairs = new Lazy<IReadOnlyList<PeerPair>>(() => PeerPairing.Pair(context.Model).Pairs);
        foreach (var peer in context.Model.Peers)
        {
            var partner = new Lazy<PeerConfig?>(() => pairs.Value.Select(p => p.A == peer ? p.B : p.B == peer ? p.A : null).FirstOrDefault(p => p is not null));
            foreach (var diagnostic in Phase1(peer, partner).Concat(Phase2(peer, partner)))
            {
                context.Report(diagnostic.WithTunnel(PeerTunnel.Of(peer, context.Model)));
            }
        }
    }

    private static IEnumerable<Diagnostic> Phase1(PeerConfig peer, Lazy<PeerConfig?> partner)
    {
        if (peer.Phase1Proposals.IsDefault || peer.Phase1Proposals.Value is not { Count: > 0 } proposals)
        {
            yield break;
        }
        var isSeil = peer.Vendor == PeerVendor.Seil;
        var written = WrittenAlgorithms.For(peer, StrongSwanKeys.Ike);
        bool SeilWritten(string key) => WrittenAlgorithms.SeilKeyWritten(peer, key, SeilKeys.Phase1Keys);
        foreach (var cipher in proposals.Select(p => p.Encryption).Distinct().Where(c => IkeNames.IsWeak(c) && written(IkeNames.Find(c)?.StrongSwan) && SeilWritten(SeilKeys.Phase1Encryption)))
        {
            var replacement = AlgorithmText.StrongReplacement(cipher);
            yield return Make(peer, partner, isSeil ? SeilKeys.Phase1Encryption : StrongSwanKeys.Ike, AlgorithmText.Log(cipher), null,
                proposals.Select(p => p.Encryption == cipher ? p with { Encryption = replacement } : p).Distinct().ToList(), null,
                AlgorithmText.Keyword(peer.Vendor, replacement)!);
        }
        var hashes = proposals.Select(p => p.Hash).Distinct().ToList();
        foreach (var hash in hashes.Where(h => (IkeNames.IsWeak(h) || (h == HashAlgorithm.Sha1 && hashes.Count == 1)) && written(IkeNames.Find(h).StrongSwan) && SeilWritten(SeilKeys.Phase1Hash)))
        {
            var replacement = AlgorithmText.StrongReplacement(hash);
            yield return Make(peer, partner, isSeil ? SeilKeys.Phase1Hash : StrongSwanKeys.Ike, AlgorithmText.Log(hash),
                hash == HashAlgorithm.Sha1 ? new LocalizedText(" (the only hash)", " (唯一のハッシュ)") : null,
                proposals.Select(p => p.Hash == hash ? p with { Hash = replacement } : p).Distinct().ToList(), null,
                AlgorithmText.Keyword(peer.Vendor, replacement)!);
        }
        foreach (var group in proposals.Select(p => p.Group).Distinct().Where(g => IkeNames.IsWeak(g) && written(IkeNames.Find(g)?.StrongSwan) && SeilWritten(SeilKeys.Phase1Group)))
        {
            var replacement = AlgorithmText.StrongReplacement(group);
            yield return Make(peer, partner, isSeil ? SeilKeys.Phase1Group : StrongSwanKeys.Ike, AlgorithmText.Log(group), null,
                proposals.Select(p => p.Group == group ? p with { Group = replacement } : p).Distinct().ToList(), null,
                AlgorithmText.Keyword(peer.Vendor, replacement));
        }
    }

    private static IEnumerable<Diagnostic> Phase2(PeerConfig peer, Lazy<PeerConfig?> partner)
    {
        if (peer.Phase2Proposals.IsDefault || peer.Phase2Proposals.Value is not { Count: > 0 } proposals)
        {
            yield break;
        }
        var isSeil = peer.Vendor == PeerVendor.Seil;
        var written = WrittenAlgorithms.For(peer, StrongSwanKeys.Esp);
        bool SeilWritten(string key) => WrittenAlgorithms.SeilKeyWritten(peer, key, SeilKeys.Phase2Keys);
        foreach (var cipher in proposals.Select(p => p.Encryption).Distinct().Where(c => IkeNames.IsWeak(c) && written(IkeNames.Find(c)?.StrongSwan) && SeilWritten(SeilKeys.Phase2Encryption)))
        {
            var replacement = AlgorithmText.StrongReplacement(cipher);
            yield return Make(peer, partner, isSeil ? SeilKeys.Phase2Encryption : StrongSwanKeys.Esp, AlgorithmText.Log(cipher), null, null,
                proposals.Select(p => p.Encryption == cipher ? p with { Encryption = replacement } : p).Distinct().ToList(),
                AlgorithmText.Keyword(peer.Vendor, replacement));
        }
        var integrities = proposals.Select(p => p.Integrity).Distinct().ToList();
        foreach (var integrity in integrities.Where(i => (IkeNames.IsWeak(i) || (i == IntegrityAlgorithm.HmacSha1_96 && integrities.Count == 1)) && written(IkeNames.Find(i)?.StrongSwan) && SeilWritten(SeilKeys.Phase2Authentication)))
        {
            var replacement = AlgorithmText.StrongReplacement(integrity);
            yield return Make(peer, partner, isSeil ? SeilKeys.Phase2Authentication : StrongSwanKeys.Esp, AlgorithmText.Log(integrity),
                integrity == IntegrityAlgorithm.HmacSha1_96 ? new LocalizedText(" (the only integrity algorithm)", " (唯一の完全性アルゴリズム)") : null, null,
                proposals.Select(p => p.Integrity == integrity ? p with { Integrity = replacement } : p).Distinct().ToList(),
                AlgorithmText.Keyword(peer.Vendor, replacement));
        }
        foreach (var group in proposals.Select(p => p.Pfs).Distinct().Where(g => g != DhGroup.None && IkeNames.IsWeak(g) && written(IkeNames.Find(g)?.StrongSwan) && SeilWritten(SeilKeys.Phase2Pfs)))
        {
            var replacement = AlgorithmText.StrongReplacement(group);
            yield return Make(peer, partner, isSeil ? SeilKeys.Phase2Pfs : StrongSwanKeys.Esp, AlgorithmText.Log(group),
                new LocalizedText(" (as PFS group)", " (PFS グループとして)"), null,
                proposals.Select(p => p.Pfs == group ? p with { Pfs = replacement } : p).Distinct().ToList(),
                AlgorithmText.Keyword(peer.Vendor, replacement));
        }
    }

    private static Diagnostic Make(
        PeerConfig peer, Lazy<PeerConfig?> partner, string key, string algorithm, LocalizedText? note,
        IReadOnlyList<Phase1Proposal>? newPhase1, IReadOnlyList<Phase2Proposal>? newPhase2, string? replacementKeyword)
    {
        var location = EndNames.KeyLocation(peer, key,
            newPhase1 is not null ? EndNames.LocationOf(peer, peer.Phase1Proposals) : EndNames.LocationOf(peer, peer.Phase2Proposals));
        var diagnostic = Diagnostic.Create(Rules.WeakAlgorithm, location, algorithm, peer.Editor.DisplayKey(key), (object?)note ?? "");
        var fix = Fix(peer, partner.Value, key, newPhase1, newPhase2, replacementKeyword);
        return fix is null ? diagnostic : diagnostic.WithFixes(fix);
    }

    private static CodeFix? Fix(PeerConfig peer, PeerConfig? partner, string key,
        IReadOnlyList<Phase1Proposal>? newPhase1, IReadOnlyList<Phase2Proposal>? newPhase2, string? replacementKeyword)
    {
        if (replacementKeyword is null)
        {
            return null;
        }
        if (partner is not null && BreaksPartner(peer, partner, newPhase1, newPhase2))
        {
            var name = $"{EndNames.Vendor(partner)} ({EndNames.FileName(partner)})";
            return CodeFix.Advice(
                new LocalizedText($"{name} accepts nothing stronger here: change both ends to {replacementKeyword}",
                    $"{name} はこれより強いアルゴリズムを受け入れません: 両端を {replacementKeyword} に変更します"),
                explanation: new LocalizedText("Replacing the algorithm on this end alone would stop the tunnel from negotiating.",
                    "この端だけアルゴリズムを置き換えると、ネゴシエーションが成立しなくなります。"));
        }
        var builder = new FixBuilder();
        if (peer.Vendor == PeerVendor.StrongSwan)
        {
            var value = newPhase1 is not null ? AlgorithmText.StrongSwanIke(newPhase1) : AlgorithmText.StrongSwanEsp(newPhase2!);
            if (value is null)
            {
                return null;
            }
            builder.Set(peer, key, value);
        }
        else if (key is SeilKeys.Phase1Group or SeilKeys.Phase2Pfs)
        {
            builder.Set(peer, key, replacementKeyword);
        }
        else
        {
            IReadOnlyList<string?> values = key switch
            {
                SeilKeys.Phase1Encryption => newPhase1!.Select(p => AlgorithmText.Keyword(PeerVendor.Seil, p.Encryption)).Distinct().ToList(),
                SeilKeys.Phase1Hash => newPhase1!.Select(p => AlgorithmText.Keyword(PeerVendor.Seil, p.Hash)).Distinct().ToList(),
                SeilKeys.Phase2Encryption => newPhase2!.Select(p => AlgorithmText.Keyword(PeerVendor.Seil, p.Encryption)).Distinct().ToList(),
                _ => newPhase2!.Select(p => AlgorithmText.Keyword(PeerVendor.Seil, p.Integrity)).Distinct().ToList(),
            };
            if (values.Any(v => v is null))
            {
                return null;
            }
            builder.SetList(peer, key, [.. values.Select(v => v!)]);
        }
        return builder.Build();
    }

    /// <summary>Whether the replacement would make a negotiation with the known partner fail that works today.</summary>
    private static bool BreaksPartner(PeerConfig peer, PeerConfig partner, IReadOnlyList<Phase1Proposal>? newPhase1, IReadOnlyList<Phase2Proposal>? newPhase2)
    {
        var replaced = new PeerConfigOverlay(peer, newPhase1, newPhase2).Config;
        if (newPhase1 is not null)
        {
            return (Phase1Negotiation.Negotiate(peer, partner).Succeeds && !Phase1Negotiation.Negotiate(replaced, partner).Succeeds)
                || (Phase1Negotiation.Negotiate(partner, peer).Succeeds && !Phase1Negotiation.Negotiate(partner, replaced).Succeeds);
        }
        return (Phase2Negotiation.Negotiate(peer, partner).Succeeds && !Phase2Negotiation.Negotiate(replaced, partner).Succeeds)
            || (Phase2Negotiation.Negotiate(partner, peer).Succeeds && !Phase2Negotiation.Negotiate(partner, replaced).Succeeds);
    }
}
