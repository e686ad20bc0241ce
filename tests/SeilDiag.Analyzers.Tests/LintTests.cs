using SeilDiag.Diagnostics;
using SeilDiag.Ike;
using SeilDiag.Model;
using static SeilDiag.Analyzers.Tests.PeerSpec;

namespace SeilDiag.Analyzers.Tests;

public class LintTests
{
    [Fact]
    public void Weak_dh_group_set_by_the_user_is_reported_with_a_stronger_replacement()
    {
        var seil = (SeilEnd() with { Phase1 = [P1("aes256", "sha256", "modp1024")] }).Build();
        var d = Run.All(seil).Single("SD4001");
        Assert.Equal("weak algorithm MODP_1024 in interface.ipsec0.ike.proposal.phase1.dh-group", d.Message);
        Assert.Equal("seil.conf", d.Location!.Path);
        Assert.Equal(5, d.Location.Line);
        Assert.Contains("dh-group = modp2048", d.Fixes.Single().Title);
        Assert.Contains(("set", "ike.proposal.phase1.dh-group", "modp2048"), ((RecordingEditor)seil.Editor).Calls);
    }

    [Fact]
    public void Defaults_are_not_the_users_choice_and_are_not_reported()
    {
        // SEIL's default list contains 3DES and SHA-1; the user did not write them.
        Assert.Empty(Run.All(SeilEnd().Build()).OfRule("SD4001"));
    }

    [Fact]
    public void Sha1_is_weak_only_as_the_only_hash()
    {
        var only = (SeilEnd() with { Phase1 = [P1("aes256", "sha1", "modp2048")] }).Build();
        Assert.Contains(Run.All(only).OfRule("SD4001"), d => d.Message.Contains("HMAC_SHA1_96") && d.Message.Contains("the only hash"));
        var mixed = (SeilEnd() with { Phase1 = [P1("aes256", "sha256", "modp2048"), P1("aes256", "sha1", "modp2048")] }).Build();
        Assert.Empty(Run.All(mixed).OfRule("SD4001"));
    }

    [Fact]
    public void Weak_pfs_group_and_md5_and_des_are_reported()
    {
        var seil = (SeilEnd() with { Phase2 = [P2("des", "hmac-md5", "modp768")] }).Build();
        var found = Run.All(seil).OfRule("SD4001");
        Assert.Contains(found, d => d.Message.Contains("DES_CBC"));
        Assert.Contains(found, d => d.Message.Contains("HMAC_MD5_96") && d.Message.Contains("phase2.authentication"));
        Assert.Contains(found, d => d.Message.Contains("MODP_768") && d.Message.Contains("as PFS group"));
    }

    [Fact]
    public void Strongswan_weak_proposal_fix_rewrites_the_ike_line()
    {
        var swan = (SwanEnd() with { Phase1 = [P1("aes128", "md5", "modp768")] }).Build();
        var found = Run.All(swan).OfRule("SD4001");
        Assert.Contains(found, d => d.Message == "weak algorithm HMAC_MD5_96 in conn to-seil: ike" && d.Fixes.Single().Title.Contains("ike = aes128-sha256-modp768!"));
        Assert.Contains(found, d => d.Message.Contains("MODP_768") && d.Fixes.Single().Title.Contains("ike = aes128-md5-modp2048!"));
    }

    [Fact]
    public void No_replacement_when_the_other_end_needs_the_weak_algorithm()
    {
        var seil = SeilEnd() with { Phase1 = [P1("aes256", "sha256", "modp1024")] };
        var swan = SwanEnd() with { Phase1 = [P1("aes256", "sha256", "modp1024")] };
        var found = Run.Pair(seil, swan).OfRule("SD4001");
        Assert.Equal(2, found.Count);
        Assert.All(found, d => Assert.True(d.Fixes.Single().IsAdvice, d.Fixes.Single().Title));
        Assert.All(found, d => Assert.Contains("change both ends", d.Fixes.Single().Title));
    }

