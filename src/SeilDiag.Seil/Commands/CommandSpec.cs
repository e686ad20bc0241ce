using SeilDiag.Seil.Semantics;
using SeilDiag.Seil.Recipe;

namespace SeilDiag.Seil.Commands;

/// <summary>How many values an option takes: one, or an identifier ("address" / "fqdn NAME" / "user-fqdn NAME").</summary>
internal enum OptionArity
{
    One,
    Identifier,
    /// <summary>Policy-based SA endpoints: "dynamic" / "auto" or two addresses.</summary>
    Endpoints,
    /// <summary>A bare flag with no value ("enable" at the end of a security policy).</summary>
    Flag,
}

internal sealed record OptionSpec(string Name, SeilValueType Type, OptionArity Arity = OptionArity.One);

/// <summary>
/// The options of the seil3 commands SeilDiag models (seil-reference.md §2.2, from IIJ's seil2recipe converter).
/// </summary>
internal static class CommandSpec
{
    private static readonly SeilValueType EnableDisable = SeilValueType.EnableDisable;
    private static readonly SeilValueType Encryption3 = SeilValueType.Keywords("aes", "aes128", "aes192", "aes256", "3des", "des", "blowfish", "cast128", "null");
    private static readonly SeilValueType Groups = SeilValueType.Keywords(SeilKeywords.DhGroups);

    public static IReadOnlyDictionary<string, OptionSpec> IkeProposal { get; } = Table(
        new("encryption", Seil3Values.ListOf(SeilValueType.Keywords("aes", "aes128", "aes192", "aes256", "3des", "des"))),
        new("hash", Seil3Values.ListOf(SeilValueType.Keywords(SeilKeywords.Hashes))),
        new("authentication", SeilValueType.Keywords("preshared-key", "rsa-signature")),
        new("dh-group", Groups),
        new("lifetime-of-time", Seil3Values.Time));

    public static IReadOnlyDictionary<string, OptionSpec> IkePeer { get; } = Table(
        new("address", Seil3Values.Or(Seil3Values.Address, "dynamic")),
        new("port", SeilValueType.Integer(1, 65535)),
        new("exchange-mode", SeilValueType.Keywords("main", "aggressive", "base")),
        new("proposals", SeilValueType.Text),
        new("my-identifier", SeilValueType.Text, OptionArity.Identifier),
        new("peers-identifier", SeilValueType.Text, OptionArity.Identifier),
        new("check-level", SeilValueType.Keywords("obey", "strict", "claim", "exact")),
        new("initial-contact", EnableDisable),
        new("nonce-size", SeilValueType.Integer(8, 256)),
        new("dpd", EnableDisable),
        new("nat-traversal", SeilValueType.Keywords("enable", "disable", "force")),
        new("tunnel-interface", EnableDisable),
        new("responder-only", SeilValueType.Keywords("on", "off")),
        new("prefer-new-phase1", EnableDisable),
        new("preshared-key", SeilValueType.Text),
        new("variable-size-key-exchange-payload", SeilValueType.Text),
        new("esp-fragment-size", SeilValueType.Text),
        new("send-transport-phase2-id", SeilValueType.Text));

    public static IReadOnlyDictionary<string, OptionSpec> SaProposal { get; } = Table(
        new("authentication-algorithm", Seil3Values.ListOf(SeilValueType.Keywords(SeilKeywords.Integrities))),
        new("encryption-algorithm", Seil3Values.ListOf(Encryption3)),
        new("lifetime-of-time", Seil3Values.Time),
        new("lifetime-of-byte", Seil3Values.Or(SeilValueType.Integer(0, long.MaxValue / 2), "system-default")),
        new("pfs-group", Seil3Values.Or(Groups, "none")));

    public static IReadOnlyDictionary<string, OptionSpec> SecurityAssociation { get; } = Table(
        new("tunnel-interface", SeilValueType.Text),
        new("tunnel", SeilValueType.Text, OptionArity.Endpoints),
        new("transport", SeilValueType.Text, OptionArity.Endpoints),
        new("ike", SeilValueType.Text),
        new("ah", EnableDisable),
        new("esp", EnableDisable),
        new("ipv6", SeilValueType.Keywords("pass", "block")),
        new("proxy-id-local", Seil3Values.Or(SeilValueType.Ipv4Prefix, "any")),
        new("proxy-id-remote", Seil3Values.Or(SeilValueType.Ipv4Prefix, "any")),
        new("proxy-id-protocol", SeilValueType.Text));

    public static IReadOnlyDictionary<string, OptionSpec> SecurityPolicy { get; } = Table(
        new("security-association", SeilValueType.Text),
        new("src", SeilValueType.Text),
        new("dst", SeilValueType.Text),
        new("srcport", SeilValueType.Text),
        new("dstport", SeilValueType.Text),
        new("protocol", SeilValueType.Text),
        new("enable", SeilValueType.Text, OptionArity.Flag),
        new("disable", SeilValueType.Text, OptionArity.Flag));

    /// <summary>seil3 <c>ike &lt;param&gt; &lt;value&gt;</c> global parameters (§1.5).</summary>
    public static IReadOnlyDictionary<string, OptionSpec> IkeGlobal { get; } = Table(
        new("auto-initiation", Seil3Values.Or(EnableDisable, "system-default")),
        new("dpd-interval", Seil3Values.Or(Seil3Values.Time, "system-default")),
        new("dpd-maxfail", Seil3Values.Or(SeilValueType.Integer(1, 100), "system-default")),
        new("exclusive-tail", Seil3Values.Or(EnableDisable, "system-default")),
        new("interval", Seil3Values.Or(Seil3Values.Time, "system-default")),
        new("maximum-padding-length", Seil3Values.Or(SeilValueType.Integer(0, 255), "system-default")),
        new("nat-keepalive-interval", Seil3Values.Or(Seil3Values.Time, "system-default")),
        new("per-send", Seil3Values.Or(SeilValueType.Integer(1, 10), "system-default")),
        new("phase1-timeout", Seil3Values.Or(Seil3Values.Time, "system-default")),
        new("phase2-timeout", Seil3Values.Or(Seil3Values.Time, "system-default")),
        new("randomize-padding-length", Seil3Values.Or(EnableDisable, "system-default")),
        new("randomize-padding-value", Seil3Values.Or(EnableDisable, "system-default")),
        new("retry", Seil3Values.Or(SeilValueType.Integer(0, 100), "system-default")),
        new("strict-padding-byte-check", Seil3Values.Or(EnableDisable, "system-default")));

    private static Dictionary<string, OptionSpec> Table(params OptionSpec[] specs) => specs.ToDictionary(s => s.Name, StringComparer.Ordinal);
}
