using System.Security.Cryptography;
using SeilDiag.Capture.Esp;

namespace SeilDiag.Capture.Tests;

/// <summary>The precomputed-state HMAC-SHA-256 over libcrypto must equal .NET's HMACSHA256 for every key and message length.</summary>
public class NativeHmacTests
{
    [SkippableFact]
    public void MatchesHmacSha256_ForKeysAroundTheBlockSizeAndManyMessageLengths()
    {
        Skip.IfNot(OperatingSystem.IsLinux() && NativeLibraryExists(), "libcrypto.so.3 is not on this machine (the decryptor falls back to IncrementalHash)");
        var random = new Random(4303);
        foreach (var keyLength in new[] { 0, 1, 20, 32, 63, 64, 65, 80, 131 })
        {
            var key = new byte[keyLength];
            random.NextBytes(key);
            var hmac = NativeHmacSha256.TryCreate(key);
            Assert.NotNull(hmac);
            foreach (var length in new[] { 0, 1, 55, 56, 63, 64, 65, 119, 1400, 1456, 9000 })
            {
                var data = new byte[length];
                random.NextBytes(data);
                var mac = new byte[32];
                hmac!.Compute(data, mac);
                Assert.Equal(Convert.ToHexString(HMACSHA256.HashData(key, data)), Convert.ToHexString(mac));
            }
        }
    }

    private static bool NativeLibraryExists()
    {
        if (System.Runtime.InteropServices.NativeLibrary.TryLoad("libcrypto.so.3", out var handle))
        {
            System.Runtime.InteropServices.NativeLibrary.Free(handle);
            return true;
        }
        return false;
    }
}
