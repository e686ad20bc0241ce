using System.Net;
using SeilDiag.Analysis;
using SeilDiag.Analyzers;
using SeilDiag.Diagnostics;
using SeilDiag.Fixes;
using SeilDiag.Ike;
using SeilDiag.Model;
using SeilDiag.StrongSwan;
using SeilDiag.Text;

namespace SeilDiag.Seil.Tests;

/// <summary>
/// seil8 policy-based IPsec: <c>ike.peer.N</c>, <c>ipsec.security-association.saK</c> and
/// <c>ipsec.security-policy.M</c> build one peer per ike.peer, with every value located, defaults from the seil8
/// table, and an editor that writes fixes where a policy-based config holds each value.
/// </summary>
public class Seil8PolicyBasedTests
{
    /// <summary>
    /// Written from seil-reference.md §1.6's key list, in the shape IIJ's converter (seil2recipe, tests "a typical
    /// policy-based ipsec" / "policy parameters" / "dynamic") prints: sorted keys, list indices 100, 200, ...
    /// A static peer with two policies on one shared SA, and a dynamic peer (aggressive mode, FQDN) on its own SA.
    /// </summary>
    internal const string Config = """
        hostname: seil-osaka
        interface.ge0.ipv4.address: 10.0.0.1/24
        interface.ge1.ipv4.address: 192.168.1.1/24
        route.ipv4.100.destination: default
        route.ipv4.100.gateway: 10.0.0.254
        ike.dpd-interval: 30
        ike.peer.100.address: 10.0.0.2
        ike.peer.100.check-level: claim
        ike.peer.100.dpd: enable
        ike.peer.100.exchange-mode: main
        ike.peer.100.initial-contact: enable
        ike.peer.100.my-identifier.type: address
        ike.peer.100.nat-traversal: disable
        ike.peer.100.nonce-size: 16
        ike.peer.100.peers-identifier.type: address
        ike.peer.100.preshared-key: "policy based key"
        ike.peer.100.proposal.dh-group: modp1024
        ike.peer.100.proposal.encryption.100.algorithm: aes256
        ike.peer.100.proposal.encryption.200.algorithm: aes128
        ike.peer.100.proposal.hash.100.algorithm: sha256
        ike.peer.100.proposal.hash.200.algorithm: sha1
        ike.peer.100.proposal.lifetime: 8h
        ike.peer.200.address: dynamic
        ike.peer.200.exchange-mode: aggressive
        ike.peer.200.my-identifier.type: fqdn
        ike.peer.200.my-identifier.fqdn: osaka.example.jp
        ike.peer.200.peers-identifier.type: fqdn
        ike.peer.200.peers-identifier.fqdn: branch.example.jp
        ike.peer.200.preshared-key: opensesame
        ike.peer.200.proposal.dh-group: modp2048
        ike.peer.200.proposal.encryption.100.algorithm: aes128
        ike.peer.200.proposal.hash.100.algorithm: sha1
        ipsec.security-association.sa0.address-type: static
        ipsec.security-association.sa0.local-address: 10.0.0.1
        ipsec.security-association.sa0.remote-address: 10.0.0.2
        ipsec.security-association.sa0.share-session: enable
        ipsec.security-association.sa1.address-type: dynamic
        ipsec.security-policy.100.destination.address: 192.168.2.0/24
        ipsec.security-policy.100.ike.proposal.authentication.100.algorithm: hmac-sha256
        ipsec.security-policy.100.ike.proposal.encryption.100.algorithm: aes256
        ipsec.security-policy.100.ike.proposal.lifetime-of-time: 1h
        ipsec.security-policy.100.ike.proposal.pfs-group: modp2048
        ipsec.security-policy.100.security-association: sa0
        ipsec.security-policy.100.source.address: 192.168.1.0/24
        ipsec.security-policy.200.destination.address: 192.168.3.0/24
        ipsec.security-policy.200.destination.port: 514
        ipsec.security-policy.200.ike.proposal.authentication.100.algorithm: hmac-sha256
        ipsec.security-policy.200.ike.proposal.encryption.100.algorithm: aes256
        ipsec.security-policy.200.ike.proposal.lifetime-of-time: 1h
        ipsec.security-policy.200.ike.proposal.pfs-group: modp2048
        ipsec.security-policy.200.protocol: udp
        ipsec.security-policy.200.security-association: sa0
        ipsec.security-policy.200.source.address: 192.168.1.0/24
        ipsec.security-policy.300.destination.address: 172.16.1.0/24
        ipsec.security-policy.300.security-association: sa1
        ipsec.security-policy.300.source.address: 192.168.1.0/24

        """;

