using SeilDiag.Model;
using SeilDiag.StrongSwan.Secrets;
using SeilDiag.Text;

namespace SeilDiag.StrongSwan.Tests;

public class SecretsTests
{
    private static SecretsDocument Parse(string text) =>
        SecretsParser.Read(SourceText.From(text, "/etc/ipsec.secrets"), TestInputs.Files(new() { ["/etc/ipsec.secrets"] = text }));

    private static IkeIdentity Id(string text) => Conns.IdentityParser.Parse(text);

    [SkippableFact]
    public void SeedArticleSecretIsSelectedForTheSeedConn()
    {
        var secrets = TestInputs.SeedBlocks("ipsec.secrets");
        var secretsText = Assert.Single(secrets);
        var conf = TestInputs.SeedBlocks("ipsec.conf")[0];
        var config = StrongSwanFrontEnd.Load(SourceText.From(conf, "ipsec.conf"), SourceText.From(secretsText, "ipsec.secrets"), readFile: _ => null);
        Assert.Empty(config.Diagnostics);
        var peer = Assert.Single(config.Peers);
        Assert.True(peer.PreSharedKeyKnown);
        Assert.NotNull(peer.PreSharedKey.Value);
        // The SEIL side of the article has "interface.ipsec0.preshared-key : xeeB5gohvaYi".
        Assert.True(peer.PreSharedKey.Value!.SameAs(new Secret("xeeB5gohvaYi")));
        Assert.Equal(("ipsec.secrets", 3), (peer.PreSharedKey.Where!.Path, peer.PreSharedKey.Where.Line));
    }

    [Fact]
    public void ValueFormsDecode()
    {
        var document = Parse("""
            10.0.0.1 : PSK "double quoted # not a comment"
            10.0.0.2 : PSK 'single quoted'
            10.0.0.3 : PSK bare # comment
            10.0.0.4 : PSK 0x736563726574
            10.0.0.5 : PSK 0sc2VjcmV0
            : RSA moonKey.pem "pass phrase"
            carol@strongswan.org : XAUTH "x-pass"
            %any : PIN %smartcard:1 123456
            """);
        Assert.Empty(document.Diagnostics);
        Assert.Equal(8, document.Entries.Count);
        string[] expected = ["double quoted # not a comment", "single quoted", "bare", "secret", "secret"];
        for (var i = 0; i < expected.Length; i++)
        {
            Assert.True(document.Entries[i].Secret!.SameAs(new Secret(expected[i])), $"entry {i + 1}");
        }
        Assert.Equal("RSA", document.Entries[5].Type);
        Assert.Null(document.Entries[5].Secret);
        Assert.Empty(document.Entries[5].Selectors);
        Assert.Equal(IdentityType.UserFqdn, document.Entries[6].Selectors[0].Identity.Type);
        Assert.Equal("PIN", document.Entries[7].Type);
    }

    [Fact]
    public void SelectionPrefersBothIdsOverOneOverAny()
    {
        var document = Parse("""
            : PSK "selectorless"
            %any : PSK "any"
            10.0.0.1 : PSK "remote only"
            10.0.0.2 10.0.0.1 : PSK "both"
            @seil.example.jp : PSK "fqdn"
            """);
        string Pick(string me, string other) => Which(document.FindSharedKey(Id(me), Id(other)));
        string Which(SecretEntry? entry) => entry is null ? "none" : entry.Line.ToString();

        Assert.Equal("4", Pick("10.0.0.2", "10.0.0.1"));   // both ids: perfect/perfect wins even though line 3 comes first
        Assert.Equal("3", Pick("10.0.0.9", "10.0.0.1"));   // remote perfect beats any/any; first of equals (3 before 4)
        Assert.Equal("1", Pick("10.0.0.9", "10.0.0.8"));   // only %any entries match: the first one read wins
        Assert.Equal("5", Pick("10.0.0.2", "@seil.example.jp"));
    }

    [Fact]
    public void SelectionWithoutAnyWildcardEntryFindsNothingForAStranger()
    {
        var document = Parse("10.0.0.1 : PSK \"a\"\n10.0.0.3 : PSK \"b\"\n");
        Assert.Null(document.FindSharedKey(Id("10.0.0.2"), Id("10.0.0.9")));
        Assert.Equal(1, document.FindSharedKey(Id("10.0.0.2"), Id("10.0.0.1"))!.Line);
        // The local id alone is enough to match (charon skips only entries where neither id matches).
        Assert.Equal(2, document.FindSharedKey(Id("10.0.0.3"), Id("10.0.0.9"))!.Line);
    }

