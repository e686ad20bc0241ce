namespace SeilDiag.Capture.Esp;

/// <summary>ESP encryption algorithms as Wireshark's esp_sa table names them.</summary>
public enum EspEncryption
{
    Null,
    TripleDesCbc,
    AesCbc,
    AesCtr,
    DesCbc,
    Cast5Cbc,
    BlowfishCbc,
    TwofishCbc,
    AesGcm8,
    AesGcm12,
    AesGcm16,
    NullAesGmac,
    ChaCha20Poly1305,
}

/// <summary>ESP authentication algorithms as Wireshark's esp_sa table names them; the "Any" ones are not checked.</summary>
public enum EspAuthentication
{
    Null,
    HmacSha1_96,
    HmacSha256_96,
    HmacSha256_128,
    HmacSha384_192,
    HmacSha512_256,
    HmacMd5_96,
    HmacRipemd160_96,
    Any64,
    Any96,
    Any128,
    Any192,
    Any256,
}

/// <summary>
/// The strings Wireshark writes into esp_sa (the UAT value lists of packet-ipsec.c) and their meaning. Matching
/// ignores case, and the bracketed reference may be left out ("AES-CBC" = "AES-CBC [RFC3602]").
/// </summary>
public static class EspAlgorithmNames
{
    public static readonly IReadOnlyList<(string Name, EspEncryption Value)> Encryption =
    [
        ("NULL", EspEncryption.Null),
        ("TripleDES-CBC [RFC2451]", EspEncryption.TripleDesCbc),
        ("AES-CBC [RFC3602]", EspEncryption.AesCbc),
        ("AES-CTR [RFC3686]", EspEncryption.AesCtr),
        ("DES-CBC [RFC2405]", EspEncryption.DesCbc),
        ("CAST5-CBC [RFC2144]", EspEncryption.Cast5Cbc),
        ("BLOWFISH-CBC [RFC2451]", EspEncryption.BlowfishCbc),
        ("TWOFISH-CBC", EspEncryption.TwofishCbc),
        ("AES-GCM with 8 octet ICV [RFC4106]", EspEncryption.AesGcm8),
        ("AES-GCM with 12 octet ICV [RFC4106]", EspEncryption.AesGcm12),
        ("AES-GCM with 16 octet ICV [RFC4106]", EspEncryption.AesGcm16),
        ("NULL Encryption with AES-GCM 16 octet ICV [RFC4543]", EspEncryption.NullAesGmac),
        ("ChaCha20 with Poly1305 [RFC7634]", EspEncryption.ChaCha20Poly1305),
    ];

    public static readonly IReadOnlyList<(string Name, EspAuthentication Value)> Authentication =
    [
        ("NULL", EspAuthentication.Null),
        ("HMAC-SHA-1-96 [RFC2404]", EspAuthentication.HmacSha1_96),
        ("HMAC-SHA-256-96 [draft-ietf-ipsec-ciph-sha-256-00]", EspAuthentication.HmacSha256_96),
        ("HMAC-SHA-256-128 [RFC4868]", EspAuthentication.HmacSha256_128),
        ("HMAC-SHA-384-192 [RFC4868]", EspAuthentication.HmacSha384_192),
        ("HMAC-SHA-512-256 [RFC4868]", EspAuthentication.HmacSha512_256),
        ("HMAC-MD5-96 [RFC2403]", EspAuthentication.HmacMd5_96),
        ("MAC-RIPEMD-160-96 [RFC2857]", EspAuthentication.HmacRipemd160_96),
        ("ANY 64 bit authentication [no checking]", EspAuthentication.Any64),
        ("ANY 96 bit authentication [no checking]", EspAuthentication.Any96),
        ("ANY 128 bit authentication [no checking]", EspAuthentication.Any128),
        ("ANY 192 bit authentication [no checking]", EspAuthentication.Any192),
        ("ANY 256 bit authentication [no checking]", EspAuthentication.Any256),
    ];

    public static EspEncryption? ParseEncryption(string text) => Find(Encryption, text);

    public static EspAuthentication? ParseAuthentication(string text) => Find(Authentication, text);

    public static string Name(EspEncryption e) => Encryption.First(x => x.Value == e).Name;

    public static string Name(EspAuthentication a) => Authentication.First(x => x.Value == a).Name;

    private static T? Find<T>(IReadOnlyList<(string Name, T Value)> table, string text) where T : struct
    {
        var wanted = Normalize(text);
        foreach (var (name, value) in table)
        {
            if (Normalize(name) == wanted || Normalize(Short(name)) == wanted)
            {
                return value;
            }
        }
        return null;
    }

    private static string Short(string name)
    {
        var bracket = name.IndexOf(" [", StringComparison.Ordinal);
        return bracket > 0 ? name[..bracket] : name;
    }

    private static string Normalize(string s) => string.Join(' ', s.Trim().Split(' ', StringSplitOptions.RemoveEmptyEntries)).ToUpperInvariant();

    /// <summary>ICV length in bytes of the authentication algorithm.</summary>
    public static int IcvLength(EspAuthentication a) => a switch
    {
        EspAuthentication.Null => 0,
        EspAuthentication.Any64 => 8,
        EspAuthentication.Any128 or EspAuthentication.HmacSha256_128 => 16,
        EspAuthentication.Any192 or EspAuthentication.HmacSha384_192 => 24,
        EspAuthentication.Any256 or EspAuthentication.HmacSha512_256 => 32,
        _ => 12,
    };

    /// <summary>ICV length of AEAD ciphers (their ICV replaces the authentication algorithm's).</summary>
    public static int? AeadIcvLength(EspEncryption e) => e switch
    {
        EspEncryption.AesGcm8 => 8,
        EspEncryption.AesGcm12 => 12,
        EspEncryption.AesGcm16 or EspEncryption.NullAesGmac or EspEncryption.ChaCha20Poly1305 => 16,
        _ => null,
    };

    public static bool Checks(EspAuthentication a) => a is EspAuthentication.HmacSha1_96 or EspAuthentication.HmacSha256_96 or EspAuthentication.HmacSha256_128
        or EspAuthentication.HmacSha384_192 or EspAuthentication.HmacSha512_256 or EspAuthentication.HmacMd5_96;
}
