using SeilDiag.Diagnostics;
using SeilDiag.Model;
using SeilDiag.Seil.Semantics;
using SeilDiag.Text;

namespace SeilDiag.Seil.Recipe;

/// <summary>The effective settings of one <c>interface.ipsecN</c>, read by keys relative to it.</summary>
internal sealed class PeerScope(SourceText text, IReadOnlyDictionary<string, EffectiveSetting> settings, string prefix, IReadOnlyList<EffectiveSetting> own)
{
    public string Prefix { get; } = prefix;

    /// <summary>The setting if it is set with a valid value (an invalid one was reported and falls back to the default).</summary>
    public EffectiveSetting? Get(string relativeKey) =>
        settings.TryGetValue(Prefix + relativeKey, out var s) && s.IsValid ? s : null;

    public Location Where(EffectiveSetting setting) => Location.InText(text, setting.Line.ValueSpan);

    public Located<T> Parse<T>(string relativeKey, Func<string, T> parse, T fallback) =>
        Get(relativeKey) is { } s ? Located<T>.At(parse(s.Value), Where(s)) : Located<T>.Default(fallback);

    public Located<T> Parse<T>(string relativeKey, Func<string, T?> parse, T fallback) where T : struct =>
        Get(relativeKey) is { } s && parse(s.Value) is { } v ? Located<T>.At(v, Where(s)) : Located<T>.Default(fallback);

    /// <summary>
    /// An indexed list ("ike.proposal.phase1.encryption.N.algorithm") in ascending index order, or the defaults
    /// when no entry is set. <see cref="ListValues{T}.Where"/> is the first entry's value (null for defaults).
    /// </summary>
    public ListValues<T> List<T>(string listKey, IReadOnlyList<string> defaults, Func<string, T?> map) where T : struct
    {
        var head = Prefix + listKey + ".";
        var entries = own
            .Where(s => s.IsValid && s.Key.StartsWith(head, StringComparison.Ordinal) && s.Key.EndsWith(".algorithm", StringComparison.Ordinal))
            .Select(s => (Index: s.Key[head.Length..^".algorithm".Length], Setting: s))
            .Where(e => e.Index.Length > 0 && e.Index.All(char.IsAsciiDigit))
            .OrderBy(e => e.Index, Comparer<string>.Create(ProposalExpansion.CompareIndex))
            .ToList();
        if (entries.Count == 0)
        {
            return new ListValues<T>([.. defaults.Select(d => map(d)!.Value)], null);
        }
        var values = entries.Select(e => map(e.Setting.Value)).Where(v => v is not null).Select(v => v!.Value).ToList();
        return new ListValues<T>(values, Where(entries[0].Setting));
    }
}

internal sealed record ListValues<T>(IReadOnlyList<T> Values, Location? Where);
