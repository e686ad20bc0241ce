using System.Net;
using SeilDiag.Ike;
using SeilDiag.Model;
using SeilDiag.Text;

namespace SeilDiag.Seil.Tests;

/// <summary>
/// seil3 inputs from IIJ's own seil2recipe converter tests (test/test.js: "mimimal routing-based ipsec",
/// "a typical policy-based ipsec", "policy parameters", "dynamic"), checked against the seil8 output that
/// the same tests expect.
/// </summary>
public class ConverterVectorTests
{
    private static PeerConfig Peer(string config, bool commandSyntax = true)
    {
        var document = SeilFrontEnd.Parse(SourceText.From(config, "seil.conf"));
        Assert.Equal(commandSyntax, document.IsCommandSyntax);
        Assert.Equal(config, document.ToFullString());
        Assert.Empty(document.Diagnostics);
        return Assert.Single(document.Peers);
    }

    [Fact]
    public void Minimal_routing_based_matches_the_expected_recipe()
    {
        var seil3 = Peer("""
            interface ipsec0 tunnel 10.0.0.1 10.0.0.2
            ike preshared-key add "10.0.0.2" "hogehogehoge"
            ike proposal add IKEP encryption aes128 hash sha256 authentication preshared-key dh-group modp1536
            ike peer add IKEPEER address 10.0.0.2 exchange-mode main proposals IKEP tunnel-interface enable
            ipsec security-association proposal add SAP authentication-algorithm hmac-sha1 encryption-algorithm aes256
            ipsec security-association add SA tunnel-interface ipsec0 ike SAP esp enable

            """);
        var seil8 = Peer("""
            interface.ipsec0.ipv4.source: 10.0.0.1
            interface.ipsec0.ipv4.destination: 10.0.0.2
            interface.ipsec0.ipv6.forward: pass
            interface.ipsec0.preshared-key: hogehogehoge
            interface.ipsec0.ike.check-level: strict
            interface.ipsec0.ike.proposal.phase1.encryption.100.algorithm: aes128
            interface.ipsec0.ike.proposal.phase1.hash.100.algorithm: sha256
            interface.ipsec0.ike.proposal.phase1.dh-group: modp1536
            interface.ipsec0.ike.proposal.phase1.lifetime: 8h
            interface.ipsec0.ike.proposal.phase2.authentication.100.algorithm: hmac-sha1
            interface.ipsec0.ike.proposal.phase2.encryption.100.algorithm: aes256

            """, commandSyntax: false);
        // The converter writes out what differs between the seil3 and seil8 defaults (check-level, lifetime 8h).
        Assert.Equal(seil8.Phase1Proposals.Value, seil3.Phase1Proposals.Value);
        Assert.Equal(seil8.Phase2Proposals.Value, seil3.Phase2Proposals.Value);
        Assert.Equal(seil8.Phase1Lifetime.Value, seil3.Phase1Lifetime.Value);
        Assert.True(seil3.Phase1Lifetime.IsDefault);
        Assert.Equal(seil8.CheckLevel!.Value.Value, seil3.CheckLevel!.Value.Value);
        Assert.Equal(seil8.Phase2Lifetime.Value, seil3.Phase2Lifetime.Value);
        Assert.True(seil8.PreSharedKey.Value!.SameAs(seil3.PreSharedKey.Value!));
    }

