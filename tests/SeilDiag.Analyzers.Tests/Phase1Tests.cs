using SeilDiag.Diagnostics;
using SeilDiag.Ike;
using SeilDiag.Model;
using static SeilDiag.Analyzers.Tests.PeerSpec;

namespace SeilDiag.Analyzers.Tests;

public class Phase1Tests
{
    [Fact]
    public void Matching_default_seil_and_strict_strongswan_have_no_errors()
    {
        var diagnostics = Run.Pair(SeilEnd(), SwanEnd());
        Assert.Empty(diagnostics.Errors());
    }

    [Fact]
    public void Dh_group_mismatch_names_both_groups_and_offers_a_fix_on_each_side()
    {
        // Seed S3: SEIL aes256/sha256/modp1024, strongSwan ike=aes256-sha256-modp1536!
        var seil = SeilEnd() with { Phase1 = [P1("aes256", "sha256", "modp1024")], Phase1Lifetime = TimeSpan.FromSeconds(777) };
        var diagnostics = Run.Pair(seil, SwanEnd());
        var d = diagnostics.Single("SD1001");
        Assert.Contains("DH group: SEIL offers MODP_1024 only; strongSwan accepts MODP_1536 only", d.Message);
        Assert.Contains("both directions", d.Message);
        Assert.Equal("seil.conf", d.Location!.Path);
        Assert.Contains(d.AdditionalLocations, l => l.Path == "ipsec.conf");

        Assert.Equal(2, d.Fixes.Count);
        var seilFix = d.Fixes[0];
        Assert.Equal(FixSafety.KeepsSecurity, seilFix.Safety);
        Assert.Contains("interface.ipsec0.ike.proposal.phase1.dh-group = modp1536", seilFix.Title);
        Assert.All(seilFix.Edits, e => Assert.Equal("seil.conf", e.Path));
        var swanFix = d.Fixes[1];
        Assert.Equal(FixSafety.WeakensSecurity, swanFix.Safety);
        Assert.Contains("ike = aes256-sha256-modp1536,aes256-sha256-modp1024!", swanFix.Title);
        Assert.Contains("MODP-1024 is weak", swanFix.Explanation);

        Assert.Contains(d.Evidence, e => e.Kind == EvidenceKind.Predicted && e.Excerpt == "no proposal found");
        Assert.Contains(d.Evidence, e => e.Excerpt == "received proposals: IKE:AES_CBC_256/HMAC_SHA2_256_128/PRF_HMAC_SHA2_256/MODP_1024");
    }

    [Fact]
    public void Encryption_and_hash_differences_are_both_named()
    {
        var seil = SeilEnd() with { Phase1 = [P1("aes128", "sha1", "modp1536")] };
        var d = Run.Pair(seil, SwanEnd()).Single("SD1001");
        Assert.Contains("encryption: SEIL offers AES_CBC_128 only; strongSwan accepts AES_CBC_256 only", d.Message);
        Assert.Contains("hash: SEIL offers HMAC_SHA1_96 only; strongSwan accepts HMAC_SHA2_256_128 only", d.Message);
        Assert.DoesNotContain("DH group", d.Message);
    }

    [Fact]
    public void Strict_check_level_refuses_a_longer_strongswan_lifetime_only_when_seil_responds()
    {
        var seil = SeilEnd() with { CheckLevel = CheckLevel.Strict, Phase1Lifetime = TimeSpan.FromSeconds(777) };
        var d = Run.Pair(seil, SwanEnd() with { Phase1Lifetime = TimeSpan.FromHours(3) }).Single("SD1001");
        Assert.Contains("strongSwan → SEIL", d.Message);
        Assert.DoesNotContain("both directions", d.Message);
        Assert.Contains("proposed 10800 s, own 777 s", d.Message);
        Assert.Contains(d.Fixes, f => f.Title.Contains("ikelifetime = 777s"));
    }

    [Fact]
    public void Obey_accepts_any_lifetime()
    {
        var seil = SeilEnd() with { Phase1Lifetime = TimeSpan.FromSeconds(777) };
        Assert.Empty(Run.Pair(seil, SwanEnd() with { Phase1Lifetime = TimeSpan.FromHours(3) }).OfRule("SD1001"));
    }

    [Fact]
    public void Aggressive_psk_towards_strongswan_is_refused_and_the_assumption_is_stated()
    {
        // Seed S10: SEIL exchange-mode aggressive, strongswan.conf not given.
        var d = Run.Pair(SeilEnd() with { Mode = ExchangeMode.Aggressive }, SwanEnd()).Single("SD1004");
        Assert.Contains("SEIL → strongSwan", d.Message);
        Assert.Contains("assuming the default charon.i_dont_care_about_security_and_use_aggressive_mode_psk = no", d.Message);
        Assert.Contains(d.Evidence, e => e.Excerpt == "Aggressive Mode PSK disabled for security reasons");
        Assert.Equal(FixSafety.KeepsSecurity, d.Fixes[0].Safety);
        Assert.Contains("ike.exchange-mode = main", d.Fixes[0].Title);
        Assert.Equal(FixSafety.WeakensSecurity, d.Fixes[1].Safety);
        Assert.Contains("i_dont_care_about_security_and_use_aggressive_mode_psk = yes", d.Fixes[1].Title);
    }

    [Fact]
    public void Aggressive_psk_is_accepted_when_strongswan_conf_allows_it()
    {
        var diagnostics = Run.Pair(SeilEnd() with { Mode = ExchangeMode.Aggressive },
            SwanEnd() with { Mode = ExchangeMode.Aggressive, AggressiveAllowed = true });
        Assert.Empty(diagnostics.OfRule("SD1004"));
        Assert.Empty(diagnostics.OfRule("SD1005"));
        Assert.Equal(2, diagnostics.OfRule("SD4002").Count);
    }

