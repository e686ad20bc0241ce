using SeilDiag.Fixes;
using SeilDiag.Model;
using SeilDiag.Text;

namespace SeilDiag.StrongSwan.Tests;

public class EditorTests
{
    private const string Conf = "config setup\n    uniqueids=yes\n\nconn %default\n        authby=secret\n        ike=aes128-sha1-modp1024!\n\nconn seil\n        left=10.0.0.2\n        ike=aes256-sha256-modp1024!   # keep this comment\n        auto=add\n\nconn other\n        right=10.0.0.9\n";

    private static (StrongSwanConfig Config, PeerConfig Peer) Load(string text, string conn = "conn seil")
    {
        var config = StrongSwanFrontEnd.Load(SourceText.From(text, "ipsec.conf"), readFile: _ => null);
        return (config, config.Peers.Single(p => p.Name == conn));
    }

    private static string Apply(string text, IReadOnlyList<Diagnostics.TextEdit> edits)
    {
        var result = FixApplier.Apply(text, edits);
        Assert.Empty(result.Skipped);
        return result.NewText;
    }

    [Fact]
    public void SetReplacesTheValueSpanOnlyWhenTheConnSetsTheKey()
    {
        var (_, peer) = Load(Conf);
        var edited = Apply(Conf, peer.Editor.Set("ike", "aes256-sha256-modp1536!"));
        Assert.Equal(Conf.Replace("ike=aes256-sha256-modp1024!", "ike=aes256-sha256-modp1536!"), edited);
        var (_, reloaded) = Load(edited);
        Assert.Equal(Ike.DhGroup.Modp1536, reloaded.Phase1Proposals.Value.Single().Group);
    }

    [Fact]
    public void SetOfAnInheritedKeyAddsALineToThisConnOnly()
    {
        var (_, other) = Load(Conf, "conn other");
        var edited = Apply(Conf, other.Editor.Set("ike", "aes256-sha256-modp1536!"));
        Assert.Equal(Conf + "        ike=aes256-sha256-modp1536!\n", edited);
        var (config, _) = Load(edited);
        Assert.Equal(Ike.DhGroup.Modp1536, config.Peers.Single(p => p.Name == "conn other").Phase1Proposals.Value.Single().Group);
        // %default and the other conn are untouched.
        Assert.Equal(Ike.DhGroup.Modp1024, config.Peers.Single(p => p.Name == "conn seil").Phase1Proposals.Value.Single().Group);
        Assert.Empty(config.Diagnostics);
    }

    [Fact]
    public void SetOfANewKeyInTheMiddleConnGoesAfterItsLastParameter()
    {
        var (_, peer) = Load(Conf);
        var edited = Apply(Conf, peer.Editor.Set("rightsubnet", "192.168.1.0/24"));
        Assert.Equal(Conf.Replace("        auto=add\n", "        auto=add\n        rightsubnet=192.168.1.0/24\n"), edited);
    }

    [Fact]
    public void SetQuotesValuesWithBlanksAndKeepsCrLf()
    {
        var crlf = Conf.Replace("\n", "\r\n");
        var (_, other) = Load(crlf, "conn other");
        var edited = Apply(crlf, other.Editor.Set("rightid", "C=JP, O=IIJ"));
        Assert.Equal(crlf + "        rightid=\"C=JP, O=IIJ\"\r\n", edited);
        Assert.Equal(Model.IdentityType.DerAsn1Dn, Load(edited, "conn other").Peer.RemoteIdentity.Value!.Type);
    }

    [Fact]
    public void RemoveDeletesTheLineOrResetsWhenInherited()
    {
        var (_, peer) = Load(Conf);
        Assert.Equal(Conf.Replace("        left=10.0.0.2\n", ""), Apply(Conf, peer.Editor.Remove("left")));
        // ike is also set by %default: deleting the line would bring that back, so the value is emptied ("ike=" resets).
        var reset = Apply(Conf, peer.Editor.Remove("ike"));
        Assert.Equal(Conf.Replace("ike=aes256-sha256-modp1024!   #", "ike=   #"), reset);
        Assert.True(Load(reset).Peer.Phase1Proposals.IsDefault);
        var (_, other) = Load(Conf, "conn other");
        Assert.Equal(Conf + "        authby=\n", Apply(Conf, other.Editor.Remove("authby")));
        Assert.Empty(other.Editor.Remove("dpdaction"));
    }

    [Fact]
    public void SetListJoinsWithCommas()
    {
        var (_, peer) = Load(Conf);
        var edited = Apply(Conf, peer.Editor.SetList("leftsubnet", ["192.168.2.0/24", "10.1.0.0/16"]));
        Assert.Equal("192.168.2.0/24,10.1.0.0/16", Load(edited).Config.Conns.Single(c => c.Name == "seil").Value("leftsubnet"));
        Assert.Contains("        leftsubnet=192.168.2.0/24,10.1.0.0/16\n", edited);
        Assert.Equal("conn seil: leftsubnet", peer.Editor.DisplayKey("leftsubnet"));
    }

    [Fact]
    public void AliasSpellingIsEditedWhereWritten()
    {
        const string text = "conn a\n\tkeylife=20m\n\tauto=add\n";
        var (_, peer) = Load(text, "conn a");
        Assert.Equal("conn a\n\tkeylife=1h\n\tauto=add\n", Apply(text, peer.Editor.Set("lifetime", "1h")));
    }
}
