namespace SeilDiag.Diagnostics;

/// <summary>
/// A message argument that is a phrase rather than a value, in both languages. Values (algorithm names,
/// addresses, key names) are passed as plain strings and are the same in every language.
/// </summary>
public sealed record LocalizedText(string English, string Japanese)
{
    public string Get(string lang) => lang == "ja" ? Japanese : English;

    public override string ToString() => English;

    /// <summary>Text that reads the same in both languages (a key = value edit, a list of algorithm names).</summary>
    public static LocalizedText Invariant(string text) => new(text, text);

    /// <summary>Joins phrases language by language; the separator may differ ("; " in both, " and " / " と ").</summary>
    public static LocalizedText Join(LocalizedText separator, IEnumerable<LocalizedText> parts)
    {
        var list = parts.ToList();
        return new(string.Join(separator.English, list.Select(p => p.English)), string.Join(separator.Japanese, list.Select(p => p.Japanese)));
    }
}
