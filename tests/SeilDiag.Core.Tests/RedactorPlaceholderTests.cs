using SeilDiag.Reporting;

namespace SeilDiag.Tests.Core;

/// <summary>Advice that shows where a key goes ("… : PSK ...") keeps its wording; a real key in the same place is still masked.</summary>
public class RedactorPlaceholderTests
{
    [Theory]
    [InlineData("strongSwan ipsec.secrets (\"<local> <peer> : PSK ...\")")]
    [InlineData("ipsec.secrets \"<local> 10.0.0.2 : PSK ...\" (check that ipsec.secrets is loaded)")]
    [InlineData("10.0.0.1 10.0.0.2 : PSK \"...\"")]
    public void The_key_placeholder_of_an_advice_is_left_as_written(string advice) =>
        Assert.Equal(advice, new Redactor([]).Redact(advice));

    [Theory]
    [InlineData("10.0.0.1 10.0.0.2 : PSK ...secret", "...secret")]
    [InlineData("10.0.0.1 10.0.0.2 : PSK \"....\"", "....")]
    [InlineData("10.0.0.1 : PSK s3cr3t\")", "s3cr3t")]
    public void Keys_that_only_start_like_a_placeholder_are_masked(string line, string secret)
    {
        var text = new Redactor([]).Redact(line);
        Assert.DoesNotContain(secret, text);
        Assert.Contains(Redactor.Mask, text);
    }
}