    [Fact]
    public void Typical_policy_based()
    {
        var peer = Peer("""
            ike preshared-key add "10.0.0.2" "two"
            ike proposal add IKEP encryption 3des hash sha1 authentication preshared-key dh-group modp1024 lifetime-of-time 08h
            ike peer add TWO address 10.0.0.2 exchange-mode aggressive proposals IKEP my-identifier fqdn TWO
            ipsec security-association proposal add SAP authentication-algorithm hmac-sha1 encryption-algorithm 3des lifetime-of-time 03h pfs-group modp1024
            ipsec security-association add SA tunnel pppoe0 10.0.0.2 ike SAP esp enable
            ipsec security-policy add SP security-association SA src 172.16.0.1/32 dst 172.16.0.2/32

            """);
        // Expected recipe: ike.peer.100.{address 10.0.0.2, exchange-mode aggressive, my-identifier fqdn TWO, check-level strict,
        // nat-traversal disable, proposal 3des/sha1/modp1024 08h}; sa0 local pppoe0; policy 172.16.0.1/32 -> 172.16.0.2/32, 3des/hmac-sha1 03h pfs modp1024.
        Assert.Equal("ike peer TWO", peer.Name);
        Assert.Equal("10.0.0.2", peer.RemoteAddress.Value);
        Assert.Equal("pppoe0", peer.LocalAddress.Value);
        Assert.Equal(ExchangeMode.Aggressive, peer.ExchangeMode.Value);
        Assert.Equal(new IkeIdentity(IdentityType.Fqdn, "TWO"), peer.LocalIdentity.Value);
        Assert.Equal(CheckLevel.Strict, peer.CheckLevel!.Value.Value);
        Assert.Equal(NatTraversalMode.Disable, peer.NatTraversal.Value);
        Assert.Equal("IKE:3DES_CBC/HMAC_SHA1_96/PRF_HMAC_SHA1/MODP_1024", Assert.Single(peer.Phase1Proposals.Value).ToLogString());
        Assert.Equal(TimeSpan.FromHours(8), peer.Phase1Lifetime.Value);
        Assert.Equal("ESP:3DES_CBC/HMAC_SHA1_96/MODP_1024/NO_EXT_SEQ", Assert.Single(peer.Phase2Proposals.Value).ToLogString());
        Assert.Equal(TimeSpan.FromHours(3), peer.Phase2Lifetime.Value);
        Assert.Equal("172.16.0.1/32 === 172.16.0.2/32", Assert.Single(peer.ProxyIds.Value).ToString());
        Assert.Equal("two", peer.PreSharedKey.Value!.Reveal());
    }

    [Fact]
    public void Policy_parameters()
    {
        var peer = Peer("""
            ike preshared-key add "two@example.jp" "two"
            ike proposal add IKEP encryption 3des hash sha1 authentication preshared-key dh-group modp1024 lifetime-of-time 08h
            ike peer add TWO exchange-mode aggressive proposals IKEP address 10.0.0.2 check-level claim initial-contact enable my-identifier fqdn ONE peers-identifier user-fqdn two@example.jp nonce-size 32 dpd enable nat-traversal force responder-only on prefer-new-phase1 enable
            ipsec security-association proposal add SAP authentication-algorithm hmac-sha256,hmac-sha1 encryption-algorithm aes256,aes128,3des
            ipsec security-association add SA tunnel 10.0.0.1 10.0.0.2 ike SAP esp enable
            ipsec security-policy add A security-association SA protocol udp src 172.16.0.1/32 srcport 1234 dst 172.16.0.2/32 dstport 4321

            """);
        Assert.Equal(CheckLevel.Claim, peer.CheckLevel!.Value.Value);
        Assert.Equal(NatTraversalMode.Force, peer.NatTraversal.Value);
        Assert.Equal(Initiation.RespondOnly, peer.Initiation.Value);
        Assert.Equal(new IkeIdentity(IdentityType.Fqdn, "ONE"), peer.LocalIdentity.Value);
        Assert.Equal(new IkeIdentity(IdentityType.UserFqdn, "two@example.jp"), peer.RemoteIdentity.Value);
        Assert.Equal("two", peer.PreSharedKey.Value!.Reveal()); // keyed by the peer's identifier
        // aes256, aes128, 3des x hmac-sha256, hmac-sha1, encryption-major.
        Assert.Equal(6, peer.Phase2Proposals.Value.Count);
        Assert.Equal(IntegrityAlgorithm.HmacSha2_256_128, peer.Phase2Proposals.Value[0].Integrity);
        Assert.Equal(EncryptionAlgorithm.TripleDes, peer.Phase2Proposals.Value[5].Encryption.Algorithm);
        Assert.Equal("10.0.0.1", peer.LocalAddress.Value);
    }

