using SeilDiag.Fixes;
using SeilDiag.Ike;
using SeilDiag.Model;
using SeilDiag.Text;

namespace SeilDiag.Seil.Tests;

/// <summary>seil3 command configs: the IIJ converter sample (§2.4) and the Alibaba Cloud SEIL/X1 config (§4.1).</summary>
public class CommandConfigTests
{
    private static SeilConfigDocument Parse(string text) => SeilFrontEnd.Parse(SourceText.From(text, "seil3.conf"));

    [SkippableFact]
    public void Converter_sample_parses_into_the_expected_peer()
    {
        var text = ReferenceSamples.CodeBlock("### 2.4");
        var document = Parse(text);
        Assert.True(document.IsCommandSyntax);
        Assert.Equal(text, document.ToFullString());
        Assert.Empty(document.Diagnostics);
        var peer = Assert.Single(document.Peers);
        Assert.Equal("interface.ipsec0", peer.Name);
        Assert.Equal("10.0.0.1", peer.LocalAddress.Value);
        Assert.Equal("10.0.0.2", peer.RemoteAddress.Value);
        Assert.Equal("twotwotwotwo", peer.PreSharedKey.Value!.Reveal());
        Assert.Equal(2, peer.PreSharedKey.Where!.Line);
        Assert.Equal(ExchangeMode.Main, peer.ExchangeMode.Value);
        Assert.False(peer.ExchangeMode.IsDefault);
        // "aes" is AES-128 in seil3; encryption-major cross product with the hashes in their order.
        Assert.Equal(
        [
            "IKE:AES_CBC_128/HMAC_SHA2_256_128/PRF_HMAC_SHA2_256/MODP_1536", "IKE:AES_CBC_128/HMAC_MD5_96/PRF_HMAC_MD5/MODP_1536",
            "IKE:3DES_CBC/HMAC_SHA2_256_128/PRF_HMAC_SHA2_256/MODP_1536", "IKE:3DES_CBC/HMAC_MD5_96/PRF_HMAC_MD5/MODP_1536",
        ], peer.Phase1Proposals.Value.Select(p => p.ToLogString()));
        Assert.Equal(TimeSpan.FromDays(1), peer.Phase1Lifetime.Value);
        Assert.Equal(["ESP:AES_CBC_256/HMAC_SHA1_96/NO_EXT_SEQ", "ESP:AES_CBC_128/HMAC_SHA1_96/NO_EXT_SEQ"], peer.Phase2Proposals.Value.Select(p => p.ToLogString()));
        Assert.Equal(TimeSpan.FromSeconds(7200), peer.Phase2Lifetime.Value);
        Assert.Equal(Initiation.RespondOnly, peer.Initiation.Value);
        // seil3 defaults: check-level strict, NAT-T off.
        Assert.Equal(CheckLevel.Strict, peer.CheckLevel!.Value.Value);
        Assert.True(peer.CheckLevel.Value.IsDefault);
        Assert.Equal(NatTraversalMode.Disable, peer.NatTraversal.Value);
        Assert.Equal(ProxyId.AnyToAny, Assert.Single(peer.ProxyIds.Value));
        Assert.Equal(new IkeIdentity(IdentityType.Ipv4Address, "10.0.0.1"), peer.LocalIdentity.Value);
    }

    [SkippableFact]
    public void Converter_sample_and_its_seil8_conversion_describe_the_same_tunnel()
    {
        var seil3 = Parse(ReferenceSamples.CodeBlock("### 2.4", 0)).Peers.Single();
        var seil8Document = Parse(ReferenceSamples.CodeBlock("### 2.4", 1));
        Assert.False(seil8Document.IsCommandSyntax);
        Assert.Empty(seil8Document.Diagnostics);
        var seil8 = seil8Document.Peers.Single();
        Assert.Equal(seil3.Phase1Proposals.Value, seil8.Phase1Proposals.Value);
        Assert.Equal(seil3.Phase2Proposals.Value, seil8.Phase2Proposals.Value);
        Assert.Equal(seil3.Phase1Lifetime.Value, seil8.Phase1Lifetime.Value);
        Assert.Equal(seil3.Phase2Lifetime.Value, seil8.Phase2Lifetime.Value);
        Assert.Equal(seil3.LocalIdentity.Value, seil8.LocalIdentity.Value);
        Assert.Equal(seil3.RemoteIdentity.Value, seil8.RemoteIdentity.Value);
        Assert.Equal(seil3.Initiation.Value, seil8.Initiation.Value);
        Assert.Equal(seil3.CheckLevel!.Value.Value, seil8.CheckLevel!.Value.Value);
        Assert.True(seil3.PreSharedKey.Value!.SameAs(seil8.PreSharedKey.Value!));
        Assert.Equal(seil3.LocalAddress.Value, seil8.LocalAddress.Value);
        Assert.Equal(seil3.RemoteAddress.Value, seil8.RemoteAddress.Value);
    }

