using System.Buffers.Binary;
using System.Diagnostics;
using System.Security.Cryptography;
using SeilDiag.Capture;

namespace SeilDiag.Capture.Tests;

/// <summary>
/// Every ESP algorithm without a corpus capture: packets are encrypted with .NET's own implementations as the
/// reference (AesGcm for GCM, whose tag truncated to 8 bytes is the RFC 4106 8-octet ICV), written to a pcap,
/// and must decrypt with a good ICV — and, where tshark is installed, tshark must agree.
/// </summary>
public class EspAlgorithmTests
{
    private sealed record Suite(string Encryption, string Authentication, int KeyBytes, int AuthKeyBytes, string Kind, int Icv);

    private static readonly Suite[] Suites =
    [
        new("AES-CBC [RFC3602]", "HMAC-SHA-1-96 [RFC2404]", 16, 20, "cbc", 12),
        new("AES-CBC [RFC3602]", "HMAC-SHA-384-192 [RFC4868]", 24, 48, "cbc", 24),
        new("AES-CBC [RFC3602]", "HMAC-SHA-512-256 [RFC4868]", 32, 64, "cbc", 32),
        new("AES-CBC [RFC3602]", "HMAC-MD5-96 [RFC2403]", 16, 16, "cbc", 12),
        new("TripleDES-CBC [RFC2451]", "HMAC-SHA-256-128 [RFC4868]", 24, 32, "3des", 16),
        new("AES-CTR [RFC3686]", "HMAC-SHA-256-128 [RFC4868]", 20, 32, "ctr", 16),
        new("AES-CTR [RFC3686]", "HMAC-SHA-1-96 [RFC2404]", 36, 20, "ctr", 12),
        new("AES-GCM with 16 octet ICV [RFC4106]", "NULL", 36, 0, "gcm", 16),
        new("AES-GCM with 12 octet ICV [RFC4106]", "NULL", 20, 0, "gcm", 12),
        new("AES-GCM with 8 octet ICV [RFC4106]", "NULL", 20, 0, "gcm", 8),
        new("AES-GCM with 8 octet ICV [RFC4106]", "NULL", 36, 0, "gcm", 8),
        new("NULL", "HMAC-SHA-1-96 [RFC2404]", 0, 20, "null", 12),
        // HMAC-SHA-256 has its own fast path (NativeHmacSha256): the usual 32-byte key, a short one, and one longer
        // than the 64-byte block, which RFC 2104 hashes first.
        new("AES-CBC [RFC3602]", "HMAC-SHA-256-128 [RFC4868]", 32, 32, "cbc", 16),
        new("AES-CBC [RFC3602]", "HMAC-SHA-256-128 [RFC4868]", 16, 80, "cbc", 16),
        new("NULL", "HMAC-SHA-256-128 [RFC4868]", 0, 20, "null", 16),
    ];

    private static byte[] Key(int length, int seed)
    {
        var key = new byte[length];
        for (var i = 0; i < length; i++) key[i] = (byte)(seed * 31 + i * 7 + 1);
        return key;
    }

    private static byte[] InnerIcmp(int seq)
    {
        var inner = new byte[20 + 8 + 56];
        inner[0] = 0x45;
        BinaryPrimitives.WriteUInt16BigEndian(inner.AsSpan(2), (ushort)inner.Length);
        inner[8] = 64;
        inner[9] = 1;
        new byte[] { 192, 168, 1, 1, 192, 168, 2, 1 }.CopyTo(inner, 12);
        inner[20] = 8;
        BinaryPrimitives.WriteUInt16BigEndian(inner.AsSpan(24), 0x1234);
        BinaryPrimitives.WriteUInt16BigEndian(inner.AsSpan(26), (ushort)seq);
        return inner;
    }

