using SeilDiag.Diagnostics;
using SeilDiag.Model;
using SeilDiag.Text;

namespace SeilDiag.StrongSwan.Settings;

/// <summary>"key = value" in strongswan.conf, with where the key and the value are written.</summary>
public sealed record StrongSwanConfSetting(string Name, string Value, SourceText Document, TextSpan KeySpan, TextSpan ValueSpan)
{
    public Location KeyLocation => Location.InText(Document, KeySpan);

    public Location ValueLocation => Location.InText(Document, ValueSpan);
}

/// <summary>A section "name { ... }"; sections of the same name at the same level are merged, as libstrongswan's settings do.</summary>
public sealed class StrongSwanConfSection(string name)
{
    public string Name { get; } = name;

    public List<StrongSwanConfSection> Sections { get; } = [];

    public List<StrongSwanConfSetting> Settings { get; } = [];

    public StrongSwanConfSection GetOrAddSection(string name)
    {
        var existing = Sections.FirstOrDefault(s => s.Name == name);
        if (existing is null)
        {
            existing = new StrongSwanConfSection(name);
            Sections.Add(existing);
        }
        return existing;
    }
}

/// <summary>strongswan.conf as a tree, with the few settings that change IKEv1 behaviour exposed by name.</summary>
public sealed class StrongSwanConfDocument
{
    public required StrongSwanConfSection Root { get; init; }

    public required IReadOnlyList<SourceText> Documents { get; init; }

    public required IReadOnlyList<Diagnostic> Diagnostics { get; init; }

    /// <summary>The setting at a dotted path ("charon.retransmit_tries"), the last one written when set twice; null when not set.</summary>
    public StrongSwanConfSetting? Find(string path)
    {
        var parts = path.Split('.');
        var section = Root;
        for (var i = 0; i < parts.Length - 1; i++)
        {
            section = section.Sections.FirstOrDefault(s => s.Name == parts[i]);
            if (section is null)
            {
                return null;
            }
        }
        return section.Settings.LastOrDefault(s => s.Name == parts[^1]);
    }

    /// <summary>libstrongswan's boolean: yes, true, enabled and 1 are true, anything else false.</summary>
    public static bool IsTrue(string value) =>
        value.Trim().ToLowerInvariant() is "yes" or "true" or "enabled" or "1";

    public const string AggressivePskKey = "charon.i_dont_care_about_security_and_use_aggressive_mode_psk";

    /// <summary>Whether charon accepts Aggressive Mode with a PSK (default no), and where that is set.</summary>
    public Located<bool> AggressivePskAllowed => Find(AggressivePskKey) is { } setting
        ? Located<bool>.At(IsTrue(setting.Value), setting.ValueLocation)
        : Located<bool>.Default(false);

    /// <summary>charon.retransmit_tries (default 5): how many retransmits before giving up.</summary>
    public Located<int> RetransmitTries => Number("charon.retransmit_tries", 5);

    /// <summary>charon.retransmit_timeout in seconds (default 4.0).</summary>
    public Located<double> RetransmitTimeout => Real("charon.retransmit_timeout", 4.0);

    /// <summary>charon.retransmit_base (default 1.8): the exponential backoff base.</summary>
    public Located<double> RetransmitBase => Real("charon.retransmit_base", 1.8);

    // Invariant, like charon's strtol: the same file reads the same on every machine, whatever its locale's signs.
    private Located<int> Number(string path, int fallback) =>
        Find(path) is { } s && int.TryParse(s.Value, System.Globalization.NumberStyles.AllowLeadingSign, System.Globalization.CultureInfo.InvariantCulture, out var value)
            ? Located<int>.At(value, s.ValueLocation) : Located<int>.Default(fallback);

    private Located<double> Real(string path, double fallback) =>
        Find(path) is { } s && double.TryParse(s.Value, System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out var value)
            ? Located<double>.At(value, s.ValueLocation) : Located<double>.Default(fallback);
}
