using SeilDiag.Fixes;
using SeilDiag.Text;

namespace SeilDiag.Seil.Tests;

/// <summary>Each seil8 diagnostic, positive and negative, with the expected span marked in the input.</summary>
public class RecipeDiagnosticTests
{
    private const string Peer = """
        interface.ipsec0.ipv4.source: 10.0.0.1
        interface.ipsec0.ipv4.destination: 10.0.0.2
        interface.ipsec0.preshared-key: "two words"

        """;

    // ---- SD0001 ---------------------------------------------------------------------------------------

    [Theory]
    [InlineData("route.ipv4.1.destination:   {|SD0001::|} 192.168.2.0/24\n")]
    [InlineData("interface.ge0.ipv4.address{|SD0001:=|}10.0.0.1/24\n")]
    [InlineData("interface.ge0.ipv4.address {|SD0001:1|}0.0.0.1/24\n")]
    [InlineData("interface.ge0.description: \"unterminated{|SD0001:|}\n")]
    [InlineData("interface.ge0.description: \"closed\" {|SD0001:t|}railing\n")]
    [InlineData("interface.ge0{|SD0001:.|}.mtu: 1500\n")]
    [InlineData("interface.ge0.mtu:{|SD0001:|}\n")]
    [InlineData("interface.ge0.descr{|SD0001:í|}ption: x\n")]
    public void SD0001_is_reported_where_parsing_stopped(string markup)
    {
        var document = Markup.Verify(markup, "SD0001");
        Assert.Equal(Markup.Parse(markup).Text, document.ToFullString());
    }

    [Theory]
    [InlineData("interface.ipsec0.ipv6.source: ::1\n")]
    [InlineData("interface.ipsec0.ipv6.destination:   2001:db8::2\n")]
    [InlineData("interface.ge0.description: \"a \\\"quoted\\\" word and a \\\\ backslash\"\n")]
    [InlineData("interface.ge0.description: \"\"\n")]
    [InlineData("   \n\t\n# comment: with colon\n! separator\n")]
    [InlineData("interface.ge0.ipv4.address: 10.0.0.1/24 # seildiag-disable SD0002\n")]
    public void SD0001_is_not_reported_for_valid_lines(string text)
    {
        var document = Markup.Verify(text, "SD0001");
        Assert.Equal(text, document.ToFullString());
    }

    [Fact]
    public void Quoted_values_are_unescaped()
    {
        var document = SeilFrontEnd.Parse(SourceText.From("interface.ge0.description: \"a \\\"b\\\" \\\\ c\"\r\n"));
        var line = Assert.IsType<Syntax.SeilSettingLine>(document.Lines[0]);
        Assert.Equal("a \"b\" \\ c", line.Value);
        Assert.True(line.IsQuoted);
        Assert.Equal(["interface", "ge0", "description"], line.Key.Segments.Select(s => s.Text));
        Assert.Equal("ge0", document.Text[line.Key.Segments[1].Span]);
        Assert.Equal(": ", document.Text[line.SeparatorSpan]);
    }

    [Fact]
    public void A_colon_inside_an_ipv6_value_is_part_of_the_value()
    {
        var document = SeilFrontEnd.Parse(SourceText.From("interface.ipsec0.ipv6.destination : 2001:db8::2\n"));
        var line = Assert.IsType<Syntax.SeilSettingLine>(document.Lines[0]);
        Assert.Equal("interface.ipsec0.ipv6.destination", line.Key.Text);
        Assert.Equal("2001:db8::2", line.Value);
        Assert.Equal("2001:db8::2", Assert.Single(document.Peers).RemoteAddress.Value);
    }

    // ---- SD0002 ---------------------------------------------------------------------------------------

