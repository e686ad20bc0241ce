using SeilDiag.Ike;
using SeilDiag.Model;
using SeilDiag.Seil.Syntax;
using SeilDiag.Text;

namespace SeilDiag.Seil.Tests;

/// <summary>The seil8 configs of the seed article: lossless parsing, the stray colon, and the default proposals.</summary>
public class SeedConfigTests
{
    private static SeilConfigDocument ParseBlock(int line) => SeilFrontEnd.Parse(SourceText.From(SeedConfigs.Block(line), $"seed-{line}.conf"));

    [SkippableFact]
    public void The_seed_has_seven_seil_config_listings()
    {
        var blocks = SeedConfigs.Blocks(SeedConfigs.ArticleText());
        Assert.Equal([163, 246, 292, 412, 441, 602, 655], blocks.Select(b => b.Line));
    }

    [SkippableFact]
    public void Every_seed_config_round_trips_byte_for_byte_with_lf_and_crlf()
    {
        foreach (var (line, block) in SeedConfigs.Blocks(SeedConfigs.ArticleText()))
        {
            foreach (var variant in new[] { block, block.Replace("\n", "\r\n"), block.TrimEnd('\n') })
            {
                var document = SeilFrontEnd.Parse(SourceText.From(variant, $"seed-{line}.conf"));
                Assert.Equal(variant, document.ToFullString());
                Assert.False(document.IsCommandSyntax);
                Assert.Single(document.Peers);
            }
        }
    }

    [SkippableFact]
    public void Stray_second_colon_is_SD0001_at_its_column_and_the_rest_is_still_analysed()
    {
        var document = ParseBlock(163);
        var errors = document.Diagnostics.Where(d => d.Id == "SD0001").ToList();
        Assert.Equal(2, errors.Count);
        // "route.ipv4.1.destination:" then blanks up to the second colon in column 59 (seed line 163).
        var text = document.Text;
        foreach (var (error, line) in errors.Zip(new[] { 1, 2 }))
        {
            Assert.Equal(line, error.Location!.Line);
            var lineText = text.GetLineText(line);
            Assert.Equal(lineText.IndexOf(':', lineText.IndexOf(':') + 1) + 1, error.Location.Column);
            Assert.Equal(":", text[error.Location.Span!.Value]);
        }
        Assert.Equal(59, errors[0].Location!.Column);
        Assert.Contains("192.168.2.0/24", errors[0].Message);
        Assert.IsType<SeilErrorLine>(document.Lines[0]);

        // The rest: the peer is complete and the (recovered) route is known, so no SD4004.
        var peer = Assert.Single(document.Peers);
        Assert.Equal("10.0.0.1", peer.LocalAddress.Value);
        Assert.Equal("10.0.0.2", peer.RemoteAddress.Value);
        Assert.NotNull(peer.PreSharedKey.Value);
        var proxyId = Assert.Single(peer.ProxyIds.Value);
        Assert.Equal("192.168.1.0/24", proxyId.Local.ToString());
        Assert.Equal("192.168.2.0/24", proxyId.Remote.ToString());
        var route = Assert.Single(document.Routes);
        Assert.Equal("192.168.2.0/24", route.Destination.ToString());
        Assert.Equal("ipsec0", route.Gateway);
        Assert.DoesNotContain(document.Diagnostics, d => d.Id == "SD4004");
        Assert.Equal(2, document.Diagnostics.Count);
    }

    [SkippableFact]
    public void Default_phase1_proposals_are_the_six_of_the_seed_capture_in_order()
    {
        var article = SeedConfigs.ArticleText();
        var expected = SeedConfigs.TransformTable(article, "最小設定 (#1010):");
        Assert.Equal(6, expected.Count);
        var peer = Assert.Single(ParseBlock(163).Peers);
        Assert.True(peer.Phase1Proposals.IsDefault);
        AssertSameTransforms(expected, peer.Phase1Proposals.Value);
        Assert.True(peer.Phase1Lifetime.IsDefault);
        Assert.Equal(TimeSpan.FromSeconds(86400), peer.Phase1Lifetime.Value);
    }

