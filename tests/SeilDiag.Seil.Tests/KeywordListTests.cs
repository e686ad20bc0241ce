using SeilDiag.Ike;
using SeilDiag.Seil.Semantics;
using SeilDiag.Text;

namespace SeilDiag.Seil.Tests;

/// <summary>SEIL's keyword lists come from IkeNames' SEIL column: rows for strongSwan-only algorithms must not leak in.</summary>
public class KeywordListTests
{
    [Fact]
    public void Seil_keyword_lists_hold_only_seil_keywords()
    {
        Assert.Equal(["modp768", "modp1024", "modp1536", "modp2048", "modp3072", "modp4096", "modp6144", "modp8192"], SeilKeywords.DhGroups);
        Assert.Equal(["md5", "sha1", "sha256", "sha384", "sha512"], SeilKeywords.Hashes);
        Assert.Equal(["hmac-md5", "hmac-sha1", "hmac-sha256", "hmac-sha384", "hmac-sha512"], SeilKeywords.Integrities);
        // Rows without a SEIL keyword (ChaCha20, Camellia-CTR, AES-CMAC, ...) resolve from no SEIL name.
        Assert.All(IkeNames.Ciphers.Where(c => c.Seil is null), c => Assert.DoesNotContain(c.StrongSwan[0], IkeNames.Ciphers.Select(x => x.Seil)));
        Assert.Null(IkeNames.CipherFromSeil("chacha20poly1305"));
        Assert.Null(IkeNames.IntegrityFromSeil("aescmac"));
    }

    [Theory]
    [InlineData("interface.ipsec0.ike.proposal.phase2.authentication.0.algorithm: hmac-aescmac\n")]
    [InlineData("interface.ipsec0.ike.proposal.phase2.encryption.0.algorithm: chacha20poly1305\n")]
    [InlineData("interface.ipsec0.ike.proposal.phase1.dh-group: ecp256\n")]
    public void Strongswan_only_algorithms_are_invalid_seil_values(string line)
    {
        var document = SeilFrontEnd.Parse(SourceText.From(line));
        Assert.Equal("SD0003", Assert.Single(document.Diagnostics).Id);
    }
}
