namespace SeilDiag.Ike;

/// <summary>
/// The one table of algorithm names used by every stage: SEIL config keywords, strongSwan proposal
/// keywords, the names charon prints in logs, and the IKEv1 attribute values on the wire. Parsers, log
/// readers, the capture dissector and the analyzers all translate through here, so "modp1536",
/// "MODP_1536", group 5 and "1536 bit MODP group" are the same thing everywhere.
/// </summary>
public static class IkeNames
{
    /// <summary>One encryption transform: SEIL keyword, strongSwan keyword(s) (first is canonical), charon's log name.</summary>
    public sealed record CipherName(Cipher Cipher, string? Seil, string[] StrongSwan, string Log, string Display, bool Weak);

    public sealed record HashName(HashAlgorithm Hash, string? Seil, string[] StrongSwan, string IntegrityLog, string PrfLog, string Display, bool Weak);

    public sealed record IntegrityName(IntegrityAlgorithm Integrity, string? Seil, string[] StrongSwan, string Log, string Display, bool Weak);

    public sealed record GroupName(DhGroup Group, string? Seil, string[] StrongSwan, string Log, string Display, bool Weak);

    /// <summary>One IKE PRF: the IKEv1 hash it is the HMAC of (null for the AES-based ones), strongSwan keyword(s), charon's log name.</summary>
    public sealed record PrfName(HashAlgorithm? Hash, string[] StrongSwan, string Log, string Display, bool Weak);

    private static Cipher C(EncryptionAlgorithm a, int bits) => new(a, bits);