    private static byte[] Esp(Suite s, uint spi, uint seq, byte[] key, byte[] authKey)
    {
        var inner = InnerIcmp((int)seq);
        var block = s.Kind switch { "cbc" => 16, "3des" => 8, _ => 4 };
        var ivLength = s.Kind switch { "cbc" => 16, "3des" => 8, "ctr" or "gcm" => 8, _ => 0 };
        var padded = (inner.Length + 2 + block - 1) / block * block;
        var plain = new byte[padded];
        inner.CopyTo(plain, 0);
        var pad = padded - inner.Length - 2;
        for (var i = 0; i < pad; i++) plain[inner.Length + i] = (byte)(i + 1);
        plain[^2] = (byte)pad;
        plain[^1] = 4;
        var esp = new byte[8 + ivLength + padded + s.Icv];
        BinaryPrimitives.WriteUInt32BigEndian(esp, spi);
        BinaryPrimitives.WriteUInt32BigEndian(esp.AsSpan(4), seq);
        var iv = esp.AsSpan(8, ivLength);
        RandomNumberGenerator.Fill(iv);
        var cipher = esp.AsSpan(8 + ivLength, padded);
        switch (s.Kind)
        {
            case "cbc":
                {
                    using var aes = Aes.Create();
                    aes.Key = key;
                    aes.EncryptCbc(plain, iv, cipher, PaddingMode.None);
                    break;
                }
            case "3des":
                {
                    using var des = TripleDES.Create();
                    des.Key = key;
                    des.EncryptCbc(plain, iv, cipher, PaddingMode.None);
                    break;
                }
            case "ctr":
                {
                    // RFC 3686: counter block = nonce (last 4 key bytes) | IV | block counter from 1.
                    using var aes = Aes.Create();
                    aes.Key = key[..^4];
                    var stream = new byte[(padded + 15) / 16 * 16];
                    for (var i = 0; i < stream.Length / 16; i++)
                    {
                        key.AsSpan(key.Length - 4).CopyTo(stream.AsSpan(i * 16));
                        iv.CopyTo(stream.AsSpan(i * 16 + 4));
                        BinaryPrimitives.WriteUInt32BigEndian(stream.AsSpan(i * 16 + 12), (uint)(i + 1));
                    }
                    var ks = aes.EncryptEcb(stream, PaddingMode.None);
                    for (var i = 0; i < padded; i++) cipher[i] = (byte)(plain[i] ^ ks[i]);
                    break;
                }
            case "gcm":
                {
                    // RFC 4106: nonce = salt (last 4 key bytes) | IV; AAD = SPI | sequence number.
                    using var gcm = new AesGcm(key[..^4], 16);
                    var nonce = new byte[12];
                    key.AsSpan(key.Length - 4).CopyTo(nonce);
                    iv.CopyTo(nonce.AsSpan(4));
                    var tag = new byte[16];
                    gcm.Encrypt(nonce, plain, cipher, tag, esp.AsSpan(0, 8));
                    tag.AsSpan(0, s.Icv).CopyTo(esp.AsSpan(esp.Length - s.Icv));
                    return esp;
                }
            default:
                plain.CopyTo(cipher);
                break;
        }
        var mac = s.Authentication switch
        {
            "HMAC-SHA-1-96 [RFC2404]" => HMACSHA1.HashData(authKey, esp.AsSpan(0, esp.Length - s.Icv)),
            "HMAC-MD5-96 [RFC2403]" => HMACMD5.HashData(authKey, esp.AsSpan(0, esp.Length - s.Icv)),
            "HMAC-SHA-384-192 [RFC4868]" => HMACSHA384.HashData(authKey, esp.AsSpan(0, esp.Length - s.Icv)),
            "HMAC-SHA-512-256 [RFC4868]" => HMACSHA512.HashData(authKey, esp.AsSpan(0, esp.Length - s.Icv)),
            _ => HMACSHA256.HashData(authKey, esp.AsSpan(0, esp.Length - s.Icv)),
        };
        mac.AsSpan(0, s.Icv).CopyTo(esp.AsSpan(esp.Length - s.Icv));
        return esp;
    }

