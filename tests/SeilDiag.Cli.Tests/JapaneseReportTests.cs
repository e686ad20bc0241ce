using System.Text.Json;
using System.Text.RegularExpressions;

namespace SeilDiag.Tests.Cli;

/// <summary>
/// A --lang ja report speaks Japanese beyond the rule messages: the tunnel summary at the top, the fixes'
/// titles and explanations (from the config analyzers and from the logs' advice) and the phrases inside
/// messages. Config keys, algorithm names and rule IDs stay as they are. Real inputs: the bundled examples
/// and the lab corpus.
/// </summary>
public partial class JapaneseReportTests
{
    private static string Md5Rejected => CliRunner.Example("lab-phase2-md5-rejected");

    [Theory]
    [InlineData("text")]
    [InlineData("markdown")]
    [InlineData("html")]
    [InlineData("json")]
    public void Summary_lines_follow_the_language_in_every_format(string format)
    {
        var ja = Readable(format, CliRunner.Run("diagnose", "--format", format, "--lang", "ja", Md5Rejected).Out);
        Assert.Contains("フェーズ2 で失敗します (SD2001)", ja);
        Assert.Contains("接続開始: どちらの端も自分からは開始しません", ja);
        Assert.Contains("事前共有鍵: 検証できません", ja);
        Assert.Contains("は送信しません (strongSwan の既定値)。応答のみ行います", ja);
        Assert.Contains("NAT-T: 両端で有効。NAT を検出した場合のみ使用します", ja);
        Assert.DoesNotContain("phase 2 fails", ja);
        Assert.DoesNotContain("pre-shared key: unverifiable", ja);

        var en = Readable(format, CliRunner.Run("diagnose", "--format", format, Md5Rejected).Out);
        Assert.Contains("phase 2 fails (SD2001)", en);
        Assert.Contains("NAT-T: enabled on both ends, used only if a NAT is detected", en);
        Assert.DoesNotContain("事前共有鍵", en);
    }

    [Fact]
    public void No_english_summary_line_remains_in_the_japanese_markdown()
    {
        var en = SummaryBullets(CliRunner.Run("diagnose", "--format", "markdown", Md5Rejected).Out, "## Summary", "## Inputs");
        var ja = SummaryBullets(CliRunner.Run("diagnose", "--format", "markdown", "--lang", "ja", Md5Rejected).Out, "## 概要", "## 入力");
        Assert.Equal(6, en.Count);
        Assert.Equal(en.Count, ja.Count);
        // The first line names the pair (conn names and files): the same in both languages.
        Assert.Equal(en[0], ja[0]);
        for (var i = 1; i < ja.Count; i++)
        {
            Assert.NotEqual(en[i], ja[i]);
            Assert.Matches(Japanese(), ja[i]);
            Assert.DoesNotContain(en[i], ja);
        }
        foreach (var english in new[] { "both directions:", "initiation:", "pre-shared key:", "sends none", "strongSwan default", "it only answers", "neither end", "enabled on both ends", " fails (" })
        {
            Assert.DoesNotContain(english, string.Join("\n", ja));
        }
    }

    [Fact]
    public void Config_fix_explanations_are_japanese_in_every_format()
    {
        const string ja = "AES-CBC-256/HMAC-MD5-96 は弱いアルゴリズムです。strongSwan 側を強いプロポーザルに変更することを推奨します。";
        const string en = "AES-CBC-256/HMAC-MD5-96 is weak; prefer changing strongSwan to a strong proposal.";
        foreach (var format in new[] { "text", "markdown", "html" })
        {
            var report = CliRunner.Run("diagnose", "--format", format, "--lang", "ja", Md5Rejected).Out;
            Assert.Contains(ja, report);
            Assert.DoesNotContain(en, report);
            Assert.Contains(en, CliRunner.Run("diagnose", "--format", format, Md5Rejected).Out);
        }
        using var json = JsonDocument.Parse(CliRunner.Run("diagnose", "--format", "json", "--lang", "ja", Md5Rejected).Out);
        var explanations = json.RootElement.GetProperty("diagnostics").EnumerateArray()
            .SelectMany(d => d.GetProperty("fixes").EnumerateArray())
            .Where(f => f.TryGetProperty("explanation", out _)).Select(f => f.GetProperty("explanation").GetString()).ToList();
        Assert.Contains(ja, explanations);

        // SARIF's fix description says "weakens security" in the report's language too.
        var sarif = Readable("sarif", CliRunner.Run("diagnose", "--format", "sarif", "--lang", "ja", Md5Rejected).Out);
        Assert.Contains("esp = aes256-md5! (セキュリティが低下します)", sarif);
        Assert.DoesNotContain("(weakens security)", sarif);
    }

