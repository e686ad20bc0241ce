using SeilDiag.Text;

namespace SeilDiag.Seil.Tests;

/// <summary>Indexed proposal lists (ike.proposal.phaseN.X.N.algorithm) are read in numeric index order, whatever the line order.</summary>
public class ProposalListOrderTests
{
    [Fact]
    public void List_entries_follow_the_numeric_index_not_the_line_order()
    {
        const string config = """
            interface.ipsec0.preshared-key: psk
            interface.ipsec0.ipv4.source: 10.0.0.1
            interface.ipsec0.ipv4.destination: 10.0.0.2
            interface.ipsec0.ike.proposal.phase1.encryption.10.algorithm: aes128
            interface.ipsec0.ike.proposal.phase1.encryption.2.algorithm: 3des
            interface.ipsec0.ike.proposal.phase1.encryption.0.algorithm: aes256
            interface.ipsec0.ike.proposal.phase1.hash.0.algorithm: sha256

            """;
        var document = SeilFrontEnd.Parse(SourceText.From(config, "seil.conf"));
        var peer = Assert.Single(document.Peers);
        Assert.False(peer.Phase1Proposals.IsDefault);
        Assert.Equal(["IKE:AES_CBC_256", "IKE:3DES_CBC", "IKE:AES_CBC_128"],
            peer.Phase1Proposals.Value.Select(p => p.ToLogString().Split('/')[0]));
        Assert.Equal(6, peer.Phase1Proposals.Where!.Line); // the lowest index, not the first line
    }
}
