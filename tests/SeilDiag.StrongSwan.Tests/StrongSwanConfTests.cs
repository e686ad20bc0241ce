using SeilDiag.StrongSwan.Settings;
using SeilDiag.Text;

namespace SeilDiag.StrongSwan.Tests;

public class StrongSwanConfTests
{
    internal static StrongSwanConfDocument Parse(string text, Dictionary<string, string>? files = null)
    {
        files ??= [];
        files["/etc/strongswan.conf"] = text;
        return StrongSwanConfParser.Read(SourceText.From(text, "/etc/strongswan.conf"), TestInputs.Files(files));
    }

    [SkippableFact]
    public void SeedArticleOneLinerEnablesAggressivePsk()
    {
        // The article writes: /etc/strongswan.conf に charon { i_dont_care_about_security_and_use_aggressive_mode_psk = yes }
        var seed = File.ReadAllText(TestInputs.SeedPath());
        var start = seed.IndexOf("charon { i_dont_care", StringComparison.Ordinal);
        Skip.If(start < 0, "the article's strongswan.conf snippet was not found");
        var snippet = seed[start..(seed.IndexOf('}', start) + 1)];
        var document = Parse(snippet + "\n");
        Assert.Empty(document.Diagnostics);
        var allowed = document.AggressivePskAllowed;
        Assert.True(allowed.Value);
        Assert.False(allowed.IsDefault);
        Assert.Equal("yes", snippet.Substring(allowed.Where!.Column - 1, 3));
    }

    [Fact]
    public void NestedSectionsIncludesAndDefaults()
    {
        var document = Parse("""
            # strongswan.conf
            charon {
                load_modular = yes
                retransmit_tries = 3   # fewer
                plugins {
                    include strongswan.d/charon/*.conf
                }
                filelog {
                    charon {
                        path = "/var/log/charon.log"
                        default = 2
                    }
                }
            }
            include strongswan.d/*.conf
            """, new()
        {
            ["/etc/strongswan.d/charon/openssl.conf"] = "openssl {\n    load = yes\n}\n",
            ["/etc/strongswan.d/charon.conf"] = "charon {\n    i_dont_care_about_security_and_use_aggressive_mode_psk = no\n}\n",
        });
        Assert.Empty(document.Diagnostics);
        Assert.Equal(3, document.Documents.Count);
        Assert.Equal(3, document.RetransmitTries.Value);
        Assert.True(document.RetransmitTimeout.IsDefault);
        Assert.Equal(4.0, document.RetransmitTimeout.Value);
        Assert.Equal("yes", document.Find("charon.plugins.openssl.load")!.Value);
        Assert.Equal("/var/log/charon.log", document.Find("charon.filelog.charon.path")!.Value);
        Assert.False(document.AggressivePskAllowed.Value);
        Assert.False(document.AggressivePskAllowed.IsDefault);
    }

    [Fact]
    public void AggressivePskDefaultsToNo()
    {
        var document = Parse("charon {\n  threads = 16\n}\n");
        Assert.False(document.AggressivePskAllowed.Value);
        Assert.True(document.AggressivePskAllowed.IsDefault);
    }

    [Fact]
    public void SyntaxErrorsAreReportedAndLaterSettingsKept()
    {
        var document = Parse("charon {\n  what is this\n  } extra }\n  retransmit_tries = 2\n}\nlibstrongswan {\n");
        Assert.True(document.Diagnostics.Count >= 2);
        Assert.All(document.Diagnostics, d => Assert.Equal("SD0001", d.Id));
        Assert.Contains(document.Diagnostics, d => d.Location!.Line == 2);
        Assert.Contains(document.Diagnostics, d => d.Message.Contains("not closed"));
    }

    [Fact]
    public void IncludeLoopIsReported()
    {
        var document = Parse("include strongswan.conf\ncharon {\n}\n");
        Assert.Equal("SD0004", Assert.Single(document.Diagnostics).Id);
    }

    [SkippableFact]
    public void AggressivePskAllowedReachesThePeer()
    {
        var conf = TestInputs.Read(Path.Combine(TestInputs.LabRoot(), "07-aggressive-forced", "remote.ipsec.conf"));
        var without = StrongSwanFrontEnd.Load(conf, readFile: _ => null).Peers.Single();
        Assert.Null(without.AggressivePskAllowed);
        var settings = SourceText.From("charon {\n\ti_dont_care_about_security_and_use_aggressive_mode_psk = yes\n}\n", "strongswan.conf");
        var with = StrongSwanFrontEnd.Load(conf, null, settings, readFile: _ => null).Peers.Single();
        Assert.True(with.AggressivePskAllowed!.Value.Value);
        Assert.Equal(2, with.AggressivePskAllowed.Value.Where!.Line);
    }
}