    private static (string Pcap, string EspSa) Build(bool corruptLast)
    {
        var frames = new List<CaptureWriter.Frame>();
        var lines = new List<string>();
        var time = DateTimeOffset.Parse("2026-11-28T00:00:00Z");
        for (var n = 0; n < Suites.Length; n++)
        {
            var s = Suites[n];
            var spi = 0x1000u + (uint)n;
            var key = Key(s.KeyBytes, n);
            var authKey = Key(s.AuthKeyBytes, n + 100);
            lines.Add($"\"IPv4\",\"10.0.0.1\",\"10.0.0.2\",\"0x{spi:x8}\",\"{s.Encryption}\",\"0x{Convert.ToHexString(key)}\",\"{s.Authentication}\",\"{(authKey.Length == 0 ? "" : "0x" + Convert.ToHexString(authKey))}\"");
            for (var seq = 1u; seq <= 2; seq++)
            {
                var esp = Esp(s, spi, seq, key, authKey);
                if (corruptLast && seq == 2)
                {
                    esp[^1] ^= 0x01;
                }
                var frame = new byte[14 + 20 + esp.Length];
                frame[12] = 0x08;
                frame[14] = 0x45;
                BinaryPrimitives.WriteUInt16BigEndian(frame.AsSpan(16), (ushort)(20 + esp.Length));
                frame[22] = 64;
                frame[23] = 50;
                new byte[] { 10, 0, 0, 1, 10, 0, 0, 2 }.CopyTo(frame, 26);
                esp.CopyTo(frame, 34);
                frames.Add(new CaptureWriter.Frame(time = time.AddMilliseconds(1), frame));
            }
        }
        var dir = Corpus.TempDir();
        File.WriteAllBytes(Path.Combine(dir, "esp.pcap"), CaptureWriter.Pcap(frames));
        File.WriteAllLines(Path.Combine(dir, "esp_sa"), lines);
        return (Path.Combine(dir, "esp.pcap"), Path.Combine(dir, "esp_sa"));
    }

    [Fact]
    public void EveryAlgorithmDecryptsAndVerifies()
    {
        var (pcap, espSa) = Build(corruptLast: false);
        var a = CaptureFrontEnd.Analyze(pcap, CaptureKeys.Load(null, espSa));
        Assert.Equal(Suites.Length * 2, a.Packets.Count);
        Assert.All(a.Packets, p =>
        {
            Assert.True(p.EspDecrypted, $"{Suites[(int)(p.Spi! - 0x1000)]}: {p.Info}");
            Assert.Equal(SeilDiag.Capture.Esp.IcvStatus.Good, p.Icv);
            Assert.StartsWith("192.168.1.1 > 192.168.2.1 ICMP echo request id=0x1234 seq=", p.Inner);
        });
        Assert.DoesNotContain(a.Diagnostics, d => d.Id is "SD0022" or "SD0023" or "SD0024");
    }

    [Fact]
    public void AFlippedIcvBitIsCaughtForEveryAlgorithm()
    {
        var (pcap, espSa) = Build(corruptLast: true);
        var a = CaptureFrontEnd.Analyze(pcap, CaptureKeys.Load(null, espSa));
        Assert.All(a.EspSas, s =>
        {
            Assert.Equal(1, s.IcvGood);
            Assert.Equal(1, s.IcvBad);
        });
        Assert.Equal(Suites.Length, a.Diagnostics.Count(d => d.Id == "SD0022" && d.Message.Contains("ICV does not verify", StringComparison.Ordinal)));
    }

    [SkippableFact]
    public void TsharkAgrees()
    {
        var tshark = (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator).Select(d => Path.Combine(d, "tshark")).FirstOrDefault(File.Exists);
        Skip.If(tshark is null, "tshark is not on PATH (CI installs it)");
        var (pcap, espSa) = Build(corruptLast: false);
        var home = Corpus.TempDir();
        Directory.CreateDirectory(Path.Combine(home, "wireshark"));
        File.Copy(espSa, Path.Combine(home, "wireshark", "esp_sa"));
        File.WriteAllText(Path.Combine(home, "wireshark", "preferences"), "esp.enable_encryption_decode: TRUE\nesp.enable_authentication_check: TRUE\n");
        var start = new ProcessStartInfo(tshark!) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var arg in new[] { "-r", pcap, "-T", "fields", "-E", "separator=|", "-e", "esp.spi", "-e", "icmp.type", "-e", "esp.icv_good", "-e", "esp.icv_bad" })
        {
            start.ArgumentList.Add(arg);
        }
        start.Environment["XDG_CONFIG_HOME"] = home;
        start.Environment["HOME"] = home;
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEnd();
        Assert.True(process.WaitForExit(60_000));
        var rows = output.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => l.Split('|')).ToList();
        Assert.Equal(Suites.Length * 2, rows.Count);
        // tshark decrypts each SA to the same ICMP echo request; where it checks the ICV it finds it good.
        Assert.All(rows, r =>
        {
            Assert.Equal("8", r[1]);
            Assert.NotEqual("1", r[3].Trim());
        });
    }
}
