using System.Text.RegularExpressions;

namespace SeilDiag.Tests.Cli;

/// <summary>
/// A --lang ja report describes its evidence in Japanese: what the log lines are (the log front-end), what the
/// configs predict (the analyzers), the capture's notes, the case correlator's lines, the config front-ends' fix
/// titles, in every format. The excerpt (the user's own line) and the values (algorithms, notify names, conn and
/// file names) stay as they are; the English report keeps its English. Real inputs: the bundled examples and the
/// lab corpus (a config front-end's fixes need a mistake, so those tests put one into an example's config).
/// </summary>
public partial class JapaneseEvidenceTests
{
    private static string Md5Rejected => CliRunner.Example("lab-phase2-md5-rejected");

    private static string Lab(string scenario) => SharedFiles.Require("corpus", "lab", scenario);

    private static string Ja(params string[] args) => CliRunner.Run([.. args, "--lang", "ja"]).Out;

    private static string En(params string[] args) => CliRunner.Run(args).Out;

    [Fact]
    public void Log_evidence_says_what_each_line_is_in_japanese()
    {
        string[] logs = [Path.Combine(Md5Rejected, "seil-charon.log"), Path.Combine(Md5Rejected, "remote-charon.log")];
        foreach (var command in new[] { "diagnose", "explain" })
        {
            var ja = Ja([command, "--format", "text", .. logs]);
            Assert.Contains("対向から受信したプロポーザル", ja);
            Assert.Contains("こちらの端に設定されているプロポーザル", ja);
            Assert.Contains("エラー通知 NO-PROPOSAL-CHOSEN を受信", ja);
            Assert.Contains("通知 NO-PROPOSAL-CHOSEN を送信", ja);
            // A line the English describes by its own message gets a Japanese phrase; the line is still the excerpt.
            Assert.Contains("受け入れ可能な INTEGRITY_ALGORITHM がありません", ja);
            Assert.Contains("no matching proposal found, sending NO_PROPOSAL_CHOSEN", ja);
            Assert.DoesNotContain("proposals received from the peer", ja);
            Assert.DoesNotContain(": error notify NO-PROPOSAL-CHOSEN received", ja);

            var en = En([command, "--format", "text", .. logs]);
            Assert.Contains("proposals received from the peer", en);
            Assert.Contains("error notify NO-PROPOSAL-CHOSEN received", en);
            Assert.DoesNotContain("対向から", en);
        }
    }

    [SkippableFact]
    public void Psk_mismatch_log_and_capture_evidence_is_japanese()
    {
        var ja = Ja("diagnose", Lab("08-psk-mismatch"));
        Assert.Contains("対向のメッセージを復号できませんでした", ja);
        Assert.Contains("メッセージの解析に失敗", ja);
        Assert.Contains("通知 PAYLOAD-MALFORMED を送信", ja);
        // The capture's summary is values; its note about the retransmission is words.
        Assert.Matches(@"I>R Identity Protection \(Main Mode\) msgid 00000000 .*\(フレーム \d+ の再送\)", ja);
        Assert.DoesNotContain("could not decrypt the peer's message", ja);
        Assert.DoesNotContain("(retransmission of frame", ja);

        var en = En("diagnose", Lab("08-psk-mismatch"));
        Assert.Contains("could not decrypt the peer's message", en);
        Assert.Contains("(retransmission of frame", en);
    }

    [SkippableFact]
    public void Identity_and_traffic_selector_evidence_is_japanese()
    {
        var id = Ja("diagnose", Lab("09-id-mismatch"));
        Assert.Contains("対向の ID に一致する設定がありません", id);
        Assert.Contains("エラー通知 AUTHENTICATION-FAILED を受信", id);
        Assert.Contains("strongSwan (remote.ipsec.conf) は次のログを出力します", id);
        Assert.DoesNotContain(") will log", id);

        var ts = Ja("diagnose", Lab("05-ts-mismatch"));
        Assert.Contains("クイックモードの ID に一致する設定がありません", ts);
        Assert.Contains("エラー通知 INVALID-ID-INFORMATION を受信", ts);
    }