    [SkippableFact]
    public void Alibaba_x1_config_reports_its_placeholders_and_still_builds_the_peer()
    {
        var text = ReferenceSamples.CodeBlock("### 4.1");
        var document = Parse(text);
        Assert.True(document.IsCommandSyntax);
        Assert.Equal(text, document.ToFullString());
        Assert.DoesNotContain(document.Diagnostics, d => d.Id is "SD0001");
        // Placeholders such as "(VPN GatewayのグローバルIPアドレス)" are not addresses; unquoted, the blank splits
        // them and the second word is a stray option (reported once, then reading resumes at "exchange-mode").
        var stray = Assert.Single(document.Diagnostics, d => d.Id == "SD0002");
        Assert.Equal("GatewayのグローバルIPアドレス)", document.Text[stray.Location!.Span!.Value]);
        var invalid = document.Diagnostics.Where(d => d.Id == "SD0003").ToList();
        Assert.Contains(invalid, d => d.Message.Contains("ike peer add address", StringComparison.Ordinal));
        Assert.Contains(invalid, d => d.Message.Contains("interface tunnel", StringComparison.Ordinal));
        Assert.Contains(invalid, d => d.Message.Contains("route add", StringComparison.Ordinal));
        // The placeholder address is still the link between the tunnel and the peer.
        var peer = Assert.Single(document.Peers);
        Assert.Equal(Initiation.RespondOnly, peer.Initiation.Value); // ike auto-initiation disable
        Assert.Equal(1, peer.Initiation.Where!.Line);
        Assert.Equal("IKE:AES_CBC_128/HMAC_SHA1_96/PRF_HMAC_SHA1/MODP_1024", Assert.Single(peer.Phase1Proposals.Value).ToLogString());
        Assert.Equal(TimeSpan.FromDays(1), peer.Phase1Lifetime.Value);
        Assert.Equal("ESP:AES_CBC_128/HMAC_SHA1_96/MODP_1024/NO_EXT_SEQ", Assert.Single(peer.Phase2Proposals.Value).ToLogString());
        // The key is registered for the whole quoted placeholder, the tunnel names only its first word: no key found.
        Assert.Null(peer.PreSharedKey.Value);
    }

    [SkippableFact]
    public void Alibaba_x4_seil8_config_flags_the_capital_key()
    {
        var text = ReferenceSamples.CodeBlock("### 4.2");
        var document = Parse(text);
        Assert.False(document.IsCommandSyntax);
        Assert.Equal(text, document.ToFullString());
        var unknown = Assert.Single(document.Diagnostics, d => d.Id == "SD0002");
        Assert.Equal(2, unknown.Location!.Line);
        Assert.Equal("Interface", document.Text[unknown.Location.Span!.Value]);
        Assert.Contains(document.Diagnostics, d => d.Id == "SD0003" && d.Location!.Line == 12); // ipv4.source placeholder
        Assert.Single(document.Peers);
    }

    [Fact]
    public void Unknown_commands_and_options_are_SD0002_with_the_nearest_name()
    {
        var markup = "{|SD0002:ikee|} peer add X address 10.0.0.2\n"
                     + "ike proposal add P encryption aes hash sha1 {|SD0002:dh-grup|} modp1024\n"
                     + "ike {|SD0002:retri|} 5\n";
        var document = Markup.Verify(markup, "SD0002");
        Assert.Contains("did you mean 'ike'", document.Diagnostics[0].Message);
        Assert.Contains("did you mean 'dh-group'", document.Diagnostics[1].Message);
        Assert.Contains("did you mean 'retry'", document.Diagnostics[2].Message);
    }