    /// <summary>The strongSwan end at 10.0.0.2 for policy 100 (its conn mirrors the SEIL's selectors), phase 1 on MODP_2048.</summary>
    private const string IpsecConf = """
        conn %default
            keyexchange=ikev1
            authby=secret
            ikelifetime=8h
            lifetime=1h

        conn to-osaka
            left=10.0.0.2
            leftsubnet=192.168.2.0/24
            right=10.0.0.1
            rightsubnet=192.168.1.0/24
            ike=aes256-sha256-modp2048!
            esp=aes256-sha256-modp2048!
            auto=add

        """;

    private const string Secrets = "10.0.0.1 10.0.0.2 : PSK \"policy based key\"\n";

    private static int LineOf(string text, string start) =>
        Array.FindIndex(text.Split('\n'), l => l.StartsWith(start, StringComparison.Ordinal)) + 1;

    private static SeilConfigDocument Parse(string text) => SeilFrontEnd.Parse(SourceText.From(text, "seil.conf"));

    [Fact]
    public void Config_parses_clean_and_round_trips_byte_for_byte()
    {
        var document = Parse(Config);
        Assert.False(document.IsCommandSyntax);
        Assert.True(document.Diagnostics.Count == 0, string.Join("\n", document.Diagnostics.Select(d => $"{d.Id} {d.Location?.Line}: {d.Message}")));
        Assert.Equal(Config, document.ToFullString());
        Assert.Equal(["ike.peer.100", "ike.peer.200"], document.Peers.Select(p => p.Name));
    }

    [Fact]
    public void Static_peer_takes_phase1_from_the_peer_and_phase2_and_proxy_ids_from_its_policies()
    {
        var peer = Parse(Config).Peers[0];
        Assert.Equal(PeerVendor.Seil, peer.Vendor);
        Assert.Equal(LineOf(Config, "ike.peer.100."), peer.Definition!.Line);
        Assert.Equal("10.0.0.1", peer.LocalAddress.Value);
        Assert.Equal(LineOf(Config, "ipsec.security-association.sa0.local-address"), peer.LocalAddress.Where!.Line);
        Assert.Equal("10.0.0.2", peer.RemoteAddress.Value);
        Assert.Equal(LineOf(Config, "ike.peer.100.address"), peer.RemoteAddress.Where!.Line);
        Assert.Equal(IkeIdentity.Address(IPAddress.Parse("10.0.0.1")), peer.LocalIdentity.Value);
        Assert.Equal("policy based key", peer.PreSharedKey.Value!.Reveal());
        Assert.Equal(LineOf(Config, "ike.peer.100.preshared-key"), peer.PreSharedKey.Where!.Line);

        // Phase 1: 2 ciphers x 2 hashes, encryption-major, on the peer's DH group and lifetime.
        Assert.Equal(
            ["IKE:AES_CBC_256/HMAC_SHA2_256_128/PRF_HMAC_SHA2_256/MODP_1024", "IKE:AES_CBC_256/HMAC_SHA1_96/PRF_HMAC_SHA1/MODP_1024",
             "IKE:AES_CBC_128/HMAC_SHA2_256_128/PRF_HMAC_SHA2_256/MODP_1024", "IKE:AES_CBC_128/HMAC_SHA1_96/PRF_HMAC_SHA1/MODP_1024"],
            peer.Phase1Proposals.Value.Select(p => p.ToLogString()));
        Assert.Equal(LineOf(Config, "ike.peer.100.proposal.dh-group"), peer.Phase1Proposals.Where!.Line);
        Assert.Equal(TimeSpan.FromHours(8), peer.Phase1Lifetime.Value);

        // Phase 2 from the first policy (index 100).
        Assert.Equal("ESP:AES_CBC_256/HMAC_SHA2_256_128/MODP_2048/NO_EXT_SEQ", Assert.Single(peer.Phase2Proposals.Value).ToLogString());
        Assert.Equal(LineOf(Config, "ipsec.security-policy.100.ike.proposal.authentication"), peer.Phase2Proposals.Where!.Line);
        Assert.Equal(TimeSpan.FromHours(1), peer.Phase2Lifetime.Value);
        Assert.Equal(LineOf(Config, "ipsec.security-policy.100.ike.proposal.lifetime-of-time"), peer.Phase2Lifetime.Where!.Line);

        // One proxy-id per policy on sa0 (policy 300 is on sa1, the dynamic peer's); protocol and port carried.
        Assert.Equal(
            [new ProxyId(IPNetwork.Parse("192.168.1.0/24"), IPNetwork.Parse("192.168.2.0/24")),
             new ProxyId(IPNetwork.Parse("192.168.1.0/24"), IPNetwork.Parse("192.168.3.0/24"), Protocol: 17, RemotePort: 514)],
            peer.ProxyIds.Value);
        Assert.Equal(LineOf(Config, "ipsec.security-policy.100.source.address"), peer.ProxyIds.Where!.Line);

        Assert.Equal(CheckLevel.Claim, peer.CheckLevel!.Value.Value);
        Assert.Equal(NatTraversalMode.Disable, peer.NatTraversal.Value);
        Assert.Equal(Initiation.Start, peer.Initiation.Value);
        Assert.True(peer.Dpd.Value.Enabled);
        Assert.Equal(TimeSpan.FromSeconds(30), peer.Dpd.Value.Interval);
        Assert.Equal(TimeSpan.FromSeconds(150), peer.Dpd.Value.Timeout);
    }

