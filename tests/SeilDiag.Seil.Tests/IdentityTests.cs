using SeilDiag.Ike;
using SeilDiag.Model;
using SeilDiag.Seil.Recipe;
using SeilDiag.Text;

namespace SeilDiag.Seil.Tests;

/// <summary>Identities, aggressive mode and the key catalogue.</summary>
public class IdentityTests
{
    [Fact]
    public void Seil8_fqdn_identities_and_aggressive_mode()
    {
        var document = SeilFrontEnd.Parse(SourceText.From("""
            interface.ipsec0.ipv4.source: 10.0.0.1
            interface.ipsec0.ipv4.destination: 10.0.0.2
            interface.ipsec0.ike.exchange-mode: aggressive
            interface.ipsec0.ike.my-identifier.type: fqdn
            interface.ipsec0.ike.my-identifier.fqdn: seil.example.jp
            interface.ipsec0.ike.peers-identifier.type: user-fqdn
            interface.ipsec0.ike.peers-identifier.user-fqdn: vpn@example.jp

            """));
        Assert.Empty(document.Diagnostics);
        var peer = Assert.Single(document.Peers);
        Assert.Equal(ExchangeMode.Aggressive, peer.ExchangeMode.Value);
        Assert.Equal(new IkeIdentity(IdentityType.Fqdn, "seil.example.jp"), peer.LocalIdentity.Value);
        Assert.Equal(5, peer.LocalIdentity.Where!.Line);
        Assert.Equal(new IkeIdentity(IdentityType.UserFqdn, "vpn@example.jp"), peer.RemoteIdentity.Value);
        Assert.Equal(7, peer.RemoteIdentity.Where!.Line);
    }

    [Fact]
    public void Seil3_aggressive_peer_finds_its_key_by_the_peers_identifier()
    {
        // After IIJ's converter test "routing-based ipsec, aggressive mode".
        var document = SeilFrontEnd.Parse(SourceText.From("""
            interface ipsec0 tunnel 10.0.0.1 10.0.0.2
            ike preshared-key add "foo@bar" "foofoofoo"
            ike proposal add IKEP encryption aes hash sha1 authentication preshared-key dh-group modp1024
            ike peer add FOO address 10.0.0.2 exchange-mode aggressive proposals IKEP my-identifier fqdn foo peers-identifier user-fqdn foo@bar tunnel-interface enable
            ipsec security-association proposal add SAP authentication-algorithm hmac-sha1 encryption-algorithm aes
            ipsec security-association add SA tunnel-interface ipsec0 ike SAP esp enable

            """));
        Assert.Empty(document.Diagnostics);
        var peer = Assert.Single(document.Peers);
        Assert.Equal(ExchangeMode.Aggressive, peer.ExchangeMode.Value);
        Assert.Equal(new IkeIdentity(IdentityType.Fqdn, "foo"), peer.LocalIdentity.Value);
        Assert.Equal(new IkeIdentity(IdentityType.UserFqdn, "foo@bar"), peer.RemoteIdentity.Value);
        Assert.Equal("foofoofoo", peer.PreSharedKey.Value!.Reveal());
        Assert.Equal(TimeSpan.FromSeconds(28800), peer.Phase2Lifetime.Value);
        Assert.Equal("ESP:AES_CBC_128/HMAC_SHA1_96/NO_EXT_SEQ", Assert.Single(peer.Phase2Proposals.Value).ToLogString());
    }

    [Fact]
    public void Every_catalogued_ipsec_key_resolves_as_known()
    {
        var keys = RecipeSchema.IpsecKeys.ToList();
        Assert.Contains("ike.proposal.phase1.encryption.#.algorithm", keys);
        Assert.Contains("ike.responder-only", keys);
        Assert.DoesNotContain("responder-only", keys); // older spellings are not offered
        foreach (var key in keys)
        {
            var full = "interface.ipsec0." + key.Replace("#", "0");
            var line = Assert.IsType<Syntax.SeilSettingLine>(Syntax.RecipeParser.ParseLine(SourceText.From(full + ": x"), 1));
            Assert.Equal(KeyStatus.Known, RecipeSchema.Resolve(line.Key).Status);
        }
    }

    [Fact]
    public void Global_ike_parameters_set_dpd_and_initiation()
    {
        var document = SeilFrontEnd.Parse(SourceText.From("ike.dpd-interval: 30\nike.dpd-maxfail: 3\nike.auto-initiation: disable\ninterface.ipsec0.ipv4.destination: 10.0.0.2\n"));
        Assert.Empty(document.Diagnostics);
        var peer = Assert.Single(document.Peers);
        Assert.Equal(TimeSpan.FromSeconds(30), peer.Dpd.Value.Interval);
        Assert.Equal(TimeSpan.FromSeconds(90), peer.Dpd.Value.Timeout);
        Assert.Equal(Initiation.RespondOnly, peer.Initiation.Value);
        Assert.Equal(3, peer.Initiation.Where!.Line);
        Assert.Equal("30", document.GlobalIke["dpd-interval"].Value);
    }
}
