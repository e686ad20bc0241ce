using SeilDiag.Diagnostics;

namespace SeilDiag.Logs.Events;

/// <summary>
/// What a log event is, in words, for evidence: one table for every producer of log evidence (a diagnosis's
/// supporting lines, the messages exported to the correlator). The log line itself is always the excerpt next to
/// it, so the words only say what the line is. In English a line with no summary of its own is described by its
/// message (the daemon's own words, as the English reports always showed); in Japanese it gets a Japanese phrase,
/// or the message when the kind has none. Values (notify names, message IDs, transform types, exchange names)
/// stay as the daemon printed them.
/// </summary>
internal static class LogEventText
{
    public static LocalizedText Describe(LogEvent e) => e.Kind switch
    {
        LogEventKind.Retransmit => new($"retransmit {e.Number} of message ID {e.MessageId}", $"メッセージ ID {e.MessageId} の再送 ({e.Number} 回目)"),
        LogEventKind.GivingUp => new("gave up after retransmits", "再送をあきらめました"),
        LogEventKind.DecryptionFailed => new("could not decrypt the peer's message", "対向のメッセージを復号できませんでした"),
        LogEventKind.ProposalsReceived => new("proposals received from the peer", "対向から受信したプロポーザル"),
        LogEventKind.ProposalsConfigured => new("proposals configured on this end", "こちらの端に設定されているプロポーザル"),
        LogEventKind.ErrorNotifyReceived => new($"error notify {e.Detail} received", $"エラー通知 {e.Detail} を受信"),
        LogEventKind.MessageGenerated when e.Notifies.Count > 0 => new($"sent notify {string.Join(", ", e.Notifies)}", $"通知 {string.Join(", ", e.Notifies)} を送信"),
        LogEventKind.MessageParsed when e.Notifies.Count > 0 => new($"received notify {string.Join(", ", e.Notifies)}", $"通知 {string.Join(", ", e.Notifies)} を受信"),
        _ => new(e.Message, Japanese(e) ?? e.Message),
    };

    /// <summary>The Japanese for the kinds whose English is the daemon's own message.</summary>
    private static string? Japanese(LogEvent e) => e.Kind switch
    {
        LogEventKind.PacketSent => "パケットを送信",
        LogEventKind.PacketReceived => "パケットを受信",
        LogEventKind.MessageGenerated => $"{Message(e)}を送信{Payloads(e)}",
        LogEventKind.MessageParsed => $"{Message(e)}を受信{Payloads(e)}",
        LogEventKind.PeerNotResponding => "対向が応答しません",
        LogEventKind.HalfOpenTimeout => "確立途中の IKE SA をタイムアウトで削除",
        LogEventKind.PeerRetransmitted => "対向がメッセージを再送",
        LogEventKind.Phase1Initiating => "フェーズ1 を開始 (イニシエータ)",
        LogEventKind.Phase1PeerInitiating => "対向がフェーズ1 を開始 (レスポンダ)",
        LogEventKind.ProposalSelected => "選択されたプロポーザル",
        LogEventKind.NoAcceptableTransform => e.Detail is null ? "受け入れ可能な変換がありません" : $"受け入れ可能な {e.Detail} がありません",
        LogEventKind.Phase1NoProposal => "フェーズ1 のプロポーザルが一致しません",
        LogEventKind.AggressivePskDisabled => "事前共有鍵でのアグレッシブモードを拒否",
        LogEventKind.NoSharedKey => "事前共有鍵が見つかりません",
        LogEventKind.ParsingFailed => "メッセージの解析に失敗",
        LogEventKind.HashMismatch => "HASH が一致しません",
        LogEventKind.ProcessingFailed => "メッセージの処理に失敗",
        LogEventKind.NoIkeConfig => "一致する IKE 設定がありません",
        LogEventKind.PeerConfigLookup => "対向の ID に一致する設定を検索",
        LogEventKind.NoPeerConfig => "対向の ID に一致する設定がありません",
        LogEventKind.NoConfigAllowsAuth => "この認証方式を許可する設定がありません",
        LogEventKind.IdentityMismatch => "ID が一致しません",
        LogEventKind.IkeSaEstablished => "フェーズ1 確立 (ISAKMP SA)",
        LogEventKind.IkeSaStateChange => "IKE SA の状態が変化",
        LogEventKind.IkeSaDeleting => "IKE SA を削除",
        LogEventKind.IkeSaDestroyedUnnotified => "IKE SA を対向に通知せずに破棄",
        LogEventKind.Phase2Initiating => "クイックモード (フェーズ2) を開始",
        LogEventKind.Phase2Responding => "対向がクイックモード (フェーズ2) を開始",
        LogEventKind.TrafficSelectorsProposedHeader => "提案されたトラフィックセレクタ",
        LogEventKind.TrafficSelectorItem => "トラフィックセレクタ",
        LogEventKind.TrafficSelectorMatch => "トラフィックセレクタの照合",
        LogEventKind.NoMatchingChildConfig => "クイックモードの ID に一致する設定がありません",
        LogEventKind.InvalidTrafficSelectors => "トラフィックセレクタが不正です",
        LogEventKind.Phase2NoProposal => "フェーズ2 のプロポーザルが一致しません",
        LogEventKind.PfsMismatch => "PFS グループが一致しません",
        LogEventKind.ChildSaEstablished => "IPsec SA 確立",
        LogEventKind.ChildSaClosed => "IPsec SA を削除",
        LogEventKind.ProxyIdReturnedMismatch => "返されたクイックモードの ID が送信したものと異なります",
        LogEventKind.NoSainfo => "一致する sainfo (ポリシー) がありません",
        LogEventKind.Phase2Failed => "フェーズ2 失敗",
        LogEventKind.Phase1Failed => "フェーズ1 失敗",
        LogEventKind.PreprocessFailed => "パケットの前処理に失敗",
        LogEventKind.StatusNotifyReceived => e.Detail is null ? "通知を受信" : $"通知 {e.Detail} を受信",
        LogEventKind.NotifyIgnored => "通知を無視",
        LogEventKind.DpdRequestSent => "DPD 要求を送信",
        LogEventKind.DpdTimeout => "DPD タイムアウト",
        LogEventKind.DpdUnsupported => "対向は DPD に対応していません",
        LogEventKind.NatDetected => "NAT を検出",
        LogEventKind.DeleteReceived => "対向が SA を削除",
        LogEventKind.DeleteSent => "こちらの端が SA を削除",
        LogEventKind.StaleSaPurged => "古い SA を削除",
        LogEventKind.SaExpired => "SA の有効期限切れ",
        LogEventKind.InvalidPacket => "不正な ISAKMP パケット",
        LogEventKind.ExchangeModeBegin => "フェーズ1 の交換を開始",
        LogEventKind.Phase2Handle => "フェーズ2 の折衝を開始",
        _ => null,
    };

    private static string Message(LogEvent e) =>
        e.Exchange is null ? "メッセージ" : $"{e.Exchange} の{(e.IsResponse ? "応答" : "要求")}{(e.MessageId is { } id ? $" (メッセージ ID {id})" : "")}";

    private static string Payloads(LogEvent e) => e.Payloads.Count == 0 ? "" : $" [{string.Join(" ", e.Payloads)}]";
}
