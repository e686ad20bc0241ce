namespace SeilDiag.Diagnostics;

/// <summary>
/// A message argument that is a phrase rather than a value, in both languages. Values (algorithm names,
/// addresses, key names) are passed as plain strings and are the same in every language.
/// </summary>
public sealed record LocalizedText(string English, string Japanese)
{
    public string Get(string lang) => lang == "ja" ? Japanese : English;

    public override string ToString() => English;
}
