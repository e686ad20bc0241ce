using SeilDiag.Analysis;
using SeilDiag.Model;
using SeilDiag.Text;

namespace SeilDiag.Analyzers.Tests;

/// <summary>Peers a front-end filled only partly (every optional value left at default(T)) must not crash anything.</summary>
public class RobustnessTests
{
    private static PeerConfig Bare(PeerVendor vendor, string path, string? local, string? remote)
    {
        var document = SourceText.From("x\n", path);
        return new PeerConfig
        {
            Name = "bare",
            Vendor = vendor,
            Document = document,
            LocalAddress = new Located<string?>(local, null),
            RemoteAddress = new Located<string?>(remote, null),
            KeyExchange = default,
            LocalIdentity = default,
            RemoteIdentity = default,
            PreSharedKey = default,
            Phase1Proposals = default,
            Phase2Proposals = default,
            ProxyIds = default,
            Phase1Lifetime = default,
            Phase2Lifetime = default,
            Dpd = default,
            Editor = new RecordingEditor(document, ""),
        };
    }

    [Theory]
    [InlineData("10.0.0.1", "10.0.0.2", "10.0.0.2", "10.0.0.1")]
    [InlineData(null, null, null, null)]
    [InlineData("%defaultroute", "%any", "vpn.example.jp", "10.0.0.1")]
    public void Partly_filled_peers_are_analyzed_without_exceptions(string? l1, string? r1, string? l2, string? r2)
    {
        var model = Run.Model(Bare(PeerVendor.Seil, "a.conf", l1, r1), Bare(PeerVendor.StrongSwan, "b.conf", l2, r2));
        var diagnostics = AnalysisContext.Run(model, ConfigAnalyzers.All);
        var predictions = TunnelPrediction.Predict(model);
        // Unknown proposals are "cannot be predicted", never a guessed mismatch; missing PSKs are still reported.
        Assert.DoesNotContain(diagnostics, d => d.Id is "SD1001" or "SD2001" or "SD2003");
        // (An unset keyexchange on strongSwan is its default "ike", which initiates IKEv2: that direction fails on SD1005.)
        Assert.All(predictions.SelectMany(p => p.Directions), d => Assert.True(
            d.Direction.Initiator.Vendor == PeerVendor.Seil ? d.Outcome == DirectionOutcome.Unknown : d.FailingRuleIds.SequenceEqual(["SD1005"]),
            $"{d.Label}: {d.Describe()}"));
        Assert.All(predictions, p => Assert.NotEmpty(p.SummaryLines()));
    }
}
