using System.Buffers.Binary;
using System.Security.Cryptography;

namespace SeilDiag.Capture.Bench;

/// <summary>
/// Writes a pcap of ESP traffic (Ethernet/IPv4/ESP, AES-256-CBC + HMAC-SHA-256-128, tunnel mode, ICMP inside)
/// with known keys, and the matching esp_sa next to it. Every packet is really encrypted and authenticated,
/// so a reader has to do the full decrypt+verify work.
/// </summary>
internal static class EspCaptureGenerator
{
    public static readonly byte[] EncryptionKey = Convert.FromHexString("a3d7c4d7499f52882ace29ae9885f620cb5fa502a4a8d6ca5ae1b1ad849dd267");
    public static readonly byte[] IntegrityKey = Convert.FromHexString("a0795e2517981b2667157c375006f1fb2669298dfe0e61b4caa6549910045575");
    public const uint Spi = 0x2176bbaf;

    public static (long Packets, long Bytes) Write(string path, long targetBytes, int innerPayload = 1350)
    {
        using var aes = Aes.Create();
        aes.Key = EncryptionKey;
        using var hmac = IncrementalHash.CreateHMAC(HashAlgorithmName.SHA256, IntegrityKey);
        using var file = new FileStream(path, FileMode.Create, FileAccess.Write, FileShare.None, 1 << 20);
        var header = new byte[24];
        BinaryPrimitives.WriteUInt32LittleEndian(header, 0xa1b2c3d4);
        BinaryPrimitives.WriteUInt16LittleEndian(header.AsSpan(4), 2);
        BinaryPrimitives.WriteUInt16LittleEndian(header.AsSpan(6), 4);
        BinaryPrimitives.WriteUInt32LittleEndian(header.AsSpan(16), 65535);
        BinaryPrimitives.WriteUInt32LittleEndian(header.AsSpan(20), 1);
        file.Write(header);

        // Inner packet: IPv4 192.168.1.1 -> 192.168.2.1, ICMP echo request.
        var inner = new byte[20 + 8 + innerPayload];
        inner[0] = 0x45;
        BinaryPrimitives.WriteUInt16BigEndian(inner.AsSpan(2), (ushort)inner.Length);
        inner[8] = 64;
        inner[9] = 1;
        new byte[] { 192, 168, 1, 1, 192, 168, 2, 1 }.CopyTo(inner, 12);
        inner[20] = 8;
        for (var i = 0; i < innerPayload; i++) inner[28 + i] = (byte)i;
        var padded = (inner.Length + 2 + 15) / 16 * 16;
        var padLength = padded - inner.Length - 2;
        var plain = new byte[padded];
        inner.CopyTo(plain, 0);
        for (var i = 0; i < padLength; i++) plain[inner.Length + i] = (byte)(i + 1);
        plain[^2] = (byte)padLength;
        plain[^1] = 4; // IPv4 inside
        var espLength = 8 + 16 + padded + 16;
        var frame = new byte[14 + 20 + espLength];
        frame[12] = 0x08;
        frame[14] = 0x45;
        BinaryPrimitives.WriteUInt16BigEndian(frame.AsSpan(16), (ushort)(20 + espLength));
        frame[22] = 64;
        frame[23] = 50;
        new byte[] { 10, 0, 0, 1, 10, 0, 0, 2 }.CopyTo(frame, 26);
        var esp = frame.AsSpan(34);
        BinaryPrimitives.WriteUInt32BigEndian(esp, Spi);
        var record = new byte[16];
        var iv = new byte[16];
        var mac = new byte[32];
        long packets = 0;
        long written = 24;
        var start = DateTimeOffset.Parse("2026-11-28T00:00:00Z");
        while (written < targetBytes)
        {
            packets++;
            BinaryPrimitives.WriteUInt32BigEndian(esp[4..], (uint)packets);
            BinaryPrimitives.WriteUInt16BigEndian(inner.AsSpan(26), (ushort)packets);
            BinaryPrimitives.WriteUInt16BigEndian(plain.AsSpan(26), (ushort)packets);
            RandomNumberGenerator.Fill(iv);
            iv.CopyTo(esp[8..]);
            aes.EncryptCbc(plain, iv, esp.Slice(24, padded), PaddingMode.None);
            hmac.AppendData(esp[..(24 + padded)]);
            hmac.GetHashAndReset(mac);
            mac.AsSpan(0, 16).CopyTo(esp[(24 + padded)..]);
            var time = start.AddMilliseconds(packets);
            BinaryPrimitives.WriteUInt32LittleEndian(record, (uint)time.ToUnixTimeSeconds());
            BinaryPrimitives.WriteUInt32LittleEndian(record.AsSpan(4), (uint)(time.Millisecond * 1000));
            BinaryPrimitives.WriteUInt32LittleEndian(record.AsSpan(8), (uint)frame.Length);
            BinaryPrimitives.WriteUInt32LittleEndian(record.AsSpan(12), (uint)frame.Length);
            file.Write(record);
            file.Write(frame);
            written += 16 + frame.Length;
        }
        File.WriteAllText(Path.Combine(Path.GetDirectoryName(Path.GetFullPath(path))!, "esp_sa"),
            $"\"IPv4\",\"10.0.0.1\",\"10.0.0.2\",\"0x{Spi:x8}\",\"AES-CBC [RFC3602]\",\"0x{Convert.ToHexString(EncryptionKey).ToLowerInvariant()}\",\"HMAC-SHA-256-128 [RFC4868]\",\"0x{Convert.ToHexString(IntegrityKey).ToLowerInvariant()}\"\n");
        return (packets, written);
    }
}