    [Fact]
    public void PeerUsesAddressesWhenIdsAreNotSetAndRightidWhenSet()
    {
        var secrets = SourceText.From("10.0.0.1 : PSK \"by-address\"\n@seil : PSK \"by-fqdn\"\n", "ipsec.secrets");
        var conf = SourceText.From("conn a\n\tleft=10.0.0.2\n\tright=10.0.0.1\n\tauthby=secret\n\tauto=add\nconn b\n\tleft=10.0.0.2\n\tright=10.0.0.1\n\trightid=@seil\n\tauthby=secret\n\tauto=add\n", "ipsec.conf");
        var config = StrongSwanFrontEnd.Load(conf, secrets, readFile: _ => null);
        Assert.True(config.Peers[0].PreSharedKey.Value!.SameAs(new Secret("by-address")));
        Assert.True(config.Peers[1].PreSharedKey.Value!.SameAs(new Secret("by-fqdn")));
    }

    [Fact]
    public void WithoutSecretsFileThePskIsUnknownNotMissing()
    {
        var peer = StrongSwanFrontEnd.Load(SourceText.From("conn a\n\tright=10.0.0.1\n\tauthby=secret\n"), readFile: _ => null).Peers.Single();
        Assert.False(peer.PreSharedKeyKnown);
        Assert.Null(peer.PreSharedKey.Value);
    }

    [Fact]
    public void SecretsIncludeLoopAndMissingFileAreReported()
    {
        var files = new Dictionary<string, string>
        {
            ["/etc/ipsec.secrets"] = "include ipsec.d/*.secrets\ninclude gone.secrets\n",
            ["/etc/ipsec.d/a.secrets"] = "10.0.0.1 : PSK \"a\"\ninclude ../ipsec.secrets\n",
        };
        var document = SecretsParser.Read(SourceText.From(files["/etc/ipsec.secrets"], "/etc/ipsec.secrets"), TestInputs.Files(files));
        Assert.Single(document.Entries);
        Assert.Equal(2, document.Diagnostics.Count(d => d.Id == "SD0004"));
    }

    [Fact]
    public void SecretsNeverAppearInDiagnosticsOrToString()
    {
        const string secret = "TopSecret123";
        var document = Parse($"10.0.0.1 : PSK 0x{secret}\n10.0.0.2 : PKS \"{secret}\"\nnonsense {secret}\n10.0.0.3 : PSK \"{secret}\"\n");
        Assert.Equal(3, document.Diagnostics.Count);
        Assert.All(document.Diagnostics, d => Assert.DoesNotContain(secret, d.Message + string.Join("", d.Evidence.Select(e => e.Text))));
        Assert.Equal("SD0003", document.Diagnostics[0].Id);   // 0x with non-hex digits
        Assert.Equal("SD0002", document.Diagnostics[1].Id);   // PKS: did you mean PSK?
        Assert.Contains("PSK", document.Diagnostics[1].Message);
        Assert.Equal("SD0001", document.Diagnostics[2].Id);
        Assert.DoesNotContain(secret, document.Entries.Last().ToString());
        Assert.DoesNotContain(secret, document.Entries.Last().Secret!.ToString());
    }

    [Fact]
    public void Ipv6SelectorsKeepTheirColons()
    {
        var document = Parse("fec0::1 fec0::2 : PSK \"v6\"\n");
        var entry = Assert.Single(document.Entries);
        Assert.Equal(["fec0::1", "fec0::2"], entry.Selectors.Select(s => s.Text));
        Assert.Equal(IdentityType.Ipv6Address, entry.Selectors[0].Identity.Type);
    }
}

public class SecretIndexTests
{
    [Fact]
    public void IndexedLookupSelectsExactlyWhatTheFullScanSelects()
    {
        const string text = """
            : PSK "selectorless"
            10.0.0.1 : PSK "a"
            @Seil.Example.JP 10.0.0.2 : PSK "b"
            *.example.jp : PSK "wild"
            10.0.0.2 10.0.0.1 : PSK "both"
            carol@example.jp : XAUTH "x"
            %any 10.0.0.3 : PSK "any3"
            010.0.0.4 : PSK "leading zero"
            """;
        var document = SecretsParser.Read(SourceText.From(text, "s"), TestInputs.Files(new() { ["s"] = text }));
        string[] ids = ["10.0.0.1", "10.0.0.2", "10.0.0.3", "10.0.0.4", "10.0.0.9", "@seil.example.jp", "@other.example.jp", "@x.org", "carol@example.jp", "%any"];
        foreach (var me in ids)
        {
            foreach (var other in ids)
            {
                foreach (var type in new[] { "PSK", "XAUTH" })
                {
                    var a = Conns.IdentityParser.Parse(me);
                    var b = Conns.IdentityParser.Parse(other);
                    Assert.Same(SecretSelection.Select(document.Entries, a, b, type), document.FindSharedKey(a, b, type));
                }
            }
        }
        Assert.Equal(3, document.FindSharedKey(Conns.IdentityParser.Parse("%any"), Conns.IdentityParser.Parse("@SEIL.example.jp"))!.Line);
    }
}
