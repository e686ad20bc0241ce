using SeilDiag.Diagnostics;
using SeilDiag.Model;

namespace SeilDiag.Analyzers.Common;

/// <summary>
/// Collects the edits of one fix, possibly on both ends, through each peer's own <see cref="IConfigEditor"/>,
/// and writes the title from the same steps ("SEIL: interface.ipsec0.ike.proposal.phase1.dh-group = modp1536"),
/// so the title always says exactly what the edits do. A key = value step reads the same in both languages;
/// a removal or a free-form step carries its Japanese too.
/// </summary>
internal sealed class FixBuilder
{
    private readonly List<TextEdit> _edits = [];
    private readonly List<LocalizedText> _steps = [];
    private bool _weakens;

    public FixBuilder Set(PeerConfig peer, string key, string value)
    {
        _edits.AddRange(peer.Editor.Set(key, value));
        _steps.Add(LocalizedText.Invariant($"{EndNames.Vendor(peer)}: {peer.Editor.DisplayKey(key)} = {value}"));
        return this;
    }

    public FixBuilder SetList(PeerConfig peer, string key, IReadOnlyList<string> values)
    {
        _edits.AddRange(peer.Editor.SetList(key, values));
        _steps.Add(LocalizedText.Invariant($"{EndNames.Vendor(peer)}: {peer.Editor.DisplayKey(key)} = {string.Join(", ", values)}"));
        return this;
    }

    /// <summary>Remove a key; <paramref name="meaning"/> says what its absence means ("no PFS", "Main Mode").</summary>
    public FixBuilder Remove(PeerConfig peer, string key, LocalizedText meaning)
    {
        var edits = peer.Editor.Remove(key);
        _edits.AddRange(edits);
        if (edits.Count > 0)
        {
            var vendor = EndNames.Vendor(peer);
            var display = peer.Editor.DisplayKey(key);
            _steps.Add(new($"{vendor}: remove {display} ({meaning.English})", $"{vendor}: {display} を削除 ({meaning.Japanese})"));
        }
        return this;
    }

    public FixBuilder Step(LocalizedText advice)
    {
        _steps.Add(advice);
        return this;
    }

    public FixBuilder Weakens(bool weakens = true)
    {
        _weakens |= weakens;
        return this;
    }

    public bool IsEmpty => _steps.Count == 0;

    public CodeFix Build(LocalizedText? explanation = null)
    {
        // The safety is carried by FixSafety (reporters print it), so the title stays the plain list of steps.
        var title = LocalizedText.Join(LocalizedText.Invariant("; "), _steps);
        return new CodeFix(title, MergeInsertions(_edits), _weakens ? FixSafety.WeakensSecurity : FixSafety.KeepsSecurity, explanation);
    }

    /// <summary>
    /// Two keys added to the same peer are two insertions at the same offset (after the peer's last line); an
    /// applier rightly refuses colliding edits, so they become one insertion with the lines in the order added.
    /// </summary>
    private static List<TextEdit> MergeInsertions(List<TextEdit> edits)
    {
        var result = new List<TextEdit>();
        foreach (var edit in edits)
        {
            var index = edit.Span.Length == 0
                ? result.FindIndex(e => e.Span.Length == 0 && e.Path == edit.Path && e.Span.Start == edit.Span.Start)
                : -1;
            if (index >= 0)
            {
                result[index] = result[index] with { NewText = result[index].NewText + edit.NewText };
            }
            else
            {
                result.Add(edit);
            }
        }
        return result;
    }
}
