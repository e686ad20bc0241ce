using SeilDiag.Diagnostics;

namespace SeilDiag.Tests.Cli;

public class RulesCommandTests
{
    [Fact]
    public void Lists_every_rule_with_severity_and_page()
    {
        var result = CliRunner.Run("rules");
        Assert.Equal(0, result.ExitCode);
        foreach (var rule in Rules.All)
        {
            Assert.Contains($"{rule.Id}  {rule.DefaultSeverity.ToName()}", result.Out);
        }
    }

    [Fact]
    public void Shows_one_rules_page_in_both_languages()
    {
        var result = CliRunner.Run("rules", "SD1001");
        Assert.Equal(0, result.ExitCode);
        Assert.Contains("# SD1001", result.Out);
        Assert.Contains("modp1536", result.Out);
    }

    [Fact]
    public void Json_listing_is_machine_readable()
    {
        var result = CliRunner.Run("rules", "--format", "json");
        using var doc = System.Text.Json.JsonDocument.Parse(result.Out);
        Assert.Equal(Rules.All.Count, doc.RootElement.GetArrayLength());
        Assert.Equal("SD0001", doc.RootElement[0].GetProperty("id").GetString());
    }

    [Fact]
    public void Unknown_rule_is_a_usage_error()
    {
        var result = CliRunner.Run("rules", "SD9999");
        Assert.Equal(2, result.ExitCode);
        Assert.Contains("no rule 'SD9999'", result.Error);
    }
}