    [Fact]
    public void Dynamic_peer_waits_and_unset_values_are_seil8_defaults()
    {
        var peer = Parse(Config).Peers[1];
        Assert.Equal("dynamic", peer.RemoteAddress.Value);
        Assert.Null(peer.LocalAddress.Value);
        Assert.Equal(ExchangeMode.Aggressive, peer.ExchangeMode.Value);
        Assert.Equal(new IkeIdentity(IdentityType.Fqdn, "branch.example.jp"), peer.RemoteIdentity.Value);
        Assert.Equal(new IkeIdentity(IdentityType.Fqdn, "osaka.example.jp"), peer.LocalIdentity.Value);
        // address-type dynamic: SEIL only waits for the peer (SA-W2 manual); located at that value.
        Assert.Equal(Initiation.RespondOnly, peer.Initiation.Value);
        Assert.Equal(LineOf(Config, "ipsec.security-association.sa1.address-type"), peer.Initiation.Where!.Line);
        Assert.Equal([new ProxyId(IPNetwork.Parse("192.168.1.0/24"), IPNetwork.Parse("172.16.1.0/24"))], peer.ProxyIds.Value);
        // Policy 300 sets no proposal: seil8's default phase-2 list, no PFS, 8h; phase-1 lifetime 24h; check-level obey.
        Assert.True(peer.Phase2Proposals.IsDefault);
        Assert.Equal(6, peer.Phase2Proposals.Value.Count);
        Assert.All(peer.Phase2Proposals.Value, p => Assert.Equal(DhGroup.None, p.Pfs));
        Assert.True(peer.Phase2Lifetime.IsDefault);
        Assert.Equal(TimeSpan.FromHours(8), peer.Phase2Lifetime.Value);
        Assert.Equal(TimeSpan.FromHours(24), peer.Phase1Lifetime.Value);
        Assert.Equal(CheckLevel.Obey, peer.CheckLevel!.Value.Value);
        Assert.True(peer.CheckLevel.Value.IsDefault);
        Assert.Equal(NatTraversalMode.Enable, peer.NatTraversal.Value);
    }