    [Fact]
    public void SD0002_typo_in_a_segment_suggests_the_nearest_key_and_fixes_it()
    {
        var document = Markup.Verify(Peer + "interface.ipsec0.ike.proposal.phase1.{|SD0002:encyption|}.0.algorithm: aes256\n", "SD0002");
        var diagnostic = Assert.Single(document.Diagnostics, d => d.Id == "SD0002");
        Assert.Contains("did you mean 'interface.ipsec0.ike.proposal.phase1.encryption.0.algorithm'", diagnostic.Message);
        var fixedText = FixApplier.Apply(document.Text.Text, diagnostic.Fixes[0].Edits).NewText;
        var reparsed = SeilFrontEnd.Parse(SourceText.From(fixedText));
        Assert.DoesNotContain(reparsed.Diagnostics, d => d.Id == "SD0002");
        Assert.Single(reparsed.Peers[0].Phase1Proposals.Value.Select(p => p.Encryption).Distinct());
    }

    [Fact]
    public void SD0002_capitalised_key_suggests_lower_case_and_does_not_take_effect()
    {
        var document = Markup.Verify("interface.ipsec0.ipv4.source: 10.0.0.1\n{|SD0002:Interface|}.ipsec0.ipv4.destination: 10.0.0.2\n", "SD0002");
        Assert.Contains("did you mean 'interface.ipsec0.ipv4.destination'", document.Diagnostics.Single(d => d.Id == "SD0002").Message);
        Assert.Null(document.Peers[0].RemoteAddress.Value);
    }

    [Theory]
    [InlineData("{|SD0002:interfce|}.ipsec0.ipv4.source: 10.0.0.1\n")]
    [InlineData("route.ipv4.1.{|SD0002:destinaton|}: 192.168.2.0/24\n")]
    [InlineData("ike.{|SD0002:dpd-intervall|}: 30\n")]
    [InlineData("interface.ipsec0.ike.{|SD0002:proposals|}.phase1.dh-group: modp1536\n")]
    public void SD0002_unknown_keys_in_the_modelled_areas(string markup) => Markup.Verify(markup, "SD0002");

    [Theory]
    [InlineData("interface.ge0.media: auto\ninterface.pppoe0.ipv4.address: ge0\nfilter.forward.ipv4.100.action: pass\nhostname: seil\n")]
    [InlineData("interface.ipsec0.floatlink.my-node-id: a\nike.peer.100.address: 10.0.0.2\nroute.ipv6.0.destination: default\n")]
    public void SD0002_is_not_reported_for_valid_or_unmodelled_keys(string text) => Markup.Verify(text, "SD0002");

    // ---- SD0003 ---------------------------------------------------------------------------------------

    [Theory]
    [InlineData("interface.ipsec0.ike.proposal.phase1.encryption.0.algorithm: {|SD0003:aes|}\n", "aes128")]
    [InlineData("interface.ipsec0.ike.proposal.phase1.dh-group: {|SD0003:modp1563|}\n", "modp1536")]
    [InlineData("interface.ipsec0.ike.proposal.phase2.authentication.0.algorithm: {|SD0003:hmac-sha265|}\n", "hmac-sha256")]
    [InlineData("interface.ipsec0.ike.proposal.phase1.lifetime: {|SD0003:1d|}\n", "24h")]
    [InlineData("route.ipv4.1.destination: {|SD0003:192.168.2.1/24|}\n", "192.168.2.0/24")]
    [InlineData("interface.ipsec0.ike.proposal.phase2.encryption.0.algorithm: {|SD0003:aes|}\n", "aes128")]
    [InlineData("interface.ipsec0.ike.check-level: {|SD0003:Strict|}\n", "strict")]
    public void SD0003_bad_values_with_the_value_meant(string markup, string suggestion)
    {
        var document = Markup.Verify(markup, "SD0003");
        var diagnostic = document.Diagnostics.Single(d => d.Id == "SD0003");
        Assert.Contains($"'{suggestion}'", diagnostic.Message);
        Assert.Equal(suggestion, Assert.Single(diagnostic.Fixes[0].Edits).NewText);
        var fixedText = FixApplier.Apply(document.Text.Text, diagnostic.Fixes[0].Edits).NewText;
        Assert.DoesNotContain(SeilFrontEnd.Parse(SourceText.From(fixedText)).Diagnostics, d => d.Id == "SD0003");
    }

