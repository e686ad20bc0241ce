using System.Text.RegularExpressions;
using SeilDiag.Ike;
using SeilDiag.Model;
using SeilDiag.StrongSwan.Proposals;
using SeilDiag.Tests;

namespace SeilDiag.StrongSwan.Tests;

/// <summary>
/// strongSwan keywords that used to be a stop-gap list beside Core's IkeNames are real IkeNames rows now: they parse,
/// render under charon's log names, and expand into IKEv1 transforms exactly when IKEv1 has a value for them.
/// </summary>
public class AlgorithmNameTests
{
    private static readonly Regex ConfiguredProposals = new(@"configured proposals: (?<list>(IKE|ESP):.*)$");

    /// <summary>
    /// Every algorithm name in every "configured proposals" and "received proposals" line the lab's real charons
    /// logged (strongSwan 5.9.8's full default lists included) is a row of IkeNames, of the kind its place says.
    /// </summary>
    [SkippableFact]
    public void Every_name_charon_logged_in_the_lab_is_an_IkeNames_row()
    {
        var names = new HashSet<string>(StringComparer.Ordinal);
        foreach (var log in Directory.EnumerateFiles(TestInputs.LabRoot(), "*-charon.log", SearchOption.AllDirectories))
        {
            foreach (var line in File.ReadLines(log))
            {
                var at = line.IndexOf(" proposals: ", StringComparison.Ordinal);
                if (at < 0 || !(line.Contains("configured proposals", StringComparison.Ordinal) || line.Contains("received proposals", StringComparison.Ordinal)))
                {
                    continue;
                }
                foreach (var proposal in line[(at + " proposals: ".Length)..].Split(", "))
                {
                    foreach (var name in proposal[4..].Split('/'))
                    {
                        names.Add(name);
                    }
                }
            }
        }
        Assert.Contains("CHACHA20_POLY1305", names);
        Assert.Contains("CAMELLIA_CTR_256", names);
        Assert.Contains("AES_CCM_8_192", names);
        var unknown = names.Where(n => n is not ("NO_EXT_SEQ" or "EXT_SEQ")
            && IkeNames.CipherFromLog(n) is null && IkeNames.IntegrityFromLog(n) is null && IkeNames.PrfFromLog(n) is null
            && IkeNames.GroupFromLog(n) is null).ToList();
        Assert.True(unknown.Count == 0, "not in IkeNames: " + string.Join(", ", unknown));
    }

    [Theory]
    [InlineData("aes128ccm8", "AES_CCM_8_128")]
    [InlineData("aes192ccm64", "AES_CCM_8_192")]
    [InlineData("aes256ccm12", "AES_CCM_12_256")]
    [InlineData("aes192ccm16", "AES_CCM_16_192")]
    [InlineData("aes256ccm", "AES_CCM_16_256")]
    [InlineData("aes192gcm12", "AES_GCM_12_192")]
    [InlineData("aes192gcm64", "AES_GCM_8_192")]
    [InlineData("aes128gcm", "AES_GCM_16_128")]
    [InlineData("chacha20poly1305", "CHACHA20_POLY1305")]
    [InlineData("camellia192ctr", "CAMELLIA_CTR_192")]
    [InlineData("serpent256", "SERPENT_CBC_256")]
    [InlineData("twofish", "TWOFISH_CBC_128")]
    [InlineData("aes192gmac", "NULL_AUTH_AES_GMAC_192")]
    public void Esp_cipher_keywords_render_under_charons_log_name(string keyword, string log)
    {
        var aead = IkeNames.CipherFromStrongSwan(keyword)!.Cipher.IsAead;
        var list = StrongSwanProposals.ParseEsp(keyword + (aead ? "" : "-sha256") + "!");
        Assert.True(list.IsValid, string.Join("; ", list.Errors.Select(e => e.Message.English)));
        Assert.Equal($"ESP:{log}{(aead ? "" : "/HMAC_SHA2_256_128")}/NO_EXT_SEQ", list.ToLogString());
        Assert.Equal(log, IkeNames.LogName(Assert.Single(list.Proposals[0].Encryption)));
    }