    [Fact]
    public void Editor_maps_routing_based_keys_to_the_policy_based_homes()
    {
        var peer = Parse(Config).Peers[0];
        var editor = peer.Editor;
        Assert.Equal("ike.peer.100.proposal.dh-group", editor.DisplayKey("ike.proposal.phase1.dh-group"));
        Assert.Equal("ipsec.security-policy.100.ike.proposal.pfs-group", editor.DisplayKey("ike.proposal.phase2.pfs-group"));
        Assert.Equal("ipsec.security-policy.100.source.address", editor.DisplayKey("ike.proposal.phase2.proxy-id.ipv4.local"));
        Assert.Equal("ike.peer.100: ipv6.forward", editor.DisplayKey("ipv6.forward"));
        Assert.Empty(editor.Set("ipv6.forward", "pass"));
        Assert.Equal(LineOf(Config, "ike.peer.100.proposal.encryption.100"), editor.Locate("ike.proposal.phase1.encryption")!.Line);
        Assert.Equal(LineOf(Config, "ipsec.security-policy.100.ike.proposal.pfs-group"), editor.Locate("ike.proposal.phase2.pfs-group")!.Line);
        Assert.Null(editor.Locate("ike.responder-only"));
    }

    [Fact]
    public void Phase2_fix_is_written_to_every_policy_of_the_peer_and_nothing_else()
    {
        var edits = Parse(Config).Peers[0].Editor.Set("ike.proposal.phase2.pfs-group", "modp3072");
        var result = FixApplier.Apply(Config, edits);
        Assert.Empty(result.Skipped);
        var expected = Config
            .Replace("ipsec.security-policy.100.ike.proposal.pfs-group: modp2048", "ipsec.security-policy.100.ike.proposal.pfs-group: modp3072")
            .Replace("ipsec.security-policy.200.ike.proposal.pfs-group: modp2048", "ipsec.security-policy.200.ike.proposal.pfs-group: modp3072");
        Assert.Equal(expected, result.NewText);
        Assert.All(Parse(result.NewText).Peers[0].Phase2Proposals.Value, p => Assert.Equal(DhGroup.Modp3072, p.Pfs));
    }

    [Fact]
    public void Missing_keys_are_inserted_after_the_lines_of_their_holder()
    {
        var document = Parse(Config);
        var edits = document.Peers[1].Editor.Set("ike.proposal.phase2.pfs-group", "modp2048")
            .Concat(document.Peers[1].Editor.Set("ike.check-level", "strict")).ToList();
        var result = FixApplier.Apply(Config, edits);
        Assert.Empty(result.Skipped);
        var lines = result.NewText.Split('\n');
        Assert.Equal("ike.peer.200.check-level: strict", lines[LineOf(Config, "ike.peer.200.proposal.hash.100") ]);
        Assert.Equal("ipsec.security-policy.300.ike.proposal.pfs-group: modp2048", lines[LineOf(Config, "ipsec.security-policy.300.source.address") + 1]);
        var after = Parse(result.NewText);
        Assert.Empty(after.Diagnostics);
        Assert.Equal(CheckLevel.Strict, after.Peers[1].CheckLevel!.Value.Value);
        Assert.All(after.Peers[1].Phase2Proposals.Value, p => Assert.Equal(DhGroup.Modp2048, p.Pfs));
    }

    [Fact]
    public void Phase1_list_fix_rewrites_the_peers_proposal_list()
    {
        var edits = Parse(Config).Peers[0].Editor.SetList("ike.proposal.phase1.hash", ["sha512", "sha384", "sha256"]);
        var result = FixApplier.Apply(Config, edits);
        Assert.Empty(result.Skipped);
        var after = Parse(result.NewText);
        Assert.Empty(after.Diagnostics);
        Assert.Contains("ike.peer.100.proposal.hash.300.algorithm: sha256\n", result.NewText);
        Assert.Equal([HashAlgorithm.Sha2_512, HashAlgorithm.Sha2_384, HashAlgorithm.Sha2_256],
            after.Peers[0].Phase1Proposals.Value.Select(p => p.Hash).Distinct());
    }

