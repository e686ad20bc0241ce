using System.Text;
using SeilDiag.Diagnostics;
using SeilDiag.Logs.Events;

namespace SeilDiag.Logs.Stories;

/// <summary>
/// The step-by-step narrative of a session in English or Japanese: who started which exchange when, what was
/// proposed and chosen, where it failed and why, then the diagnoses with their fixes.
/// </summary>
internal static class StoryWriter
{
    public static string Write(LogAnalysis analysis, string lang)
    {
        var ja = lang == "ja";
        var sb = new StringBuilder();
        foreach (var session in analysis.Sessions.Where(s => s.Phase1Started || s.Findings.Count > 0 || s.Events.Any(IsStep)))
        {
            sb.Append(Write(session, lang));
            sb.AppendLine();
        }
        if (analysis.CompactedSessions > 0)
        {
            sb.AppendLine(ja ? $"(ほかに {analysis.CompactedSessions} セッション: 詳細は省略し、診断にのみ反映)" : $"({analysis.CompactedSessions} more sessions: details omitted, counted in the diagnoses)");
        }
        sb.AppendLine(ja ? "診断:" : "Diagnosis:");
        if (analysis.Diagnostics.Count == 0)
        {
            sb.AppendLine(ja ? "  問題は見つかりませんでした。" : "  no problems found.");
        }
        foreach (var d in analysis.Diagnostics)
        {
            sb.AppendLine($"  {d.Severity.ToName()} {d.Id} {d.Rule.LocalizedTitle(lang)}: {d.GetMessage(lang)}");
            if (d.Location is { } loc)
            {
                sb.AppendLine($"    {(ja ? "根拠" : "at")} {loc}");
            }
            foreach (var fix in d.Fixes)
            {
                sb.AppendLine($"    {(ja ? "修正" : "fix")}{(fix.Safety == FixSafety.WeakensSecurity ? (ja ? " (安全性が下がります)" : " (weakens security)") : "")}: {fix.GetTitle(lang)}");
            }
        }
        return sb.ToString();
    }

    public static string Write(LogSession s, string lang)
    {
        var ja = lang == "ja";
        var sb = new StringBuilder();
        var name = s.ConnectionName is null ? "" : $" {s.ConnectionName}";
        var role = s.IsInitiator switch
        {
            true => ja ? "始動側" : "initiator",
            false => ja ? "応答側" : "responder",
            null => ja ? "役割不明" : "role unknown",
        };
        sb.AppendLine(ja
            ? $"セッション #{s.Id}{name} ({Path.GetFileName(s.Path)}, {s.Local?.Address.ToString() ?? "?"} ⇔ {s.Remote?.Address.ToString() ?? "?"}, {role}):"
            : $"Session #{s.Id}{name} ({Path.GetFileName(s.Path)}, {s.Local?.Address.ToString() ?? "?"} <-> {s.Remote?.Address.ToString() ?? "?"}, {role}):");
        var retransmits = 0;
        foreach (var e in s.Events)
        {
            if (e.Kind == LogEventKind.Retransmit)
            {
                retransmits++;
                if (retransmits > 1) continue;
            }
            var step = Step(e, s, ja);
            if (step is not null)
            {
                sb.AppendLine($"  {Time(e)}{step}");
            }
        }
        if (retransmits > 1)
        {
            sb.AppendLine(ja ? $"  (再送は計 {retransmits} 回)" : $"  ({retransmits} retransmits in all)");
        }
        if (s.DroppedEvents > 0)
        {
            sb.AppendLine(ja ? $"  (ほかに {s.DroppedEvents} 行は省略)" : $"  ({s.DroppedEvents} more lines not kept)");
        }
        if (s.Counterpart is { } other)
        {
            sb.AppendLine(ja
                ? $"  対向のログ ({Path.GetFileName(other.Path)} セッション #{other.Id}) にも同じ折衝があります。"
                : $"  The other end's log ({Path.GetFileName(other.Path)} session #{other.Id}) shows the same negotiation.");
        }
        foreach (var f in s.Findings)
        {
            sb.AppendLine($"  => {f.Rule.Id} {f.Rule.LocalizedTitle(lang)}: {f.Rule.Message().Format(lang, f.Args)}");
        }
        if (s.Findings.Count == 0 && s.Phase1Established)
        {
            sb.AppendLine(ja ? "  => 問題なし" : "  => no problem");
        }
        return sb.ToString();
    }

