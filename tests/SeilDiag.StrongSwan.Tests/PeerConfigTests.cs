using System.Net;
using SeilDiag.Ike;
using SeilDiag.Model;
using SeilDiag.Text;

namespace SeilDiag.StrongSwan.Tests;

public class PeerConfigTests
{
    private static PeerConfig Lab(string scenario, string side = "remote") =>
        StrongSwanFrontEnd.Load(TestInputs.Read(Path.Combine(TestInputs.LabRoot(), scenario, side + ".ipsec.conf")), readFile: _ => null).Peers.Single();

    [SkippableFact]
    public void MinimalOkRemote()
    {
        var peer = Lab("01-minimal-ok");
        Assert.Equal(("conn to-seil", PeerVendor.StrongSwan), (peer.Name, peer.Vendor));
        Assert.Equal("10.0.0.2", peer.LocalAddress.Value);
        Assert.Equal("10.0.0.1", peer.RemoteAddress.Value);
        Assert.Equal(new IkeIdentity(IdentityType.Ipv4Address, "10.0.0.2"), peer.LocalIdentity.Value);
        Assert.True(peer.LocalIdentity.IsDefault);
        Assert.Equal("ikev1", peer.KeyExchange.Value);
        Assert.Equal(AuthMethod.PreSharedKey, peer.AuthMethod.Value);
        Assert.Equal(ExchangeMode.Main, peer.ExchangeMode.Value);
        Assert.Equal("IKE:AES_CBC_256/HMAC_SHA2_256_128/PRF_HMAC_SHA2_256/MODP_1536", Assert.Single(peer.Phase1Proposals.Value).ToLogString());
        Assert.Equal(TimeSpan.FromHours(3), peer.Phase1Proposals.Value[0].Lifetime);
        // no esp=: the 5.9 defaults, no PFS
        Assert.True(peer.Phase2Proposals.IsDefault);
        Assert.Contains(new Phase2Proposal(new Cipher(EncryptionAlgorithm.AesCbc, 128), IntegrityAlgorithm.HmacSha2_256_128), peer.Phase2Proposals.Value);
        Assert.DoesNotContain(peer.Phase2Proposals.Value, p => p.Integrity == IntegrityAlgorithm.HmacMd5_96 || p.Pfs != DhGroup.None);
        var proxy = Assert.Single(peer.ProxyIds.Value);
        Assert.Equal((IPNetwork.Parse("192.168.2.0/24"), IPNetwork.Parse("192.168.1.0/24")), (proxy.Local, proxy.Remote));
        Assert.Equal(Initiation.RespondOnly, peer.Initiation.Value);
        Assert.Equal((TimeSpan.FromHours(3), true), (peer.Phase1Lifetime.Value, peer.Phase1Lifetime.IsDefault));
        Assert.Equal(TimeSpan.FromHours(1), peer.Phase2Lifetime.Value);
        Assert.False(peer.Dpd.Value.Enabled);
        Assert.Equal(NatTraversalMode.Enable, peer.NatTraversal.Value);
        Assert.Null(peer.CheckLevel);
        Assert.Equal(5, peer.Definition!.Line);
    }

    [SkippableFact]
    public void SeilSideOfTheLabWithSeilDefaults()
    {
        var peer = Lab("01-minimal-ok", "seil");
        Assert.Equal(6, peer.Phase1Proposals.Value.Count);
        Assert.Equal(TimeSpan.FromSeconds(86400), peer.Phase1Lifetime.Value);
        Assert.Equal(NatTraversalMode.Force, peer.NatTraversal.Value);
        Assert.Equal(6, peer.Phase2Proposals.Value.Count);
        var lines = File.ReadAllLines(Path.Combine(TestInputs.LabRoot(), "01-minimal-ok", "seil.ipsec.conf"));
        Assert.Equal(Array.FindIndex(lines, l => l.TrimStart().StartsWith("ike=", StringComparison.Ordinal)) + 1, peer.Phase1Proposals.Where!.Line);
    }

    [SkippableFact]
    public void ScenarioSpecificSettings()
    {
        Assert.Equal(Initiation.Start, Lab("02-responder-only").Initiation.Value);
        Assert.Equal(ExchangeMode.Aggressive, Lab("06-aggressive-psk-refused").ExchangeMode.Value);
        Assert.Equal(new IkeIdentity(IdentityType.Ipv4Address, "10.0.0.1"), Lab("09-id-mismatch").RemoteIdentity.Value);
        Assert.False(Lab("09-id-mismatch").RemoteIdentity.IsDefault);
        Assert.Equal(NatTraversalMode.Force, Lab("13-nat-t-forceencaps").NatTraversal.Value);
        Assert.Equal(DhGroup.Modp1024, Lab("03-phase1-dh-mismatch", "seil").Phase1Proposals.Value.Single().Group);
        Assert.Equal(IntegrityAlgorithm.HmacMd5_96, Lab("04-phase2-md5-rejected", "seil").Phase2Proposals.Value.Single().Integrity);
        var defaults = Lab("15-strongswan-defaults");
        Assert.True(defaults.Phase1Proposals.IsDefault);
        Assert.DoesNotContain(defaults.Phase1Proposals.Value, p => p.Group == DhGroup.Modp768 || p.Hash == HashAlgorithm.Md5);
        var anySelectors = Lab("05-ts-mismatch", "seil").ProxyIds.Value.Single();
        Assert.Equal((0, 0), (anySelectors.Local.PrefixLength, anySelectors.Remote.PrefixLength));
    }

