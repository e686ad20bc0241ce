using SeilDiag.Model;
using static SeilDiag.Analyzers.Tests.PeerSpec;

namespace SeilDiag.Analyzers.Tests;

public class PredictionTests
{
    [Fact]
    public void Working_pair_summary_names_the_negotiated_suite()
    {
        // Seed S1: SEIL defaults, strongSwan ike=aes256-sha256-modp1536! and default esp.
        var prediction = TunnelPrediction.Predict(Run.Model(SeilEnd().Build(), SwanEnd().Build())).Single();
        Assert.All(prediction.Directions, d => Assert.Equal(DirectionOutcome.Up, d.Outcome));
        var lines = prediction.SummaryLines();
        // As in lab 01/02: charon with its default ESP takes the SEIL's first transform when the SEIL initiates, and
        // offers only AES_CBC_128/HMAC_SHA2_256_128 when it initiates itself.
        Assert.Equal("SEIL → strongSwan: tunnel comes up with AES-CBC-256/SHA2-256/MODP-1536, ESP AES-CBC-256/HMAC-SHA-256-128; "
            + "strongSwan → SEIL: tunnel comes up with AES-CBC-256/SHA2-256/MODP-1536, ESP AES-CBC-128/HMAC-SHA-256-128", lines[1]);
        var same = TunnelPrediction.Predict(Run.Model((SeilEnd() with { Phase2 = [P2("aes256", "hmac-sha256")] }).Build(),
            (SwanEnd() with { Phase2 = [P2("aes256", "hmac-sha256")] }).Build())).Single();
        Assert.Contains("both directions: tunnel comes up with AES-CBC-256/SHA2-256/MODP-1536, ESP AES-CBC-256/HMAC-SHA-256-128", same.SummaryLines());
        Assert.Contains("initiation: SEIL starts the negotiation", lines);
        Assert.Contains("pre-shared key: same on both ends", lines);
    }

    [Fact]
    public void Seil_esp_order_wins_when_seil_responds_and_strongswan_order_when_it_responds()
    {
        var seil = SeilEnd() with { Phase2 = [P2("aes256", "hmac-sha256"), P2("aes128", "hmac-sha256")] };
        var swan = SwanEnd() with { Phase2 = [P2("aes128", "hmac-sha256"), P2("aes256", "hmac-sha256")] };
        var prediction = TunnelPrediction.Predict(Run.Model(seil.Build(), swan.Build())).Single();
        Assert.Equal("SEIL → strongSwan", prediction.Directions[0].Label);
        Assert.Equal("ESP:AES_CBC_128/HMAC_SHA2_256_128/NO_EXT_SEQ", prediction.Directions[0].Phase2!.ToLogString());
        Assert.Equal("ESP:AES_CBC_128/HMAC_SHA2_256_128/NO_EXT_SEQ", prediction.Directions[1].Phase2!.ToLogString());
        var seilResponds = TunnelPrediction.Predict(Run.Model((seil with { Phase2 = [P2("aes256", "hmac-sha256"), P2("aes128", "hmac-sha256")] }).Build(), swan.Build())).Single();
        Assert.NotNull(seilResponds.Directions[1].Phase2);
    }

    [Fact]
    public void Failing_pair_summary_lists_each_direction_with_its_rule()
    {
        var seil = SeilEnd() with { Phase1 = [P1("aes256", "sha256", "modp1024")] };
        var prediction = TunnelPrediction.Predict(Run.Model(seil.Build(), SwanEnd().Build())).Single();
        Assert.Equal("SEIL → strongSwan: phase 1 fails (SD1001); strongSwan → SEIL: phase 1 fails (SD1001)", prediction.SummaryLines()[1]);
    }

    [Fact]
    public void Narrowing_direction_and_phase2_failure_are_told_apart()
    {
        var seil = SeilEnd() with { ProxyIds = null };
        var prediction = TunnelPrediction.Predict(Run.Model(seil.Build(), SwanEnd().Build())).Single();
        Assert.Equal(DirectionOutcome.Phase2Fails, prediction.Directions[0].Outcome);
        Assert.Equal(["SD2003"], prediction.Directions[0].FailingRuleIds);
        Assert.Equal(DirectionOutcome.Up, prediction.Directions[1].Outcome);
        Assert.Equal("192.168.2.0/24 === 192.168.1.0/24", prediction.Directions[1].TrafficSelectors!.ToString());
    }

    [Fact]
    public void Nobody_initiating_is_its_own_outcome()
    {
        var prediction = TunnelPrediction.Predict(Run.Model((SeilEnd() with { Initiation = Initiation.RespondOnly }).Build(), SwanEnd().Build())).Single();
        Assert.All(prediction.Directions, d => Assert.Equal(DirectionOutcome.NeverStarts, d.Outcome));
        Assert.Contains("SEIL → strongSwan: never starts (SD3001); strongSwan → SEIL: never starts (SD3001)", prediction.SummaryLines());
    }

    [Fact]
    public void Summary_says_what_each_end_does_for_dpd_and_nat_t()
    {
        // Seed S1/S7: SEIL probes by default every 20 s; charon without dpdaction only answers.
        var lines = TunnelPrediction.Predict(Run.Model(SeilEnd().Build(), SwanEnd().Build())).Single().SummaryLines();
        Assert.Contains("DPD: SEIL sends R-U-THERE every 20 s (SEIL default); strongSwan sends none (strongSwan default), it only answers", lines);
        Assert.Contains("NAT-T: enabled on both ends, used only if a NAT is detected", lines);

        var neither = TunnelPrediction.Predict(Run.Model((SeilEnd() with { Dpd = false }).Build(), SwanEnd().Build())).Single().SummaryLines();
        Assert.Contains("DPD: SEIL sends none (set at seil.conf:17:1), it only answers; strongSwan sends none (strongSwan default), it only answers; neither end notices a dead peer before the SA expires", neither);

        var forced = TunnelPrediction.Predict(Run.Model(SeilEnd().Build(), (SwanEnd() with { Nat = NatTraversalMode.Force }).Build())).Single().SummaryLines();
        Assert.Contains("NAT-T: forced by strongSwan (set at ipsec.conf:18:1): IKE moves to UDP 4500 at Main Mode message 5 and ESP is UDP-encapsulated (SD3006)", forced);
        var refused = TunnelPrediction.Predict(Run.Model((SeilEnd() with { Nat = NatTraversalMode.Disable }).Build(), (SwanEnd() with { Nat = NatTraversalMode.Force }).Build())).Single().SummaryLines();
        Assert.Contains(refused, l => l.StartsWith("NAT-T: forced by strongSwan (set at ipsec.conf:18:1) but disabled on SEIL (set at seil.conf:18:1)", StringComparison.Ordinal));
    }
}
