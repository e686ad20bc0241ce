using SeilDiag.Diagnostics;

namespace SeilDiag.Tests.Core;

/// <summary>Evidence words carry a Japanese variant; the English stays <see cref="Evidence.Text"/>.</summary>
public class EvidenceLanguageTests
{
    [Fact]
    public void Localized_evidence_keeps_english_text_and_answers_japanese()
    {
        var e = new Evidence(EvidenceSource.CharonLog, EvidenceKind.Observed, new LocalizedText("proposals received from the peer", "対向から受信したプロポーザル"),
            Excerpt: "received proposals: ESP:AES_CBC_256/HMAC_MD5_96/NO_EXT_SEQ");
        Assert.Equal("proposals received from the peer", e.Text);
        Assert.Equal("proposals received from the peer", e.GetText("en"));
        Assert.Equal("対向から受信したプロポーザル", e.GetText("ja"));
        // The excerpt is the user's own line: one, in every language; a copy keeps both languages.
        Assert.Equal("対向から受信したプロポーザル", (e with { Kind = EvidenceKind.Predicted }).GetText("ja"));
    }

    [Fact]
    public void Evidence_without_japanese_reads_english_in_japanese()
    {
        var e = new Evidence(EvidenceSource.Capture, EvidenceKind.Observed, "I>R Quick Mode msgid 00000001 [HASH,SA]");
        Assert.Null(e.TextJapanese);
        Assert.Equal(e.Text, e.GetText("ja"));
    }
}