    [Theory]
    [InlineData("interface.ipsec0.ike.proposal.phase1.lifetime: {|SD0003:0|}\n")]
    [InlineData("interface.ipsec0.ike.proposal.phase2.lifetime-of-time: {|SD0003:999999999|}\n")]
    [InlineData("interface.ipsec0.ike.proposal.phase2.lifetime-of-time: {|SD0003:8hours|}\n")]
    [InlineData("interface.ipsec0.ipv4.destination: {|SD0003:10.0.0.256|}\n")]
    [InlineData("interface.ipsec0.ike.proposal.phase2.proxy-id.ipv4.remote: {|SD0003:192.168.2.0/33|}\n")]
    [InlineData("interface.ge0.ipv4.address: {|SD0003:10.0.0.1|}\n")]
    [InlineData("interface.ipsec0.ike.proposal.phase1.encryption.{|SD0003:a|}.algorithm: aes256\n")]
    [InlineData("interface.ipsec0.nat-traversal: {|SD0003:disable|}\n")]
    [InlineData("interface.ipsec0.ike.proposal.phase2.encryption.0.algorithm: {|SD0003:blowfish|}\n")]
    [InlineData("ike.interval: {|SD0003:301|}\n")]
    [InlineData("interface.ipsec0.ike.my-identifier.type: {|SD0003:fqdn|}\n")]
    public void SD0003_invalid_values(string markup) => Markup.Verify(markup, "SD0003");

    [Fact]
    public void SD0003_nat_traversal_disable_explains_instead_of_offering_enable()
    {
        var document = Markup.Verify("interface.ipsec0.nat-traversal: {|SD0003:disable|}\n", "SD0003");
        var diagnostic = document.Diagnostics.Single();
        Assert.Contains("cannot disable NAT-T", diagnostic.Message);
        Assert.Empty(diagnostic.Fixes);
    }

    [Theory]
    [InlineData("interface.ipsec0.ike.proposal.phase1.lifetime: 01h02m03s\ninterface.ipsec0.ike.proposal.phase2.lifetime-of-time: 8h\n")]
    [InlineData("interface.ipsec0.ike.proposal.phase1.encryption.100.algorithm: aes192\ninterface.ipsec0.ike.proposal.phase2.pfs-group: modp2048\n")]
    [InlineData("interface.ipsec0.ipv4.address: ge1\ninterface.ge0.ipv4.address: 10.0.0.1/24\nroute.ipv4.1.destination: default\nroute.ipv4.1.gateway: 10.0.0.254\n")]
    [InlineData("interface.ipsec0.ike.my-identifier.type: fqdn\ninterface.ipsec0.ike.my-identifier.fqdn: seil.example.jp\n")]
    public void SD0003_is_not_reported_for_valid_values(string text) => Markup.Verify(text, "SD0003");

    [Fact]
    public void Lifetimes_in_hms_form_are_read_as_seconds()
    {
        var document = SeilFrontEnd.Parse(SourceText.From(Peer + "interface.ipsec0.ike.proposal.phase1.lifetime: 01h02m03s\ninterface.ipsec0.ike.proposal.phase2.lifetime-of-time: 60\n"));
        Assert.Equal(TimeSpan.FromSeconds(3723), document.Peers[0].Phase1Lifetime.Value);
        Assert.Equal(TimeSpan.FromSeconds(60), document.Peers[0].Phase2Lifetime.Value);
    }

    // ---- SD0006 ---------------------------------------------------------------------------------------

    [Theory]
    [InlineData("{|SD0006:interface.ipsec0.responder-only|}: enable\n")]
    [InlineData("{|SD0006:interface.ipsec1.dpd|}: disable\n")]
    [InlineData("{|SD0006:interface.ipsec0.nonce-size|}: 32\n")]
    public void SD0006_older_spellings(string markup) => Markup.Verify(markup, "SD0006");

    [Fact]
    public void SD0006_is_not_reported_for_the_current_spelling() =>
        Markup.Verify("interface.ipsec0.ike.responder-only: enable\ninterface.ipsec0.ike.dpd: disable\n", "SD0006");

    // ---- SD0008 ---------------------------------------------------------------------------------------

