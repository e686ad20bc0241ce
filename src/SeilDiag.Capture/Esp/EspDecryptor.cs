using System.Buffers.Binary;
using System.Security.Cryptography;

namespace SeilDiag.Capture.Esp;

public enum IcvStatus
{
    NotChecked,
    Good,
    Bad,
}

/// <summary>The result of decrypting one ESP packet.</summary>
public readonly record struct EspDecryption(bool Decrypted, IcvStatus Icv, byte NextHeader, int PadLength, ReadOnlyMemory<byte> Inner, string? Problem);

/// <summary>
/// Decrypts one ESP packet (RFC 4303) with an esp_sa entry and checks its ICV: HMAC-SHA1-96, HMAC-SHA-256-128,
/// -384-192, -512-256, HMAC-MD5-96; AES-CBC, AES-CTR (RFC 3686), AES-GCM (RFC 4106, 8/12/16-byte ICV), 3DES, DES, NULL.
/// Span-based and allocation-light on purpose: this is the hot loop for large captures.
/// </summary>
public sealed class EspDecryptor : IDisposable
{
    private readonly EspSaEntry _sa;
    private readonly SymmetricAlgorithm? _block;
    private readonly AesGcm? _gcm;
    private readonly Aes? _ctrAes;
    private readonly byte[] _salt = [];
    private readonly IncrementalHash? _hmac;
    private readonly NativeHmacSha256? _nativeSha256;
    private readonly ICryptoTransform? _ecbDecryptor;
    private byte[] _plain = new byte[2048];

    public EspDecryptor(EspSaEntry sa)
    {
        _sa = sa;
        var key = sa.EncryptionKey;
        switch (sa.Encryption)
        {
            case EspEncryption.AesCbc:
                Require(key.Length is 16 or 24 or 32, "AES-CBC needs a 16, 24 or 32-byte key");
                _block = Aes.Create();
                _block.Key = key;
                // One ECB transform for the life of the SA: the one-shot CBC API sets up a native cipher context
                // (key schedule included) on every call, which costs more than decrypting a 1400-byte packet.
                _block.Mode = CipherMode.ECB;
                _block.Padding = PaddingMode.None;
                _ecbDecryptor = _block.CreateDecryptor();
                break;
            case EspEncryption.TripleDesCbc:
                Require(key.Length == 24, "TripleDES-CBC needs a 24-byte key");
                _block = TripleDES.Create();
                _block.Key = key;
                break;
            case EspEncryption.DesCbc:
                Require(key.Length == 8, "DES-CBC needs an 8-byte key");
                _block = DES.Create();
                _block.Key = key;
                break;
            case EspEncryption.AesCtr:
                Require(key.Length is 20 or 28 or 36, "AES-CTR needs a 16, 24 or 32-byte key followed by a 4-byte nonce");
                _ctrAes = Aes.Create();
                _ctrAes.Key = key[..^4];
                _salt = key[^4..];
                break;
            case EspEncryption.AesGcm8 or EspEncryption.AesGcm12 or EspEncryption.AesGcm16:
                Require(key.Length is 20 or 28 or 36, "AES-GCM needs a 16, 24 or 32-byte key followed by a 4-byte salt");
                _salt = key[^4..];
                _ctrAes = Aes.Create();
                _ctrAes.Key = key[..^4];
                if (sa.Encryption != EspEncryption.AesGcm8)
                {
                    _gcm = new AesGcm(key[..^4], EspAlgorithmNames.AeadIcvLength(sa.Encryption)!.Value);
                }
                break;
            case EspEncryption.Null:
                break;
            default:
                throw new NotSupportedException($"{EspAlgorithmNames.Name(sa.Encryption)} is not supported");
        }
        if (EspAlgorithmNames.AeadIcvLength(sa.Encryption) is null && EspAlgorithmNames.Checks(sa.Authentication))
        {
            var name = sa.Authentication switch
            {
                EspAuthentication.HmacMd5_96 => HashAlgorithmName.MD5,
                EspAuthentication.HmacSha1_96 => HashAlgorithmName.SHA1,
                EspAuthentication.HmacSha384_192 => HashAlgorithmName.SHA384,
                EspAuthentication.HmacSha512_256 => HashAlgorithmName.SHA512,
                _ => HashAlgorithmName.SHA256,
            };
            _nativeSha256 = name == HashAlgorithmName.SHA256 ? NativeHmacSha256.TryCreate(sa.AuthenticationKey) : null;
            _hmac = IncrementalHash.CreateHMAC(name, sa.AuthenticationKey);
        }
    }

    private static void Require(bool ok, string message)
    {
        if (!ok)
        {
            throw new ArgumentException(message);
        }
    }

    public int IvLength => _sa.Encryption switch
    {
        EspEncryption.AesCbc => 16,
        EspEncryption.TripleDesCbc or EspEncryption.DesCbc => 8,
        EspEncryption.AesCtr or EspEncryption.AesGcm8 or EspEncryption.AesGcm12 or EspEncryption.AesGcm16 => 8,
        _ => 0,
    };

