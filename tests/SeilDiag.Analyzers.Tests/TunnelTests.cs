using SeilDiag.Analysis;
using SeilDiag.Diagnostics;
using SeilDiag.Ike;
using SeilDiag.Model;
using SeilDiag.Tests;
using static SeilDiag.Analyzers.Tests.PeerSpec;

namespace SeilDiag.Analyzers.Tests;

/// <summary>
/// Config findings name the tunnel (unordered pair of outer addresses) they are about, so the correlator can merge a
/// config prediction with what a log or capture of the same tunnel shows, and keep apart findings of different tunnels.
/// </summary>
public class TunnelTests
{
    private static readonly TunnelEndpoints Lab = TunnelEndpoints.Of("10.0.0.1", "10.0.0.2")!;

    [Fact]
    public void Two_ended_findings_name_both_peers()
    {
        var diagnostics = Run.Pair(SeilEnd() with { Initiation = Initiation.RespondOnly }, SwanEnd() with { Initiation = Initiation.RespondOnly });
        Assert.Equal(Lab, diagnostics.Single("SD3001").Tunnel);
    }

    [Fact]
    public void A_wildcard_local_address_is_taken_from_what_the_other_end_expects()
    {
        // strongSwan left=%defaultroute: its address is the one the SEIL sends to (ipv4.destination 10.0.0.2).
        var seil = SeilEnd() with { Phase1 = [P1("aes256", "sha256", "modp1024")] };
        var diagnostics = Run.Pair(seil, SwanEnd(local: "%defaultroute"));
        Assert.Equal(Lab, diagnostics.Single("SD1001").Tunnel);
        // The lint finding on the SEIL end has both addresses of its own.
        Assert.Equal(Lab, diagnostics.Single("SD4001").Tunnel);
    }

    [Fact]
    public void One_ended_lint_names_the_peers_own_addresses_or_nothing()
    {
        var weak = SeilEnd("192.0.2.1", "198.51.100.7") with { Phase1 = [P1("aes256", "sha256", "modp1024")], Phase1Lifetime = TimeSpan.FromSeconds(60) };
        var diagnostics = Run.All(weak.Build());
        Assert.Equal(TunnelEndpoints.Of("198.51.100.7", "192.0.2.1"), diagnostics.Single("SD4001").Tunnel);
        Assert.Equal(TunnelEndpoints.Of("198.51.100.7", "192.0.2.1"), diagnostics.Single("SD3005").Tunnel);

        // A road-warrior conn (right=%any) alone: no tunnel can be named, and none is invented.
        var roadWarrior = SwanEnd(remote: "%any") with { Mode = ExchangeMode.Aggressive, Psk = null };
        var alone = Run.All(roadWarrior.Build());
        Assert.Null(alone.Single("SD4002").Tunnel);
        Assert.Null(alone.Single("SD1006").Tunnel);
    }

    [Fact]
    public void Findings_of_two_tunnels_name_different_tunnels()
    {
        var seil = new[]
        {
            (SeilEnd(path: "seil.conf") with { Name = "interface.ipsec0", Phase1 = [P1("aes256", "sha256", "modp1024")] }).Build(),
            (SeilEnd("10.0.0.1", "10.0.0.3", path: "seil.conf") with { Name = "interface.ipsec1", Phase1 = [P1("aes256", "sha256", "modp1024")] }).Build(),
        };
        var weak = AnalysisContext.Run(Run.Model(seil), ConfigAnalyzers.All).OfRule("SD4001");
        Assert.Equal(2, weak.Count);
        Assert.Equal(Lab, weak[0].Tunnel);
        Assert.Equal(TunnelEndpoints.Of("10.0.0.3", "10.0.0.1"), weak[1].Tunnel);
    }

    [Fact]
    public void Unpaired_peer_names_its_own_tunnel()
    {
        // The strongSwan end expects the SEIL at 10.0.0.9 (a typo): no pair, SD1007 on each end.
        var diagnostics = Run.Pair(SeilEnd(), SwanEnd(remote: "10.0.0.9"));
        var unpaired = diagnostics.OfRule("SD1007");
        Assert.Equal(2, unpaired.Count);
        Assert.Contains(unpaired, d => Equals(d.Tunnel, Lab));
        Assert.Contains(unpaired, d => Equals(d.Tunnel, TunnelEndpoints.Of("10.0.0.2", "10.0.0.9")));
    }

    /// <summary>Every finding of the lab's two real ipsec.conf files is about the one lab tunnel 10.0.0.1 ⇔ 10.0.0.2.</summary>
    [SkippableTheory]
    [MemberData(nameof(LabScenarioTests.Scenarios), MemberType = typeof(LabScenarioTests))]
    public void Every_lab_config_finding_names_the_lab_tunnel(string scenario, string[] errors, string[] also)
    {
        _ = also;
        var (model, _) = LabScenarioTests.Load(scenario);
        var diagnostics = AnalysisContext.Run(model, ConfigAnalyzers.All);
        // Scenarios with expected findings must have some, else the loop below proves nothing for them.
        Assert.True(errors.Length == 0 || diagnostics.Count > 0, scenario);
        foreach (var d in diagnostics)
        {
            Assert.True(Equals(d.Tunnel, Lab), $"{scenario}: {d} names tunnel {d.Tunnel?.ToString() ?? "none"}");
        }
    }
}