    [SkippableFact]
    public void Phase1_keys_of_scenario_3_give_the_one_transform_of_the_seed_capture()
    {
        var article = SeedConfigs.ArticleText();
        var expected = SeedConfigs.TransformTable(article, "を設定 (#3005):");
        var peer = Assert.Single(ParseBlock(292).Peers);
        AssertSameTransforms(expected, peer.Phase1Proposals.Value);
        Assert.False(peer.Phase1Proposals.IsDefault);
        Assert.Equal(4, peer.Phase1Proposals.Where!.Line); // the lifetime is the first phase-1 key set
        Assert.Equal(DhGroup.Modp1024, peer.Phase1Proposals.Value[0].Group);
        Assert.Equal(TimeSpan.FromSeconds(777), peer.Phase1Lifetime.Value);
        Assert.Equal(4, peer.Phase1Lifetime.Where!.Line);
    }

    [SkippableFact]
    public void Four_encryptions_and_four_hashes_give_sixteen_transforms_encryption_major()
    {
        var peer = Assert.Single(ParseBlock(441).Peers);
        var names = peer.Phase1Proposals.Value.Select(p => $"{IkeNames.Find(p.Encryption)!.Seil}/{IkeNames.Find(p.Hash).Seil}").ToList();
        Assert.Equal(
        [
            "aes256/sha512", "aes256/sha384", "aes256/sha256", "aes256/sha1",
            "aes192/sha512", "aes192/sha384", "aes192/sha256", "aes192/sha1",
            "aes128/sha512", "aes128/sha384", "aes128/sha256", "aes128/sha1",
            "3des/sha512", "3des/sha384", "3des/sha256", "3des/sha1",
        ], names);
        Assert.All(peer.Phase1Proposals.Value, p => Assert.Equal(DhGroup.Modp1536, p.Group));
        Assert.All(peer.Phase1Proposals.Value, p => Assert.Equal(TimeSpan.FromSeconds(86400), p.Lifetime));
    }

    [SkippableFact]
    public void Scenario_2_responder_only_takes_effect_and_is_reported_as_the_old_spelling()
    {
        var document = ParseBlock(246);
        var peer = Assert.Single(document.Peers);
        Assert.Equal(Initiation.RespondOnly, peer.Initiation.Value);
        Assert.Equal(6, peer.Initiation.Where!.Line);
        var deprecated = Assert.Single(document.Diagnostics, d => d.Id == "SD0006");
        Assert.Contains("interface.ipsec0.ike.responder-only", deprecated.Message);
        var fixedText = Fixes.FixApplier.Apply(document.Text.Text, deprecated.Fixes[0].Edits).NewText;
        Assert.Contains("interface.ipsec0.ike.responder-only                       : enable", fixedText);
        var reparsed = SeilFrontEnd.Parse(SourceText.From(fixedText));
        Assert.DoesNotContain(reparsed.Diagnostics, d => d.Id == "SD0006");
        Assert.Equal(Initiation.RespondOnly, reparsed.Peers[0].Initiation.Value);
    }

    [SkippableFact]
    public void Scenario_4_phase2_keys_give_aes256_with_hmac_md5_only()
    {
        var document = ParseBlock(602);
        var peer = Assert.Single(document.Peers);
        var proposal = Assert.Single(peer.Phase2Proposals.Value);
        Assert.Equal("ESP:AES_CBC_256/HMAC_MD5_96/NO_EXT_SEQ", proposal.ToLogString());
        // This listing swaps the proxy-ids (local 192.168.2.0/24, remote 192.168.1.0/24) while the route sends
        // 192.168.2.0/24 into ipsec0: nothing routes the remote subnet into the tunnel.
        var noRoute = Assert.Single(document.Diagnostics, d => d.Id == "SD4004");
        Assert.Contains("192.168.1.0/24", noRoute.Message);
        Assert.Equal(9, noRoute.Location!.Line);
    }

