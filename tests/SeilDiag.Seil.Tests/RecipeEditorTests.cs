using SeilDiag.Diagnostics;
using SeilDiag.Fixes;
using SeilDiag.Ike;
using SeilDiag.Text;

namespace SeilDiag.Seil.Tests;

/// <summary>The seil8 editor: edits change exactly what they should, re-parse to the new value, and keep every other byte.</summary>
public class RecipeEditorTests
{
    private static (SeilConfigDocument Before, string NewText, SeilConfigDocument After) Apply(string text, Func<Model.IConfigEditor, IReadOnlyList<TextEdit>> edit)
    {
        var before = SeilFrontEnd.Parse(SourceText.From(text, "seil.conf"));
        var edits = edit(before.Peers[0].Editor);
        Assert.NotEmpty(edits);
        var result = FixApplier.Apply(text, edits);
        Assert.Empty(result.Skipped);
        return (before, result.NewText, SeilFrontEnd.Parse(SourceText.From(result.NewText, "seil.conf")));
    }

    private static List<string> Lines(string text) => [.. text.Split('\n')];

    [SkippableFact]
    public void Set_replaces_only_the_value_of_an_existing_key()
    {
        var block = SeedConfigs.Block(292);
        var (before, newText, after) = Apply(block, e => e.Set("ike.proposal.phase1.dh-group", "modp1536"));
        Assert.Equal(block.Replace("phase1.dh-group               : modp1024", "phase1.dh-group               : modp1536"), newText);
        Assert.Equal(DhGroup.Modp1536, after.Peers[0].Phase1Proposals.Value[0].Group);
        Assert.Equal(before.Diagnostics.Select(d => d.Id), after.Diagnostics.Select(d => d.Id));
    }

    [SkippableFact]
    public void Set_inserts_a_missing_key_after_the_interface_with_the_colon_in_the_files_column()
    {
        var block = SeedConfigs.Block(163);
        var (before, newText, after) = Apply(block, e => e.Set("ike.proposal.phase1.dh-group", "modp1536"));
        var oldLines = Lines(block);
        var newLines = Lines(newText);
        Assert.Equal(oldLines.Count + 1, newLines.Count);
        Assert.Equal(oldLines, newLines.Where((_, i) => i != 9));
        Assert.Equal("interface.ipsec0.ike.proposal.phase1.dh-group             : modp1536", newLines[9]);
        Assert.Equal(newLines[8].IndexOf(" : ", StringComparison.Ordinal), newLines[9].IndexOf(" : ", StringComparison.Ordinal));
        Assert.False(after.Peers[0].Phase1Proposals.IsDefault);
        Assert.Equal(10, after.Peers[0].Phase1Proposals.Where!.Line);
        Assert.Equal(before.Diagnostics.Select(d => d.Id), after.Diagnostics.Select(d => d.Id));
    }

    [Fact]
    public void Set_inserts_with_the_files_crlf_and_canonical_spacing()
    {
        var text = "interface.ipsec0.ipv4.source: 10.0.0.1\r\ninterface.ipsec0.ipv4.destination: 10.0.0.2\r\nhostname: seil\r\n";
        var (_, newText, after) = Apply(text, e => e.Set("ike.exchange-mode", "aggressive"));
        Assert.Equal("interface.ipsec0.ipv4.source: 10.0.0.1\r\ninterface.ipsec0.ipv4.destination: 10.0.0.2\r\ninterface.ipsec0.ike.exchange-mode: aggressive\r\nhostname: seil\r\n", newText);
        Assert.Equal(ExchangeMode.Aggressive, after.Peers[0].ExchangeMode.Value);
    }

    [Fact]
    public void Set_quotes_values_that_need_it_and_handles_a_file_without_final_newline()
    {
        var text = "interface.ipsec0.ipv4.destination: 10.0.0.2";
        var (_, newText, after) = Apply(text, e => e.Set("preshared-key", "two \"words\""));
        Assert.Equal("interface.ipsec0.ipv4.destination: 10.0.0.2\ninterface.ipsec0.preshared-key: \"two \\\"words\\\"\"", newText);
        Assert.Empty(after.Diagnostics);
        Assert.Equal("two \"words\"", after.Peers[0].PreSharedKey.Value!.Reveal());
    }

    [Fact]
    public void Set_finds_a_key_by_its_older_spelling()
    {
        var text = "interface.ipsec0.ipv4.destination: 10.0.0.2\ninterface.ipsec0.responder-only: enable\n";
        var (_, newText, after) = Apply(text, e => e.Set("ike.responder-only", "disable"));
        Assert.Equal("interface.ipsec0.ipv4.destination: 10.0.0.2\ninterface.ipsec0.responder-only: disable\n", newText);
        Assert.Equal(Model.Initiation.Start, after.Peers[0].Initiation.Value);
        Assert.False(after.Peers[0].Initiation.IsDefault); // set explicitly
        Assert.Equal(2, after.Peers[0].Initiation.Where!.Line);
    }

