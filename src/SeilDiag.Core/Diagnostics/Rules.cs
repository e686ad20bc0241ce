namespace SeilDiag.Diagnostics;

/// <summary>
/// The rule catalogue: one record per ID. Keep the ranges: SD0xxx input and syntax, SD1xxx phase 1,
/// SD2xxx phase 2, SD3xxx session lifecycle and reachability, SD4xxx hygiene. IDs are stable forever;
/// a retired rule keeps its number unused.
/// Message arguments: values as strings, phrases as <see cref="LocalizedText"/>.
/// </summary>
public static class Rules
{
    private static Rule Make(
        string id, RuleCategory category, Severity severity, string title, string titleJa, string description,
        string message, string messageJa, string[] tags, params (string Variant, string En, string Ja)[] variants)
    {
        var messages = new Dictionary<string, MessageFormat> { [Rule.DefaultMessage] = new(message, messageJa) };
        foreach (var (variant, en, ja) in variants)
        {
            messages[variant] = new MessageFormat(en, ja);
        }
        return new Rule(id, title, titleJa, category, severity, description, messages, tags);
    }

    // ---- SD0xxx: input and syntax -------------------------------------------------------------

    public static readonly Rule SyntaxError = Make("SD0001", RuleCategory.Input, Severity.Error,
        "Syntax error", "構文エラー",
        "A line could not be parsed; parsing stopped at the reported column. The line is kept and the rest of the file is still analysed.",
        "syntax error: {0}", "構文エラー: {0}", ["syntax"]);

    public static readonly Rule UnknownKey = Make("SD0002", RuleCategory.Input, Severity.Warning,
        "Unknown key or keyword", "不明なキーまたはキーワード",
        "A key, keyword or parameter that the daemon does not know; usually a typo. The nearest valid name is suggested.",
        "unknown {0} '{1}'{2}", "不明な{0} '{1}'{2}", ["syntax", "typo"]);

    public static readonly Rule InvalidValue = Make("SD0003", RuleCategory.Input, Severity.Error,
        "Invalid value", "不正な値",
        "A value the daemon will reject: an unknown algorithm name, a malformed address or prefix, a lifetime out of range, a non-numeric index.",
        "invalid value '{0}' for {1}: {2}", "{1} の値 '{0}' は不正です: {2}", ["syntax", "value"]);

    public static readonly Rule IncludeProblem = Make("SD0004", RuleCategory.Input, Severity.Error,
        "Include problem", "include の問題",
        "An include names a file that does not exist, or files include each other in a loop.",
        "{0}", "{0}", ["syntax", "include"]);

    public static readonly Rule UnrecognizedLogLines = Make("SD0005", RuleCategory.Input, Severity.Info,
        "Log lines not recognised", "認識できないログ行",
        "Lines of a log that match no known message. They are kept and counted, and listed with -v.",
        "{0} of {1} lines in this log were not recognised (first at line {2})", "このログの {1} 行中 {0} 行を認識できませんでした (最初は {2} 行目)", ["log"]);

    public static readonly Rule DeprecatedKey = Make("SD0006", RuleCategory.Input, Severity.Info,
        "Deprecated or misplaced key", "旧表記または誤った位置のキー",
        "A key spelled the way older firmware or converters wrote it; newer firmware expects another spelling.",
        "'{0}' is an older spelling; current firmware uses '{1}'", "'{0}' は旧表記です。現行ファームウェアでは '{1}' です", ["syntax", "compatibility"]);

    public static readonly Rule NotUtf8 = Make("SD0007", RuleCategory.Input, Severity.Warning,
        "Input is not UTF-8", "入力が UTF-8 ではありません",
        "The file is not valid UTF-8 and was decoded as {0}; check non-ASCII values such as descriptions or identifiers.",
        "file is not valid UTF-8; decoded as {0}", "UTF-8 として不正なため {0} として読みました", ["encoding"]);

    public static readonly Rule DuplicateKey = Make("SD0008", RuleCategory.Input, Severity.Warning,
        "Duplicate key", "キーの重複",
        "The same key is set twice; the later line wins and the earlier one has no effect.",
        "'{0}' is set again here; the earlier value at line {1} is overridden", "'{0}' が再設定されています。{1} 行目の値は上書きされます", ["syntax"]);

