using System.Diagnostics;
using SeilDiag.Analysis;
using SeilDiag.Model;
using Xunit.Abstractions;
using static SeilDiag.Analyzers.Tests.PeerSpec;

namespace SeilDiag.Analyzers.Tests;

/// <summary>A hub with many tunnels: pairing is quadratic in the peers, so it must stay fast at a realistic size.</summary>
public class ScaleTests(ITestOutputHelper output)
{
    [Fact]
    public void Three_hundred_tunnels_with_strongswan_default_proposals_are_checked_quickly()
    {
        const int tunnels = 300;
        var peers = new List<PeerConfig>();
        for (var i = 0; i < tunnels; i++)
        {
            var remote = $"10.1.{i / 250}.{i % 250 + 1}";
            peers.Add((SeilEnd("10.0.0.1", remote) with { Name = $"interface.ipsec{i}", ProxyIds = null }).Build());
            // strongSwan defaults: hundreds of phase-1 transforms per conn.
            peers.Add((SwanEnd(remote, "10.0.0.1", "hub.ipsec.conf", $"conn branch{i}") with { Phase1 = null, ProxyIds = [Proxy("0.0.0.0/0", "0.0.0.0/0")] }).Build());
        }
        var model = Run.Model([.. peers]);
        var watch = Stopwatch.StartNew();
        var diagnostics = AnalysisContext.Run(model, ConfigAnalyzers.All);
        var predictions = TunnelPrediction.Predict(model);
        watch.Stop();
        output.WriteLine($"{tunnels} pairs, {diagnostics.Count} diagnostics, {watch.ElapsedMilliseconds} ms");
        output.WriteLine(diagnostics.FirstOrDefault()?.ToString() ?? "");
        Assert.Equal(tunnels, predictions.Count);
        Assert.Empty(diagnostics.OfRule("SD1007"));
        // SEIL's default DH group (MODP_1536) is not among strongSwan 5.9's defaults: every tunnel fails in phase 1.
        Assert.All(diagnostics, d => Assert.Contains("SEIL offers MODP_1536 only (SEIL default)", d.Message));
        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(20), $"{watch.ElapsedMilliseconds} ms");
    }
}
