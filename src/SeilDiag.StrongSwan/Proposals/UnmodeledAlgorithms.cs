namespace SeilDiag.StrongSwan.Proposals;

/// <summary>
/// strongSwan proposal keywords that are valid but have no row in Core's <c>IkeNames</c> (so no enum value to expand
/// to). They parse without an error, render under charon's log name, and are left out of the
/// <c>Phase1Proposal</c>/<c>Phase2Proposal</c> expansion. This is not a second name table: every row here is a
/// request to add it to IkeNames (see the report), after which it disappears from this list.
/// </summary>
internal static class UnmodeledAlgorithms
{
    internal enum Category
    {
        Encryption,
        Integrity,
        Prf,
        Group,
    }

    internal static IReadOnlyDictionary<string, (Category Category, string Log, bool Aead)> ByKeyword { get; } = Build();

    private static Dictionary<string, (Category, string, bool)> Build()
    {
        var table = new Dictionary<string, (Category, string, bool)>(StringComparer.OrdinalIgnoreCase);
        foreach (var bits in new[] { 128, 192, 256 })
        {
            table[$"camellia{bits}ctr"] = (Category.Encryption, $"CAMELLIA_CTR_{bits}", false);
            foreach (var (icv, alias) in new[] { (8, 64), (12, 96), (16, 128) })
            {
                table.TryAdd($"aes{bits}ccm{icv}", (Category.Encryption, $"AES_CCM_{icv}_{bits}", true));
                table.TryAdd($"aes{bits}ccm{alias}", (Category.Encryption, $"AES_CCM_{icv}_{bits}", true));
                table.TryAdd($"aes{bits}gcm{icv}", (Category.Encryption, $"AES_GCM_{icv}_{bits}", true));
                table.TryAdd($"aes{bits}gcm{alias}", (Category.Encryption, $"AES_GCM_{icv}_{bits}", true));
            }
            table[$"serpent{bits}"] = (Category.Encryption, $"SERPENT_CBC_{bits}", false);
            table[$"twofish{bits}"] = (Category.Encryption, $"TWOFISH_CBC_{bits}", false);
        }
        table["chacha20poly1305"] = (Category.Encryption, "CHACHA20_POLY1305", true);
        table["aescmac"] = (Category.Integrity, "AES_CMAC_96", false);
        table["sha256_96"] = (Category.Integrity, "HMAC_SHA2_256_96", false);
        table["sha2_256_96"] = (Category.Integrity, "HMAC_SHA2_256_96", false);
        table["sha1_160"] = (Category.Integrity, "HMAC_SHA1_160", false);
        table["md5_128"] = (Category.Integrity, "HMAC_MD5_128", false);
        table["prfaesxcbc"] = (Category.Prf, "PRF_AES128_XCBC", false);
        table["prfaescmac"] = (Category.Prf, "PRF_AES128_CMAC", false);
        return table;
    }
}