    /// <summary>
    /// The same vector through both front-ends: the seil3 input and the seil8 lines IIJ's converter expects for it
    /// ("policy parameters") build the same peer, value for value.
    /// </summary>
    [Fact]
    public void Policy_parameters_seil3_and_its_seil8_conversion_build_the_same_peer()
    {
        var seil3 = Peer("""
            ike preshared-key add "two@example.jp" "two"
            ike proposal add IKEP encryption 3des hash sha1 authentication preshared-key dh-group modp1024 lifetime-of-time 08h
            ike peer add TWO exchange-mode aggressive proposals IKEP address 10.0.0.2 check-level claim initial-contact enable my-identifier fqdn ONE peers-identifier user-fqdn two@example.jp nonce-size 32 dpd enable nat-traversal force responder-only on prefer-new-phase1 enable
            ipsec security-association proposal add SAP authentication-algorithm hmac-sha256,hmac-sha1 encryption-algorithm aes256,aes128,3des
            ipsec security-association add SA tunnel 10.0.0.1 10.0.0.2 ike SAP esp enable
            ipsec security-policy add A security-association SA protocol udp src 172.16.0.1/32 srcport 1234 dst 172.16.0.2/32 dstport 4321

            """);
        var seil8 = Peer("""
            ike.peer.100.address: 10.0.0.2
            ike.peer.100.check-level: claim
            ike.peer.100.dpd: enable
            ike.peer.100.exchange-mode: aggressive
            ike.peer.100.initial-contact: enable
            ike.peer.100.my-identifier.type: fqdn
            ike.peer.100.my-identifier.fqdn: ONE
            ike.peer.100.nat-traversal: force
            ike.peer.100.nonce-size: 32
            ike.peer.100.peers-identifier.type: user-fqdn
            ike.peer.100.peers-identifier.user-fqdn: two@example.jp
            ike.peer.100.preshared-key: two
            ike.peer.100.proposal.dh-group: modp1024
            ike.peer.100.proposal.encryption.100.algorithm: 3des
            ike.peer.100.proposal.hash.100.algorithm: sha1
            ike.peer.100.proposal.lifetime: 08h
            ike.peer.100.responder-only: enable
            ike.peer.100.prefer-new-phase1: enable
            ipsec.security-association.sa0.address-type: static
            ipsec.security-association.sa0.local-address: 10.0.0.1
            ipsec.security-association.sa0.remote-address: 10.0.0.2
            ipsec.security-policy.100.destination.address: 172.16.0.2/32
            ipsec.security-policy.100.destination.port: 4321
            ipsec.security-policy.100.ike.proposal.authentication.100.algorithm: hmac-sha256
            ipsec.security-policy.100.ike.proposal.authentication.200.algorithm: hmac-sha1
            ipsec.security-policy.100.ike.proposal.encryption.100.algorithm: aes256
            ipsec.security-policy.100.ike.proposal.encryption.200.algorithm: aes128
            ipsec.security-policy.100.ike.proposal.encryption.300.algorithm: 3des
            ipsec.security-policy.100.protocol: udp
            ipsec.security-policy.100.security-association: sa0
            ipsec.security-policy.100.source.address: 172.16.0.1/32
            ipsec.security-policy.100.source.port: 1234

            """, commandSyntax: false);
        Assert.Equal(seil3.LocalAddress.Value, seil8.LocalAddress.Value);
        Assert.Equal(seil3.RemoteAddress.Value, seil8.RemoteAddress.Value);
        Assert.Equal(seil3.ExchangeMode.Value, seil8.ExchangeMode.Value);
        Assert.Equal(seil3.LocalIdentity.Value, seil8.LocalIdentity.Value);
        Assert.Equal(seil3.RemoteIdentity.Value, seil8.RemoteIdentity.Value);
        Assert.True(seil3.PreSharedKey.Value!.SameAs(seil8.PreSharedKey.Value!));
        Assert.Equal(seil3.Phase1Proposals.Value, seil8.Phase1Proposals.Value);
        Assert.Equal(seil3.Phase1Lifetime.Value, seil8.Phase1Lifetime.Value);
        Assert.Equal(seil3.Phase2Proposals.Value, seil8.Phase2Proposals.Value);
        // seil3's phase-2 lifetime default (8h) is what the converter leaves unwritten: seil8's default is 8h too.
        Assert.Equal(seil3.Phase2Lifetime.Value, seil8.Phase2Lifetime.Value);
        Assert.Equal(seil3.ProxyIds.Value, seil8.ProxyIds.Value);
        Assert.Equal(new ProxyId(IPNetwork.Parse("172.16.0.1/32"), IPNetwork.Parse("172.16.0.2/32"), 17, 1234, 4321), Assert.Single(seil8.ProxyIds.Value));
        Assert.Equal(seil3.CheckLevel!.Value.Value, seil8.CheckLevel!.Value.Value);
        Assert.Equal(seil3.NatTraversal.Value, seil8.NatTraversal.Value);
        Assert.Equal(seil3.Initiation.Value, seil8.Initiation.Value);
        Assert.Equal(seil3.Dpd.Value, seil8.Dpd.Value);
    }