    [Fact]
    public void Aggressive_mode_with_psk_is_flagged_only_when_set()
    {
        var d = Run.All((SeilEnd() with { Mode = ExchangeMode.Aggressive }).Build()).Single("SD4002");
        Assert.Contains("interface.ipsec0", d.Message);
        Assert.Contains("exchange-mode = main", d.Fixes.Single().Title);
        Assert.Empty(Run.All(SeilEnd().Build()).OfRule("SD4002"));
        Assert.Empty(Run.All((SeilEnd() with { Mode = ExchangeMode.Aggressive, Auth = AuthMethod.RsaSignature }).Build()).OfRule("SD4002"));
    }

    [Fact]
    public void Missing_psk_is_an_error_only_when_the_secrets_were_read()
    {
        var d = Run.All((SwanEnd() with { Psk = null }).Build()).Single("SD1006");
        Assert.Contains("no PSK line in ipsec.secrets matches 10.0.0.2 / 10.0.0.1", d.Message);
        Assert.True(d.Fixes.Single().IsAdvice);
        Assert.Empty(Run.All((SwanEnd() with { Psk = null, PskKnown = false }).Build()).OfRule("SD1006"));
        Assert.Empty(Run.All((SwanEnd() with { Psk = null, Auth = AuthMethod.RsaSignature }).Build()).OfRule("SD1006"));
        Assert.Contains("interface.ipsec0.preshared-key is not set", Run.All((SeilEnd() with { Psk = null }).Build()).Single("SD1006").Message);
    }

    [Fact]
    public void Very_short_lifetimes_are_info()
    {
        var d = Run.All((SwanEnd() with { Phase1Lifetime = TimeSpan.FromSeconds(60) }).Build()).Single("SD3005");
        Assert.Equal(Severity.Info, d.Severity);
        Assert.Contains("60 s", d.Message);
        Assert.Empty(Run.All((SwanEnd() with { Phase1Lifetime = TimeSpan.FromHours(1) }).Build()).OfRule("SD3005"));
    }
}

public class WrittenAlgorithmTests
{
    [Fact]
    public void Strongswan_defaults_appended_without_bang_are_not_reported_as_weak()
    {
        // Without '!', charon appends its defaults (which include SHA-1 and MODP groups the user never wrote):
        // SD4003 says so; SD4001 must not blame the user for them.
        var config = StrongSwan.StrongSwanFrontEnd.Load(Text.SourceText.From(
            "conn a\n    left=10.0.0.2\n    right=10.0.0.1\n    keyexchange=ikev1\n    authby=secret\n    ike=aes256-sha256-modp2048\n    esp=aes256-sha256\n    auto=add\n", "ipsec.conf"),
            readFile: _ => null);
        var model = new Analysis.IkeModel();
        model.Peers.AddRange(config.Peers);
        Assert.DoesNotContain(Analysis.AnalysisContext.Run(model, ConfigAnalyzers.Lint), d => d.Id == "SD4001");
        Assert.Contains(config.Diagnostics, d => d.Id == "SD4003");
    }

    [Fact]
    public void A_weak_algorithm_the_user_wrote_is_still_reported()
    {
        var config = StrongSwan.StrongSwanFrontEnd.Load(Text.SourceText.From(
            "conn a\n    left=10.0.0.2\n    right=10.0.0.1\n    keyexchange=ikev1\n    authby=secret\n    ike=aes256-sha256-modp1024\n    auto=add\n", "ipsec.conf"),
            readFile: _ => null);
        var model = new Analysis.IkeModel();
        model.Peers.AddRange(config.Peers);
        var weak = Assert.Single(Analysis.AnalysisContext.Run(model, ConfigAnalyzers.Lint), d => d.Id == "SD4001");
        Assert.Contains("MODP_1024", weak.Message);
        Assert.Equal(6, weak.Location!.Line);
    }
}
