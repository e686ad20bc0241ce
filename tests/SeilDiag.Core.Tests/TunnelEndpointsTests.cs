using System.Net;
using SeilDiag.Diagnostics;

namespace SeilDiag.Tests.Core;

public class TunnelEndpointsTests
{
    [Fact]
    public void Local_remote_and_initiator_responder_orders_name_the_same_tunnel()
    {
        var fromConfig = TunnelEndpoints.Of("10.0.0.2", "10.0.0.1");
        var fromLog = TunnelEndpoints.Of("10.0.0.1", "10.0.0.2");
        Assert.Equal(fromConfig, fromLog);
        Assert.Equal(fromConfig!.GetHashCode(), fromLog!.GetHashCode());
        Assert.Equal("10.0.0.1 <-> 10.0.0.2", fromLog.ToString());
    }

    [Fact]
    public void Byte_order_not_text_order_decides_which_address_is_first()
    {
        // As text "10.0.0.10" < "10.0.0.9"; as addresses it is the other way round.
        Assert.Equal(IPAddress.Parse("10.0.0.9"), TunnelEndpoints.Of("10.0.0.10", "10.0.0.9")!.First);
    }

    [Theory]
    [InlineData("0.0.0.0", "10.0.0.1")]
    [InlineData("%any", "10.0.0.1")]
    [InlineData("vpn.example.com", "10.0.0.1")]
    [InlineData("10.0.0.1", "10.0.0.1")]
    [InlineData("::", "2001:db8::1")]
    public void Wildcards_names_and_a_single_address_are_no_tunnel(string a, string b) =>
        Assert.Null(TunnelEndpoints.Of(a, b));

    [Fact]
    public void An_ipv4_mapped_address_is_the_ipv4_peer()
    {
        Assert.Equal(TunnelEndpoints.Of("10.0.0.1", "10.0.0.2"), TunnelEndpoints.Of("::ffff:10.0.0.1", "10.0.0.2"));
        Assert.True(TunnelEndpoints.Of("10.0.0.1", "10.0.0.2")!.Involves(IPAddress.Parse("::ffff:10.0.0.2")));
    }

    [Fact]
    public void Findings_without_a_tunnel_are_compatible_with_any_and_different_tunnels_are_not()
    {
        var a = TunnelEndpoints.Of("10.0.0.1", "10.0.0.2");
        var b = TunnelEndpoints.Of("10.0.0.1", "10.0.0.3");
        Assert.True(TunnelEndpoints.Compatible(a, null));
        Assert.True(TunnelEndpoints.Compatible(null, b));
        Assert.True(TunnelEndpoints.Compatible(a, TunnelEndpoints.Of("10.0.0.2", "10.0.0.1")));
        Assert.False(TunnelEndpoints.Compatible(a, b));
    }

    [Fact]
    public void Confidence_levels_are_ordered_and_named()
    {
        Assert.True(ConfidenceLevel.High > ConfidenceLevel.Medium && ConfidenceLevel.Medium > ConfidenceLevel.Low);
        var c = new DiagnosisConfidence(ConfidenceLevel.Medium, new LocalizedText("observed in one log", "ログ1件で観測"));
        Assert.Equal("medium (observed in one log)", c.ToString());
        var d = Diagnostic.Create(Rules.Phase1ProposalMismatch, null).WithConfidence(c).WithTunnel(TunnelEndpoints.Of("10.0.0.1", "10.0.0.2"));
        Assert.Equal(ConfidenceLevel.Medium, d.Confidence!.Level);
        Assert.Equal("10.0.0.1 <-> 10.0.0.2", d.Tunnel!.ToString());
    }
}