    [SkippableFact]
    public void Remove_deletes_the_line_and_the_default_comes_back()
    {
        var block = SeedConfigs.Block(292);
        var (_, newText, after) = Apply(block, e => e.Remove("ike.proposal.phase1.lifetime"));
        Assert.Equal(string.Concat(Lines(block).Where(l => !l.Contains("phase1.lifetime")).Select((l, i) => i == 0 ? l : "\n" + l)), newText);
        Assert.True(after.Peers[0].Phase1Lifetime.IsDefault);
        Assert.Empty(SeilFrontEnd.Parse(SourceText.From(block)).Peers[0].Editor.Remove("ike.exchange-mode"));
    }

    [SkippableFact]
    public void SetList_rewrites_an_indexed_list_in_place()
    {
        var block = SeedConfigs.Block(602);
        var (_, newText, after) = Apply(block, e => e.SetList("ike.proposal.phase2.authentication", ["hmac-sha256"]));
        Assert.Equal(block.Replace("authentication.0.algorithm : hmac-md5", "authentication.0.algorithm : hmac-sha256"), newText);
        Assert.Equal("ESP:AES_CBC_256/HMAC_SHA2_256_128/NO_EXT_SEQ", Assert.Single(after.Peers[0].Phase2Proposals.Value).ToLogString());
    }

    [SkippableFact]
    public void SetList_adds_entries_with_the_next_index_and_removes_surplus_ones()
    {
        var block = SeedConfigs.Block(602);
        var (_, grown, after) = Apply(block, e => e.SetList("ike.proposal.phase2.authentication", ["hmac-sha256", "hmac-sha1"]));
        Assert.Contains("interface.ipsec0.ike.proposal.phase2.authentication.0.algorithm : hmac-sha256\ninterface.ipsec0.ike.proposal.phase2.authentication.1.algorithm : hmac-sha1\n", grown);
        Assert.Equal(2, after.Peers[0].Phase2Proposals.Value.Count);

        var shrunk = FixApplier.Apply(grown, after.Peers[0].Editor.SetList("ike.proposal.phase2.authentication", ["hmac-sha1"])).NewText;
        Assert.Equal(block.Replace("hmac-md5", "hmac-sha1"), shrunk);
    }

    [Fact]
    public void SetList_follows_hundred_step_numbering_and_inserts_a_missing_list()
    {
        var text = "interface.ipsec0.ipv4.destination: 10.0.0.2\ninterface.ipsec0.ike.proposal.phase1.encryption.100.algorithm: aes128\n";
        var (_, newText, after) = Apply(text, e => e.SetList("ike.proposal.phase1.encryption", ["aes256", "aes128"]));
        Assert.Equal("interface.ipsec0.ipv4.destination: 10.0.0.2\ninterface.ipsec0.ike.proposal.phase1.encryption.100.algorithm: aes256\ninterface.ipsec0.ike.proposal.phase1.encryption.200.algorithm: aes128\n", newText);
        Assert.Equal(4, after.Peers[0].Phase1Proposals.Value.Count);

        var (_, withHash, _) = Apply(text, e => e.SetList("ike.proposal.phase1.hash", ["sha256"]));
        Assert.EndsWith("interface.ipsec0.ike.proposal.phase1.hash.100.algorithm: sha256\n", withHash);
    }

    [Fact]
    public void SetList_grows_a_list_that_ends_the_file_without_a_line_break()
    {
        var text = "interface.ipsec0.ipv4.destination: 10.0.0.2\ninterface.ipsec0.ike.proposal.phase2.authentication.0.algorithm: hmac-md5";
        var (_, newText, after) = Apply(text, e => e.SetList("ike.proposal.phase2.authentication", ["hmac-sha256", "hmac-sha1"]));
        Assert.Equal("interface.ipsec0.ipv4.destination: 10.0.0.2\ninterface.ipsec0.ike.proposal.phase2.authentication.0.algorithm: hmac-sha256\ninterface.ipsec0.ike.proposal.phase2.authentication.1.algorithm: hmac-sha1", newText);
        Assert.Equal(6, after.Peers[0].Phase2Proposals.Value.Count);
    }

    [Fact]
    public void DisplayKey_is_the_full_key()
    {
        var document = SeilFrontEnd.Parse(SourceText.From("interface.ipsec3.ipv4.destination: 10.0.0.2\n"));
        Assert.Equal("interface.ipsec3.ike.proposal.phase1.dh-group", document.Peers[0].Editor.DisplayKey("ike.proposal.phase1.dh-group"));
    }

    [Fact]
    public void Edits_apply_only_to_their_own_interface()
    {
        var text = "interface.ipsec0.ipv4.destination: 10.0.0.2\ninterface.ipsec1.ipv4.destination: 10.0.0.3\ninterface.ipsec1.ike.exchange-mode: main\n";
        var document = SeilFrontEnd.Parse(SourceText.From(text));
        Assert.Equal(2, document.Peers.Count);
        var newText = FixApplier.Apply(text, document.Peers[0].Editor.Set("ike.exchange-mode", "aggressive")).NewText;
        Assert.Equal("interface.ipsec0.ipv4.destination: 10.0.0.2\ninterface.ipsec0.ike.exchange-mode: aggressive\ninterface.ipsec1.ipv4.destination: 10.0.0.3\ninterface.ipsec1.ike.exchange-mode: main\n", newText);
    }
}