    // strongSwan keywords and charon's log names: strongSwan's proposal_keywords_static.txt (keyword, algorithm, key size)
    // and its encryption/integrity/PRF enum names, which charon prints with "_<key size>" when one is set. The real
    // "configured proposals" line of corpus/lab/15-strongswan-defaults shows most of them (CHACHA20_POLY1305 without a
    // key size: its keyword carries none). Rows without a SEIL keyword never appear in SEIL's keyword lists.
    public static IReadOnlyList<CipherName> Ciphers { get; } =
    [
        new(C(EncryptionAlgorithm.AesCbc, 128), "aes128", ["aes128", "aes"], "AES_CBC_128", "AES-CBC-128", false),
        new(C(EncryptionAlgorithm.AesCbc, 192), "aes192", ["aes192"], "AES_CBC_192", "AES-CBC-192", false),
        new(C(EncryptionAlgorithm.AesCbc, 256), "aes256", ["aes256"], "AES_CBC_256", "AES-CBC-256", false),
        new(C(EncryptionAlgorithm.TripleDes, 0), "3des", ["3des"], "3DES_CBC", "3DES-CBC", true),
        new(C(EncryptionAlgorithm.Des, 0), "des", ["des"], "DES_CBC", "DES-CBC", true),
        new(C(EncryptionAlgorithm.Blowfish, 128), "blowfish", ["blowfish128", "blowfish"], "BLOWFISH_CBC_128", "Blowfish-CBC-128", true),
        new(C(EncryptionAlgorithm.Blowfish, 192), null, ["blowfish192"], "BLOWFISH_CBC_192", "Blowfish-CBC-192", true),
        new(C(EncryptionAlgorithm.Blowfish, 256), null, ["blowfish256"], "BLOWFISH_CBC_256", "Blowfish-CBC-256", true),
        new(C(EncryptionAlgorithm.Cast, 128), "cast128", ["cast128"], "CAST_CBC_128", "CAST-CBC-128", true),
        new(C(EncryptionAlgorithm.Camellia, 128), null, ["camellia128", "camellia"], "CAMELLIA_CBC_128", "Camellia-CBC-128", false),
        new(C(EncryptionAlgorithm.Camellia, 192), null, ["camellia192"], "CAMELLIA_CBC_192", "Camellia-CBC-192", false),
        new(C(EncryptionAlgorithm.Camellia, 256), null, ["camellia256"], "CAMELLIA_CBC_256", "Camellia-CBC-256", false),
        new(C(EncryptionAlgorithm.Serpent, 128), null, ["serpent128", "serpent"], "SERPENT_CBC_128", "Serpent-CBC-128", false),
        new(C(EncryptionAlgorithm.Serpent, 192), null, ["serpent192"], "SERPENT_CBC_192", "Serpent-CBC-192", false),
        new(C(EncryptionAlgorithm.Serpent, 256), null, ["serpent256"], "SERPENT_CBC_256", "Serpent-CBC-256", false),
        new(C(EncryptionAlgorithm.Twofish, 128), null, ["twofish128", "twofish"], "TWOFISH_CBC_128", "Twofish-CBC-128", false),
        new(C(EncryptionAlgorithm.Twofish, 192), null, ["twofish192"], "TWOFISH_CBC_192", "Twofish-CBC-192", false),
        new(C(EncryptionAlgorithm.Twofish, 256), null, ["twofish256"], "TWOFISH_CBC_256", "Twofish-CBC-256", false),
        new(C(EncryptionAlgorithm.AesCtr, 128), null, ["aes128ctr"], "AES_CTR_128", "AES-CTR-128", false),
        new(C(EncryptionAlgorithm.AesCtr, 192), null, ["aes192ctr"], "AES_CTR_192", "AES-CTR-192", false),
        new(C(EncryptionAlgorithm.AesCtr, 256), null, ["aes256ctr"], "AES_CTR_256", "AES-CTR-256", false),
        new(C(EncryptionAlgorithm.CamelliaCtr, 128), null, ["camellia128ctr"], "CAMELLIA_CTR_128", "Camellia-CTR-128", false),
        new(C(EncryptionAlgorithm.CamelliaCtr, 192), null, ["camellia192ctr"], "CAMELLIA_CTR_192", "Camellia-CTR-192", false),
        new(C(EncryptionAlgorithm.CamelliaCtr, 256), null, ["camellia256ctr"], "CAMELLIA_CTR_256", "Camellia-CTR-256", false),
        new(C(EncryptionAlgorithm.AesGcm16, 128), null, ["aes128gcm16", "aes128gcm128", "aes128gcm"], "AES_GCM_16_128", "AES-GCM-16-128", false),
        new(C(EncryptionAlgorithm.AesGcm16, 192), null, ["aes192gcm16", "aes192gcm128", "aes192gcm"], "AES_GCM_16_192", "AES-GCM-16-192", false),
        new(C(EncryptionAlgorithm.AesGcm16, 256), null, ["aes256gcm16", "aes256gcm128", "aes256gcm"], "AES_GCM_16_256", "AES-GCM-16-256", false),
        new(C(EncryptionAlgorithm.AesGcm12, 128), null, ["aes128gcm12", "aes128gcm96"], "AES_GCM_12_128", "AES-GCM-12-128", false),
        new(C(EncryptionAlgorithm.AesGcm12, 192), null, ["aes192gcm12", "aes192gcm96"], "AES_GCM_12_192", "AES-GCM-12-192", false),
        new(C(EncryptionAlgorithm.AesGcm12, 256), null, ["aes256gcm12", "aes256gcm96"], "AES_GCM_12_256", "AES-GCM-12-256", false),
        new(C(EncryptionAlgorithm.AesGcm8, 128), null, ["aes128gcm8", "aes128gcm64"], "AES_GCM_8_128", "AES-GCM-8-128", false),
        new(C(EncryptionAlgorithm.AesGcm8, 192), null, ["aes192gcm8", "aes192gcm64"], "AES_GCM_8_192", "AES-GCM-8-192", false),
        new(C(EncryptionAlgorithm.AesGcm8, 256), null, ["aes256gcm8", "aes256gcm64"], "AES_GCM_8_256", "AES-GCM-8-256", false),
        new(C(EncryptionAlgorithm.AesCcm16, 128), null, ["aes128ccm16", "aes128ccm128", "aes128ccm"], "AES_CCM_16_128", "AES-CCM-16-128", false),
        new(C(EncryptionAlgorithm.AesCcm16, 192), null, ["aes192ccm16", "aes192ccm128", "aes192ccm"], "AES_CCM_16_192", "AES-CCM-16-192", false),
        new(C(EncryptionAlgorithm.AesCcm16, 256), null, ["aes256ccm16", "aes256ccm128", "aes256ccm"], "AES_CCM_16_256", "AES-CCM-16-256", false),
        new(C(EncryptionAlgorithm.AesCcm12, 128), null, ["aes128ccm12", "aes128ccm96"], "AES_CCM_12_128", "AES-CCM-12-128", false),
        new(C(EncryptionAlgorithm.AesCcm12, 192), null, ["aes192ccm12", "aes192ccm96"], "AES_CCM_12_192", "AES-CCM-12-192", false),
        new(C(EncryptionAlgorithm.AesCcm12, 256), null, ["aes256ccm12", "aes256ccm96"], "AES_CCM_12_256", "AES-CCM-12-256", false),
        new(C(EncryptionAlgorithm.AesCcm8, 128), null, ["aes128ccm8", "aes128ccm64"], "AES_CCM_8_128", "AES-CCM-8-128", false),
        new(C(EncryptionAlgorithm.AesCcm8, 192), null, ["aes192ccm8", "aes192ccm64"], "AES_CCM_8_192", "AES-CCM-8-192", false),
        new(C(EncryptionAlgorithm.AesCcm8, 256), null, ["aes256ccm8", "aes256ccm64"], "AES_CCM_8_256", "AES-CCM-8-256", false),
        new(C(EncryptionAlgorithm.ChaCha20Poly1305, 0), null, ["chacha20poly1305"], "CHACHA20_POLY1305", "ChaCha20-Poly1305", false),
        new(C(EncryptionAlgorithm.NullAuthAesGmac, 128), null, ["aes128gmac"], "NULL_AUTH_AES_GMAC_128", "NULL-AES-GMAC-128", false),
        new(C(EncryptionAlgorithm.NullAuthAesGmac, 192), null, ["aes192gmac"], "NULL_AUTH_AES_GMAC_192", "NULL-AES-GMAC-192", false),
        new(C(EncryptionAlgorithm.NullAuthAesGmac, 256), null, ["aes256gmac"], "NULL_AUTH_AES_GMAC_256", "NULL-AES-GMAC-256", false),
        new(C(EncryptionAlgorithm.Null, 0), "null", ["null"], "NULL", "NULL", true),
    ];

