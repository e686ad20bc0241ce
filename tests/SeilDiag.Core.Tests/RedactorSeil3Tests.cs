using SeilDiag.Reporting;

namespace SeilDiag.Tests.Core;

public class RedactorSeil3Tests
{
    [Theory]
    [InlineData("ike preshared-key add \"10.0.0.2\" \"s3cr3t-seil3\"")]
    [InlineData("ike preshared-key add 10.0.0.2 s3cr3t-seil3")]
    [InlineData("ike peer add PEER address 10.0.0.2 preshared-key \"s3cr3t-seil3\" proposals P")]
    [InlineData("interface.ipsec0.preshared-key   : s3cr3t-seil3")]
    public void Seil_psk_lines_of_both_dialects_are_masked_without_knowing_the_key(string line)
    {
        var text = new Redactor([]).Redact(line);
        Assert.DoesNotContain("s3cr3t-seil3", text);
        Assert.Contains(Redactor.Mask, text);
    }
}
