using SeilDiag.Tests;
using SeilDiag.Text;

namespace SeilDiag.Seil.Tests;

/// <summary>Auto-detection: SEIL configs score high, every other kind of input in the corpus scores low.</summary>
public class DetectionTests
{
    [SkippableFact]
    public void Seed_seil8_configs_score_high()
    {
        foreach (var (line, block) in SeedConfigs.Blocks(SeedConfigs.ArticleText()))
        {
            Assert.True(SeilFrontEnd.Score(SourceText.From(block)) >= 0.9, $"seed block at line {line}");
        }
    }

    [SkippableFact]
    public void Seil3_samples_score_high_and_are_command_syntax()
    {
        foreach (var heading in new[] { "### 2.4", "### 4.1" })
        {
            var text = SourceText.From(ReferenceSamples.CodeBlock(heading));
            Assert.True(SeilFrontEnd.Score(text) >= 0.9, heading);
            Assert.True(SeilFrontEnd.Parse(text).IsCommandSyntax, heading);
        }
    }

    [SkippableTheory]
    [InlineData("01-minimal-ok", "remote.ipsec.conf")]
    [InlineData("01-minimal-ok", "seil.ipsec.conf")]
    [InlineData("01-minimal-ok", "remote-charon.log")]
    [InlineData("01-minimal-ok", "seil-charon-keys.log")]
    [InlineData("01-minimal-ok", "esp_sa")]
    [InlineData("01-minimal-ok", "ikev1_decryption_table")]
    [InlineData("01-minimal-ok", "tshark-decrypted.txt")]
    [InlineData("01-minimal-ok", "README.md")]
    [InlineData("06-aggressive-psk-refused", "remote.ipsec.conf")]
    [InlineData("08-psk-mismatch", "remote-charon.log")]
    public void Other_inputs_of_the_lab_corpus_score_low(string scenario, string file)
    {
        var path = SharedFiles.Require("corpus", "lab", scenario, file);
        var score = SeilFrontEnd.Score(InputReader.ReadFile(path));
        Assert.True(score < 0.3, $"{scenario}/{file} scored {score}");
    }

    [SkippableFact]
    public void The_seed_article_as_a_whole_scores_low() =>
        Assert.True(SeilFrontEnd.Score(SourceText.From(SeedConfigs.ArticleText())) < 0.3);

    [Fact]
    public void Strongswan_conf_and_secrets_and_a_seil_log_score_low()
    {
        Assert.True(SeilFrontEnd.Score(SourceText.From("charon {\n    load_modular = yes\n    i_dont_care_about_security_and_use_aggressive_mode_psk = yes\n}\ninclude strongswan.d/*.conf\n")) < 0.3);
        Assert.True(SeilFrontEnd.Score(SourceText.From("10.0.0.1 10.0.0.2 : PSK \"xeeB5gohvaYi\"\n: PSK \"other\"\n")) < 0.3);
        Assert.True(SeilFrontEnd.Score(SourceText.From("460 Dec 17 13:46:58     info    ike racoon[-]: mismatched ID was returned.\n")) < 0.3);
    }
}
