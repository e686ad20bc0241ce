namespace SeilDiag.Ike;

/// <summary>IKEv1 encryption algorithms; values are the RFC 2409 / IANA phase-1 attribute values where one exists.</summary>
public enum EncryptionAlgorithm
{
    Des = 1,
    Idea = 2,
    Blowfish = 3,
    Rc5 = 4,
    TripleDes = 5,
    Cast = 6,
    AesCbc = 7,
    Camellia = 8,
    // FreeS/WAN private-use phase-1 values, as strongSwan sends them (ESP transform IDs 252/253).
    Serpent = 65004,
    Twofish = 65005,
    // ESP-only transforms (RFC 2407 / IANA ESP transform IDs offset so they cannot collide with phase-1 values).
    Null = 1011,
    AesCtr = 1013,
    AesCcm8 = 1014,
    AesCcm12 = 1015,
    AesCcm16 = 1016,
    AesGcm8 = 1018,
    AesGcm12 = 1019,
    AesGcm16 = 1020,
    NullAuthAesGmac = 1023,
    // No IKEv1 value at all (neither phase 1 nor ESP): 2000 + the IKEv2 transform ID (RFC 5529, RFC 7634), so
    // they collide with no IKEv1 number and IKEv1 can never carry them.
    CamelliaCtr = 2024,
    ChaCha20Poly1305 = 2028,
}

/// <summary>An encryption algorithm with its key length in bits (0 when the algorithm has a fixed key).</summary>
public readonly record struct Cipher(EncryptionAlgorithm Algorithm, int KeyBits)
{
    public bool IsAead => Algorithm is EncryptionAlgorithm.AesGcm8 or EncryptionAlgorithm.AesGcm12 or EncryptionAlgorithm.AesGcm16
        or EncryptionAlgorithm.AesCcm8 or EncryptionAlgorithm.AesCcm12 or EncryptionAlgorithm.AesCcm16
        or EncryptionAlgorithm.ChaCha20Poly1305
        // AES-GMAC is authentication only, but like charon it is a combined-mode transform: no separate integrity.
        or EncryptionAlgorithm.NullAuthAesGmac;

    public override string ToString() => IkeNames.LogName(this);
}

/// <summary>IKEv1 phase-1 hash algorithms (RFC 2409 attribute 2). The PRF is HMAC with this hash.</summary>
public enum HashAlgorithm
{
    Md5 = 1,
    Sha1 = 2,
    Tiger = 3,
    Sha2_256 = 4,
    Sha2_384 = 5,
    Sha2_512 = 6,
}

/// <summary>ESP integrity algorithms (IKEv1 phase-2 "Authentication Algorithm" attribute values, RFC 2407).</summary>
public enum IntegrityAlgorithm
{
    None = 0,
    HmacMd5_96 = 1,
    HmacSha1_96 = 2,
    DesMac = 3,
    KpdkMd5 = 4,
    AesXcbc96 = 9,
    HmacSha2_256_128 = 5,
    HmacSha2_384_192 = 6,
    HmacSha2_512_256 = 7,
    // No IKEv1 Authentication Algorithm value: 2000 + the IKEv2 transform ID (RFC 4595 / RFC 4494), and for
    // HMAC-SHA2-256-96 2000 + strongSwan's private ID 1026 (the pre-RFC 4868 Linux truncation).
    HmacMd5_128 = 2006,
    HmacSha1_160 = 2007,
    AesCmac96 = 2008,
    HmacSha2_256_96 = 3026,
}

/// <summary>Diffie-Hellman groups by IANA number (the same number in IKEv1 and IKEv2).</summary>
public enum DhGroup
{
    None = 0,
    Modp768 = 1,
    Modp1024 = 2,
    Ec2nGp155 = 3,
    Ec2nGp185 = 4,
    Modp1536 = 5,
    Modp2048 = 14,
    Modp3072 = 15,
    Modp4096 = 16,
    Modp6144 = 17,
    Modp8192 = 18,
    Ecp256 = 19,
    Ecp384 = 20,
    Ecp521 = 21,
    Modp1024s160 = 22,
    Modp2048s224 = 23,
    Modp2048s256 = 24,
    Ecp192 = 25,
    Ecp224 = 26,
    Ecp224Bp = 27,
    Ecp256Bp = 28,
    Ecp384Bp = 29,
    Ecp512Bp = 30,
    Curve25519 = 31,
    Curve448 = 32,
}

/// <summary>IKEv1 authentication methods (RFC 2409 attribute 3, plus XAUTH/hybrid values).</summary>
public enum AuthMethod
{
    PreSharedKey = 1,
    DssSignature = 2,
    RsaSignature = 3,
    RsaEncryption = 4,
    RsaRevisedEncryption = 5,
    EcdsaSha256 = 9,
    EcdsaSha384 = 10,
    EcdsaSha512 = 11,
    HybridInitRsa = 64221,
    XauthInitPreShared = 65001,
    XauthInitRsa = 65005,
}

/// <summary>ISAKMP exchange types (RFC 2408 / 2409).</summary>
public enum ExchangeType
{
    None = 0,
    Base = 1,
    IdentityProtection = 2,   // Main Mode
    AuthenticationOnly = 3,
    Aggressive = 4,
    Informational = 5,
    Transaction = 6,          // mode-config / XAUTH
    QuickMode = 32,
    NewGroupMode = 33,
}

/// <summary>The phase-1 exchange a peer is configured for.</summary>
public enum ExchangeMode
{
    Main,
    Aggressive,
}
