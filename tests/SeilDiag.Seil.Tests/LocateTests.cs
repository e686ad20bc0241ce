using SeilDiag.Text;

namespace SeilDiag.Seil.Tests;

/// <summary>IConfigEditor.Locate: the value of a key, the first entry of a list key, or null for a default.</summary>
public class LocateTests
{
    private const string Config =
        "interface.ipsec0.ipv4.source: 10.0.0.1\n" +
        "interface.ipsec0.ike.proposal.phase1.encryption.0.algorithm: aes256\n" +
        "interface.ipsec0.ike.proposal.phase1.dh-group: modp1024\n";

    [Fact]
    public void Locates_values_and_list_entries()
    {
        var editor = SeilFrontEnd.Parse(SourceText.From(Config, "seil.conf")).Peers.Single().Editor;
        var group = editor.Locate("ike.proposal.phase1.dh-group")!;
        Assert.Equal((3, 48), (group.Line, group.Column));
        Assert.Equal(2, editor.Locate("ike.proposal.phase1.encryption")!.Line);
        Assert.Null(editor.Locate("ike.proposal.phase1.hash"));
    }
}
