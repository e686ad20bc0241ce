using SeilDiag.Fixes;
using SeilDiag.Text;

namespace SeilDiag.StrongSwan.Tests;

public class DiagnosticTests
{
    private static StrongSwanConfig Load(string text) => StrongSwanFrontEnd.Load(SourceText.From(text, "ipsec.conf"), readFile: _ => null);

    private static void Verify(string markup, params string[] ids)
    {
        var (text, expected) = Markup.Parse(markup);
        Markup.Verify(expected, Load(text).Diagnostics, ids);
    }

    [Fact]
    public void SD0001_NonIndentedParameterAndIndentedSection()
    {
        Verify("conn a\n{|SD0001:leftsubnet=10.0.0.0/24|}\n  {|SD0001:conn b|}\n\tauto=add\n", "SD0001");
    }

    [Fact]
    public void SD0001_ParameterOutsideAnySection()
    {
        Verify("# header\n\t{|SD0001:left|}=10.0.0.1\nconn a\n\tauto=add\n", "SD0001");
    }

    [Fact]
    public void SD0001_NotReportedForWellFormedFile() =>
        Verify("config setup\n\tuniqueids = yes\n\n# c\nconn a # trailing\n  left = 10.0.0.1\n\tright=\"10.0.0.2\"\n\tauto=add\n", "SD0001");

    [Fact]
    public void SD0002_UnknownKeyWithNearestNameAndRenameFix()
    {
        var (text, expected) = Markup.Parse("conn a\n\t{|SD0002:leftsubent|}=192.168.1.0/24\n\trightsubnet=192.168.2.0/24\n");
        var config = Load(text);
        Markup.Verify(expected, config.Diagnostics, "SD0002");
        var diagnostic = config.Diagnostics.Single(d => d.Id == "SD0002");
        Assert.Contains("did you mean 'leftsubnet'", diagnostic.Message);
        var fixedText = FixApplier.Apply(text, diagnostic.Fixes[0].Edits).NewText;
        Assert.Equal(text.Replace("leftsubent", "leftsubnet"), fixedText);
        Assert.DoesNotContain(Load(fixedText).Diagnostics, d => d.Id == "SD0002");
    }

    [Fact]
    public void SD0002_KnownKeysAreNotReported() =>
        Verify("conn a\n\tleftsubnet=10.0.0.0/8\n\tkeylife=1h\n\tmargintime=9m\n\tdpdaction=restart\n\tleftauth=psk\n", "SD0002");

    [Fact]
    public void SD0003_BadValues()
    {
        Verify("""
            conn a
                leftsubnet=192.168.1.0/24,{|SD0003:192.168.300.0/24|}
                rightsubnet={|SD0003:10.0.0.0/33|}
                auto={|SD0003:star|}
                keyexchange={|SD0003:ikev3|}
                ike=aes256-{|SD0003:sha265|}-modp1536!
                esp=aes256-sha256-{|SD0003:modp1563|}!
                ikelifetime={|SD0003:8 hours|}
                left={|SD0003:10.0.0.256|}

            """, "SD0003");
    }

    [Fact]
    public void SD0003_GoodValuesAreNotReported()
    {
        Verify("""
            conn a
                left=%defaultroute
                right=vpn.example.jp
                leftsubnet=192.168.1.0/24,10.0.0.1
                rightsubnet=0.0.0.0/0[udp/500]
                auto=route
                keyexchange=ike
                ike=aes128gcm16-prfsha256-ecp256,aes256-sha1-modp2048!
                esp=aes128-aes256-sha1-sha256-modp2048!
                ikelifetime=28800
                lifetime=60m
                rekeymargin=3d
                dpddelay=30s
                authby=xauthpsk

            """, "SD0003");
    }

    [Fact]
    public void SD0003_SuggestsTheNearestAlgorithmAndFixesIt()
    {
        var (text, _) = Markup.Parse("conn a\n\tike=aes256-sha265-modp1536!\n");
        var diagnostic = Load(text).Diagnostics.Single();
        Assert.Equal("SD0003", diagnostic.Id);
        Assert.Contains("did you mean 'sha256'", diagnostic.Message);
        Assert.Equal("conn a\n\tike=aes256-sha256-modp1536!\n", FixApplier.Apply(text, diagnostic.Fixes[0].Edits).NewText);
    }

