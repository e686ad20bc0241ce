using System.Net;
using SeilDiag.Diagnostics;
using SeilDiag.Tests;

namespace SeilDiag.Logs.Tests;

/// <summary>
/// Log findings name their tunnel (<see cref="Diagnostic.Tunnel"/>) when the session knew both peers, so the correlator
/// can merge them with config and capture findings of the same tunnel without reading addresses from message text.
/// </summary>
public sealed class TunnelTests
{
    private static readonly TunnelEndpoints LabTunnel = TunnelEndpoints.Of(IPAddress.Parse("10.0.0.1"), IPAddress.Parse("10.0.0.2"))!;

    [SkippableTheory]
    [InlineData("03-phase1-dh-mismatch", "SD1001")]
    [InlineData("08-psk-mismatch", "SD1002")]
    [InlineData("09-id-mismatch", "SD1003")]
    [InlineData("14-peer-unreachable", "SD3002")]
    public void LabFindingsCarryTheUnorderedPeerPair(string scenario, string rule)
    {
        var folder = SharedFiles.Require("corpus", "lab", scenario);
        foreach (var file in new[] { "seil-charon.log", "remote-charon.log" }.Select(f => Path.Combine(folder, f)).Where(File.Exists))
        {
            var analysis = LogFrontEnd.Analyze([LogInput.Open(file)]);
            var finding = Assert.Single(analysis.Diagnostics, d => d.Id == rule);
            // Seen from either end (local/remote swapped) it is the same tunnel.
            Assert.Equal(LabTunnel, finding.Tunnel);
        }
    }

    [SkippableFact]
    public void BothEndsOfOneTunnelMergeIntoOneFindingWithThatTunnel()
    {
        var folder = SharedFiles.Require("corpus", "lab", "03-phase1-dh-mismatch");
        var analysis = LogFrontEnd.Analyze([LogInput.Open(Path.Combine(folder, "seil-charon.log")), LogInput.Open(Path.Combine(folder, "remote-charon.log"))]);
        var finding = Assert.Single(analysis.Diagnostics, d => d.Id == "SD1001");
        Assert.Equal(LabTunnel, finding.Tunnel);
        // Input-level findings (unrecognised lines) are about a file, not a tunnel.
        Assert.All(analysis.Diagnostics.Where(d => d.Id == "SD0005"), d => Assert.Null(d.Tunnel));
    }

    [Fact]
    public void ASessionWithoutItsOwnAddressNamesNoTunnel()
    {
        // A console paste: the peer is known ("to 192.0.2.7") but this end's address is not printed anywhere.
        const string log = """
            initiating Main Mode IKE_SA to-seil[1] to 192.0.2.7
            sending retransmit 1 of request message ID 0, seq 1
            sending retransmit 2 of request message ID 0, seq 1
            giving up after 2 retransmits
            establishing IKE_SA failed, peer not responding
            """;
        var analysis = LogFrontEnd.Analyze([LogInput.FromText("paste.log", log)]);
        var finding = Assert.Single(analysis.Diagnostics, d => d.Id == "SD3002");
        Assert.Null(finding.Tunnel);
    }
}