    private static bool IsStep(LogEvent e) => e.Kind is not (LogEventKind.PacketReceived or LogEventKind.PacketSent or LogEventKind.Other);

    private static string Time(LogEvent e) => e.Time is { } t ? $"{t:HH:mm:ss} " : "";

    private static string? Step(LogEvent e, LogSession s, bool ja)
    {
        var peer = s.Remote?.Address.ToString() ?? "?";
        string P(IReadOnlyList<LoggedProposal> ps) => ps.Count == 0 ? "?" : ps.Count <= 2 ? string.Join(", ", ps) : $"{ps[0]}, … ({ps.Count})";
        return e.Kind switch
        {
            LogEventKind.Phase1Initiating => ja ? $"{peer} に向けて{Mode(s, true)}でフェーズ1 を開始" : $"started {Mode(s, false)} (phase 1) towards {peer}",
            LogEventKind.Phase1PeerInitiating => ja ? $"{peer} が{Mode(s, true)}でフェーズ1 を開始" : $"{peer} started {Mode(s, false)} (phase 1)",
            LogEventKind.ProposalsReceived => ja ? $"受信したプロポーザル: {P(e.Proposals)}" : $"received proposals: {P(e.Proposals)}",
            LogEventKind.ProposalsConfigured => ja ? $"設定されたプロポーザル: {P(e.Proposals)}" : $"configured proposals: {P(e.Proposals)}",
            LogEventKind.ProposalSelected => ja ? $"選択されたプロポーザル: {P(e.Proposals)}" : $"selected proposal: {P(e.Proposals)}",
            LogEventKind.NoAcceptableTransform => ja ? $"受け入れ可能な {e.Detail} がありません" : $"no acceptable {e.Detail}",
            LogEventKind.Phase1NoProposal => ja ? "フェーズ1 のプロポーザルが一致せず NO-PROPOSAL-CHOSEN" : "no phase-1 proposal matched (NO-PROPOSAL-CHOSEN)",
            LogEventKind.Phase2NoProposal => ja ? $"クイックモードのプロポーザルが一致しません{(e.Detail is null ? "" : $" ({e.Detail} を送信)")}" : $"no Quick Mode proposal matched{(e.Detail is null ? "" : $", sending {e.Detail}")}",
            LogEventKind.AggressivePskDisabled => ja ? "PSK のアグレッシブモードを拒否 (AUTHENTICATION-FAILED)" : "refused Aggressive Mode with PSK (AUTHENTICATION-FAILED)",
            LogEventKind.NoSharedKey => ja ? $"事前共有鍵が見つかりません: {e.Message}" : $"no pre-shared key: {e.Message}",
            LogEventKind.DecryptionFailed => ja ? $"復号に失敗: {e.Message}" : $"decryption failed: {e.Message}",
            LogEventKind.HashMismatch => ja ? $"HASH 不一致: {e.Message}" : $"HASH mismatch: {e.Message}",
            LogEventKind.NoIkeConfig => ja ? $"一致する接続設定なし: {e.Message}" : $"no matching connection: {e.Message}",
            LogEventKind.PeerConfigLookup when e.Detail2 is not null => ja ? $"{peer} の ID は '{e.Detail2}'" : $"{peer} identified itself as '{e.Detail2}'",
            LogEventKind.NoPeerConfig => ja ? "その ID に一致する設定がありません" : "no peer config matches that identity",
            LogEventKind.IdentityMismatch => ja ? $"ID 不一致: {e.Message}" : $"identity mismatch: {e.Message}",
            LogEventKind.IkeSaEstablished => ja ? "フェーズ1 完了 (ISAKMP SA 確立)" : "phase 1 completed (ISAKMP SA established)",
            LogEventKind.Phase2Initiating => ja ? "クイックモード (フェーズ2) を開始" : "started Quick Mode (phase 2)",
            LogEventKind.Phase2Responding => ja ? $"{peer} がクイックモードを開始" : $"{peer} started Quick Mode",
            LogEventKind.MessageGenerated when e.Exchange == "QUICK_MODE" && !e.IsResponse && e.Payloads.Contains("SA")
                => ja ? $"クイックモード (メッセージ ID {e.MessageId}) を送信" : $"sent Quick Mode (message ID {e.MessageId})",
            LogEventKind.MessageParsed when e.Exchange == "QUICK_MODE" && !e.IsResponse && e.Payloads.Contains("SA")
                => ja ? $"{peer} からクイックモード (メッセージ ID {e.MessageId}) を受信" : $"received Quick Mode (message ID {e.MessageId}) from {peer}",
            LogEventKind.MessageGenerated when e.Notifies.Any(n => n is not ("R-U-THERE" or "R-U-THERE-ACK" or "INITIAL-CONTACT"))
                => ja ? $"通知 {string.Join(", ", e.Notifies)} を送信" : $"sent notify {string.Join(", ", e.Notifies)}",
            LogEventKind.MessageParsed when e.Notifies.Any(n => n is not ("R-U-THERE" or "R-U-THERE-ACK" or "INITIAL-CONTACT"))
                => ja ? $"通知 {string.Join(", ", e.Notifies)} を受信" : $"received notify {string.Join(", ", e.Notifies)}",
            LogEventKind.TrafficSelectorMatch => ja ? $"トラフィックセレクタ: 設定 {e.Detail}, 受信 {e.Detail2} => {e.Detail3 ?? "不一致"}" : $"traffic selector: config {e.Detail}, received {e.Detail2} => {e.Detail3 ?? "no match"}",
            LogEventKind.NoMatchingChildConfig => ja ? $"クイックモード ID {e.Detail} === {e.Detail2} に一致する設定なし (INVALID-ID-INFORMATION)" : $"no connection for Quick Mode IDs {e.Detail} === {e.Detail2} (INVALID-ID-INFORMATION)",
            LogEventKind.ProxyIdReturnedMismatch => ja ? "返されたクイックモード ID が送ったものと異なります (mismatched ID was returned)" : "the Quick Mode IDs returned differ from those sent (mismatched ID was returned)",
            LogEventKind.NoSainfo => ja ? $"sainfo/ポリシーなし: {e.Message}" : $"no sainfo/policy: {e.Message}",
            LogEventKind.PfsMismatch => ja ? $"PFS 不一致: {e.Message}" : $"PFS mismatch: {e.Message}",
            LogEventKind.ChildSaEstablished => ja ? $"IPsec SA 確立{(e.Detail is null ? "" : $" ({e.Detail} === {e.Detail2})")}" : $"IPsec SA established{(e.Detail is null ? "" : $" ({e.Detail} === {e.Detail2})")}",
            LogEventKind.Phase2Failed => ja ? "フェーズ2 失敗" : "phase 2 failed",
            LogEventKind.Phase1Failed => ja ? "フェーズ1 失敗" : "phase 1 failed",
            LogEventKind.ErrorNotifyReceived => ja ? $"エラー通知 {e.Detail} を受信" : $"received error notify {e.Detail}",
            LogEventKind.Retransmit => ja ? $"応答がなく再送 (メッセージ ID {e.MessageId})" : $"no answer, retransmitting (message ID {e.MessageId})",
            LogEventKind.GivingUp => ja ? $"再送をあきらめました: {e.Message}" : $"gave up: {e.Message}",
            LogEventKind.PeerNotResponding => ja ? $"対向が応答しません: {e.Message}" : $"peer not responding: {e.Message}",
            LogEventKind.HalfOpenTimeout => ja ? "確立途中の IKE SA をタイムアウトで削除" : "half-open IKE SA deleted after timeout",
            LogEventKind.DpdTimeout => ja ? "DPD タイムアウト: 対向断と判断" : "DPD timed out: peer considered dead",
            LogEventKind.NatDetected => ja ? $"NAT 検出: {e.Message}" : $"NAT detected: {e.Message}",
            LogEventKind.DeleteReceived => ja ? $"{peer} が {e.Detail} を削除" : $"{peer} deleted the {e.Detail}",
            LogEventKind.DeleteSent => ja ? $"こちらが {e.Detail} を削除" : $"this end deleted the {e.Detail}",
            LogEventKind.StaleSaPurged => ja ? $"古い SA を削除: {e.Message}" : $"stale SAs removed: {e.Message}",
            LogEventKind.InvalidPacket => ja ? $"不正な ISAKMP パケット: {e.Message}" : $"invalid ISAKMP packet: {e.Message}",
            _ => null,
        };
    }

    private static string Mode(LogSession s, bool ja) => s.Mode switch
    {
        Ike.ExchangeMode.Aggressive => ja ? "アグレッシブモード" : "Aggressive Mode",
        Ike.ExchangeMode.Main => ja ? "メインモード" : "Main Mode",
        _ => ja ? "IKE" : "IKE",
    };
}
