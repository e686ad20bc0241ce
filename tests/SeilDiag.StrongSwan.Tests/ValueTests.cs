using System.Net;
using SeilDiag.Model;
using SeilDiag.StrongSwan.Conns;
using SeilDiag.Text;

namespace SeilDiag.StrongSwan.Tests;

public class ValueTests
{
    [Theory]
    [InlineData("28800", 28800)]
    [InlineData("28800s", 28800)]
    [InlineData("60m", 3600)]
    [InlineData("1h", 3600)]
    [InlineData("3d", 259200)]
    [InlineData("0", 0)]
    public void TimesWithAndWithoutUnits(string text, int seconds)
    {
        Assert.True(TimeValue.TryParse(text, out var value));
        Assert.Equal(TimeSpan.FromSeconds(seconds), value);
    }

    [Theory]
    [InlineData("")]
    [InlineData("h")]
    [InlineData("-1")]
    [InlineData("1.5h")]
    [InlineData("1w")]
    [InlineData("99999999999999999999")]
    public void BadTimes(string text) => Assert.False(TimeValue.TryParse(text, out _));

    [Theory]
    [InlineData("%any", IdentityType.Any, "%any")]
    [InlineData("@seil.example.jp", IdentityType.Fqdn, "seil.example.jp")]
    [InlineData("@#0a0b", IdentityType.KeyId, "0a0b")]
    [InlineData("10.0.0.1", IdentityType.Ipv4Address, "10.0.0.1")]
    [InlineData("fec0::1", IdentityType.Ipv6Address, "fec0::1")]
    [InlineData("user@example.jp", IdentityType.UserFqdn, "user@example.jp")]
    [InlineData("C=JP, O=IIJ, CN=seil", IdentityType.DerAsn1Dn, "C=JP, O=IIJ, CN=seil")]
    [InlineData("vpn.example.jp", IdentityType.Fqdn, "vpn.example.jp")]
    [InlineData("fqdn:10.0.0.1", IdentityType.Fqdn, "10.0.0.1")]
    [InlineData("keyid:#0102", IdentityType.KeyId, "0102")]
    public void Identities(string text, IdentityType type, string value) =>
        Assert.Equal(new IkeIdentity(type, value), IdentityParser.Parse(text));

    [Fact]
    public void ProxyIdsDefaultToTheHostAddressesAndCrossTheSubnetLists()
    {
        var config = StrongSwanFrontEnd.Load(SourceText.From(
            "conn hosts\n\tleft=10.0.0.2\n\tright=10.0.0.1\nconn lists\n\tleft=10.0.0.2\n\tleftsubnet=192.168.2.0/24, 192.168.3.1/24\n\tright=10.0.0.1\n\trightsubnet=192.168.1.0/24\n"), readFile: _ => null);
        var hosts = Assert.Single(config.Peers[0].ProxyIds.Value);
        Assert.Equal((IPNetwork.Parse("10.0.0.2/32"), IPNetwork.Parse("10.0.0.1/32")), (hosts.Local, hosts.Remote));
        Assert.True(config.Peers[0].ProxyIds.IsDefault);
        // host bits are masked as strongSwan does (192.168.3.1/24 is 192.168.3.0/24)
        Assert.Equal(["192.168.2.0/24 === 192.168.1.0/24", "192.168.3.0/24 === 192.168.1.0/24"], config.Peers[1].ProxyIds.Value.Select(p => p.ToString()));
        Assert.Equal(6, config.Peers[1].ProxyIds.Where!.Line);
    }
}
