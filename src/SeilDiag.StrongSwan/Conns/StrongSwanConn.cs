using SeilDiag.Diagnostics;
using SeilDiag.StrongSwan.Syntax;

namespace SeilDiag.StrongSwan.Conns;

/// <summary>One effective setting of a conn: the value and the line it came from (this conn, an also= conn or %default).</summary>
public sealed record ConnSetting(string Key, IpsecConfLine Line, IpsecConfSection From)
{
    public string Value => Line.Value;

    /// <summary>Where the value is written (the key when the value is empty).</summary>
    public Location Location => Line.RawValueSpan is null
        ? Location.InText(Line.Document, Line.Find(IpsecConfTokenKind.Key)!.Value)
        : Location.InText(Line.Document, Line.ValueSpan);

    /// <summary>"key=" resets a key to strongSwan's default.</summary>
    public bool IsReset => Value.Length == 0;

    public bool Inherited(IpsecConfSection conn) => !ReferenceEquals(From, conn);
}

/// <summary>A conn with %default and also= resolved: every setting that applies to it, with its origin.</summary>
public sealed class StrongSwanConn
{
    public required IpsecConfSection Section { get; init; }

    public required IReadOnlyDictionary<string, ConnSetting> Settings { get; init; }

    /// <summary>What %default and also= give this conn before its own lines: what a fix falls back to when it deletes a line.</summary>
    public required IReadOnlyDictionary<string, ConnSetting> InheritedSettings { get; init; }

    public string Name => Section.Name;

    /// <summary>The effective setting of a key (canonical spelling), or null when unset or reset with "key=".</summary>
    public ConnSetting? Get(string key) =>
        Settings.TryGetValue(ConnKeys.Canonical(key), out var setting) && !setting.IsReset ? setting : null;

    public string? Value(string key) => Get(key)?.Value;

    public override string ToString() => $"conn {Name}";
}