    [Fact]
    public void Malformed_commands_are_SD0001_and_bad_values_SD0003()
    {
        Markup.Verify("ike preshared-key add \"10.0.0.2\" \"unterminated{|SD0001:|}\ninterface ipsec0 tunnel 10.0.0.1 10.0.0.2\n", "SD0001");
        Markup.Verify("ike proposal add P encryption aes hash sha1 dh-group{|SD0001:|}\ninterface ipsec0 tunnel 10.0.0.1 10.0.0.2\n", "SD0001");
        Markup.Verify("ike proposal add P encryption {|SD0003:aes,3dez|} hash sha1 lifetime-of-time {|SD0003:8x|}\nroute add 10.0.0.0/8 ipsec0\n", "SD0003");
        Markup.Verify("ike proposal add P encryption aes,3des hash sha1 lifetime-of-time 1d\nroute add default ipsec0\n", "SD0003");
    }

    [Fact]
    public void Seil3_routes_and_SD4004()
    {
        var config = "interface ipsec0 tunnel 10.0.0.1 10.0.0.2\n"
                     + "ike preshared-key add \"10.0.0.2\" \"secret\"\n"
                     + "ike proposal add P encryption aes256 hash sha256 authentication preshared-key dh-group modp1536\n"
                     + "ike peer add R address 10.0.0.2 exchange-mode main proposals P tunnel-interface enable\n"
                     + "ipsec security-association proposal add SAP authentication-algorithm hmac-sha256 encryption-algorithm aes256 pfs-group modp2048\n"
                     + "ipsec security-association add SA tunnel-interface ipsec0 ike SAP esp enable proxy-id-local 192.168.1.0/24 proxy-id-remote {|SD4004:192.168.2.0/24|}\n"
                     + "route add 10.9.0.0/16 ipsec0\n";
        var document = Markup.Verify(config, "SD4004");
        var peer = Assert.Single(document.Peers);
        Assert.Equal("ESP:AES_CBC_256/HMAC_SHA2_256_128/MODP_2048/NO_EXT_SEQ", Assert.Single(peer.Phase2Proposals.Value).ToLogString());
        Assert.Equal(TimeSpan.FromSeconds(28800), peer.Phase1Lifetime.Value);
        Assert.True(peer.Phase1Lifetime.IsDefault);
        Assert.Equal("192.168.1.0/24 === 192.168.2.0/24", Assert.Single(peer.ProxyIds.Value).ToString());
        var fix = document.Diagnostics.Single(d => d.Id == "SD4004").Fixes[0];
        var fixedText = FixApplier.Apply(document.Text.Text, fix.Edits).NewText;
        Assert.EndsWith("route add 10.9.0.0/16 ipsec0\nroute add 192.168.2.0/24 ipsec0\n", fixedText);
        Assert.DoesNotContain(Parse(fixedText).Diagnostics, d => d.Id == "SD4004");
        Assert.Equal(2, Parse(fixedText).Routes.Count);
    }

    [SkippableFact]
    public void Seil3_editor_edits_the_option_of_the_command_that_holds_it()
    {
        var text = ReferenceSamples.CodeBlock("### 2.4");
        var document = Parse(text);
        var editor = document.Peers[0].Editor;
        Assert.Equal("ike proposal add IKEP dh-group", editor.DisplayKey("ike.proposal.phase1.dh-group"));
        var changed = FixApplier.Apply(text, editor.Set("ike.proposal.phase1.dh-group", "modp2048")).NewText;
        Assert.Equal(text.Replace("dh-group modp1536", "dh-group modp2048"), changed);
        Assert.Equal(DhGroup.Modp2048, Parse(changed).Peers[0].Phase1Proposals.Value[0].Group);

        var added = FixApplier.Apply(text, editor.Set("ike.proposal.phase2.pfs-group", "modp1536")).NewText;
        Assert.Contains("lifetime-of-time 7200 pfs-group modp1536\n", added);
        Assert.Equal(DhGroup.Modp1536, Parse(added).Peers[0].Phase2Proposals.Value[0].Pfs);

        var removed = FixApplier.Apply(text, editor.Remove("ike.responder-only")).NewText;
        Assert.Contains("dpd enable prefer-new-phase1 enable\n", removed);
        Assert.Equal(Initiation.Start, Parse(removed).Peers[0].Initiation.Value);

        var list = FixApplier.Apply(text, editor.SetList("ike.proposal.phase2.authentication", ["hmac-sha256", "hmac-sha1"])).NewText;
        Assert.Contains("authentication-algorithm hmac-sha256,hmac-sha1 ", list);
        Assert.Empty(editor.Set("ike.my-identifier.fqdn", "x"));
    }
}
