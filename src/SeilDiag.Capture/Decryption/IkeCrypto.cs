using System.Security.Cryptography;
using SeilDiag.Ike;
using HashAlgorithm = SeilDiag.Ike.HashAlgorithm;

namespace SeilDiag.Capture.Decryption;

/// <summary>The IKEv1 phase-1 cipher and hash primitives (System.Security.Cryptography only, no native library).</summary>
public static class IkeCrypto
{
    public static int BlockSize(EncryptionAlgorithm algorithm) => algorithm switch
    {
        EncryptionAlgorithm.AesCbc or EncryptionAlgorithm.Camellia => 16,
        _ => 8,
    };

    /// <summary>Key bytes the cipher uses; null for ciphers this build cannot run.</summary>
    public static int? KeyBytes(Cipher cipher) => cipher.Algorithm switch
    {
        EncryptionAlgorithm.Des => 8,
        EncryptionAlgorithm.TripleDes => 24,
        EncryptionAlgorithm.AesCbc => cipher.KeyBits is 128 or 192 or 256 ? cipher.KeyBits / 8 : null,
        _ => null,
    };

    public static bool IsSupported(Cipher cipher) => KeyBytes(cipher) is not null;

    /// <summary>CBC decryption without padding removal (IKEv1 padding is checked by the payload chain).</summary>
    public static byte[] DecryptCbc(Cipher cipher, ReadOnlySpan<byte> key, ReadOnlySpan<byte> iv, ReadOnlySpan<byte> data)
    {
        var keyBytes = KeyBytes(cipher) ?? throw new NotSupportedException($"{cipher} is not supported");
        var k = key[..keyBytes].ToArray();
        using SymmetricAlgorithm algorithm = cipher.Algorithm switch
        {
            EncryptionAlgorithm.AesCbc => Aes.Create(),
            EncryptionAlgorithm.TripleDes => TripleDES.Create(),
            EncryptionAlgorithm.Des => DES.Create(),
            _ => throw new NotSupportedException($"{cipher} is not supported"),
        };
        algorithm.Key = k;
        return algorithm.DecryptCbc(data, iv, PaddingMode.None);
    }

    public static byte[] Hash(HashAlgorithm hash, ReadOnlySpan<byte> data) => hash switch
    {
        HashAlgorithm.Md5 => MD5.HashData(data),
        HashAlgorithm.Sha1 => SHA1.HashData(data),
        HashAlgorithm.Sha2_256 => SHA256.HashData(data),
        HashAlgorithm.Sha2_384 => SHA384.HashData(data),
        HashAlgorithm.Sha2_512 => SHA512.HashData(data),
        _ => throw new NotSupportedException($"hash {hash} is not supported"),
    };

    /// <summary>The IKEv1 PRF: HMAC with the negotiated hash (RFC 2409 with no PRF attribute).</summary>
    public static byte[] Prf(HashAlgorithm hash, ReadOnlySpan<byte> key, ReadOnlySpan<byte> data) => hash switch
    {
        HashAlgorithm.Md5 => HMACMD5.HashData(key, data),
        HashAlgorithm.Sha1 => HMACSHA1.HashData(key, data),
        HashAlgorithm.Sha2_256 => HMACSHA256.HashData(key, data),
        HashAlgorithm.Sha2_384 => HMACSHA384.HashData(key, data),
        HashAlgorithm.Sha2_512 => HMACSHA512.HashData(key, data),
        _ => throw new NotSupportedException($"hash {hash} is not supported"),
    };

    public static bool IsSupported(HashAlgorithm hash) => hash is HashAlgorithm.Md5 or HashAlgorithm.Sha1 or HashAlgorithm.Sha2_256 or HashAlgorithm.Sha2_384 or HashAlgorithm.Sha2_512;

    public static byte[] Concat(params ReadOnlySpan<byte[]> parts)
    {
        var result = new byte[parts.ToArray().Sum(p => p.Length)];
        var offset = 0;
        foreach (var part in parts)
        {
            part.CopyTo(result, offset);
            offset += part.Length;
        }
        return result;
    }
}
