using SeilDiag.Model;

namespace SeilDiag.Analyzers.Common;

/// <summary>
/// Which algorithms the user actually wrote. strongSwan appends its default proposals to an ike=/esp= without
/// '!'; those defaults are the vendor's choice (SD4003 covers the missing '!'), so per-algorithm hygiene
/// findings look only at the keywords in the written value. A SEIL proposal is written key by key: setting only
/// its lifetime (seed S8) leaves the encryption, hash and group lists at the SEIL defaults, which include 3DES.
/// </summary>
internal static class WrittenAlgorithms
{
    private static readonly char[] Separators = [',', '-', '!', '"', '\'', ' ', '\t'];

    /// <summary>A test taking an algorithm's strongSwan keywords: true when one of them is written in <paramref name="key"/>.</summary>
    public static Func<IEnumerable<string>?, bool> For(PeerConfig peer, string key)
    {
        if (peer.Vendor != PeerVendor.StrongSwan)
        {
            return _ => true;
        }
        var where = peer.Editor.Locate(key);
        if (where?.Span is not { } span || where.Path != peer.Document.Path || span.End > peer.Document.Length)
        {
            // The editor cannot show the written text (another document, an editor without locations): judge every
            // algorithm, as before. An unset ike=/esp= never gets here: its proposals are marked as defaults.
            return _ => true;
        }
        var tokens = peer.Document[span].Split(Separators, StringSplitOptions.RemoveEmptyEntries).ToHashSet(StringComparer.OrdinalIgnoreCase);
        return keywords => keywords is not null && keywords.Any(tokens.Contains);
    }

    /// <summary>
    /// Whether a SEIL proposal key (<paramref name="key"/>, one of <paramref name="proposalKeys"/>) is written. The
    /// editor answers where it can locate keys: when it locates a sibling but not this key, the key is the default.
    /// An editor that locates nothing (seil3 command syntax, where one line holds the whole proposal) cannot tell, and
    /// every algorithm of a written proposal counts as written.
    /// </summary>
    public static bool SeilKeyWritten(PeerConfig peer, string key, IReadOnlyList<string> proposalKeys)
    {
        if (peer.Vendor != PeerVendor.Seil || peer.Editor.Locate(key) is not null)
        {
            return true;
        }
        return !proposalKeys.Any(k => k != key && peer.Editor.Locate(k) is not null);
    }
}