    [SkippableFact]
    public void Removal_steps_and_their_explanation_are_japanese()
    {
        // Lab 13: forceencaps=yes on both charons; the fix removes it on both.
        var lab = SharedFiles.Require("corpus", "lab", "13-nat-t-forceencaps");
        var ja = CliRunner.Run("diagnose", "--lang", "ja", lab).Out;
        Assert.Contains("strongSwan: conn to-seil: forceencaps を削除 (NAT-T の強制を解除)", ja);
        Assert.Contains("テストのために設定したのであれば削除してください。", ja);
        Assert.Contains("で強制: IKE は Main Mode の 5 番目のメッセージで UDP 4500 に移り", ja);
        Assert.DoesNotContain("forced NAT-T", ja);
        Assert.DoesNotContain("Only if it was set for a test", ja);
    }

    [Fact]
    public void Log_advice_titles_and_explanations_are_japanese()
    {
        // Logs alone: no config edit exists, so the advice comes from the logs' proposal lists.
        var logs = new[] { Path.Combine(Md5Rejected, "seil-charon.log"), Path.Combine(Md5Rejected, "remote-charon.log") };
        using var json = JsonDocument.Parse(CliRunner.Run(["explain", "--format", "json", "--lang", "ja", .. logs]).Out);
        var fixes = json.RootElement.GetProperty("diagnostics").EnumerateArray()
            .Where(d => d.GetProperty("id").GetString() == "SD2001")
            .SelectMany(d => d.GetProperty("fixes").EnumerateArray()).ToList();
        var titles = fixes.Select(f => f.GetProperty("title").GetString()!).ToList();
        var explanations = fixes.Where(f => f.TryGetProperty("explanation", out _)).Select(f => f.GetProperty("explanation").GetString()!).ToList();
        Assert.Contains("提案側の対向 (SEIL) で interface.ipsec0.ike.proposal.phase2.authentication.0.algorithm: hmac-sha256 を設定します", titles);
        Assert.Contains("strongSwan (conn to-seil) で対向のプロポーザルを受け入れます: esp=aes256-md5!", titles);
        Assert.Contains("この端が受け入れる値を対向が提案するようにします。対向が strongSwan の場合は esp= を同様に変更してください。", explanations);
        Assert.Contains("弱いアルゴリズム (HMAC_MD5_96) を受け入れることになります。対向側の変更を推奨します。", explanations);
        Assert.DoesNotContain(titles.Concat(explanations), t => t.StartsWith("On ", StringComparison.Ordinal) || t.StartsWith("Make ", StringComparison.Ordinal) || t.StartsWith("This ", StringComparison.Ordinal));

        // The findings' fixes, and the log story's fix lines above them.
        var markdown = CliRunner.Run(["explain", "--format", "markdown", "--lang", "ja", .. logs]).Out;
        var findings = markdown[markdown.IndexOf("## 診断結果", StringComparison.Ordinal)..];
        Assert.Contains("提案側の対向 (SEIL) で", findings);
        Assert.DoesNotContain("On the proposing peer", markdown);
        Assert.Contains("修正: 提案側の対向 (SEIL) で", markdown[..markdown.IndexOf("## 診断結果", StringComparison.Ordinal)]);
    }

    [SkippableFact]
    public void Aggressive_mode_advice_from_the_configs_is_japanese()
    {
        var lab = SharedFiles.Require("corpus", "lab", "06-aggressive-psk-refused");
        var ja = CliRunner.Run("diagnose", "--lang", "ja", lab).Out;
        Assert.Contains("aggressive を削除 (メインモード)", ja);
        Assert.Contains("メインモードでは ID が暗号化され", ja);
        Assert.Contains("strongswan.conf で charon.i_dont_care_about_security_and_use_aggressive_mode_psk = yes を設定", ja);
        Assert.Contains("オフライン辞書攻撃にさらされます (VU#857035)", ja);
        Assert.DoesNotContain("Main Mode keeps the identities", ja);
        Assert.DoesNotContain("exposes the PSK hash", ja);
    }

