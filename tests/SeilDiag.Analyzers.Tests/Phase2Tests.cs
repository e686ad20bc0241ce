using SeilDiag.Diagnostics;
using SeilDiag.Model;
using static SeilDiag.Analyzers.Tests.PeerSpec;

namespace SeilDiag.Analyzers.Tests;

public class Phase2Tests
{
    [Fact]
    public void Hmac_md5_against_strongswan_defaults_is_a_phase2_mismatch()
    {
        // Seed S4: SEIL phase2 aes256 + hmac-md5, strongSwan without esp=.
        var seil = SeilEnd() with { Phase2 = [P2("aes256", "hmac-md5")] };
        var diagnostics = Run.Pair(seil, SwanEnd());
        var d = diagnostics.Single("SD2001");
        Assert.Contains("integrity: SEIL offers HMAC_MD5_96 only", d.Message);
        Assert.DoesNotContain("encryption:", d.Message);
        Assert.Equal(FixSafety.KeepsSecurity, d.Fixes[0].Safety);
        Assert.Contains("interface.ipsec0.ike.proposal.phase2.authentication = hmac-sha256", d.Fixes[0].Title);
        Assert.Equal(FixSafety.WeakensSecurity, d.Fixes[1].Safety);
        Assert.Contains("esp = aes256-md5!", d.Fixes[1].Title);
        Assert.Contains(d.Evidence, e => e.Excerpt == "no matching proposal found, sending NO_PROPOSAL_CHOSEN");
        Assert.Contains(d.Evidence, e => e.Excerpt == "received proposals: ESP:AES_CBC_256/HMAC_MD5_96/NO_EXT_SEQ");
        // The same configuration is also a weak-algorithm lint finding.
        Assert.Contains(diagnostics.OfRule("SD4001"), w => w.Message.Contains("HMAC_MD5_96"));
    }

    [Fact]
    public void Common_transform_means_no_phase2_error()
    {
        var diagnostics = Run.Pair(SeilEnd() with { Phase2 = [P2("aes128", "hmac-sha256")] }, SwanEnd());
        Assert.Empty(diagnostics.OfRule("SD2001"));
        Assert.Empty(diagnostics.OfRule("SD2002"));
    }

    [Fact]
    public void Strongswan_default_esp_goes_out_as_its_first_algorithms_only()
    {
        // charon's IKEv1 SA payload carries the first algorithm of each type per proposal (lab 02): a SEIL that
        // accepts only aes128/hmac-sha1 works when it initiates, but refuses what strongSwan offers.
        var d = Run.Pair(SeilEnd() with { Phase2 = [P2("aes128", "hmac-sha1")] }, SwanEnd()).Single("SD2001");
        Assert.Contains("when strongSwan → SEIL", d.Message);
        Assert.Contains("integrity: strongSwan offers HMAC_SHA2_256_128 only (strongSwan default); SEIL accepts HMAC_SHA1_96 only", d.Message);
    }

    [Fact]
    public void Pfs_on_seil_only_fails_towards_strongswan_but_not_the_other_way()
    {
        var seil = SeilEnd() with { Phase2 = [P2("aes128", "hmac-sha256", "modp2048")] };
        var diagnostics = Run.Pair(seil, SwanEnd());
        var d = diagnostics.Single("SD2002");
        Assert.Contains("PFS group: SEIL offers MODP_2048 only; strongSwan accepts no PFS only", d.Message);
        Assert.Contains("SEIL → strongSwan", d.Message);
        Assert.DoesNotContain("both directions", d.Message);
        Assert.Empty(diagnostics.OfRule("SD2001"));
    }

    [Fact]
    public void Pfs_on_strongswan_only_fails_towards_a_strict_seil_only()
    {
        var swan = SwanEnd() with { Phase2 = [P2("aes256", "hmac-sha256", "modp2048")] };
        Assert.DoesNotContain(Run.Pair(SeilEnd(), swan).OfRule("SD2002"), d => d.Message.Contains("strongSwan → SEIL"));
        var strict = Run.Pair(SeilEnd() with { CheckLevel = CheckLevel.Strict }, swan).OfRule("SD2002");
        Assert.Contains(strict, d => d.Message.Contains("strongSwan → SEIL") || d.Message.Contains("both directions"));
    }

    [Fact]
    public void Seil_default_proxy_id_is_narrowed_by_strongswan_and_fixed_on_seil()
    {
        // Seed S5: SEIL without proxy-id (0.0.0.0/0 === 0.0.0.0/0), strongSwan 192.168.2.0/24 === 192.168.1.0/24.
        var seil = SeilEnd() with { ProxyIds = null };
        var diagnostics = Run.Pair(seil, SwanEnd());
        var d = diagnostics.Single("SD2003");
        Assert.Equal(Severity.Error, d.Severity);
        Assert.Contains("SEIL → strongSwan: SEIL proposes 0.0.0.0/0 === 0.0.0.0/0", d.Message);
        Assert.Contains("mismatched ID was returned", d.Message);
        Assert.Contains(d.Evidence, e => e.Excerpt == "mismatched ID was returned.");
        var fix = d.Fixes[0];
        Assert.Equal(FixSafety.KeepsSecurity, fix.Safety);
        Assert.Contains("ike.proposal.phase2.proxy-id.ipv4.local = 192.168.1.0/24", fix.Title);
        Assert.Contains("ike.proposal.phase2.proxy-id.ipv4.remote = 192.168.2.0/24", fix.Title);
        Assert.Contains("leftsubnet=0.0.0.0/0 rightsubnet=0.0.0.0/0", fix.Explanation);
        Assert.Contains("SSH", fix.Explanation);
        var widening = d.Fixes[1];
        Assert.Equal(FixSafety.WeakensSecurity, widening.Safety);
        Assert.Contains("leftsubnet = 0.0.0.0/0", widening.Title);
    }

    [Fact]
    public void Strongswan_initiator_accepts_a_narrowing_with_a_warning()
    {
        // Lab 05 (both ends strongSwan): the 0/0 side initiates and the responder narrows.
        var wide = SwanEnd("10.0.0.1", "10.0.0.2", "seil.ipsec.conf", "conn to-remote") with { ProxyIds = [Proxy("0.0.0.0/0", "0.0.0.0/0")], Initiation = Initiation.Start };
        var d = Run.Pair(wide, SwanEnd("10.0.0.2", "10.0.0.1", "remote.ipsec.conf")).Single("SD2003");
        Assert.Equal(Severity.Warning, d.Severity);
        Assert.Contains("accepts: only that traffic is protected", d.Message);
    }

    [Fact]
    public void Disjoint_selectors_are_refused()
    {
        var seil = SeilEnd() with { ProxyIds = [Proxy("192.168.1.0/24", "192.168.20.0/24")] };
        var found = Run.Pair(seil, SwanEnd()).OfRule("SD2003");
        Assert.Equal(2, found.Count);
        Assert.All(found, d => Assert.Equal(Severity.Error, d.Severity));
        Assert.Contains(found, d => d.Message.Contains("INVALID-ID-INFORMATION"));
        Assert.Contains(found, d => d.Message.Contains("no policy found"));
        Assert.All(found, d => Assert.Contains("ike.proposal.phase2.proxy-id.ipv4.remote = 192.168.2.0/24", d.Fixes[0].Title));
    }

    [Fact]
    public void Mirrored_selectors_are_fine()
    {
        Assert.Empty(Run.Pair(SeilEnd(), SwanEnd()).OfRule("SD2003"));
    }
}