    [Fact]
    public void SD0008_duplicate_key_later_wins_and_the_fix_removes_the_earlier_line()
    {
        var markup = Peer + "interface.ipsec0.ike.proposal.phase1.dh-group: modp1024\n{|SD0008:interface.ipsec0.ike.proposal.phase1.dh-group|}: modp2048\n";
        var document = Markup.Verify(markup, "SD0008");
        Assert.Equal(Ike.DhGroup.Modp2048, document.Peers[0].Phase1Proposals.Value[0].Group);
        var diagnostic = document.Diagnostics.Single(d => d.Id == "SD0008");
        Assert.Contains("line 4", diagnostic.Message);
        var fixedText = FixApplier.Apply(document.Text.Text, diagnostic.Fixes[0].Edits).NewText;
        Assert.Equal(Markup.Parse(markup).Text.Replace("interface.ipsec0.ike.proposal.phase1.dh-group: modp1024\n", ""), fixedText);
    }

    [Fact]
    public void SD0008_old_and_new_spelling_of_the_same_key_are_a_duplicate() =>
        Markup.Verify("interface.ipsec0.responder-only: enable\n{|SD0008:interface.ipsec0.ike.responder-only|}: disable\n", "SD0008");

    [Fact]
    public void SD0008_is_not_reported_for_different_indices() =>
        Markup.Verify("interface.ipsec0.ike.proposal.phase1.encryption.0.algorithm: aes256\ninterface.ipsec0.ike.proposal.phase1.encryption.1.algorithm: aes128\n", "SD0008");

    // ---- SD4004 ---------------------------------------------------------------------------------------

    [Fact]
    public void SD4004_no_route_for_the_remote_proxy_id_and_the_fix_adds_one()
    {
        var markup = "route.ipv4.1.destination : 10.9.0.0/16\nroute.ipv4.1.gateway     : ipsec0\n"
                     + "interface.ipsec0.ipv4.source                              : 10.0.0.1\n"
                     + "interface.ipsec0.ipv4.destination                         : 10.0.0.2\n"
                     + "interface.ipsec0.ike.proposal.phase2.proxy-id.ipv4.local  : 192.168.1.0/24\n"
                     + "interface.ipsec0.ike.proposal.phase2.proxy-id.ipv4.remote : {|SD4004:192.168.2.0/24|}\n";
        var document = Markup.Verify(markup, "SD4004");
        var diagnostic = document.Diagnostics.Single(d => d.Id == "SD4004");
        Assert.Equal("no route sends 192.168.2.0/24 into ipsec0", diagnostic.Message);
        Assert.Equal("10.0.0.1 <-> 10.0.0.2", diagnostic.Tunnel?.ToString());
        var fixedText = FixApplier.Apply(document.Text.Text, diagnostic.Fixes[0].Edits).NewText;
        Assert.Contains("route.ipv4.1.gateway     : ipsec0\nroute.ipv4.2.destination : 192.168.2.0/24\nroute.ipv4.2.gateway     : ipsec0\ninterface.ipsec0", fixedText);
        var reparsed = SeilFrontEnd.Parse(SourceText.From(fixedText));
        Assert.Empty(reparsed.Diagnostics);
    }

    [Theory]
    [InlineData("route.ipv4.1.destination: 192.168.0.0/16\nroute.ipv4.1.gateway: ipsec0\n")]
    [InlineData("route.ipv4.100.destination: default\nroute.ipv4.100.gateway: ipsec0\n")]
    [InlineData("")]
    public void SD4004_is_not_reported_when_a_route_covers_the_remote_subnet_or_no_proxy_id_is_set(string routes)
    {
        var proxy = routes.Length == 0 ? "" : "interface.ipsec0.ike.proposal.phase2.proxy-id.ipv4.remote: 192.168.2.0/24\n";
        Markup.Verify(routes + "interface.ipsec0.ipv4.destination: 10.0.0.2\n" + proxy, "SD4004");
    }

    [Fact]
    public void SD4004_route_into_another_interface_does_not_count() =>
        Markup.Verify("route.ipv4.1.destination: 192.168.2.0/24\nroute.ipv4.1.gateway: ipsec1\ninterface.ipsec0.ike.proposal.phase2.proxy-id.ipv4.remote: {|SD4004:192.168.2.0/24|}\n", "SD4004");
}