    public static IReadOnlyList<HashName> Hashes { get; } =
    [
        new(HashAlgorithm.Md5, "md5", ["md5"], "HMAC_MD5_96", "PRF_HMAC_MD5", "MD5", true),
        new(HashAlgorithm.Sha1, "sha1", ["sha1", "sha"], "HMAC_SHA1_96", "PRF_HMAC_SHA1", "SHA1", false),
        new(HashAlgorithm.Sha2_256, "sha256", ["sha256", "sha2_256"], "HMAC_SHA2_256_128", "PRF_HMAC_SHA2_256", "SHA2-256", false),
        new(HashAlgorithm.Sha2_384, "sha384", ["sha384", "sha2_384"], "HMAC_SHA2_384_192", "PRF_HMAC_SHA2_384", "SHA2-384", false),
        new(HashAlgorithm.Sha2_512, "sha512", ["sha512", "sha2_512"], "HMAC_SHA2_512_256", "PRF_HMAC_SHA2_512", "SHA2-512", false),
    ];

    /// <summary>
    /// IKE PRFs (strongSwan's prf* keywords). The HMAC ones are the hash rows above ("prf" + the hash's canonical
    /// keyword, its PRF log name), not written a second time; the AES-based ones have no IKEv1 hash (IKEv1 derives its
    /// PRF from the phase-1 hash, so they never apply to IKEv1).
    /// </summary>
    public static IReadOnlyList<PrfName> Prfs { get; } =
    [
        .. Hashes.Select(h => new PrfName(h.Hash, ["prf" + h.StrongSwan[0]], h.PrfLog, "PRF-HMAC-" + h.Display, h.Weak)),
        new(null, ["prfaesxcbc"], "PRF_AES128_XCBC", "PRF-AES128-XCBC", false),
        new(null, ["prfaescmac"], "PRF_AES128_CMAC", "PRF-AES128-CMAC", false),
    ];

