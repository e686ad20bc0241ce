using SeilDiag.Diagnostics;
using SeilDiag.Ike;
using SeilDiag.Model;
using static SeilDiag.Analyzers.Tests.PeerSpec;

namespace SeilDiag.Analyzers.Tests;

/// <summary>
/// The tunnel summary (and the phrases analyzers put inside messages) in Japanese: every line but the pair's name is translated, values (algorithm names,
/// locations, rule IDs, config keys) stay as they are, and the English lines are unchanged.
/// </summary>
public class JapaneseSummaryTests
{
    [Fact]
    public void Every_line_but_the_pair_has_a_japanese_text()
    {
        var prediction = TunnelPrediction.Predict(Run.Model(SeilEnd().Build(), SwanEnd().Build())).Single();
        var en = prediction.SummaryLines();
        var ja = prediction.SummaryLines("ja");
        Assert.Equal(en, prediction.SummaryLines("en"));
        Assert.Equal(en.Count, ja.Count);
        Assert.Equal(en[0], ja[0]);
        Assert.All(Enumerable.Range(1, en.Count - 1), i => Assert.NotEqual(en[i], ja[i]));
        Assert.Equal("SEIL → strongSwan: トンネルは AES-CBC-256/SHA2-256/MODP-1536, ESP AES-CBC-256/HMAC-SHA-256-128 で確立します; "
            + "strongSwan → SEIL: トンネルは AES-CBC-256/SHA2-256/MODP-1536, ESP AES-CBC-128/HMAC-SHA-256-128 で確立します", ja[1]);
        Assert.Contains("接続開始: SEIL がネゴシエーションを開始します", ja);
        Assert.Contains("事前共有鍵: 両端で一致", ja);
        Assert.Contains("DPD: SEIL は 20 秒ごとに R-U-THERE を送信します (SEIL の既定値); strongSwan は送信しません (strongSwan の既定値)。応答のみ行います", ja);
    }

    [Fact]
    public void Failures_and_nat_t_settings_in_japanese()
    {
        var phase1 = TunnelPrediction.Predict(Run.Model((SeilEnd() with { Phase1 = [P1("aes256", "sha256", "modp1024")] }).Build(), SwanEnd().Build())).Single();
        Assert.Equal("SEIL → strongSwan: フェーズ1 で失敗します (SD1001); strongSwan → SEIL: フェーズ1 で失敗します (SD1001)", phase1.SummaryLines("ja")[1]);

        var nobody = TunnelPrediction.Predict(Run.Model((SeilEnd() with { Initiation = Initiation.RespondOnly }).Build(), SwanEnd().Build())).Single();
        Assert.Contains("SEIL → strongSwan: ネゴシエーションが開始されません (SD3001); strongSwan → SEIL: ネゴシエーションが開始されません (SD3001)", nobody.SummaryLines("ja"));
        Assert.Contains(nobody.SummaryLines("ja"), l => l.StartsWith("接続開始: どちらの端も自分からは開始しません", StringComparison.Ordinal));

        var neither = TunnelPrediction.Predict(Run.Model((SeilEnd() with { Dpd = false }).Build(), SwanEnd().Build())).Single().SummaryLines("ja");
        Assert.Contains("DPD: SEIL は送信しません (seil.conf:17:1 で設定)。応答のみ行います; strongSwan は送信しません (strongSwan の既定値)。応答のみ行います; どちらの端も SA の期限が切れるまで対向の断を検出しません", neither);

        var forced = TunnelPrediction.Predict(Run.Model(SeilEnd().Build(), (SwanEnd() with { Nat = NatTraversalMode.Force }).Build())).Single().SummaryLines("ja");
        Assert.Contains("NAT-T: strongSwan (ipsec.conf:18:1 で設定) で強制: IKE は Main Mode の 5 番目のメッセージで UDP 4500 に移り、ESP は UDP カプセル化されます (SD3006)", forced);
        var refused = TunnelPrediction.Predict(Run.Model((SeilEnd() with { Nat = NatTraversalMode.Disable }).Build(), (SwanEnd() with { Nat = NatTraversalMode.Force }).Build())).Single().SummaryLines("ja");
        Assert.Contains("NAT-T: strongSwan (ipsec.conf:18:1 で設定) で強制、SEIL (seil.conf:18:1 で設定) で無効: UDP カプセル化された ESP を解釈できません (SD3005)", refused);
    }

    [Fact]
    public void Check_level_reasons_inside_japanese_messages_are_japanese()
    {
        var seil = SeilEnd() with { CheckLevel = CheckLevel.Strict, Phase1Lifetime = TimeSpan.FromSeconds(777) };
        var phase1 = Run.Pair(seil, SwanEnd() with { Phase1Lifetime = TimeSpan.FromHours(3) }).Single("SD1001");
        Assert.Contains("SEIL は check-level strict のため自身より長いライフタイムを拒否します: 提案 10800 秒、自身 777 秒", phase1.GetMessage("ja"));
        Assert.Contains("proposed 10800 s, own 777 s", phase1.Message);

        var phase2 = Run.Pair(SeilEnd() with { CheckLevel = CheckLevel.Strict, Phase2Lifetime = TimeSpan.FromMinutes(30) },
            SwanEnd() with { Phase2Lifetime = TimeSpan.FromHours(1) }).Single("SD3005");
        Assert.Equal("フェーズ2 ライフタイム: SEIL は check-level strict のため自身より長いライフタイムを拒否します: 提案 3600 秒、自身 1800 秒", phase2.GetMessage("ja"));
        Assert.DoesNotContain("refuses", phase2.GetMessage("ja"));
    }

    [Fact]
    public void Exchange_mode_and_ike_version_mismatches_are_japanese()
    {
        var mode = Run.Pair(SeilEnd(), SwanEnd() with { Mode = ExchangeMode.Aggressive, AggressiveAllowed = true }).Single("SD1005");
        Assert.StartsWith("交換モードが一致しません: SEIL はメインモード (SEIL の既定値)、strongSwan はアグレッシブモード (ipsec.conf:", mode.GetMessage("ja"));
        Assert.DoesNotContain(" uses ", mode.GetMessage("ja"));
        Assert.Contains("SEIL uses Main Mode (SEIL default), strongSwan uses Aggressive Mode", mode.Message);

        var version = Run.Pair(SeilEnd(), SwanEnd() with { KeyExchange = null }).Single("SD1005");
        Assert.Contains("strongSwan は IKEv2 で開始しますが (strongSwan の既定値 keyexchange=ike では IKEv2 で開始します)、SEIL は IKEv1 しか受け入れません", version.GetMessage("ja"));
        Assert.Contains("keyexchange=ike, the strongSwan default, which initiates IKEv2", version.Message);
    }
}