    [Theory]
    [InlineData("aescmac", "AES_CMAC_96", IntegrityAlgorithm.AesCmac96)]
    [InlineData("sha256_96", "HMAC_SHA2_256_96", IntegrityAlgorithm.HmacSha2_256_96)]
    [InlineData("sha2_256_96", "HMAC_SHA2_256_96", IntegrityAlgorithm.HmacSha2_256_96)]
    [InlineData("sha1_160", "HMAC_SHA1_160", IntegrityAlgorithm.HmacSha1_160)]
    [InlineData("md5_128", "HMAC_MD5_128", IntegrityAlgorithm.HmacMd5_128)]
    public void Integrity_keywords_without_an_ikev1_value_parse_but_expand_to_nothing(string keyword, string log, IntegrityAlgorithm integrity)
    {
        var list = StrongSwanProposals.ParseEsp($"aes256-{keyword}!");
        Assert.True(list.IsValid);
        Assert.Equal($"ESP:AES_CBC_256/{log}/NO_EXT_SEQ", list.ToLogString());
        Assert.Equal(integrity, Assert.Single(list.Proposals[0].Integrity));
        Assert.Equal([keyword], list.Proposals[0].NotInIkeV1);
        // charon cannot put it in an IKEv1 SA payload: no Quick Mode transform, no initiator offer.
        Assert.Empty(StrongSwanProposals.ToPhase2(list.Effective));
        Assert.Empty(StrongSwanProposals.ToPhase2Offer(list.Effective));
        Assert.Null(IkeNames.Ikev1AuthValue(integrity));
    }

    [Fact]
    public void Ccm_and_serpent_esp_transforms_are_ikev1_but_chacha20_and_camellia_ctr_are_not()
    {
        var phase2 = StrongSwanProposals.ToPhase2(StrongSwanProposals.ParseEsp("aes128ccm8-chacha20poly1305-camellia128ctr,serpent128-sha256!").Effective);
        Assert.Equal(
            [new Phase2Proposal(new Cipher(EncryptionAlgorithm.AesCcm8, 128), IntegrityAlgorithm.None, DhGroup.None),
             new Phase2Proposal(new Cipher(EncryptionAlgorithm.Serpent, 128), IntegrityAlgorithm.HmacSha2_256_128, DhGroup.None)],
            phase2);
        Assert.Equal(14, IkeNames.Ikev1EspTransformId(EncryptionAlgorithm.AesCcm8));
        Assert.Equal(23, IkeNames.Ikev1EspTransformId(EncryptionAlgorithm.NullAuthAesGmac));
        Assert.Equal(252, IkeNames.Ikev1EspTransformId(EncryptionAlgorithm.Serpent));
        Assert.Null(IkeNames.Ikev1EspTransformId(EncryptionAlgorithm.ChaCha20Poly1305));
        Assert.Null(IkeNames.Ikev1EspTransformId(EncryptionAlgorithm.CamelliaCtr));
        // The IKEv1 initiator offers the first algorithm of each kind; a ChaCha20-first proposal offers nothing in IKEv1.
        Assert.Empty(StrongSwanProposals.ToPhase2Offer(StrongSwanProposals.ParseEsp("chacha20poly1305-aes128gcm16!").Effective));
    }

    [Fact]
    public void Serpent_and_twofish_are_phase1_ciphers_with_their_private_values()
    {
        var list = StrongSwanProposals.ParseIke("serpent256-twofish128-camellia128ctr-sha256-modp2048!");
        Assert.True(list.IsValid);
        Assert.Equal("IKE:SERPENT_CBC_256/TWOFISH_CBC_128/CAMELLIA_CTR_128/HMAC_SHA2_256_128/PRF_HMAC_SHA2_256/MODP_2048", list.ToLogString());
        var phase1 = StrongSwanProposals.ToPhase1(list.Effective, AuthMethod.PreSharedKey, null);
        Assert.Equal([EncryptionAlgorithm.Serpent, EncryptionAlgorithm.Twofish], phase1.Select(p => p.Encryption.Algorithm));
        Assert.Equal(65004, IkeNames.Ikev1Phase1Value(EncryptionAlgorithm.Serpent));
        Assert.Equal(["camellia128ctr"], list.Proposals[0].NotInIkeV1);
    }