    public static IReadOnlyList<IntegrityName> Integrities { get; } =
    [
        new(IntegrityAlgorithm.HmacMd5_96, "hmac-md5", ["md5"], "HMAC_MD5_96", "HMAC-MD5-96", true),
        new(IntegrityAlgorithm.HmacSha1_96, "hmac-sha1", ["sha1", "sha"], "HMAC_SHA1_96", "HMAC-SHA1-96", false),
        new(IntegrityAlgorithm.HmacSha2_256_128, "hmac-sha256", ["sha256", "sha2_256"], "HMAC_SHA2_256_128", "HMAC-SHA-256-128", false),
        new(IntegrityAlgorithm.HmacSha2_384_192, "hmac-sha384", ["sha384", "sha2_384"], "HMAC_SHA2_384_192", "HMAC-SHA-384-192", false),
        new(IntegrityAlgorithm.HmacSha2_512_256, "hmac-sha512", ["sha512", "sha2_512"], "HMAC_SHA2_512_256", "HMAC-SHA-512-256", false),
        new(IntegrityAlgorithm.AesXcbc96, null, ["aesxcbc"], "AES_XCBC_96", "AES-XCBC-96", false),
        new(IntegrityAlgorithm.AesCmac96, null, ["aescmac"], "AES_CMAC_96", "AES-CMAC-96", false),
        new(IntegrityAlgorithm.HmacSha2_256_96, null, ["sha256_96", "sha2_256_96"], "HMAC_SHA2_256_96", "HMAC-SHA-256-96", false),
        new(IntegrityAlgorithm.HmacSha1_160, null, ["sha1_160"], "HMAC_SHA1_160", "HMAC-SHA1-160", false),
        new(IntegrityAlgorithm.HmacMd5_128, null, ["md5_128"], "HMAC_MD5_128", "HMAC-MD5-128", true),
    ];

    public static IReadOnlyList<GroupName> Groups { get; } =
    [
        new(DhGroup.Modp768, "modp768", ["modp768"], "MODP_768", "MODP-768 (group 1)", true),
        new(DhGroup.Modp1024, "modp1024", ["modp1024"], "MODP_1024", "MODP-1024 (group 2)", true),
        new(DhGroup.Modp1536, "modp1536", ["modp1536"], "MODP_1536", "MODP-1536 (group 5)", false),
        new(DhGroup.Modp2048, "modp2048", ["modp2048"], "MODP_2048", "MODP-2048 (group 14)", false),
        new(DhGroup.Modp3072, "modp3072", ["modp3072"], "MODP_3072", "MODP-3072 (group 15)", false),
        new(DhGroup.Modp4096, "modp4096", ["modp4096"], "MODP_4096", "MODP-4096 (group 16)", false),
        new(DhGroup.Modp6144, "modp6144", ["modp6144"], "MODP_6144", "MODP-6144 (group 17)", false),
        new(DhGroup.Modp8192, "modp8192", ["modp8192"], "MODP_8192", "MODP-8192 (group 18)", false),
        new(DhGroup.Ecp256, null, ["ecp256"], "ECP_256", "ECP-256 (group 19)", false),
        new(DhGroup.Ecp384, null, ["ecp384"], "ECP_384", "ECP-384 (group 20)", false),
        new(DhGroup.Ecp521, null, ["ecp521"], "ECP_521", "ECP-521 (group 21)", false),
        new(DhGroup.Modp1024s160, null, ["modp1024s160"], "MODP_1024_160", "MODP-1024-160 (group 22)", true),
        new(DhGroup.Modp2048s224, null, ["modp2048s224"], "MODP_2048_224", "MODP-2048-224 (group 23)", false),
        new(DhGroup.Modp2048s256, null, ["modp2048s256"], "MODP_2048_256", "MODP-2048-256 (group 24)", false),
        new(DhGroup.Ecp192, null, ["ecp192"], "ECP_192", "ECP-192 (group 25)", true),
        new(DhGroup.Ecp224, null, ["ecp224"], "ECP_224", "ECP-224 (group 26)", false),
        new(DhGroup.Ecp224Bp, null, ["ecp224bp"], "ECP_224_BP", "ECP-224-BP (group 27)", false),
        new(DhGroup.Ecp256Bp, null, ["ecp256bp"], "ECP_256_BP", "ECP-256-BP (group 28)", false),
        new(DhGroup.Ecp384Bp, null, ["ecp384bp"], "ECP_384_BP", "ECP-384-BP (group 29)", false),
        new(DhGroup.Ecp512Bp, null, ["ecp512bp"], "ECP_512_BP", "ECP-512-BP (group 30)", false),
        new(DhGroup.Curve25519, null, ["curve25519", "x25519"], "CURVE_25519", "Curve25519 (group 31)", false),
        new(DhGroup.Curve448, null, ["curve448", "x448"], "CURVE_448", "Curve448 (group 32)", false),
    ];

