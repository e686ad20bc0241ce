using SeilDiag.Diagnostics;
using SeilDiag.Model;

namespace SeilDiag.Analyzers.Common;

/// <summary>
/// How the analyzers name an end and a value in messages: users think in "SEIL" and "strongSwan" (or, when
/// both ends are the same daemon, in file names), and every value says whether the user set it or it is
/// the daemon's default, because a default is the one thing a user cannot find by searching the file.
/// </summary>
internal static class EndNames
{
    public static string Vendor(PeerConfig peer) => peer.Vendor == PeerVendor.Seil ? "SEIL" : "strongSwan";

    public static string FileName(PeerConfig peer) => Path.GetFileName(peer.Document.Path);

    /// <summary>"SEIL interface.ipsec0" or "strongSwan conn to-seil (remote.ipsec.conf)".</summary>
    public static string Label(PeerConfig peer) => $"{Vendor(peer)} {peer.Name} ({FileName(peer)})";

    /// <summary>The short name of an end within a pair: the vendor when they differ, the file otherwise.</summary>
    public static string Short(PeerConfig peer, PeerConfig other) =>
        peer.Vendor != other.Vendor ? Vendor(peer)
        : FileName(peer) != FileName(other) ? FileName(peer)
        : $"{Vendor(peer)} {peer.Name}";

    public static string Arrow(PeerConfig initiator, PeerConfig responder) =>
        $"{Short(initiator, responder)} → {Short(responder, initiator)}";

    public static string DefaultWord(PeerConfig peer) => DefaultText(peer).English;

    /// <summary>"SEIL default" / "SEIL の既定値".</summary>
    public static LocalizedText DefaultText(PeerConfig peer) => new($"{Vendor(peer)} default", $"{Vendor(peer)} の既定値");

    /// <summary>Where a value comes from: "at seil.conf:12" or "(SEIL default)".</summary>
    public static string Where<T>(PeerConfig peer, Located<T> value) => WhereText(peer, value).English;

    /// <summary><see cref="Where"/> in both languages: "at seil.conf:12" / "(seil.conf:12 で設定)".</summary>
    public static LocalizedText WhereText<T>(PeerConfig peer, Located<T> value) =>
        value.IsDefault || value.Where is null
            ? new($"({DefaultWord(peer)})", $"({DefaultText(peer).Japanese})")
            : new($"at {value.Where}", $"({value.Where} で設定)");

    public static EvidenceSource ConfigSource(PeerConfig peer) =>
        peer.Vendor == PeerVendor.Seil ? EvidenceSource.SeilConfig : EvidenceSource.StrongSwanConfig;

    public static EvidenceSource LogSource(PeerConfig peer) =>
        peer.Vendor == PeerVendor.Seil ? EvidenceSource.SeilLog : EvidenceSource.CharonLog;

    /// <summary>For use inside parentheses: "set at seil.conf:12" or "SEIL default".</summary>
    public static string Source<T>(PeerConfig peer, Located<T> value) => SourceText(peer, value).English;

    /// <summary><see cref="Source"/> in both languages: "set at seil.conf:12" / "seil.conf:12 で設定".</summary>
    public static LocalizedText SourceText<T>(PeerConfig peer, Located<T> value) =>
        value.IsDefault || value.Where is null ? DefaultText(peer) : new($"set at {value.Where}", $"{value.Where} で設定");

    /// <summary>The best location for a value: where it is set, else where the peer is defined.</summary>
    public static Location? LocationOf<T>(PeerConfig peer, Located<T> value) => value.Where ?? peer.Definition;

    public static Location? LocationOf<T>(PeerConfig peer, Located<T>? value) => value?.Where ?? peer.Definition;

    /// <summary>
    /// Where one key of a peer is set ("interface.ipsec0.ike.proposal.phase1.dh-group", a strongSwan "ike="), or the
    /// first entry of a list key, as the peer's own editor knows it. The model keeps one location per proposal list;
    /// a diagnostic about the DH group should point at the DH group.
    /// </summary>
    public static Location? KeyLocation(PeerConfig peer, string key, Location? fallback) => peer.Editor.Locate(key) ?? fallback;
}
