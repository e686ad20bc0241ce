using SeilDiag.Diagnostics;
using SeilDiag.Ike;
using SeilDiag.Model;
using static SeilDiag.Analyzers.Tests.PeerSpec;

namespace SeilDiag.Analyzers.Tests;

public class LifecycleAndPairingTests
{
    [Fact]
    public void Responder_only_seil_and_auto_add_strongswan_never_start()
    {
        var diagnostics = Run.Pair(SeilEnd() with { Initiation = Initiation.RespondOnly }, SwanEnd() with { Initiation = Initiation.RespondOnly });
        var d = diagnostics.Single("SD3001");
        Assert.Contains("SEIL is responder-only", d.Message);
        Assert.Contains("strongSwan only waits (auto=add", d.Message);
        Assert.Contains("auto = start", d.Fixes[0].Title);
        Assert.Contains("ike.responder-only = disable", d.Fixes[1].Title);
    }

    [Fact]
    public void Responder_only_seil_with_auto_start_strongswan_is_fine()
    {
        // Seed S2.
        var diagnostics = Run.Pair(SeilEnd() with { Initiation = Initiation.RespondOnly }, SwanEnd() with { Initiation = Initiation.Start });
        Assert.Empty(diagnostics.OfRule("SD3001"));
        Assert.Empty(diagnostics.Errors());
    }

    [Fact]
    public void Two_strongswan_auto_add_conns_are_not_reported()
    {
        var a = SwanEnd("10.0.0.1", "10.0.0.2", "a.conf") with { ProxyIds = [Proxy("192.168.1.0/24", "192.168.2.0/24")] };
        Assert.Empty(Run.Pair(a, SwanEnd()).OfRule("SD3001"));
    }

    [Fact]
    public void Phase2_lifetime_longer_than_a_strict_seil_fails_when_strongswan_initiates()
    {
        var seil = SeilEnd() with { CheckLevel = CheckLevel.Strict, Phase2Lifetime = TimeSpan.FromMinutes(30) };
        var d = Run.Pair(seil, SwanEnd() with { Phase2Lifetime = TimeSpan.FromHours(1) }).Single("SD3005");
        Assert.Equal(Severity.Error, d.Severity);
        Assert.Contains("strongSwan → SEIL", d.Message);
        Assert.Contains("keylife = 1800s", d.Fixes[0].Title);
        Assert.Contains(d.Evidence, e => e.Excerpt == "long lifetime proposed: my:1800 peer:3600");
        Assert.Empty(Run.Pair(SeilEnd() with { Phase2Lifetime = TimeSpan.FromMinutes(30) }, SwanEnd()).OfRule("SD3005"));
    }

    [Fact]
    public void Dpd_on_one_side_is_info_and_forced_nat_t_is_nat_t_in_use()
    {
        var diagnostics = Run.Pair(SeilEnd() with { Dpd = true, Nat = NatTraversalMode.Force }, SwanEnd() with { Dpd = false });
        var found = diagnostics.OfRule("SD3005");
        Assert.Contains(found, d => d.Severity == Severity.Info && d.Message.StartsWith("DPD is enabled only on SEIL"));
        // Forced on one end, enabled (default) on the other: the tunnel works on UDP 4500 — SD3006, not a disagreement.
        Assert.DoesNotContain(found, d => d.Message.Contains("NAT-T"));
        var nat = diagnostics.Single("SD3006");
        Assert.Equal(Severity.Info, nat.Severity);
        Assert.StartsWith("NAT traversal: forced by SEIL (set at seil.conf:18:1; strongSwan follows, NAT-T strongSwan default): IKE moves to UDP 4500", nat.Message);
        Assert.Equal(18, nat.Location!.Line);
        Assert.Contains("remove", nat.Fixes.Single().Title);
        // The SEIL fakes its NAT-D hash: charon on the other end concludes the SEIL is behind a NAT.
        Assert.Equal("remote host is behind NAT", Assert.Single(nat.Evidence).Excerpt);
        // Seed S9 the other way round: a SEIL does not log charon's words, so no line is predicted for it.
        Assert.Empty(Run.Pair(SeilEnd(), SwanEnd() with { Nat = NatTraversalMode.Force }).Single("SD3006").Evidence);

        var bothForced = Run.Pair(SeilEnd() with { Nat = NatTraversalMode.Force }, SwanEnd() with { Nat = NatTraversalMode.Force }).Single("SD3006");
        Assert.Contains("forced by both ends", bothForced.Message);
        Assert.Contains(bothForced.Evidence, e => e.Excerpt == "remote host is behind NAT");

        var disabled = Run.Pair(SeilEnd() with { Nat = NatTraversalMode.Force }, SwanEnd() with { Nat = NatTraversalMode.Disable });
        Assert.Contains(disabled.OfRule("SD3005"), d => d.Severity == Severity.Warning && d.Message.Contains("disabled on strongSwan"));
        Assert.Empty(disabled.OfRule("SD3006"));
        Assert.Empty(Run.Pair(SeilEnd() with { Dpd = true }, SwanEnd() with { Dpd = true }).OfRule("SD3005"));
        Assert.Empty(Run.Pair(SeilEnd(), SwanEnd()).OfRule("SD3006"));
    }

    [Fact]
    public void Peers_pair_by_addresses_and_an_address_typo_is_unpaired_with_the_nearest_named()
    {
        var seil = SeilEnd(remote: "10.0.0.20");
        var diagnostics = Run.Pair(seil, SwanEnd());
        var found = diagnostics.OfRule("SD1007");
        Assert.Equal(2, found.Count);
        var d = found.Single(x => x.Location!.Path == "seil.conf");
        Assert.Contains("nearest: strongSwan conn to-seil (ipsec.conf)", d.Message);
        Assert.Contains("remote address 10.0.0.20 is not strongSwan's local address 10.0.0.2", d.Message);
        // Unpaired ends are not compared: no pair findings.
        Assert.Empty(diagnostics.OfRule("SD1001"));
    }

    [Fact]
    public void Dynamic_peers_pair_by_identity()
    {
        var seil = SeilEnd(local: "%any") with { LocalId = new(IdentityType.Fqdn, "branch1.example.jp"), Mode = ExchangeMode.Aggressive };
        var other = SwanEnd(remote: "%any", name: "conn branch2") with { RemoteId = new(IdentityType.Fqdn, "branch2.example.jp"), Mode = ExchangeMode.Aggressive, AggressiveAllowed = true };
        var right = SwanEnd(remote: "%any", name: "conn branch1") with { RemoteId = new(IdentityType.Fqdn, "branch1.example.jp"), Mode = ExchangeMode.Aggressive, AggressiveAllowed = true };
        var model = Run.Model(seil.Build(), other.Build(), right.Build());
        var pair = Assert.Single(Pairing.PeerPairing.Pair(model).Pairs);
        Assert.Equal("conn branch1", pair.B.Name);
    }

    [Fact]
    public void A_single_configuration_is_not_two_ended()
    {
        var diagnostics = Run.All(SeilEnd().Build());
        Assert.Empty(diagnostics.OfRule("SD1007"));
        Assert.Empty(TunnelPrediction.Predict(Run.Model(SeilEnd().Build())));
    }
}