    [Fact]
    public void SD4003_IkeAndEspWithoutBangFixAppendsIt()
    {
        var (text, expected) = Markup.Parse("conn a\n\tike={|SD4003:aes256-sha256-modp1536|}\n\tesp=\"{|SD4003:aes256-sha256|}\"  # quoted\n");
        var config = Load(text);
        Markup.Verify(expected, config.Diagnostics, "SD4003");
        var edits = config.Diagnostics.Where(d => d.Id == "SD4003").SelectMany(d => d.Fixes[0].Edits);
        var fixedText = FixApplier.Apply(text, edits).NewText;
        Assert.Equal("conn a\n\tike=aes256-sha256-modp1536!\n\tesp=\"aes256-sha256!\"  # quoted\n", fixedText);
        Assert.Empty(Load(fixedText).Diagnostics);
    }

    [Fact]
    public void SD4003_NotReportedWhenStrictOrAbsentOrInvalid() =>
        Verify("conn %default\n\tike=aes256-sha256-modp1536!\nconn a\n\tesp=aes256-sha256!\nconn b\n\tike=aes256-{|SD0003:foo|}-modp1536\n", "SD4003", "SD0003");

    [Fact]
    public void SD4003_ReportedOnceWhereWrittenEvenWhenInheritedByManyConns()
    {
        var config = Load("conn %default\n\tike=aes256-sha256-modp1536\nconn a\n\tauto=add\nconn b\n\tauto=add\n");
        var diagnostic = Assert.Single(config.Diagnostics);
        Assert.Equal(("SD4003", 2), (diagnostic.Id, diagnostic.Location!.Line));
    }

    [Fact]
    public void SD0008_DuplicateKeyInOneConn()
    {
        Verify("conn a\n\tauto=add\n\t{|SD0008:auto|}=start\n", "SD0008");
        var config = Load("conn a\n\tauto=add\n\tauto=start\n");
        Assert.Equal("start", config.Conns.Single().Value("auto"));
    }
}

public class DeprecatedAndSetupKeyTests
{
    [Fact]
    public void PfsGroupIsDeprecatedAndPointsToEsp()
    {
        var (text, expected) = Markup.Parse("config setup\n\t{|SD0006:plutodebug|}=all\n\t{|SD0002:uniqeids|}=yes\n\tcharondebug=\"ike 2\"\nconn a\n\t{|SD0006:pfsgroup|}=modp1536\n\tesp=aes256-sha256!\n");
        var config = StrongSwanFrontEnd.Load(Text.SourceText.From(text), readFile: _ => null);
        Markup.Verify(expected, config.Diagnostics, "SD0006", "SD0002");
        Assert.Contains("esp=", config.Diagnostics.Single(d => d.Message.Contains("pfsgroup")).Message);
        Assert.Contains("did you mean 'uniqueids'", config.Diagnostics.Single(d => d.Id == "SD0002").Message);
        // pfsgroup= is ignored: no PFS.
        Assert.All(config.Peers.Single().Phase2Proposals.Value, p => Assert.Equal(Ike.DhGroup.None, p.Pfs));
    }
}

public class LocalizationTests
{
    [Fact]
    public void MessagesHaveJapanesePhrasesNotEnglishOnes()
    {
        var text = "leftsubnet=1\nconn a\n\tleftsubent=10.0.0.0/8\n\tauto=star\n\tike=aes256-sha265-modp1536\ninclude nothere.conf\n";
        var config = StrongSwanFrontEnd.Load(Text.SourceText.From(text, "/etc/ipsec.conf"), readFile: _ => null);
        Assert.Equal(["SD0001", "SD0002", "SD0003", "SD0003", "SD0004"], config.Diagnostics.Select(d => d.Id).Order());
        foreach (var diagnostic in config.Diagnostics)
        {
            var ja = diagnostic.GetMessage("ja");
            Assert.NotEqual(diagnostic.Message, ja);
            Assert.DoesNotContain("did you mean", ja);
            Assert.DoesNotContain("expected", ja);
            Assert.DoesNotContain("does not exist", ja);
        }
    }
}