    [SkippableFact]
    public void Scenario_5_without_proxy_id_sends_any_to_any_and_needs_no_route_check()
    {
        var document = ParseBlock(655);
        var peer = Assert.Single(document.Peers);
        Assert.True(peer.ProxyIds.IsDefault);
        Assert.Equal(ProxyId.AnyToAny, Assert.Single(peer.ProxyIds.Value));
        Assert.DoesNotContain(document.Diagnostics, d => d.Id == "SD4004");
    }

    [SkippableFact]
    public void Default_values_of_a_minimal_seed_peer()
    {
        var peer = Assert.Single(ParseBlock(655).Peers);
        Assert.Equal(PeerVendor.Seil, peer.Vendor);
        Assert.Equal("interface.ipsec0", peer.Name);
        Assert.Equal(5, peer.Definition!.Line);
        Assert.Equal(ExchangeMode.Main, peer.ExchangeMode.Value);
        Assert.True(peer.ExchangeMode.IsDefault);
        Assert.Equal(new IkeIdentity(IdentityType.Ipv4Address, "10.0.0.1"), peer.LocalIdentity.Value);
        Assert.Equal(new IkeIdentity(IdentityType.Ipv4Address, "10.0.0.2"), peer.RemoteIdentity.Value);
        Assert.Equal(CheckLevel.Obey, peer.CheckLevel!.Value.Value);
        Assert.True(peer.Dpd.Value.Enabled);
        Assert.Equal(TimeSpan.FromSeconds(20), peer.Dpd.Value.Interval);
        Assert.Equal(NatTraversalMode.Enable, peer.NatTraversal.Value);
        Assert.Equal(Initiation.Start, peer.Initiation.Value);
        Assert.Equal(TimeSpan.FromHours(8), peer.Phase2Lifetime.Value);
        Assert.Equal(
        [
            "ESP:AES_CBC_256/HMAC_SHA2_256_128/NO_EXT_SEQ", "ESP:AES_CBC_256/HMAC_SHA1_96/NO_EXT_SEQ",
            "ESP:AES_CBC_128/HMAC_SHA2_256_128/NO_EXT_SEQ", "ESP:AES_CBC_128/HMAC_SHA1_96/NO_EXT_SEQ",
            "ESP:3DES_CBC/HMAC_SHA2_256_128/NO_EXT_SEQ", "ESP:3DES_CBC/HMAC_SHA1_96/NO_EXT_SEQ",
        ], peer.Phase2Proposals.Value.Select(p => p.ToLogString()));
        Assert.True(peer.Phase2Proposals.IsDefault);
        Assert.Equal(DhGroup.None, peer.Phase2Proposals.Value[0].Pfs);
        Assert.Equal("<redacted>", peer.PreSharedKey.Value!.ToString());
        Assert.Equal(5, peer.PreSharedKey.Where!.Line);
    }

    private static void AssertSameTransforms(IReadOnlyList<(int Lifetime, string Encryption, string Hash, string Group)> expected, IReadOnlyList<Phase1Proposal> actual)
    {
        Assert.Equal(expected.Count, actual.Count);
        foreach (var (row, proposal) in expected.Zip(actual))
        {
            Assert.Equal(row.Encryption, IkeNames.Find(proposal.Encryption)!.Seil);
            Assert.Equal(row.Hash, IkeNames.Find(proposal.Hash).Seil);
            Assert.Equal(row.Group, IkeNames.Find(proposal.Group)!.Seil);
            Assert.Equal(TimeSpan.FromSeconds(row.Lifetime), proposal.Lifetime);
            Assert.Equal(AuthMethod.PreSharedKey, proposal.Auth);
        }
    }
}
