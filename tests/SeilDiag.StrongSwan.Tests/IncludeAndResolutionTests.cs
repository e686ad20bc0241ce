using SeilDiag.Diagnostics;
using SeilDiag.Text;

namespace SeilDiag.StrongSwan.Tests;

public class IncludeAndResolutionTests
{
    private static StrongSwanConfig Load(Dictionary<string, string> files, string root = "/etc/ipsec.conf") =>
        StrongSwanFrontEnd.Load(SourceText.From(files[root], root), null, null, TestInputs.Files(files));

    [Fact]
    public void GlobIncludeRelativeToTheIncludingFileSplicesConnsInSortedOrder()
    {
        var config = Load(new()
        {
            ["/etc/ipsec.conf"] = "conn %default\n\tkeyexchange=ikev1\n\ninclude ipsec.d/*.conf\n",
            ["/etc/ipsec.d/b.conf"] = "conn b\n\tright=10.0.0.3\n\tauto=add\n",
            ["/etc/ipsec.d/a.conf"] = "conn a\n\tright=10.0.0.2\n\tauto=add\n",
            ["/etc/ipsec.d/a.txt"] = "conn not-included\n",
        });
        Assert.Empty(config.Diagnostics);
        Assert.Equal(["a", "b"], config.Conns.Select(c => c.Name));
        Assert.Equal(3, config.Documents.Count);
        var a = config.Conns[0];
        Assert.Equal("/etc/ipsec.d/a.conf", a.Get("right")!.Location.Path);
        Assert.Equal(2, a.Get("right")!.Location.Line);
        Assert.Equal("/etc/ipsec.conf", a.Get("keyexchange")!.Location.Path);
    }

    [Fact]
    public void GlobMatchingNothingIsOnlyInformation()
    {
        var config = Load(new() { ["/etc/ipsec.conf"] = "include /etc/ipsec.d/*.conf\nconn a\n\tauto=add\n" });
        var info = Assert.Single(config.Diagnostics);
        Assert.Equal("SD0004", info.Id);
        Assert.Equal(Severity.Info, info.Severity);
        Assert.Single(config.Peers);
    }

    [Fact]
    public void MissingIncludeTargetIsSD0004OnTheIncludeLine()
    {
        var (text, expected) = Markup.Parse("conn a\n\tauto=add\ninclude {|SD0004:missing.conf|}\n");
        var config = Load(new() { ["/etc/ipsec.conf"] = text });
        Markup.Verify(expected, config.Diagnostics, "SD0004");
        Assert.Equal(Severity.Error, config.Diagnostics.Single().Severity);
    }

    [Fact]
    public void IncludeLoopIsReportedAndNotFollowedForever()
    {
        var config = Load(new()
        {
            ["/etc/ipsec.conf"] = "include one.conf\n",
            ["/etc/one.conf"] = "conn one\n\tauto=add\ninclude two.conf\n",
            ["/etc/two.conf"] = "include one.conf\nconn two\n\tauto=add\n",
        });
        var loop = Assert.Single(config.Diagnostics);
        Assert.Equal("SD0004", loop.Id);
        Assert.Equal("/etc/two.conf", loop.Location!.Path);
        Assert.Contains("loop", loop.Message);
        Assert.Equal(["one", "two"], config.Conns.Select(c => c.Name));
    }

    [Fact]
    public void SelfIncludeIsALoop()
    {
        var config = Load(new() { ["/etc/ipsec.conf"] = "include ipsec.conf\nconn a\n\tauto=add\n" });
        Assert.Equal("SD0004", Assert.Single(config.Diagnostics).Id);
    }

    [Fact]
    public void DefaultAndAlsoResolveWithTheLineEachValueCameFrom()
    {
        const string text = """
            conn %default
                keyexchange=ikev1
                ike=aes128-sha1-modp1024!
                auto=add

            conn common
                authby=secret
                ike=aes256-sha256-modp2048!

            conn site
                also=common
                right=10.0.0.1
                auto=start

            """;
        var config = StrongSwanFrontEnd.Load(SourceText.From(text, "ipsec.conf"), readFile: _ => null);
        Assert.Empty(config.Diagnostics);
        var site = config.Conns.Single(c => c.Name == "site");
        Assert.Equal(("ikev1", 2, "%default"), (site.Value("keyexchange"), site.Get("keyexchange")!.Location.Line, site.Get("keyexchange")!.From.Name));
        Assert.Equal(("aes256-sha256-modp2048!", 8, "common"), (site.Value("ike"), site.Get("ike")!.Location.Line, site.Get("ike")!.From.Name));
        Assert.Equal(("start", 13), (site.Value("auto"), site.Get("auto")!.Location.Line));
        Assert.Equal("secret", site.Value("authby"));
        Assert.Null(site.Value("also"));
        // also= targets are conns of their own too.
        Assert.Equal(["common", "site"], config.Conns.Select(c => c.Name));
    }

    [Fact]
    public void AlsoLoopIsSD0004AndTerminates()
    {
        var (text, expected) = Markup.Parse("conn a\n\talso=b\n\tauto=add\nconn b\n\talso={|SD0004:a|}\n\tleft=10.0.0.1\n");
        var config = StrongSwanFrontEnd.Load(SourceText.From(text), readFile: _ => null);
        // The loop is reported once, at the also= where it closes when resolving the first conn.
        Markup.Verify(expected, config.Diagnostics, "SD0004");
        Assert.Equal("10.0.0.1", config.Conns.Single(c => c.Name == "a").Value("left"));
    }

    [Fact]
    public void AlsoToAnUnknownConnIsSD0003WithTheNearestName()
    {
        var (text, expected) = Markup.Parse("conn common\n\tauthby=secret\nconn a\n\talso={|SD0003:comon|}\n");
        var config = StrongSwanFrontEnd.Load(SourceText.From(text), readFile: _ => null);
        Markup.Verify(expected, config.Diagnostics, "SD0003");
        Assert.Contains("did you mean 'common'", config.Diagnostics.Single().Message);
    }

    [Fact]
    public void EmptyValueResetsAnInheritedKeyToTheDefault()
    {
        var config = StrongSwanFrontEnd.Load(SourceText.From("conn %default\n\tike=aes128-sha1-modp1024!\nconn a\n\tike=\n\tauto=add\n"), readFile: _ => null);
        Assert.Null(config.Conns.Single().Get("ike"));
        Assert.True(config.Peers.Single().Phase1Proposals.IsDefault);
    }
}