    public static readonly Rule IkeUndecryptable = Make("SD0021", RuleCategory.Input, Severity.Warning,
        "IKE message could not be decrypted", "IKE メッセージを復号できません",
        "An encrypted ISAKMP message could not be decrypted: no key for its initiator cookie, no KE payloads seen, or the padding/payload chain is invalid after decryption (wrong key).",
        "cannot decrypt {0} message (cookie {1}): {2}", "{0} メッセージ (cookie {1}) を復号できません: {2}", ["capture", "decryption"]);

    public static readonly Rule EspUndecryptable = Make("SD0022", RuleCategory.Input, Severity.Warning,
        "ESP could not be decrypted or ICV failed", "ESP の復号または ICV 検証に失敗",
        "ESP packets of one SA could not be decrypted or their integrity check value did not verify: the key in the key table is wrong for that SA.",
        "ESP SA {0}: {1}", "ESP SA {0}: {1}", ["capture", "decryption"]);

    public static readonly Rule KeyTableMismatch = Make("SD0023", RuleCategory.Input, Severity.Warning,
        "Key table entry unused or mismatched", "鍵テーブルの項目が未使用または不一致",
        "A key table entry matches nothing in the capture (for example an ESP SA listed with the wrong address), so it cannot be used.",
        "key table entry {0} {1}", "鍵テーブルの項目 {0} は {1}", ["capture", "keys"]);

    public static readonly Rule CorruptPacket = Make("SD0024", RuleCategory.Input, Severity.Warning,
        "Corrupt or truncated packet", "壊れたパケットまたは途中で切れたキャプチャ",
        "A packet or a capture block is malformed or truncated; it is skipped and the rest is analysed.",
        "{0}", "{0}", ["capture"]);

    // ---- SD1xxx: phase 1 ----------------------------------------------------------------------

    public static readonly Rule Phase1ProposalMismatch = Make("SD1001", RuleCategory.Phase1, Severity.Error,
        "Phase 1 proposal mismatch", "フェーズ1 プロポーザル不一致",
        "The two ends have no IKE (ISAKMP SA) transform in common: encryption, hash, DH group, authentication method, or (racoon check-level) lifetime differ. The responder answers NO-PROPOSAL-CHOSEN.",
        "phase 1 proposal mismatch: {0}", "フェーズ1 プロポーザル不一致: {0}", ["phase1", "proposal"]);

    public static readonly Rule PskMismatch = Make("SD1002", RuleCategory.Phase1, Severity.Error,
        "Pre-shared key mismatch", "事前共有鍵の不一致",
        "The ends use different pre-shared keys: the responder cannot decrypt the 5th Main Mode message ('decryption failed?', 'HASH mismatched') and the initiator retransmits until it gives up.",
        "pre-shared keys differ: {0}", "事前共有鍵が一致しません: {0}", ["phase1", "psk"]);

    public static readonly Rule IdentityMismatch = Make("SD1003", RuleCategory.Phase1, Severity.Error,
        "Phase 1 identity mismatch", "フェーズ1 ID の不一致",
        "The identity one end sends (my-identifier, leftid) is not the one the other end expects (peers-identifier, rightid); no peer config matches.",
        "identity mismatch: {0}", "ID が一致しません: {0}", ["phase1", "identity"]);

    public static readonly Rule AggressivePskRefused = Make("SD1004", RuleCategory.Phase1, Severity.Error,
        "strongSwan refuses Aggressive Mode with PSK", "strongSwan がアグレッシブモード+PSK を拒否",
        "strongSwan refuses Aggressive Mode with a pre-shared key ('Aggressive Mode PSK disabled for security reasons') unless strongswan.conf sets charon.i_dont_care_about_security_and_use_aggressive_mode_psk = yes.",
        "{0}", "{0}", ["phase1", "aggressive", "security"]);

    public static readonly Rule ExchangeModeMismatch = Make("SD1005", RuleCategory.Phase1, Severity.Error,
        "Exchange mode mismatch", "交換モードの不一致",
        "One end uses Main Mode and the other Aggressive Mode.",
        "exchange mode mismatch: {0}", "交換モードが一致しません: {0}", ["phase1"]);

