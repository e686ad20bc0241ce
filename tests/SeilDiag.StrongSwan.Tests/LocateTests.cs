using SeilDiag.Text;

namespace SeilDiag.StrongSwan.Tests;

/// <summary>IConfigEditor.Locate: diagnostics point at the very parameter that differs, own or inherited.</summary>
public class LocateTests
{
    private const string Conf = "conn %default\n        esp=aes256-sha256!\n\nconn seil\n        left=10.0.0.2\n        ike=aes256-sha256-modp1536!\n";

    [Fact]
    public void Own_parameter_is_located_at_its_value()
    {
        var peer = StrongSwanFrontEnd.Load(SourceText.From(Conf, "ipsec.conf"), readFile: _ => null).Peers.Single();
        var where = peer.Editor.Locate("ike")!;
        Assert.Equal(6, where.Line);
        Assert.Equal(13, where.Column);
    }

    [Fact]
    public void Inherited_parameter_is_located_where_percent_default_sets_it_and_unset_is_null()
    {
        var peer = StrongSwanFrontEnd.Load(SourceText.From(Conf, "ipsec.conf"), readFile: _ => null).Peers.Single();
        Assert.Equal(2, peer.Editor.Locate("esp")!.Line);
        Assert.Null(peer.Editor.Locate("rightsubnet"));
    }
}
