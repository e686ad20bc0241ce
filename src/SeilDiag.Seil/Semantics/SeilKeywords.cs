using SeilDiag.Ike;

namespace SeilDiag.Seil.Semantics;

/// <summary>
/// The SEIL keywords of the algorithm families both dialects accept in full, taken from the SEIL column of Core's
/// one name table (<see cref="IkeNames"/>) so the schema cannot drift from the names the model translates.
/// Encryption lists differ per dialect and phase (seil8 refuses blowfish, cast128 and null) and stay with their keys.
/// </summary>
internal static class SeilKeywords
{
    /// <summary>modp768 … modp8192.</summary>
    public static string[] DhGroups { get; } = [.. IkeNames.Groups.Select(g => g.Seil).OfType<string>()];

    /// <summary>md5, sha1, sha256, sha384, sha512 (phase-1 hash).</summary>
    public static string[] Hashes { get; } = [.. IkeNames.Hashes.Select(h => h.Seil).OfType<string>()];

    /// <summary>hmac-md5 … hmac-sha512 (phase-2 authentication).</summary>
    public static string[] Integrities { get; } = [.. IkeNames.Integrities.Select(i => i.Seil).OfType<string>()];
}