    [Theory]
    [InlineData("prfaesxcbc", "PRF_AES128_XCBC")]
    [InlineData("prfaescmac", "PRF_AES128_CMAC")]
    [InlineData("prfmd5", "PRF_HMAC_MD5")]
    public void Prf_keywords_are_rows(string keyword, string log)
    {
        var list = StrongSwanProposals.ParseIke($"aes128gcm16-{keyword}-ecp256!");
        Assert.True(list.IsValid);
        Assert.Equal($"IKE:AES_GCM_16_128/{log}/ECP_256", list.ToLogString());
        Assert.Equal(log, IkeNames.PrfFromStrongSwan(keyword)!.Log);
    }

    /// <summary>charon only knows prfsha1/256/384/512 and prfmd5: "prfsha2_256" is not a keyword even though "sha2_256" is.</summary>
    [Fact]
    public void Prf_with_an_integrity_alias_is_an_error_with_the_real_keyword_suggested()
    {
        var error = Assert.Single(StrongSwanProposals.ParseIke("aes128gcm16-prfsha2_256-modp2048!").Errors);
        Assert.Equal("prfsha2_256", error.Token);
        Assert.Equal("prfsha256", error.Suggestion);
    }

    [Fact]
    public void Ike_integrity_without_an_ikev1_hash_is_not_expanded_and_does_not_derive_a_prf()
    {
        var list = StrongSwanProposals.ParseIke("aes128-aesxcbc-prfaesxcbc-modp2048!");
        Assert.True(list.IsValid);
        Assert.Equal("IKE:AES_CBC_128/AES_XCBC_96/PRF_AES128_XCBC/MODP_2048", list.ToLogString());
        Assert.Empty(StrongSwanProposals.ToPhase1(list.Effective, AuthMethod.PreSharedKey, null));
        Assert.Equal(["aesxcbc", "prfaesxcbc"], list.Proposals[0].NotInIkeV1);
        // Without prf*, charon derives one PRF per integrity algorithm, the AES MACs included.
        Assert.Equal("IKE:AES_CBC_128/AES_XCBC_96/AES_CMAC_96/HMAC_SHA2_256_96/PRF_AES128_XCBC/PRF_AES128_CMAC/PRF_HMAC_SHA2_256/MODP_2048",
            StrongSwanProposals.ParseIke("aes128-aesxcbc-aescmac-sha256_96-modp2048!").ToLogString());
    }

    [SkippableFact]
    public void Default_ike_proposals_hold_no_name_outside_ikenames_and_only_cbc_ciphers_reach_phase1()
    {
        var defaults = StrongSwanProposals.Defaults(ProposalProtocol.Ike);
        var notIkeV1 = defaults.SelectMany(p => p.NotInIkeV1).ToHashSet();
        // CTR and AEAD modes and ChaCha20 cannot be phase-1 ciphers in IKEv1; the CBC ones (and 3DES) can.
        Assert.Contains("camellia256ctr", notIkeV1);
        Assert.Contains("chacha20poly1305", notIkeV1);
        Assert.DoesNotContain("aes256", notIkeV1);
        var log = SharedFiles.Require("corpus", "lab", "15-strongswan-defaults", "remote-charon.log");
        var line = File.ReadLines(log).Select(l => ConfiguredProposals.Match(l)).Single(m => m.Success).Groups["list"].Value;
        Assert.Equal(line, string.Join(", ", defaults.Select(p => p.ToLogString())));
    }
}