    public static readonly Rule NoPresharedKey = Make("SD1006", RuleCategory.Phase1, Severity.Error,
        "No pre-shared key for the peer", "対向の事前共有鍵がありません",
        "PSK authentication is configured but no key is set for this peer ('no shared key found', 'couldn't find the pskey').",
        "no pre-shared key for {0}: {1}", "{0} の事前共有鍵がありません: {1}", ["phase1", "psk"]);

    public static readonly Rule NoMatchingConnection = Make("SD1007", RuleCategory.Phase1, Severity.Error,
        "No connection on the other end matches this peer", "対向側に一致する接続設定がありません",
        "No conn or ipsecN on the other end matches this peer's addresses or identities ('no IKE config found').",
        "{0}", "{0}", ["phase1", "pairing"]);

    // ---- SD2xxx: phase 2 ----------------------------------------------------------------------

    public static readonly Rule Phase2ProposalMismatch = Make("SD2001", RuleCategory.Phase2, Severity.Error,
        "Phase 2 proposal mismatch", "フェーズ2 プロポーザル不一致",
        "The two ends have no ESP transform in common (encryption or integrity algorithm); Quick Mode is answered with NO-PROPOSAL-CHOSEN.",
        "phase 2 proposal mismatch: {0}", "フェーズ2 プロポーザル不一致: {0}", ["phase2", "proposal"]);

    public static readonly Rule PfsMismatch = Make("SD2002", RuleCategory.Phase2, Severity.Error,
        "PFS group mismatch", "PFS グループの不一致",
        "The ends disagree on Perfect Forward Secrecy in Quick Mode: one requires a DH group the other does not offer.",
        "PFS mismatch: {0}", "PFS が一致しません: {0}", ["phase2", "pfs"]);

    public static readonly Rule ProxyIdMismatch = Make("SD2003", RuleCategory.Phase2, Severity.Error,
        "Proxy-ID / traffic selector mismatch", "プロキシID (トラフィックセレクタ) の不一致",
        "The Quick Mode IDs (SEIL proxy-id, strongSwan leftsubnet/rightsubnet) do not agree: disjoint selectors are refused with INVALID-ID-INFORMATION; selectors strongSwan narrows make racoon log 'mismatched ID was returned'.",
        "proxy-ID mismatch: {0}", "プロキシID が一致しません: {0}", ["phase2", "proxy-id"]);

    // ---- SD3xxx: session lifecycle and reachability ------------------------------------------

    public static readonly Rule NobodyInitiates = Make("SD3001", RuleCategory.Lifecycle, Severity.Error,
        "Nobody initiates", "どちらも接続を開始しません",
        "Both ends only wait for the other (SEIL responder-only, strongSwan auto=add): the tunnel never comes up.",
        "nobody initiates: {0}", "どちらも開始しません: {0}", ["lifecycle"]);

    public static readonly Rule PeerNotResponding = Make("SD3002", RuleCategory.Lifecycle, Severity.Error,
        "Peer not responding", "対向が応答しません",
        "Requests were retransmitted without an answer until the daemon gave up.",
        "peer {0} did not respond: {1}", "対向 {0} が応答しません: {1}", ["lifecycle", "reachability"]);

    public static readonly Rule DeadPeer = Make("SD3003", RuleCategory.Lifecycle, Severity.Warning,
        "Dead peer detected", "DPD による対向断の検出",
        "DPD R-U-THERE messages went unanswered and the SA was torn down (RFC 3706).",
        "dead peer {0}: {1}", "対向 {0} の断を検出: {1}", ["lifecycle", "dpd"]);

    public static readonly Rule SaDeletedByPeer = Make("SD3004", RuleCategory.Lifecycle, Severity.Info,
        "SA deleted by the peer", "対向による SA 削除",
        "The peer sent a Delete payload for an IPsec or ISAKMP SA: an orderly teardown, not a failure.",
        "{0} deleted by {1}", "{1} が {0} を削除しました", ["lifecycle", "delete"]);

    public static readonly Rule LifecycleSettings = Make("SD3005", RuleCategory.Lifecycle, Severity.Warning,
        "Lifetime, rekey, DPD or NAT-T settings disagree", "ライフタイム・リキー・DPD・NAT-T 設定の不整合",
        "Settings that do not stop the tunnel from coming up but make it flap or fail later: lifetimes one side rejects or short enough to rekey every minute, DPD on one side only, NAT-T forced on one end and disabled on the other (forced on one end and followed by the other is SD3006).",
        "{0}", "{0}", ["lifecycle"]);