    public int IcvLength => EspAlgorithmNames.AeadIcvLength(_sa.Encryption) ?? EspAlgorithmNames.IcvLength(_sa.Authentication);

    private int BlockSize => _sa.Encryption switch
    {
        EspEncryption.AesCbc => 16,
        EspEncryption.TripleDesCbc or EspEncryption.DesCbc => 8,
        _ => 4,
    };

    private bool FitsLayout(int espLength, out int cipherLength)
    {
        cipherLength = espLength - 8 - IvLength - IcvLength;
        return !(cipherLength < 2 || cipherLength % BlockSize != 0 && _block is not null);
    }

    /// <summary>
    /// The HMAC verdict alone, exactly as <see cref="Decrypt"/> would compute it; null when <see cref="Decrypt"/>
    /// would not run an HMAC (AEAD, no or unchecked integrity, a payload that does not fit the algorithms). Lets
    /// the read-ahead thread verify ICVs while the analysis thread decrypts (see <c>Pipeline.FramePrefetcher</c>).
    /// </summary>
    public IcvStatus? VerifyIcv(ReadOnlySpan<byte> esp)
    {
        if (_hmac is null || !FitsLayout(esp.Length, out _))
        {
            return null;
        }
        return ComputeIcv(esp, IcvLength);
    }

    private IcvStatus ComputeIcv(ReadOnlySpan<byte> esp, int icv)
    {
        // IncrementalHash reused per SA: measured fastest of the .NET HMAC APIs (HMACSHA256.HashData one-shot is
        // ~50 % slower per 1.4 KB packet: it builds and keys a native context every call). A stack buffer for the MAC.
        Span<byte> mac = stackalloc byte[64];
        if (_nativeSha256 is not null)
        {
            _nativeSha256.Compute(esp[..^icv], mac);
        }
        else
        {
            _hmac!.AppendData(esp[..^icv]);
            _hmac.TryGetHashAndReset(mac, out _);
        }
        return CryptographicOperations.FixedTimeEquals(mac[..icv], esp[^icv..]) ? IcvStatus.Good : IcvStatus.Bad;
    }

    /// <summary>Decrypts <paramref name="esp"/> (from the SPI to the end of the ICV). The inner packet aliases an internal buffer.</summary>
    /// <param name="esp">The ESP packet.</param>
    /// <param name="knownIcv">The result of <see cref="VerifyIcv"/> on the same bytes with the same key, already computed elsewhere; null to compute it here.</param>
    public EspDecryption Decrypt(ReadOnlySpan<byte> esp, IcvStatus? knownIcv = null)
    {
        var iv = IvLength;
        var icv = IcvLength;
        if (!FitsLayout(esp.Length, out var cipherLength))
        {
            return new EspDecryption(false, IcvStatus.NotChecked, 0, 0, default, $"ESP payload of {esp.Length} bytes does not fit {EspAlgorithmNames.Name(_sa.Encryption)} with a {icv}-byte ICV");
        }
        var ivSpan = esp.Slice(8, iv);
        var cipher = esp.Slice(8 + iv, cipherLength);
        var icvSpan = esp.Slice(esp.Length - icv, icv);
        var status = IcvStatus.NotChecked;
        if (_hmac is not null)
        {
            status = knownIcv ?? ComputeIcv(esp, icv);
        }
        if (_plain.Length < cipherLength)
        {
            _plain = new byte[Math.Max(cipherLength, _plain.Length * 2)];
        }
        var plain = _plain.AsSpan(0, cipherLength);
        switch (_sa.Encryption)
        {
            case EspEncryption.AesCbc:
                CbcWithEcb(cipher, ivSpan, plain);
                break;
            case EspEncryption.TripleDesCbc or EspEncryption.DesCbc:
                _block!.DecryptCbc(cipher, ivSpan, plain, PaddingMode.None);
                break;
            case EspEncryption.AesCtr:
                {
                    Span<byte> counter = stackalloc byte[16];
                    _salt.CopyTo(counter);
                    ivSpan.CopyTo(counter[4..]);
                    BinaryPrimitives.WriteUInt32BigEndian(counter[12..], 1);
                    Ctr(_ctrAes!, counter, cipher, plain);
                    break;
                }
            case EspEncryption.AesGcm12 or EspEncryption.AesGcm16:
                {
                    Span<byte> nonce = stackalloc byte[12];
                    _salt.CopyTo(nonce);
                    ivSpan.CopyTo(nonce[4..]);
                    try
                    {
                        _gcm!.Decrypt(nonce, cipher, icvSpan, plain, esp[..8]);
                        status = IcvStatus.Good;
                    }
                    catch (AuthenticationTagMismatchException)
                    {
                        // Still show what the plaintext would be (CTR part of GCM) so a wrong key is distinguishable.
                        status = IcvStatus.Bad;
                        GcmCtr(nonce, cipher, plain);
                    }
                    break;
                }
            case EspEncryption.AesGcm8:
                {
                    // .NET's AesGcm accepts 12..16-byte tags only; the 8-byte ICV is checked with our own GHASH.
                    Span<byte> nonce = stackalloc byte[12];
                    _salt.CopyTo(nonce);
                    ivSpan.CopyTo(nonce[4..]);
                    GcmCtr(nonce, cipher, plain);
                    Span<byte> tag = stackalloc byte[16];
                    Ghash.Tag(_ctrAes!, nonce, esp[..8], cipher, tag);
                    status = CryptographicOperations.FixedTimeEquals(tag[..8], icvSpan) ? IcvStatus.Good : IcvStatus.Bad;
                    break;
                }
            case EspEncryption.Null:
                cipher.CopyTo(plain);
                break;
        }
        var padLength = plain[^2];
        var next = plain[^1];
        var problem = (string?)null;
        var decrypted = padLength + 2 <= plain.Length && IsPlausibleNextHeader(next);
        if (decrypted)
        {
            // RFC 4303 2.4: the default padding is 1, 2, 3, ...; a mismatch means the key is wrong.
            var pad = plain.Slice(plain.Length - 2 - padLength, padLength);
            for (var i = 0; i < pad.Length; i++)
            {
                if (pad[i] != i + 1)
                {
                    decrypted = false;
                    break;
                }
            }
        }
        if (!decrypted)
        {
            problem = $"after decryption the padding or next header ({next}) is invalid: the encryption key is wrong";
            return new EspDecryption(false, status, next, padLength, default, problem);
        }
        return new EspDecryption(true, status, next, padLength, _plain.AsMemory(0, cipherLength - 2 - padLength), null);
    }

