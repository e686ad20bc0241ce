using SeilDiag.StrongSwan.Syntax;

namespace SeilDiag.StrongSwan.Conns;

public enum IpsecConfSectionKind
{
    Setup,
    Conn,
    Ca,
}

/// <summary>One section as written: its header line and its parameter lines (possibly from included files).</summary>
public sealed class IpsecConfSection
{
    public required IpsecConfSectionKind Kind { get; init; }

    public required string Name { get; init; }

    public required IpsecConfLine Header { get; init; }

    public List<IpsecConfLine> Parameters { get; } = [];

    public bool IsDefault => Kind == IpsecConfSectionKind.Conn && Name == "%default";

    public override string ToString() => $"{Header.Keyword} {Name}";
}