    /// <summary>The task's end-to-end case: paired with the strongSwan end, a DH mismatch is SD1001 with the fix on ike.peer.100.proposal.dh-group.</summary>
    [Fact]
    public void Paired_with_strongswan_a_dh_mismatch_is_sd1001_with_the_fix_on_the_peers_dh_group()
    {
        var (model, diagnostics) = Analyze(Config);
        Assert.Equal(2, model.Peers.Count(p => p.Vendor == PeerVendor.Seil));
        var d = Assert.Single(diagnostics, d => d.Id == "SD1001");
        Assert.Contains("MODP_1024", d.Message);
        Assert.Contains("MODP_2048", d.Message);
        Assert.Equal("seil.conf", d.Location!.Path);
        Assert.Equal(LineOf(Config, "ike.peer.100.proposal.dh-group"), d.Location.Line);
        var seilFix = d.Fixes.First(f => f.Edits.All(e => e.Path == "seil.conf"));
        Assert.Contains("ike.peer.100.proposal.dh-group = modp2048", seilFix.Title);
        var edit = Assert.Single(seilFix.Edits);
        Assert.Equal(LineOf(Config, "ike.peer.100.proposal.dh-group"), SourceText.From(Config).GetPosition(edit.Span.Start).Line);

        var fixedConfig = FixApplier.Apply(Config, seilFix.Edits).NewText;
        Assert.Equal(Config.Replace("ike.peer.100.proposal.dh-group: modp1024", "ike.peer.100.proposal.dh-group: modp2048"), fixedConfig);
        var (_, after) = Analyze(fixedConfig);
        Assert.DoesNotContain(after, x => x.Id == "SD1001");
        // What stays is true of this pair and unrelated to the fix: strongSwan has no conn for policy 200's selectors
        // (SD2003 on that policy's line), and the dynamic FQDN peer 200 has no partner in this ipsec.conf (SD1007).
        static string Errors(IEnumerable<Diagnostic> ds) => string.Join(",", ds.Where(x => x.Severity == Severity.Error).Select(x => x.Id).Distinct().Order());
        Assert.Equal("SD1001,SD1007,SD2003", Errors(diagnostics));
        Assert.Equal("SD1007,SD2003", Errors(after));
        var proxy = Assert.Single(after, x => x.Id == "SD2003");
        Assert.Contains("192.168.1.0/24 === 192.168.3.0/24", proxy.Message);
        // The model holds one location for the whole proxy-id list: the first policy's source.
        Assert.Equal(LineOf(Config, "ipsec.security-policy.100.source.address"), proxy.Location!.Line);
        Assert.StartsWith("SEIL ike.peer.200 ", Assert.Single(after, x => x.Id == "SD1007").Message);
    }

    private static (IkeModel Model, IReadOnlyList<Diagnostic> Diagnostics) Analyze(string seil)
    {
        var model = new IkeModel();
        var seilText = SourceText.From(seil, "seil.conf");
        var parsed = SeilFrontEnd.Parse(seilText);
        model.Peers.AddRange(parsed.Peers);
        model.Documents.Add(seilText);
        var swan = StrongSwanFrontEnd.Load(SourceText.From(IpsecConf, "ipsec.conf"), SourceText.From(Secrets, "ipsec.secrets"));
        model.Peers.AddRange(swan.Peers);
        model.Documents.AddRange(swan.Documents);
        return (model, AnalysisContext.Run(model, ConfigAnalyzers.All));
    }

    [Theory]
    [InlineData("ike.peer.100.{|SD0002:adress|}: 10.0.0.2\n")]
    [InlineData("ike.peer.100.proposal.{|SD0002:dh-grup|}: modp2048\n")]
    [InlineData("ipsec.security-policy.100.{|SD0002:sourse|}.address: 192.168.1.0/24\n")]
    [InlineData("ipsec.security-association.{|SD0002:s0|}.address-type: static\n")]
    [InlineData("ike.peer.100.address: {|SD0003:10.0.0.256|}\n")]
    [InlineData("ike.peer.100.nat-traversal: {|SD0003:off|}\n")]
    [InlineData("ipsec.security-association.sa0.address-type: {|SD0003:fixed|}\n")]
    [InlineData("ipsec.security-policy.100.security-association: {|SD0003:SA|}\n")]
    [InlineData("ipsec.security-policy.100.destination.address: {|SD0003:192.168.2.1/24|}\n")]
    [InlineData("ipsec.security-policy.100.source.port: {|SD0003:70000|}\n")]
    [InlineData("ipsec.security-policy.100.ike.proposal.pfs-group: {|SD0003:modp768|}\n")]
    public void Policy_based_keys_and_values_are_checked(string markup) => Markup.Verify(markup, markup.Contains("SD0002") ? "SD0002" : "SD0003");

