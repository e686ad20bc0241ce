using SeilDiag.Fixes;
using SeilDiag.Model;
using SeilDiag.Text;

namespace SeilDiag.Seil.Tests;

/// <summary>seil3 policy-based IPsec: an ike peer, a tunnel-mode SA to its address, and the security policies on that SA.</summary>
public class PolicyBasedTests
{
    private const string Config = """
        ike preshared-key add "10.0.0.2" "secret"
        ike proposal add IKEP encryption aes256 hash sha256 authentication preshared-key dh-group modp2048
        ike peer add PEER address 10.0.0.2 exchange-mode main proposals IKEP check-level claim nat-traversal force
        ipsec security-association proposal add SAP authentication-algorithm hmac-sha256 encryption-algorithm aes256 pfs-group modp2048
        ipsec security-association add SA tunnel 10.0.0.1 10.0.0.2 ike SAP esp enable
        ipsec security-policy add SP1 security-association SA src 192.168.1.0/24 dst 192.168.2.0/24
        ipsec security-policy add SP2 security-association SA src 192.168.1.0/24 dst any protocol udp enable
        ipsec security-policy add SP3 security-association SA src lan0 dst 192.168.4.0/24

        """;

    [Fact]
    public void Policy_based_peer_takes_its_proxy_ids_from_the_policies()
    {
        var document = SeilFrontEnd.Parse(SourceText.From(Config, "policy.conf"));
        Assert.True(document.IsCommandSyntax);
        Assert.Empty(document.Diagnostics);
        var peer = Assert.Single(document.Peers);
        Assert.Equal("ike peer PEER", peer.Name);
        Assert.Equal(3, peer.Definition!.Line);
        Assert.Equal("10.0.0.1", peer.LocalAddress.Value);
        Assert.Equal("10.0.0.2", peer.RemoteAddress.Value);
        Assert.Equal("secret", peer.PreSharedKey.Value!.Reveal());
        // SP2's "protocol udp" goes into the Quick Mode IDs (racoon sends the policy's protocol); SP3's src is an interface.
        Assert.Equal(["192.168.1.0/24 === 192.168.2.0/24", "192.168.1.0/24 === 0.0.0.0/0 proto 17"], peer.ProxyIds.Value.Select(p => p.ToString()));
        Assert.Equal(CheckLevel.Claim, peer.CheckLevel!.Value.Value);
        Assert.Equal(NatTraversalMode.Force, peer.NatTraversal.Value);
        Assert.Equal("ESP:AES_CBC_256/HMAC_SHA2_256_128/MODP_2048/NO_EXT_SEQ", Assert.Single(peer.Phase2Proposals.Value).ToLogString());
        Assert.Equal("IKE:AES_CBC_256/HMAC_SHA2_256_128/PRF_HMAC_SHA2_256/MODP_2048", Assert.Single(peer.Phase1Proposals.Value).ToLogString());
        Assert.Empty(document.Routes);
    }

    [Fact]
    public void Policy_based_peer_editor_names_and_edits_the_holding_commands()
    {
        var document = SeilFrontEnd.Parse(SourceText.From(Config));
        var editor = document.Peers[0].Editor;
        Assert.Equal("ike peer add PEER check-level", editor.DisplayKey("ike.check-level"));
        Assert.Equal("ike peer PEER: ike.my-identifier.type", editor.DisplayKey("ike.my-identifier.type"));
        var changed = FixApplier.Apply(Config, editor.Set("ike.check-level", "obey")).NewText;
        Assert.Equal(Config.Replace("check-level claim", "check-level obey"), changed);
    }

    [Fact]
    public void Unknown_security_policy_options_are_reported() =>
        Markup.Verify("ipsec security-policy add SP security-association SA {|SD0002:srcc|} 10.0.0.0/8 dst any\n", "SD0002");
}