    /// <summary>"a typical policy-based ipsec": seil3 input and its expected seil8 conversion (SA from pppoe0).</summary>
    [Fact]
    public void Typical_policy_based_seil3_and_its_seil8_conversion_build_the_same_peer()
    {
        var seil3 = Peer("""
            ike preshared-key add "10.0.0.2" "two"
            ike proposal add IKEP encryption 3des hash sha1 authentication preshared-key dh-group modp1024 lifetime-of-time 08h
            ike peer add TWO address 10.0.0.2 exchange-mode aggressive proposals IKEP my-identifier fqdn TWO
            ipsec security-association proposal add SAP authentication-algorithm hmac-sha1 encryption-algorithm 3des lifetime-of-time 03h pfs-group modp1024
            ipsec security-association add SA tunnel pppoe0 10.0.0.2 ike SAP esp enable
            ipsec security-policy add SP security-association SA src 172.16.0.1/32 dst 172.16.0.2/32

            """);
        var seil8 = Peer("""
            ike.peer.100.address: 10.0.0.2
            ike.peer.100.check-level: strict
            ike.peer.100.exchange-mode: aggressive
            ike.peer.100.my-identifier.type: fqdn
            ike.peer.100.my-identifier.fqdn: TWO
            ike.peer.100.nat-traversal: disable
            ike.peer.100.preshared-key: two
            ike.peer.100.proposal.dh-group: modp1024
            ike.peer.100.proposal.encryption.100.algorithm: 3des
            ike.peer.100.proposal.hash.100.algorithm: sha1
            ike.peer.100.proposal.lifetime: 08h
            ipsec.security-association.sa0.address-type: static
            ipsec.security-association.sa0.local-address: pppoe0
            ipsec.security-association.sa0.remote-address: 10.0.0.2
            ipsec.security-policy.100.destination.address: 172.16.0.2/32
            ipsec.security-policy.100.ike.proposal.authentication.100.algorithm: hmac-sha1
            ipsec.security-policy.100.ike.proposal.encryption.100.algorithm: 3des
            ipsec.security-policy.100.ike.proposal.lifetime-of-time: 03h
            ipsec.security-policy.100.ike.proposal.pfs-group: modp1024
            ipsec.security-policy.100.security-association: sa0
            ipsec.security-policy.100.source.address: 172.16.0.1/32

            """, commandSyntax: false);
        Assert.Equal("pppoe0", seil8.LocalAddress.Value);
        Assert.Equal(seil3.LocalAddress.Value, seil8.LocalAddress.Value);
        Assert.Equal(seil3.RemoteAddress.Value, seil8.RemoteAddress.Value);
        Assert.Equal(seil3.LocalIdentity.Value, seil8.LocalIdentity.Value);
        Assert.Equal(seil3.Phase1Proposals.Value, seil8.Phase1Proposals.Value);
        Assert.Equal(seil3.Phase2Proposals.Value, seil8.Phase2Proposals.Value);
        Assert.Equal(TimeSpan.FromHours(3), seil8.Phase2Lifetime.Value);
        Assert.Equal(seil3.Phase2Lifetime.Value, seil8.Phase2Lifetime.Value);
        Assert.Equal(seil3.ProxyIds.Value, seil8.ProxyIds.Value);
        Assert.Equal(seil3.CheckLevel!.Value.Value, seil8.CheckLevel!.Value.Value);
        Assert.Equal(seil3.NatTraversal.Value, seil8.NatTraversal.Value);
        Assert.Equal("ike.peer.100", seil8.Name);
    }

    [Fact]
    public void Dynamic_peer_with_a_dynamic_sa()
    {
        var peer = Peer("""
            ike preshared-key add "three.example.jp" "opensesame"
            ike proposal add IKEP3 encryption aes hash sha1 authentication preshared-key dh-group modp1024
            ike peer add PEER3 address dynamic exchange-mode aggressive proposals IKEP3 peers-identifier fqdn "three.example.jp"
            ipsec security-association proposal add SAP3 pfs-group modp1024 authentication-algorithm hmac-sha384 encryption-algorithm aes192
            ipsec security-association add SA3 tunnel dynamic ike SAP3 esp enable
            ipsec security-policy add A security-association SA3 src 172.16.1.0/24 dst 172.16.2.0/24

            """);
        Assert.Equal("dynamic", peer.RemoteAddress.Value);
        Assert.Null(peer.LocalAddress.Value);
        Assert.Equal(new IkeIdentity(IdentityType.Fqdn, "three.example.jp"), peer.RemoteIdentity.Value);
        Assert.Equal("opensesame", peer.PreSharedKey.Value!.Reveal());
        Assert.Equal("ESP:AES_CBC_192/HMAC_SHA2_384_192/MODP_1024/NO_EXT_SEQ", Assert.Single(peer.Phase2Proposals.Value).ToLogString());
        Assert.Equal("IKE:AES_CBC_128/HMAC_SHA1_96/PRF_HMAC_SHA1/MODP_1024", Assert.Single(peer.Phase1Proposals.Value).ToLogString());
        Assert.Equal("172.16.1.0/24 === 172.16.2.0/24", Assert.Single(peer.ProxyIds.Value).ToString());
    }
}