    [Fact]
    public void A_policy_on_an_undefined_sa_is_reported_and_partial_configs_still_build()
    {
        const string text = """
            ike.peer.100.address: 10.0.0.2
            ipsec.security-policy.100.security-association: sa5
            ipsec.security-policy.100.source.address: ge1
            ipsec.security-policy.100.destination.address: any
            ike.peer.200.exchange-mode: main
            ipsec.security-association.sa0.address-type: static

            """;
        var document = Parse(text);
        var d = Assert.Single(document.Diagnostics);
        Assert.Equal("SD0003", d.Id);
        Assert.Equal(2, d.Location!.Line);
        Assert.Contains("there is no 'ipsec.security-association.sa5'", d.Message);
        // Peer 100 has no SA (so no policies, any-to-any by default); peer 200 has no address at all.
        Assert.Equal(2, document.Peers.Count);
        Assert.True(document.Peers[0].ProxyIds.IsDefault);
        Assert.Null(document.Peers[1].RemoteAddress.Value);
        Assert.Empty(document.Peers[1].Editor.Set("ike.proposal.phase2.pfs-group", "modp2048"));
        Assert.Equal(text, document.ToFullString());
    }

    [Fact]
    public void Psk_of_a_policy_based_peer_never_shows_in_messages()
    {
        var document = Parse("ike.peer.100.address: 10.0.0.2\nike.peer.100.preshared-key: hunter2hunter2\nike.peer.100.preshared-key: s3cr3tvalue\n");
        Assert.Contains(document.Diagnostics, x => x.Id == "SD0008");
        Assert.All(document.Diagnostics, x => Assert.DoesNotContain("hunter2", x.Message));
        Assert.Equal("<redacted>", document.Peers[0].PreSharedKey.Value!.ToString());
        Assert.Equal("s3cr3tvalue", document.Peers[0].PreSharedKey.Value!.Reveal());
    }

    /// <summary>A hub with 1000 policy-based peers (an SA and two policies each): every peer gets exactly its own two proxy-ids.</summary>
    [Fact]
    public void A_thousand_policy_based_peers_each_get_their_own_policies()
    {
        var builder = new System.Text.StringBuilder();
        for (var i = 0; i < 1000; i++)
        {
            var peer = $"10.{i / 250}.{i % 250}.2";
            builder.Append($"ike.peer.{i}.address: {peer}\nike.peer.{i}.preshared-key: key{i}\nike.peer.{i}.proposal.dh-group: modp2048\n");
            builder.Append($"ipsec.security-association.sa{i}.address-type: static\nipsec.security-association.sa{i}.local-address: 10.255.0.1\n");
            builder.Append($"ipsec.security-association.sa{i}.remote-address: {peer}\n");
            foreach (var k in new[] { 2 * i, (2 * i) + 1 })
            {
                builder.Append($"ipsec.security-policy.{k}.security-association: sa{i}\nipsec.security-policy.{k}.source.address: 192.168.0.0/24\n");
                builder.Append($"ipsec.security-policy.{k}.destination.address: 172.{16 + (k % 2)}.{i / 250}.{(i % 250) / 2 * 2 % 256}/31\n");
            }
        }
        var text = builder.ToString();
        var document = Parse(text);
        Assert.Empty(document.Diagnostics);
        Assert.Equal(1000, document.Peers.Count);
        Assert.All(document.Peers, p => Assert.Equal(2, p.ProxyIds.Value.Count));
        Assert.Equal("172.17.3.248/31", document.Peers[999].ProxyIds.Value[1].Remote.ToString());
        Assert.Equal(text, document.ToFullString());
    }

    [Fact]
    public void Other_ipsec_areas_stay_unmodelled()
    {
        var document = Parse("ipsec.anti-replay-check: enable\nipsec.security-policy.100.source.address: any\n");
        Assert.Empty(document.Diagnostics);
    }
}
