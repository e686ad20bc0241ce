using SeilDiag.Diagnostics;
using SeilDiag.Model;
using SeilDiag.Seil.Semantics;
using SeilDiag.Text;

namespace SeilDiag.Seil.Recipe;

/// <summary>
/// The effective settings under one prefix, read by keys relative to it: an <c>interface.ipsecN</c>, or a
/// policy-based <c>ike.peer.N</c>, <c>ipsec.security-association.saK</c> or <c>ipsec.security-policy.M</c>.
/// </summary>
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
        // Plain loops, not LINQ: LINQ over value types (T?, (string, EffectiveSetting)) cannot be precompiled
        // (ReadyToRun) and costs ~100 JIT compilations at process start, for lists of one to a few entries.
        const string tail = ".algorithm";
        var head = Prefix + listKey + ".";
        var entries = new List<EffectiveSetting>();
        var indices = new List<string>();
        foreach (var s in own)
        {
            var indexLength = s.Key.Length - head.Length - tail.Length;
            if (!s.IsValid || indexLength <= 0 || !s.Key.StartsWith(head, StringComparison.Ordinal) || !s.Key.EndsWith(tail, StringComparison.Ordinal))
            {
                continue;
            }
            var index = s.Key.Substring(head.Length, indexLength);
            if (!IsDigits(index))
            {
                continue;
            }
            // Insertion sort: stable like OrderBy (indices "1" and "01" compare equal), and lists are short.
            var at = indices.Count;
            while (at > 0 && ProposalExpansion.CompareIndex(indices[at - 1], index) > 0)
            {
                at--;
            }
            indices.Insert(at, index);
            entries.Insert(at, s);
        }
        if (entries.Count == 0)
        {
            var fallback = new T[defaults.Count];
            for (var i = 0; i < fallback.Length; i++)
            {
                fallback[i] = map(defaults[i])!.Value;
            }
            return new ListValues<T>(fallback, null);
        }
        var mapped = new T?[entries.Count];
        var count = 0;
        for (var i = 0; i < entries.Count; i++)
        {
            mapped[i] = map(entries[i].Value);
            count += mapped[i].HasValue ? 1 : 0;
        }
        var values = new T[count];
        count = 0;
        foreach (var value in mapped)
        {
            if (value.HasValue)
            {
                values[count++] = value.Value;
            }
        }
        return new ListValues<T>(values, Where(entries[0]));
    }

    private static bool IsDigits(string index)
    {
        foreach (var c in index)
        {
            if (!char.IsAsciiDigit(c))
            {
                return false;
            }
        }
        return true;
    }
}

internal sealed record ListValues<T>(IReadOnlyList<T> Values, Location? Where);
