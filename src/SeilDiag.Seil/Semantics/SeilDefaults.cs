using SeilDiag.Model;

namespace SeilDiag.Seil.Semantics;

/// <summary>
/// The daemon's defaults for one SEIL family. seil8: seil-reference.md §1.9 (SEIL/X4 manual "IKEパラメータの既定値",
/// confirmed by the seed's 6-transform list). seil3: §2.3 (IIJ's converter): check-level strict, phase-1
/// lifetime 8h, NAT-T off; phase-2 lifetime 8h from the floatlink parameter table.
/// </summary>
public sealed record SeilDefaults(
    IReadOnlyList<string> Phase1Encryption,
    IReadOnlyList<string> Phase1Hash,
    string Phase1Group,
    TimeSpan Phase1Lifetime,
    IReadOnlyList<string> Phase2Encryption,
    IReadOnlyList<string> Phase2Authentication,
    TimeSpan Phase2Lifetime,
    CheckLevel CheckLevel,
    NatTraversalMode NatTraversal,
    TimeSpan DpdInterval,
    int DpdMaxFail)
{
    public static SeilDefaults Seil8 { get; } = new(
        ["aes256", "aes128", "3des"], ["sha256", "sha1"], "modp1536", TimeSpan.FromSeconds(86400),
        ["aes256", "aes128", "3des"], ["hmac-sha256", "hmac-sha1"], TimeSpan.FromHours(8),
        CheckLevel.Obey, NatTraversalMode.Enable, TimeSpan.FromSeconds(20), 5);

    public static SeilDefaults Seil3 { get; } = Seil8 with
    {
        Phase1Lifetime = TimeSpan.FromSeconds(28800),
        CheckLevel = CheckLevel.Strict,
        NatTraversal = NatTraversalMode.Disable,
    };
}
