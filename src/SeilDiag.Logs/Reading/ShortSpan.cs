using System.Runtime.CompilerServices;

namespace SeilDiag.Logs.Reading;

/// <summary>
/// Plain loops over the few characters of a line prefix (a timestamp, an IKE_SA name). The CoreLib span helpers are
/// vectorised for long inputs, but they are separate methods that tiered PGO keeps instrumented for a long time on
/// a single run; these are inlined into the (already optimised) per-line callers. Same results as
/// <c>SequenceEqual</c>, <c>IndexOf</c> and <c>LastIndexOf</c>.
/// </summary>
internal static class ShortSpan
{
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static bool Equal(ReadOnlySpan<char> a, ReadOnlySpan<char> b)
    {
        if (a.Length != b.Length)
        {
            return false;
        }
        for (var i = 0; i < a.Length; i++)
        {
            if (a[i] != b[i])
            {
                return false;
            }
        }
        return true;
    }

    /// <summary>Index of the first <paramref name="c"/> among the first <paramref name="limit"/> characters, else -1.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static int IndexOf(ReadOnlySpan<char> s, char c, int limit)
    {
        var end = Math.Min(s.Length, limit);
        for (var i = 0; i < end; i++)
        {
            if (s[i] == c)
            {
                return i;
            }
        }
        return -1;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static int LastIndexOf(ReadOnlySpan<char> s, char c)
    {
        for (var i = s.Length - 1; i >= 0; i--)
        {
            if (s[i] == c)
            {
                return i;
            }
        }
        return -1;
    }
}
