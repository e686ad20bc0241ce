using SeilDiag.Diagnostics;
using SeilDiag.Ike;
using SeilDiag.Model;

namespace SeilDiag.Analyzers.Common;

/// <summary>
/// Algorithm names for messages and fixes, all taken from Core's <see cref="IkeNames"/>: charon's log names
/// in messages (users grep logs for them), keywords of the peer's own dialect in fixes.
/// </summary>
internal static class AlgorithmText
{
    public static string Log(Cipher c) => IkeNames.LogName(c);

    public static string Log(HashAlgorithm h) => IkeNames.LogName(h);

    /// <summary>The two values that are phrases, not algorithm names: the only ones a Japanese message translates.</summary>
    public static readonly LocalizedText NoIntegrity = new("no integrity (AEAD)", "完全性なし (AEAD)");

    public static readonly LocalizedText NoPfs = new("no PFS", "PFS なし");

    public static string Log(IntegrityAlgorithm i) => i == IntegrityAlgorithm.None ? NoIntegrity.English : IkeNames.LogName(i);

    public static string Log(DhGroup g) => g == DhGroup.None ? NoPfs.English : IkeNames.LogName(g);

    public static string Log(AuthMethod a) => IkeNames.LogName(a);

    /// <summary>"AES-CBC-256/SHA2-256/MODP-1536": the summary's human notation.</summary>
    public static string Display(Phase1Proposal p) =>
        $"{Display(p.Encryption)}/{IkeNames.Find(p.Hash).Display}/{Display(p.Group)}";

    public static string Display(Phase2Proposal p)
    {
        var text = Display(p.Encryption);
        if (p.Integrity != IntegrityAlgorithm.None)
        {
            text += "/" + (IkeNames.Find(p.Integrity)?.Display ?? p.Integrity.ToString());
        }
        if (p.Pfs != DhGroup.None)
        {
            text += ", PFS " + Display(p.Pfs);
        }
        return text;
    }

    public static string Display(Cipher c) => IkeNames.Find(c)?.Display ?? IkeNames.LogName(c);

    /// <summary>The group's display name without the "(group N)" suffix.</summary>
    public static string Display(DhGroup g)
    {
        var display = IkeNames.Find(g)?.Display ?? IkeNames.LogName(g);
        var paren = display.IndexOf(" (", StringComparison.Ordinal);
        return paren > 0 ? display[..paren] : display;
    }

    /// <summary>"X only" or "X, Y" — how the mismatch message lists one attribute's values.</summary>
    public static string List(IEnumerable<string> values)
    {
        var distinct = values.Distinct().ToList();
        return distinct.Count == 1 ? $"{distinct[0]} only"
            : distinct.Count <= 8 ? string.Join(", ", distinct)
            : string.Join(", ", distinct.Take(8)) + $", ... ({distinct.Count} in all)";
    }

    public static string ListJa(IEnumerable<string> values)
    {
        var distinct = values.Distinct().Select(v => v == NoIntegrity.English ? NoIntegrity.Japanese : v == NoPfs.English ? NoPfs.Japanese : v).ToList();
        return distinct.Count == 1 ? $"{distinct[0]} のみ" : string.Join(", ", distinct);
    }

    /// <summary>A proposal list in charon's notation, cut after a few entries (the defaults expand to hundreds).</summary>
    public static string LogList(IEnumerable<string> proposals, int max = 6)
    {
        var distinct = proposals.Distinct().ToList();
        return distinct.Count <= max
            ? string.Join(", ", distinct)
            : string.Join(", ", distinct.Take(max)) + $", ... ({distinct.Count} transforms)";
    }

    // ---- dialect keywords for fixes ---------------------------------------------------------

    public static string? Keyword(PeerVendor vendor, Cipher c) =>
        vendor == PeerVendor.Seil ? IkeNames.Find(c)?.Seil : IkeNames.Find(c)?.StrongSwan[0];

    public static string? Keyword(PeerVendor vendor, HashAlgorithm h) =>
        vendor == PeerVendor.Seil ? IkeNames.Find(h).Seil : IkeNames.Find(h).StrongSwan[0];

    public static string? Keyword(PeerVendor vendor, IntegrityAlgorithm i) =>
        vendor == PeerVendor.Seil ? IkeNames.Find(i)?.Seil : IkeNames.Find(i)?.StrongSwan[0];

    public static string? Keyword(PeerVendor vendor, DhGroup g) =>
        vendor == PeerVendor.Seil ? IkeNames.Find(g)?.Seil : IkeNames.Find(g)?.StrongSwan[0];

    /// <summary>strongSwan ike= value for a proposal list ("aes256-sha256-modp1536,...!"), or null if a name is missing.</summary>
    public static string? StrongSwanIke(IEnumerable<Phase1Proposal> proposals)
    {
        var parts = new List<string>();
        foreach (var p in proposals)
        {
            var enc = Keyword(PeerVendor.StrongSwan, p.Encryption);
            var hash = Keyword(PeerVendor.StrongSwan, p.Hash);
            var group = Keyword(PeerVendor.StrongSwan, p.Group);
            if (enc is null || hash is null || group is null)
            {
                return null;
            }
            parts.Add($"{enc}-{hash}-{group}");
        }
        return parts.Count == 0 ? null : string.Join(',', parts.Distinct()) + "!";
    }

    /// <summary>strongSwan esp= value ("aes256-sha256[-modp2048],...!"), or null if a name is missing.</summary>
    public static string? StrongSwanEsp(IEnumerable<Phase2Proposal> proposals)
    {
        var parts = new List<string>();
        foreach (var p in proposals)
        {
            var enc = Keyword(PeerVendor.StrongSwan, p.Encryption);
            if (enc is null)
            {
                return null;
            }
            var text = enc;
            if (p.Integrity != IntegrityAlgorithm.None)
            {
                var integ = Keyword(PeerVendor.StrongSwan, p.Integrity);
                if (integ is null)
                {
                    return null;
                }
                text += "-" + integ;
            }
            if (p.Pfs != DhGroup.None)
            {
                var group = Keyword(PeerVendor.StrongSwan, p.Pfs);
                if (group is null)
                {
                    return null;
                }
                text += "-" + group;
            }
            parts.Add(text);
        }
        return parts.Count == 0 ? null : string.Join(',', parts.Distinct()) + "!";
    }

    // ---- weakness --------------------------------------------------------------------------

    public static bool IsWeak(Phase1Proposal p) =>
        IkeNames.IsWeak(p.Encryption) || IkeNames.IsWeak(p.Hash) || IkeNames.IsWeak(p.Group);

    public static bool IsWeak(Phase2Proposal p) =>
        IkeNames.IsWeak(p.Encryption) || IkeNames.IsWeak(p.Integrity) || (p.Pfs != DhGroup.None && IkeNames.IsWeak(p.Pfs));

    /// <summary>The strong replacement suggested for a weak algorithm (the smallest step that is not weak).</summary>
    public static Cipher StrongReplacement(Cipher c) => new(EncryptionAlgorithm.AesCbc, 256);

    public static HashAlgorithm StrongReplacement(HashAlgorithm h) => HashAlgorithm.Sha2_256;

    public static IntegrityAlgorithm StrongReplacement(IntegrityAlgorithm i) => IntegrityAlgorithm.HmacSha2_256_128;

    public static DhGroup StrongReplacement(DhGroup g) => g switch
    {
        DhGroup.Ecp192 => DhGroup.Ecp256,
        _ => DhGroup.Modp2048,
    };
}