    [Fact]
    public void Main_against_aggressive_is_an_exchange_mode_mismatch()
    {
        // strongSwan aggressive=yes (allowed) initiating towards a Main Mode SEIL, and vice versa.
        var diagnostics = Run.Pair(SeilEnd(), SwanEnd() with { Mode = ExchangeMode.Aggressive, AggressiveAllowed = true });
        var d = diagnostics.Single("SD1005");
        Assert.Contains("SEIL uses Main Mode (SEIL default), strongSwan uses Aggressive Mode", d.Message);
        Assert.Contains("remove conn to-seil: aggressive", d.Fixes[0].Title);
    }

    [Fact]
    public void Ikev2_conn_against_seil_is_reported()
    {
        var d = Run.Pair(SeilEnd(), SwanEnd() with { KeyExchange = "ikev2" }).Single("SD1005");
        Assert.Contains("IKE version", d.Message);
        Assert.Contains("both directions", d.Message);
        Assert.Contains("keyexchange = ikev1", d.Fixes[0].Title);
    }

    [Fact]
    public void Default_keyexchange_ike_breaks_only_when_strongswan_initiates()
    {
        // keyexchange=ike (strongSwan's default) initiates IKEv2 but accepts IKEv1 when responding.
        var d = Run.Pair(SeilEnd(), SwanEnd() with { KeyExchange = null }).Single("SD1005");
        Assert.Contains("when strongSwan → SEIL", d.Message);
        Assert.Contains("keyexchange=ike, the strongSwan default, which initiates IKEv2", d.Message);
        Assert.Empty(Run.Pair(SeilEnd(), SwanEnd() with { KeyExchange = "ikev1" }).OfRule("SD1005"));
    }

    [Fact]
    public void Different_psks_are_a_mismatch_and_never_printed()
    {
        var diagnostics = Run.Pair(SeilEnd() with { Psk = "secret-one" }, SwanEnd() with { Psk = "secret-two" });
        var d = diagnostics.Single("SD1002");
        Assert.Contains("seil.conf:10", d.Message);
        Assert.Contains("ipsec.conf:10", d.Message);
        var everything = d.Message + d.GetMessage("ja") + string.Join("", d.Evidence.Select(e => e.Text + e.Excerpt)) + string.Join("", d.Fixes.Select(f => f.Title + f.Explanation));
        Assert.DoesNotContain("secret-one", everything);
        Assert.DoesNotContain("secret-two", everything);
        Assert.True(d.Fixes.Single().IsAdvice);
    }

    [Fact]
    public void Equal_or_unknown_psks_are_not_a_mismatch()
    {
        Assert.Empty(Run.Pair(SeilEnd(), SwanEnd()).OfRule("SD1002"));
        var unknown = Run.Pair(SeilEnd(), SwanEnd() with { Psk = null, PskKnown = false });
        Assert.Empty(unknown.OfRule("SD1002"));
        Assert.Empty(unknown.OfRule("SD1006"));
        var prediction = TunnelPrediction.Predict(Run.Model(SeilEnd().Build(), (SwanEnd() with { Psk = null, PskKnown = false }).Build())).Single();
        Assert.Equal(Phase1.PskVerdict.Unverifiable, prediction.Psk);
    }

    [Fact]
    public void Fqdn_identity_against_expected_address_is_an_identity_mismatch()
    {
        // Lab 09: leftid=@seil.example.jp vs rightid=10.0.0.1.
        var seil = SeilEnd() with { LocalId = new IkeIdentity(IdentityType.Fqdn, "seil.example.jp"), Mode = ExchangeMode.Aggressive };
        var swan = SwanEnd() with { RemoteId = new IkeIdentity(IdentityType.Ipv4Address, "10.0.0.1"), Mode = ExchangeMode.Aggressive, AggressiveAllowed = true };
        var d = Run.Pair(seil, swan).Single("SD1003");
        Assert.Contains("SEIL sends FQDN seil.example.jp", d.Message);
        Assert.Contains("strongSwan expects 10.0.0.1", d.Message);
        Assert.Contains("rightid = @seil.example.jp", d.Fixes[0].Title);
        Assert.Contains("ike.my-identifier.type = address", d.Fixes[1].Title);
    }

    [Fact]
    public void Default_address_identities_match()
    {
        Assert.Empty(Run.Pair(SeilEnd(), SwanEnd()).OfRule("SD1003"));
        Assert.Empty(Run.Pair(SeilEnd(), SwanEnd() with { RemoteId = IkeIdentity.AnyIdentity }).OfRule("SD1003"));
    }

    [Fact]
    public void Seil_main_mode_psk_with_fqdn_identity_is_a_warning()
    {
        var seil = SeilEnd() with { LocalId = new IkeIdentity(IdentityType.Fqdn, "seil.example.jp") };
        var swan = SwanEnd() with { RemoteId = new IkeIdentity(IdentityType.Fqdn, "seil.example.jp") };
        var found = Run.Pair(seil, swan).OfRule("SD1003");
        var d = Assert.Single(found);
        Assert.Equal(Severity.Warning, d.Severity);
        Assert.Contains("Main Mode with a pre-shared key", d.Message);
    }

    [Fact]
    public void Messages_render_in_japanese_too()
    {
        var seil = SeilEnd() with { Phase1 = [P1("aes256", "sha256", "modp1024")] };
        var d = Run.Pair(seil, SwanEnd()).Single("SD1001");
        Assert.StartsWith("フェーズ1 プロポーザル不一致: DH グループ", d.GetMessage("ja"));
    }
}
