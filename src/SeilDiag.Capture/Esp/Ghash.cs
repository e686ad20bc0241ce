using System.Buffers.Binary;
using System.Security.Cryptography;

namespace SeilDiag.Capture.Esp;

/// <summary>
/// The GCM authentication tag (NIST SP 800-38D) computed directly, for the 8-byte ICV of RFC 4106 that
/// .NET's AesGcm refuses. Bitwise GF(2^128) multiplication: slow but only used for that one variant.
/// </summary>
internal static class Ghash
{
    public static void Tag(Aes aes, ReadOnlySpan<byte> nonce12, ReadOnlySpan<byte> aad, ReadOnlySpan<byte> cipher, Span<byte> tag)
    {
        Span<byte> h = stackalloc byte[16];
        h.Clear();
        aes.EncryptEcb(h, h, PaddingMode.None);
        var hHi = BinaryPrimitives.ReadUInt64BigEndian(h);
        var hLo = BinaryPrimitives.ReadUInt64BigEndian(h[8..]);
        ulong yHi = 0, yLo = 0;
        Absorb(aad, hHi, hLo, ref yHi, ref yLo);
        Absorb(cipher, hHi, hLo, ref yHi, ref yLo);
        yHi ^= (ulong)aad.Length * 8;
        yLo ^= (ulong)cipher.Length * 8;
        Multiply(ref yHi, ref yLo, hHi, hLo);
        Span<byte> j0 = stackalloc byte[16];
        nonce12.CopyTo(j0);
        BinaryPrimitives.WriteUInt32BigEndian(j0[12..], 1);
        aes.EncryptEcb(j0, j0, PaddingMode.None);
        BinaryPrimitives.WriteUInt64BigEndian(tag, yHi ^ BinaryPrimitives.ReadUInt64BigEndian(j0));
        BinaryPrimitives.WriteUInt64BigEndian(tag[8..], yLo ^ BinaryPrimitives.ReadUInt64BigEndian(j0[8..]));
    }

    private static void Absorb(ReadOnlySpan<byte> data, ulong hHi, ulong hLo, ref ulong yHi, ref ulong yLo)
    {
        Span<byte> block = stackalloc byte[16];
        for (var i = 0; i < data.Length; i += 16)
        {
            block.Clear();
            data.Slice(i, Math.Min(16, data.Length - i)).CopyTo(block);
            yHi ^= BinaryPrimitives.ReadUInt64BigEndian(block);
            yLo ^= BinaryPrimitives.ReadUInt64BigEndian(block[8..]);
            Multiply(ref yHi, ref yLo, hHi, hLo);
        }
    }

    private static void Multiply(ref ulong xHi, ref ulong xLo, ulong hHi, ulong hLo)
    {
        ulong zHi = 0, zLo = 0, vHi = hHi, vLo = hLo;
        for (var i = 0; i < 128; i++)
        {
            var bit = i < 64 ? (xHi >> (63 - i)) & 1 : (xLo >> (127 - i)) & 1;
            if (bit != 0)
            {
                zHi ^= vHi;
                zLo ^= vLo;
            }
            var lsb = vLo & 1;
            vLo = (vLo >> 1) | (vHi << 63);
            vHi >>= 1;
            if (lsb != 0)
            {
                vHi ^= 0xe100000000000000UL;
            }
        }
        xHi = zHi;
        xLo = zLo;
    }
}