    public static readonly Rule NatTraversal = Make("SD3006", RuleCategory.Lifecycle, Severity.Info,
        "NAT-T in use", "NAT トラバーサル使用中",
        "A NAT was detected (or encapsulation forced): IKE moves to UDP 4500 and ESP is UDP-encapsulated (RFC 3947/3948).",
        "NAT traversal: {0}", "NAT トラバーサル: {0}", ["lifecycle", "nat"]);

    public static readonly Rule InitialContact = Make("SD3007", RuleCategory.Lifecycle, Severity.Info,
        "INITIAL-CONTACT or stale SA", "INITIAL-CONTACT または古い SA",
        "INITIAL-CONTACT tells the peer to drop SAs left over from before a reboot; stale SAs explain traffic that vanishes after one side restarts.",
        "{0}", "{0}", ["lifecycle"]);

    // ---- SD4xxx: hygiene -----------------------------------------------------------------------

    public static readonly Rule WeakAlgorithm = Make("SD4001", RuleCategory.Hygiene, Severity.Warning,
        "Weak algorithm", "弱い暗号アルゴリズム",
        "DES, 3DES, MD5, SHA-1 as the only hash, MODP-768 and MODP-1024 are considered broken or too weak.",
        "weak algorithm {0} in {1}{2}", "{1} に弱いアルゴリズム {0}{2}", ["security"]);

    public static readonly Rule AggressiveModePsk = Make("SD4002", RuleCategory.Hygiene, Severity.Warning,
        "Aggressive Mode with pre-shared key", "アグレッシブモード + 事前共有鍵",
        "Aggressive Mode sends the PSK-derived hash in clear; anyone who sees the exchange can guess the PSK offline (VU#857035).",
        "{0} uses Aggressive Mode with a pre-shared key: the PSK is exposed to offline guessing", "{0} はアグレッシブモードで事前共有鍵を使っています: PSK がオフライン総当たりにさらされます", ["security", "aggressive"]);

    public static readonly Rule ProposalNotStrict = Make("SD4003", RuleCategory.Hygiene, Severity.Warning,
        "strongSwan proposal without '!'", "strongSwan のプロポーザルに '!' がありません",
        "Without a trailing '!', strongSwan appends its default proposals to ike= or esp=, so it proposes and accepts more than the line says.",
        "{0}={1} has no '!': strongSwan also proposes and accepts its defaults", "{0}={1} に '!' がないため strongSwan は既定のプロポーザルも提案・受諾します", ["security", "proposal"]);

    public static readonly Rule NoRouteIntoTunnel = Make("SD4004", RuleCategory.Hygiene, Severity.Warning,
        "No route into the ipsec interface", "ipsec インタフェースへの経路がありません",
        "SEIL routing-based IPsec only carries traffic routed into the ipsec interface; no route sends the proxy-id remote subnet there.",
        "no route sends {0} into {1}", "{0} を {1} に送る経路がありません", ["routing"]);

    public static IReadOnlyList<Rule> All { get; } =
    [
        SyntaxError, UnknownKey, InvalidValue, IncludeProblem, UnrecognizedLogLines, DeprecatedKey, NotUtf8, DuplicateKey,
        IkeUndecryptable, EspUndecryptable, KeyTableMismatch, CorruptPacket,
        Phase1ProposalMismatch, PskMismatch, IdentityMismatch, AggressivePskRefused, ExchangeModeMismatch, NoPresharedKey, NoMatchingConnection,
        Phase2ProposalMismatch, PfsMismatch, ProxyIdMismatch,
        NobodyInitiates, PeerNotResponding, DeadPeer, SaDeletedByPeer, LifecycleSettings, NatTraversal, InitialContact,
        WeakAlgorithm, AggressiveModePsk, ProposalNotStrict, NoRouteIntoTunnel,
    ];

    private static readonly Dictionary<string, Rule> ById = All.ToDictionary(r => r.Id, StringComparer.OrdinalIgnoreCase);

    public static Rule? Find(string id) => ById.GetValueOrDefault(id);
}