    // ---- lookups by SEIL keyword ------------------------------------------------------------

    public static CipherName? CipherFromSeil(string name) =>
        Ciphers.FirstOrDefault(c => string.Equals(c.Seil, name, StringComparison.Ordinal));

    public static HashName? HashFromSeil(string name) =>
        Hashes.FirstOrDefault(h => string.Equals(h.Seil, name, StringComparison.Ordinal));

    public static IntegrityName? IntegrityFromSeil(string name) =>
        Integrities.FirstOrDefault(i => string.Equals(i.Seil, name, StringComparison.Ordinal));

    public static GroupName? GroupFromSeil(string name) =>
        Groups.FirstOrDefault(g => string.Equals(g.Seil, name, StringComparison.Ordinal));

    // ---- lookups by strongSwan keyword ------------------------------------------------------

    public static CipherName? CipherFromStrongSwan(string name) =>
        Ciphers.FirstOrDefault(c => c.StrongSwan.Contains(name, StringComparer.OrdinalIgnoreCase));

    public static HashName? HashFromStrongSwan(string name) =>
        Hashes.FirstOrDefault(h => h.StrongSwan.Contains(name, StringComparer.OrdinalIgnoreCase));

    public static IntegrityName? IntegrityFromStrongSwan(string name) =>
        Integrities.FirstOrDefault(i => i.StrongSwan.Contains(name, StringComparer.OrdinalIgnoreCase));

    public static GroupName? GroupFromStrongSwan(string name) =>
        Groups.FirstOrDefault(g => g.StrongSwan.Contains(name, StringComparer.OrdinalIgnoreCase));

    /// <summary>A prf* keyword ("prfsha256", "prfaesxcbc").</summary>
    public static PrfName? PrfFromStrongSwan(string name) =>
        Prfs.FirstOrDefault(p => p.StrongSwan.Contains(name, StringComparer.OrdinalIgnoreCase));

    // ---- lookups by charon log name ---------------------------------------------------------

    public static CipherName? CipherFromLog(string name) => Ciphers.FirstOrDefault(c => c.Log == name);

    /// <summary>Phase-1 hash from either its integrity name (HMAC_SHA2_256_128) or its PRF name (PRF_HMAC_SHA2_256).</summary>
    public static HashName? HashFromLog(string name) => Hashes.FirstOrDefault(h => h.IntegrityLog == name || h.PrfLog == name);

    public static IntegrityName? IntegrityFromLog(string name) => Integrities.FirstOrDefault(i => i.Log == name);

    public static GroupName? GroupFromLog(string name) => Groups.FirstOrDefault(g => g.Log == name);

    public static PrfName? PrfFromLog(string name) => Prfs.FirstOrDefault(p => p.Log == name);

    // ---- IKEv1 attribute values -------------------------------------------------------------