    [Theory]
    [InlineData("phase1-dh-mismatch", "SD1001", "(最も近い組み合わせ: IKE:AES_CBC_256/HMAC_SHA2_256_128/PRF_HMAC_SHA2_256/MODP_1024 と IKE:AES_CBC_256/HMAC_SHA2_256_128/PRF_HMAC_SHA2_256/MODP_1536)")]
    [InlineData("lab-phase2-md5-rejected", "SD2001", "(最も近い組み合わせ: ESP:AES_CBC_128/HMAC_SHA2_256_128/NO_EXT_SEQ と ESP:AES_CBC_256/HMAC_MD5_96/NO_EXT_SEQ)")]
    [InlineData("lab-phase2-md5-rejected", "SD2001", "HMAC_SHA2_256_128, 完全性なし (AEAD)、")]
    public void Proposal_mismatch_messages_are_japanese_down_to_the_closest_pair(string example, string id, string closest)
    {
        using var json = JsonDocument.Parse(CliRunner.Run("diagnose", "--format", "json", "--lang", "ja", CliRunner.Example(example)).Out);
        var message = json.RootElement.GetProperty("diagnostics").EnumerateArray()
            .First(d => d.GetProperty("id").GetString() == id).GetProperty("message").GetString()!;
        Assert.Contains(closest, message);
        Assert.DoesNotContain("closest:", message);
        Assert.DoesNotContain("no integrity", message);

        using var en = JsonDocument.Parse(CliRunner.Run("diagnose", "--format", "json", CliRunner.Example(example)).Out);
        var english = en.RootElement.GetProperty("diagnostics").EnumerateArray()
            .First(d => d.GetProperty("id").GetString() == id).GetProperty("message").GetString()!;
        Assert.Contains("(closest: ", english);
    }

    /// <summary>JSON and SARIF escape non-ASCII text: their string values, one a line; other formats as they are.</summary>
    internal static string Readable(string format, string output)
    {
        if (format is not ("json" or "sarif"))
        {
            return output;
        }
        using var json = JsonDocument.Parse(output);
        var strings = new List<string>();
        Collect(json.RootElement, strings);
        return string.Join("\n", strings);
    }

    private static void Collect(JsonElement element, List<string> strings)
    {
        switch (element.ValueKind)
        {
            case JsonValueKind.String:
                strings.Add(element.GetString()!);
                break;
            case JsonValueKind.Array:
                foreach (var item in element.EnumerateArray()) Collect(item, strings);
                break;
            case JsonValueKind.Object:
                foreach (var property in element.EnumerateObject()) Collect(property.Value, strings);
                break;
        }
    }

    /// <summary>The "- " lines of the report's summary section (between its heading and the next).</summary>
    private static List<string> SummaryBullets(string markdown, string heading, string next)
    {
        var start = markdown.IndexOf(heading + "\n", StringComparison.Ordinal);
        var end = markdown.IndexOf(next + "\n", start, StringComparison.Ordinal);
        return markdown[start..end].Split('\n').Where(l => l.StartsWith("- ", StringComparison.Ordinal)).ToList();
    }

    [GeneratedRegex(@"[\p{IsHiragana}\p{IsKatakana}\p{IsCJKUnifiedIdeographs}]")]
    private static partial Regex Japanese();

    [SkippableFact]
    public void Psk_mismatch_message_names_the_message_in_japanese()
    {
        var lab = SharedFiles.Require("corpus", "lab", "08-psk-mismatch");
        var ja = CliRunner.Run("explain", "--lang", "ja", Path.Combine(lab, "seil-charon.log"), Path.Combine(lab, "remote-charon.log")).Out;
        Assert.Contains("10.0.0.2 は 10.0.0.1 からの メインモードのメッセージ 5 を復号できませんでした", ja);
        Assert.DoesNotContain("Main Mode message 5", ja);
    }
}
