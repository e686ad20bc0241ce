using SeilDiag.Diagnostics;

namespace SeilDiag.Model;

/// <summary>
/// Writes fixes in one configuration dialect. Keys are given the way the dialect names them relative to the
/// peer: for SEIL the part after "interface.ipsecN." (e.g. "ike.proposal.phase1.dh-group"); for strongSwan
/// the conn parameter ("ike", "rightsubnet"). Edits leave every other byte of the file unchanged.
/// </summary>
public interface IConfigEditor
{
    /// <summary>The key as the user would search for it: "interface.ipsec0.ike.proposal.phase1.dh-group", "conn to-seil: ike".</summary>
    string DisplayKey(string key);

    /// <summary>Replace the value of <paramref name="key"/> if set, otherwise add it where the peer is defined.</summary>
    IReadOnlyList<TextEdit> Set(string key, string value);

    /// <summary>Remove <paramref name="key"/> (and so fall back to the default); no edit when it is not set.</summary>
    IReadOnlyList<TextEdit> Remove(string key);

    /// <summary>
    /// Where <paramref name="key"/> is set for this peer (its value, or the first entry of a list key), so a
    /// diagnostic can point at the very attribute that differs; null when it is not set (a default).
    /// </summary>
    Location? Locate(string key) => null;

    /// <summary>Replace a list of indexed keys (SEIL "ike.proposal.phase2.authentication.N.algorithm") with new values.</summary>
    IReadOnlyList<TextEdit> SetList(string listKey, IReadOnlyList<string> values);
}