    /// <summary>
    /// The IKEv1 phase-1 Encryption Algorithm attribute value (RFC 2409 appendix A; Serpent and Twofish as the
    /// FreeS/WAN private values strongSwan sends), or null when an IKEv1 SA payload cannot carry the cipher (CTR and
    /// AEAD modes, ChaCha20-Poly1305, NULL).
    /// </summary>
    public static int? Ikev1Phase1Value(EncryptionAlgorithm algorithm) =>
        (int)algorithm is > 0 and < 1000 or 65004 or 65005 ? (int)algorithm : null;

    /// <summary>
    /// The IKEv1 ESP transform ID (RFC 2407 4.4.4 / IANA "IPsec ESP Transform Identifiers"; Serpent 252 and Twofish
    /// 253 private, as strongSwan maps them), or null when IKEv1 defines none (Camellia-CTR, ChaCha20-Poly1305).
    /// </summary>
    public static int? Ikev1EspTransformId(EncryptionAlgorithm algorithm) => algorithm switch
    {
        EncryptionAlgorithm.Des => 2,
        EncryptionAlgorithm.TripleDes => 3,
        EncryptionAlgorithm.Idea => 5,
        EncryptionAlgorithm.Cast => 6,
        EncryptionAlgorithm.Blowfish => 7,
        EncryptionAlgorithm.AesCbc => 12,
        EncryptionAlgorithm.Camellia => 22,
        EncryptionAlgorithm.Serpent => 252,
        EncryptionAlgorithm.Twofish => 253,
        // ESP-only transforms are numbered 1000 + their ESP transform ID (Algorithms.cs).
        _ when (int)algorithm is > 1000 and < 2000 => (int)algorithm - 1000,
        _ => null,
    };

    /// <summary>The IKEv1 phase-2 Authentication Algorithm attribute value (RFC 2407 4.5 / IANA), or null when IKEv1 has none.</summary>
    public static int? Ikev1AuthValue(IntegrityAlgorithm integrity) =>
        (int)integrity is > 0 and < 1000 ? (int)integrity : null;

    // ---- names of values --------------------------------------------------------------------

    public static CipherName? Find(Cipher cipher) => Ciphers.FirstOrDefault(c => c.Cipher == cipher);

    public static HashName Find(HashAlgorithm hash) => Hashes.First(h => h.Hash == hash);

    public static IntegrityName? Find(IntegrityAlgorithm integrity) => Integrities.FirstOrDefault(i => i.Integrity == integrity);

    public static GroupName? Find(DhGroup group) => Groups.FirstOrDefault(g => g.Group == group);

    public static string LogName(Cipher cipher) => Find(cipher)?.Log ?? $"{cipher.Algorithm}_{cipher.KeyBits}";

    public static string LogName(HashAlgorithm hash) => Hashes.FirstOrDefault(h => h.Hash == hash)?.IntegrityLog ?? hash.ToString();

    public static string PrfLogName(HashAlgorithm hash) => Hashes.FirstOrDefault(h => h.Hash == hash)?.PrfLog ?? hash.ToString();

    public static string LogName(IntegrityAlgorithm integrity) => Find(integrity)?.Log ?? integrity.ToString();

    public static string LogName(DhGroup group) => group == DhGroup.None ? "NO_DH" : Find(group)?.Log ?? $"DH_GROUP_{(int)group}";

    public static string LogName(AuthMethod method) => method switch
    {
        AuthMethod.PreSharedKey => "PSK",
        AuthMethod.RsaSignature => "RSA_SIG",
        AuthMethod.DssSignature => "DSS_SIG",
        AuthMethod.XauthInitPreShared => "XAUTH_INIT_PSK",
        AuthMethod.XauthInitRsa => "XAUTH_INIT_RSA",
        AuthMethod.HybridInitRsa => "HYBRID_INIT_RSA",
        _ => method.ToString().ToUpperInvariant(),
    };

    public static bool IsWeak(Cipher cipher) => Find(cipher)?.Weak ?? false;

    public static bool IsWeak(HashAlgorithm hash) => hash is HashAlgorithm.Md5;

    public static bool IsWeak(IntegrityAlgorithm integrity) => Find(integrity)?.Weak ?? false;

    public static bool IsWeak(DhGroup group) => Find(group)?.Weak ?? false;
}
