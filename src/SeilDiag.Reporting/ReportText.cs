namespace SeilDiag.Reporting;

/// <summary>The fixed words of the ticket formats in English and Japanese (rule titles and messages come from the rules).</summary>
internal sealed record ReportText(
    string Title, string Summary, string Inputs, string Path, string Kind, string Version, string Findings,
    string NoFindings, string Severity, string Message, string Location, string SeeAlso, string Evidence,
    string Source, string Observed, string Excerpt, string Fixes, string Weakens, string Advice, string Help,
    string Timeline, string Time, string Event, string ClockOffsets, string Offset, string Matched, string Method,
    string Exchanges, string Initiator, string Responder, string Failing, string Retransmission, string TopFinding,
    string Suppressed, string Confidence, string Tunnel)
{
    public static ReportText For(string lang) => lang == "ja" ? Japanese : English;

    private static readonly ReportText English = new(
        "SeilDiag report", "Summary", "Inputs", "Path", "Kind", "Version", "Findings",
        "No findings.", "Severity", "Message", "Location", "See also", "Evidence",
        "Source", "Observed", "Excerpt", "Fixes", "weakens security", "advice, no edit", "Help",
        "Timeline", "Time", "Event", "Clock offsets", "Offset", "Matched events", "Method",
        "Exchanges", "initiator", "responder", "failing", "retransmission", "Top finding",
        "suppressed", "Confidence", "Tunnel");

    private static readonly ReportText Japanese = new(
        "SeilDiag 診断レポート", "概要", "入力", "パス", "種類", "バージョン", "診断結果",
        "問題は見つかりませんでした。", "重大度", "メッセージ", "位置", "関連", "根拠",
        "ソース", "観測/予測", "抜粋", "修正案", "セキュリティが低下します", "助言 (編集なし)", "ヘルプ",
        "タイムライン", "時刻", "イベント", "時計のずれ", "ずれ", "一致したイベント数", "方法",
        "交換", "イニシエータ", "レスポンダ", "失敗", "再送", "最重要の診断",
        "抑止", "確度", "トンネル");
}
