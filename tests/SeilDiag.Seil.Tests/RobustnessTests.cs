using System.Text;
using SeilDiag.Text;

namespace SeilDiag.Seil.Tests;

/// <summary>Bad input gives diagnostics, never an exception, and the tree still reproduces the input.</summary>
public class RobustnessTests
{
    [Fact]
    public void Empty_file_has_no_peers_and_no_diagnostics()
    {
        var document = SeilFrontEnd.Parse(SourceText.From(""));
        Assert.Empty(document.Peers);
        Assert.Empty(document.Routes);
        Assert.Empty(document.Diagnostics);
        Assert.Equal("", document.ToFullString());
        Assert.Equal(0, SeilFrontEnd.Score(SourceText.From("")));
    }

    [Fact]
    public void A_50_MB_single_line_is_one_error_node_not_a_hang()
    {
        var huge = "interface.ipsec0.description: " + new string('x', 50 * 1024 * 1024);
        var document = SeilFrontEnd.Parse(SourceText.From(huge));
        var line = Assert.IsType<Syntax.SeilErrorLine>(Assert.Single(document.Lines));
        Assert.Equal("SD0001", line.Error.Id);
        Assert.Contains("characters long", line.Error.Message);
        Assert.Equal(huge.Length, document.ToFullString().Length);
        Assert.Empty(document.Peers);
        Assert.InRange(SeilFrontEnd.Score(SourceText.From(huge)), 0.9, 1.0);
    }

    [Fact]
    public void A_50_MB_single_line_of_command_syntax_is_one_error_node()
    {
        var huge = "ike peer add X address " + new string('1', 50 * 1024 * 1024);
        var document = SeilFrontEnd.Parse(SourceText.From(huge));
        Assert.True(document.IsCommandSyntax);
        Assert.Equal("SD0001", Assert.Single(document.Diagnostics).Id);
    }

    [Fact]
    public void Shift_jis_description_is_decoded_and_parsed_without_errors()
    {
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        var bytes = Encoding.GetEncoding(932).GetBytes("interface.ge0.description: \"本社 回線\"\ninterface.ipsec0.ipv4.destination: 10.0.0.2\n");
        var text = InputReader.Decode("sjis.conf", bytes);
        var document = SeilFrontEnd.Parse(text);
        Assert.Equal("shift_jis", text.EncodingName);
        Assert.Empty(document.Diagnostics); // SD0007 is the workspace's, once per input
        Assert.Equal("本社 回線", Assert.IsType<Syntax.SeilSettingLine>(document.Lines[0]).Value);
        Assert.Single(document.Peers);
    }

    [Fact]
    public void Many_lines_parse_and_round_trip()
    {
        var builder = new StringBuilder();
        for (var i = 0; i < 64; i++)
        {
            builder.Append($"interface.ipsec{i}.ipv4.source: 10.0.{i}.1\r\n");
            builder.Append($"interface.ipsec{i}.ipv4.destination: 10.1.{i}.1\r\n");
            builder.Append($"interface.ipsec{i}.ike.proposal.phase2.proxy-id.ipv4.remote: 192.168.{i}.0/24\r\n");
            builder.Append($"route.ipv4.{i}.destination: 192.168.{i}.0/24\r\nroute.ipv4.{i}.gateway: ipsec{i}\r\n");
        }
        for (var i = 0; i < 20000; i++)
        {
            builder.Append($"filter.forward.ipv4.{i}.action: pass\r\n");
        }
        var text = builder.ToString();
        var document = SeilFrontEnd.Parse(SourceText.From(text));
        Assert.Equal(64, document.Peers.Count);
        Assert.Equal(64, document.Routes.Count);
        Assert.Empty(document.Diagnostics);
        Assert.Equal(text, document.ToFullString());
    }

    [Theory]
    [InlineData("\0\u0001\u0002: \u0003")]
    [InlineData(":::::")]
    [InlineData("\"\"\"\"")]
    [InlineData("a\rb\rc: d\r")]
    [InlineData("interface.ipsec0.ike.proposal.phase1.encryption.99999999999999999999999.algorithm: aes128\ninterface.ipsec0.ike.proposal.phase1.encryption.1.algorithm: 3des\n")]
    [InlineData("ike peer add\nike proposal add\nroute add\ninterface ipsec0 tunnel\nipsec security-association add\n")]
    [InlineData("interface ipsec0 tunnel 10.0.0.1 10.0.0.2\nike peer add P address 10.0.0.2 proposals NOPE\nipsec security-association add SA tunnel-interface ipsec0 ike NOSAP\n")]
    public void Odd_inputs_do_not_throw_and_round_trip(string input)
    {
        var document = SeilFrontEnd.Parse(SourceText.From(input));
        Assert.Equal(input, document.ToFullString());
        Assert.InRange(SeilFrontEnd.Score(SourceText.From(input)), 0, 1);
        Assert.All(document.Diagnostics, d => Assert.NotNull(d.Location));
    }

    [Fact]
    public void Dangling_proposal_names_in_seil3_are_reported()
    {
        var document = SeilFrontEnd.Parse(SourceText.From(
            "interface ipsec0 tunnel 10.0.0.1 10.0.0.2\nike peer add P address 10.0.0.2 proposals NOPE\nipsec security-association add SA tunnel-interface ipsec0 ike NOSAP\n"));
        Assert.Equal(2, document.Diagnostics.Count(d => d.Id == "SD0003" && d.Message.Contains("there is no", StringComparison.Ordinal)));
        var peer = Assert.Single(document.Peers);
        Assert.True(peer.Phase1Proposals.IsDefault);
    }

    [Fact]
    public void Secrets_never_appear_in_messages()
    {
        var document = SeilFrontEnd.Parse(SourceText.From(
            "interface.ipsec0.preshared-key: hunter2hunter2\ninterface.ipsec0.preshared-key:  : s3cr3tvalue\ninterface.ipsec0.ike.proposal.phase2.proxy-id.ipv4.remote: 10.9.9.0/24\n"
            + "ike peer add P address 10.0.0.2 preshared-key s3cr3t words\n"
            + "interface.ipsec1.preshared-key Zecret\n"));
        Assert.Contains(document.Diagnostics, d => d.Id == "SD0001" && d.Location!.Line == 5 && d.Message.Contains("unexpected text", StringComparison.Ordinal));
        Assert.All(document.Diagnostics, d => Assert.DoesNotContain("'Z'", d.Message));
        Assert.Contains(document.Diagnostics, d => d.Id == "SD0001");
        Assert.Contains(document.Diagnostics, d => d.Id == "SD0008");
        foreach (var diagnostic in document.Diagnostics)
        {
            foreach (var lang in new[] { "en", "ja" })
            {
                Assert.DoesNotContain("hunter2", diagnostic.GetMessage(lang));
                Assert.DoesNotContain("s3cr3t", diagnostic.GetMessage(lang));
            }
            Assert.All(diagnostic.Evidence, e => Assert.DoesNotContain("s3cr3t", e.Text));
        }
        Assert.Equal("<redacted>", document.Peers[0].PreSharedKey.Value!.ToString());
        Assert.Equal("s3cr3tvalue", document.Peers[0].PreSharedKey.Value!.Reveal());

        var seil3 = SeilFrontEnd.Parse(SourceText.From("ike peer add P address 10.0.0.2 preshared-key s3cr3t words\ninterface ipsec0 tunnel 10.0.0.1 10.0.0.2\n"));
        var stray = Assert.Single(seil3.Diagnostics, d => d.Id == "SD0002");
        Assert.DoesNotContain("words", stray.Message);
    }
}
