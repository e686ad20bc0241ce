using SeilDiag.Seil.Syntax;

namespace SeilDiag.Seil.Commands;

/// <summary>What a seil3 command line is, for the commands SeilDiag models.</summary>
internal enum Seil3CommandKind
{
    Other,
    IkeProposal,
    IkePeer,
    IkePresharedKey,
    IkeGlobal,
    SaProposal,
    SecurityAssociation,
    SecurityPolicy,
    InterfaceTunnel,
    RouteAdd,
}

/// <summary>One option of a command ("dh-group modp1024"): its name token, its value tokens, and whether the values were accepted.</summary>
internal sealed record Seil3Option(SeilToken Name, IReadOnlyList<SeilToken> Values, bool IsValid)
{
    public string Value => Values.Count > 0 ? Values[^1].Value : "";
}

/// <summary>A recognised seil3 command: its kind, the object name ("IKEP"), positional arguments and options.</summary>
internal sealed class Seil3Command(SeilCommandLine line, Seil3CommandKind kind)
{
    public SeilCommandLine Line { get; } = line;

    public Seil3CommandKind Kind { get; } = kind;

    public SeilToken? Name { get; init; }

    public IReadOnlyList<SeilToken> Arguments { get; init; } = [];

    public Dictionary<string, Seil3Option> Options { get; } = new(StringComparer.Ordinal);

    /// <summary>The option when its value was accepted (a rejected value was reported and falls back to the default).</summary>
    public Seil3Option? Option(string name) => Options.TryGetValue(name, out var option) && option.IsValid ? option : null;

    /// <summary>The option's value as written, accepted or not: names and addresses still link objects together.</summary>
    public string? RawValue(string name) => Options.TryGetValue(name, out var option) ? option.Value : null;
}