    [SkippableFact]
    public void DpdAndLifetimeScenarios()
    {
        foreach (var side in new[] { "seil", "remote" })
        {
            var peer = Lab("11-dpd", side);
            var text = File.ReadAllText(Path.Combine(TestInputs.LabRoot(), "11-dpd", side + ".ipsec.conf"));
            Assert.Equal(text.Contains("dpdaction=") && !text.Contains("dpdaction=none"), peer.Dpd.Value.Enabled);
        }
        var lifetimes = Lab("10-lifetime-rekey", "seil");
        var conf = File.ReadAllText(Path.Combine(TestInputs.LabRoot(), "10-lifetime-rekey", "seil.ipsec.conf"));
        Assert.Equal(conf.Contains("ikelifetime="), !lifetimes.Phase1Lifetime.IsDefault);
    }

    [Fact]
    public void DefaultsWhenTheConnSaysAlmostNothing()
    {
        var peer = StrongSwanFrontEnd.Load(SourceText.From("conn bare\n\tright=vpn.example.jp\n"), readFile: _ => null).Peers.Single();
        Assert.Equal(("%any", true), (peer.LocalAddress.Value, peer.LocalAddress.IsDefault));
        Assert.Equal(IkeIdentity.AnyIdentity, peer.RemoteIdentity.Value);
        Assert.Equal(("ike", true), (peer.KeyExchange.Value, peer.KeyExchange.IsDefault));
        Assert.Equal(AuthMethod.RsaSignature, peer.AuthMethod.Value);
        Assert.Equal(Initiation.Ignore, peer.Initiation.Value);
        Assert.Equal(TimeSpan.FromSeconds(30), peer.Dpd.Value.Interval);
        Assert.Empty(peer.ProxyIds.Value);
    }

    [Fact]
    public void OnePeerPerConnNotForDefaultAndIgnoredConnsKept()
    {
        var config = StrongSwanFrontEnd.Load(SourceText.From("conn %default\n\tauto=add\nconn a\n\tright=10.0.0.1\nconn b\n\tauto=ignore\nconn c\n\tauto=route\n\tleftid=@#0102\n\trightid=carol@example.jp\n"), readFile: _ => null);
        Assert.Equal(["conn a", "conn b", "conn c"], config.Peers.Select(p => p.Name));
        Assert.Equal([Initiation.RespondOnly, Initiation.Ignore, Initiation.OnTraffic], config.Peers.Select(p => p.Initiation.Value));
        Assert.Equal(new IkeIdentity(IdentityType.KeyId, "0102"), config.Peers[2].LocalIdentity.Value);
        Assert.Equal(new IkeIdentity(IdentityType.UserFqdn, "carol@example.jp"), config.Peers[2].RemoteIdentity.Value);
    }
}

/// <summary>A "[protocol/port]" after a subnet narrows the traffic selector; the proxy-id carries it (as SEIL's policies do).</summary>
public class SubnetSelectorTests
{
    private static IReadOnlyList<Model.ProxyId> ProxyIds(string left, string right) =>
        StrongSwanFrontEnd.Load(Text.SourceText.From($"conn a\n\tleft=10.0.0.2\n\tright=10.0.0.1\n\tleftsubnet={left}\n\trightsubnet={right}\n\tauto=add\n"), readFile: _ => null)
            .Peers.Single().ProxyIds.Value;

    [Theory]
    [InlineData("192.168.3.0/24[udp/514]", "192.168.1.0/24", 17, 514, 0)]
    [InlineData("192.168.3.0/24", "192.168.1.0/24[udp]", 17, 0, 0)]
    [InlineData("192.168.3.0/24[17/%any]", "192.168.1.0/24[17/1234]", 17, 0, 1234)]
    [InlineData("192.168.3.0/24[tcp/80]", "192.168.1.0/24", 6, 80, 0)]
    [InlineData("192.168.3.0/24[%any/%any]", "192.168.1.0/24", 0, 0, 0)]
    [InlineData("192.168.3.0/24", "192.168.1.0/24", 0, 0, 0)]
    public void Protocol_and_ports_go_into_the_proxy_id(string left, string right, int protocol, int localPort, int remotePort)
    {
        var id = Assert.Single(ProxyIds(left, right));
        Assert.Equal("192.168.3.0/24", id.Local.ToString());
        Assert.Equal("192.168.1.0/24", id.Remote.ToString());
        Assert.Equal((protocol, localPort, remotePort), (id.Protocol, id.LocalPort, id.RemotePort));
    }

    [Fact]
    public void Each_subnet_of_a_list_keeps_its_own_selector()
    {
        var ids = ProxyIds("192.168.3.0/24[udp/514],192.168.4.0/24", "192.168.1.0/24");
        Assert.Equal([(17, 514), (0, 0)], ids.Select(i => (i.Protocol, i.LocalPort)));
    }
}