    private byte[] _cipherCopy = new byte[2048];

    /// <summary>CBC decryption as ECB decryption of every block XORed with the previous cipher block (or the IV).</summary>
    private void CbcWithEcb(ReadOnlySpan<byte> cipher, ReadOnlySpan<byte> iv, Span<byte> plain)
    {
        if (_cipherCopy.Length < cipher.Length)
        {
            _cipherCopy = new byte[Math.Max(cipher.Length, _cipherCopy.Length * 2)];
        }
        cipher.CopyTo(_cipherCopy);
        var n = _ecbDecryptor!.TransformBlock(_cipherCopy, 0, cipher.Length, _plain, 0);
        if (n != cipher.Length)
        {
            throw new CryptographicException("ECB transform returned a short block count");
        }
        XorInto(plain[..16], iv);
        XorInto(plain[16..], cipher[..^16]);
    }

    private static void XorInto(Span<byte> target, ReadOnlySpan<byte> other)
    {
        var i = 0;
        if (System.Numerics.Vector.IsHardwareAccelerated)
        {
            var width = System.Numerics.Vector<byte>.Count;
            for (; i + width <= target.Length; i += width)
            {
                var v = new System.Numerics.Vector<byte>(target[i..]) ^ new System.Numerics.Vector<byte>(other[i..]);
                v.CopyTo(target[i..]);
            }
        }
        for (; i < target.Length; i++)
        {
            target[i] ^= other[i];
        }
    }

    private static bool IsPlausibleNextHeader(byte next) => next is 4 or 41 or 6 or 17 or 1 or 58 or 47 or 59 or 50 or 97 or 132 or 136 or 2 or 103 or 112 or 115;

    private void GcmCtr(ReadOnlySpan<byte> nonce, ReadOnlySpan<byte> cipher, Span<byte> plain)
    {
        Span<byte> counter = stackalloc byte[16];
        nonce.CopyTo(counter);
        BinaryPrimitives.WriteUInt32BigEndian(counter[12..], 2);
        Ctr(_ctrAes!, counter, cipher, plain);
    }

    /// <summary>AES counter mode with a 32-bit big-endian block counter in the last four bytes.</summary>
    internal static void Ctr(Aes aes, Span<byte> counter, ReadOnlySpan<byte> input, Span<byte> output)
    {
        var blocks = (input.Length + 15) / 16;
        var stream = blocks <= 256 ? stackalloc byte[blocks * 16] : new byte[blocks * 16];
        var start = BinaryPrimitives.ReadUInt32BigEndian(counter[12..]);
        for (var i = 0; i < blocks; i++)
        {
            counter.CopyTo(stream[(i * 16)..]);
            BinaryPrimitives.WriteUInt32BigEndian(stream[(i * 16 + 12)..], start + (uint)i);
        }
        aes.EncryptEcb(stream, stream, PaddingMode.None);
        for (var i = 0; i < input.Length; i++)
        {
            output[i] = (byte)(input[i] ^ stream[i]);
        }
    }

    public void Dispose()
    {
        _block?.Dispose();
        _gcm?.Dispose();
        _ctrAes?.Dispose();
        _ecbDecryptor?.Dispose();
        _hmac?.Dispose();
    }
}