    [Fact]
    public void Config_predictions_are_japanese()
    {
        var dh = Ja("diagnose", CliRunner.Example("phase1-dh-mismatch"));
        Assert.Contains("SEIL interface.ipsec0 (seil.conf) のフェーズ1 プロポーザル: IKE:AES_CBC_256/HMAC_SHA2_256_128/PRF_HMAC_SHA2_256/MODP_1024", dh);
        Assert.Contains("strongSwan conn seil (ipsec.conf) のフェーズ1 プロポーザル: IKE:AES_CBC_256/HMAC_SHA2_256_128/PRF_HMAC_SHA2_256/MODP_1536", dh);
        Assert.Contains("strongSwan (ipsec.conf) は次のログを出力します", dh);
        // The predicted log line itself is the daemon's own words: never translated.
        Assert.Contains("received proposals: IKE:AES_CBC_256/HMAC_SHA2_256_128/PRF_HMAC_SHA2_256/MODP_1024", dh);
        Assert.DoesNotContain("phase-1 proposals", dh);

        var md5 = Ja("diagnose", Md5Rejected);
        Assert.Contains("strongSwan conn to-seil (remote.ipsec.conf) の ESP プロポーザル (strongSwan の既定値): ESP:AES_CBC_128/HMAC_SHA2_256_128/NO_EXT_SEQ", md5);
        Assert.Contains("strongSwan conn to-remote (seil.ipsec.conf) の ESP プロポーザル: ESP:AES_CBC_256/HMAC_MD5_96/NO_EXT_SEQ", md5);
        // A single-ended finding's message as evidence (the weak-algorithm hint) speaks the report's language.
        Assert.Contains("conn to-remote: esp に弱いアルゴリズム HMAC_MD5_96", md5);
        Assert.DoesNotContain("ESP proposals", md5);
        Assert.DoesNotContain("weak algorithm", md5);

        var en = En("diagnose", Md5Rejected);
        Assert.Contains("strongSwan conn to-seil (remote.ipsec.conf) ESP proposals (strongSwan default): ", en);
        Assert.Contains("strongSwan (seil.ipsec.conf) will log", en);
    }

    [SkippableFact]
    public void Disagreement_evidence_is_japanese()
    {
        var ja = Ja("diagnose", Lab("07-aggressive-forced"));
        Assert.Contains("情報源の食い違い: フェーズ1の確立が観測されています。", ja);
        Assert.DoesNotContain("sources disagree:", ja);
        Assert.Contains("sources disagree: phase 1 was observed established;", En("diagnose", Lab("07-aggressive-forced")));
    }

    [Fact]
    public void Config_front_end_fixes_and_route_evidence_are_japanese()
    {
        // The example's configs with the mistakes the front-ends fix: a misspelt key on each end, ike= without '!',
        // and the SEIL's route into the tunnel left out.
        var example = CliRunner.Example("phase1-dh-mismatch");
        var seil = string.Concat(File.ReadAllLines(Path.Combine(example, "seil.conf"))
            .Where(l => !l.StartsWith("route.", StringComparison.Ordinal))
            .Select(l => l.Replace("phase1.lifetime ", "phase1.lifetim ", StringComparison.Ordinal) + "\n"));
        var ipsec = File.ReadAllText(Path.Combine(example, "ipsec.conf"))
            .Replace("modp1536!", "modp1536", StringComparison.Ordinal)
            .Replace("rightsubnet=", "rightsubnett=", StringComparison.Ordinal);
        var dir = CliRunner.Folder(("seil.conf", seil), ("ipsec.conf", ipsec));

        var ja = Ja("lint", dir);
        Assert.Contains("'interface.ipsec0.ike.proposal.phase1.lifetime' に変更します", ja);
        Assert.Contains("'rightsubnett' を 'rightsubnet' に変更します", ja);
        Assert.Contains("ike= の末尾に '!' を付け、strongSwan がこのプロポーザルだけを使うようにします", ja);
        Assert.Contains("192.168.2.0/24 への経路を ipsec0 に向けます", ja);
        Assert.Contains("interface.ipsec0 は 192.168.2.0/24 を対向側の proxy-id として折衝しますが、192.168.2.0/24 を ipsec0 に送る静的経路がありません", ja);
        foreach (var english in new[] { "Rename ", "Append '!'", "Route 192.168.2.0/24", "negotiates 192.168.2.0/24" })
        {
            Assert.DoesNotContain(english, ja);
        }

        var en = En("lint", dir);
        Assert.Contains("Rename 'rightsubnett' to 'rightsubnet'", en);
        Assert.Contains("Append '!' to ike= so strongSwan uses only these proposals", en);
        Assert.Contains("Route 192.168.2.0/24 into ipsec0", en);
    }

