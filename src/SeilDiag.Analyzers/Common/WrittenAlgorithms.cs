using SeilDiag.Model;

namespace SeilDiag.Analyzers.Common;

/// <summary>
/// Which algorithms the user actually wrote. strongSwan appends its default proposals to an ike=/esp= without
/// '!'; those defaults are the vendor's choice (SD4003 covers the missing '!'), so per-algorithm hygiene
/// findings look only at the keywords in the written value. A SEIL key names one algorithm and needs no filter.
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
}