    [SkippableFact]
    public void Log_advice_of_a_phase1_mismatch_is_japanese()
    {
        var ja = Ja("explain", Path.Combine(Lab("03-phase1-dh-mismatch"), "seil-charon.log"));
        Assert.Contains("SEIL の interface.ipsec0.ike.proposal.phase1.encryption/hash/dh-group と対向 strongSwan の ike= を比べてください", ja);
        Assert.DoesNotContain("Compare SEIL", ja);
    }

    [Theory]
    [InlineData("text")]
    [InlineData("markdown")]
    [InlineData("html")]
    [InlineData("json")]
    [InlineData("sarif")]
    public void Every_format_prints_the_japanese_evidence(string format)
    {
        var ja = JapaneseReportTests.Readable(format, Ja("diagnose", "--format", format, Md5Rejected));
        Assert.Contains("対向から受信したプロポーザル", ja);
        Assert.Contains("strongSwan (seil.ipsec.conf) は次のログを出力します", ja);
        Assert.DoesNotContain("proposals received from the peer", ja);
        Assert.DoesNotContain("will log", ja);

        var en = JapaneseReportTests.Readable(format, En("diagnose", "--format", format, Md5Rejected));
        Assert.Contains("proposals received from the peer", en);
        Assert.Contains("strongSwan (seil.ipsec.conf) will log", en);
    }

    [Fact]
    public void No_evidence_row_of_the_japanese_markdown_keeps_its_english_description()
    {
        var en = EvidenceRows(En("diagnose", "--format", "markdown", Md5Rejected));
        var ja = EvidenceRows(Ja("diagnose", "--format", "markdown", Md5Rejected));
        Assert.True(en.Count >= 15, $"{en.Count} evidence rows");
        Assert.Equal(en.Count, ja.Count);
        for (var i = 0; i < ja.Count; i++)
        {
            // A packet's summary is values only (direction, exchange, message ID, payloads, notifies): the same in both.
            if (ja[i].Source == "キャプチャ")
            {
                Assert.Equal(en[i].Description, ja[i].Description);
                continue;
            }
            Assert.NotEqual(en[i].Description, ja[i].Description);
            Assert.Matches(Japanese(), ja[i].Description);
        }
    }

    /// <summary>The evidence tables' rows: "| # | observed/predicted | source | location | description |".</summary>
    private static List<(string Source, string Description)> EvidenceRows(string markdown) =>
        markdown.Split('\n')
            .Where(l => EvidenceRow().IsMatch(l))
            .Select(l => l.Split(" | "))
            .Select(cells => (cells[2], cells[^1].TrimEnd(' ', '|')))
            .ToList();

    [GeneratedRegex(@"^\| \d+ \| ")]
    private static partial Regex EvidenceRow();

    [GeneratedRegex(@"[\p{IsHiragana}\p{IsKatakana}\p{IsCJKUnifiedIdeographs}]")]
    private static partial Regex Japanese();
}
