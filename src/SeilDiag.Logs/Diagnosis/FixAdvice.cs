using SeilDiag.Diagnostics;
using SeilDiag.Ike;
using SeilDiag.Logs.Events;

namespace SeilDiag.Logs.Diagnosis;

/// <summary>
/// Fix advice from logs alone (no config given): names the keys on each side — SEIL interface.ipsecN keys and
/// strongSwan ipsec.conf/strongswan.conf keys — with values from the log. Options that weaken security are flagged.
/// The SEIL interface is not in the logs, so keys say "ipsec0" as in the seed; the user's ipsecN may differ.
/// Titles and explanations are given in English and Japanese; keys, values and log names stay as they are.
/// </summary>
internal static class FixAdvice
{
    public const string SeilIf = "interface.ipsec0";

    public static IReadOnlyList<CodeFix> ForProposalDifference(IReadOnlyList<TransformDifference> differences, LoggedProposal? received, bool ike, string? conn)
    {
        var fixes = new List<CodeFix>();
        if (differences.Count == 0)
        {
            return fixes;
        }
        // Option 1: the peer adopts what this end is configured for (its first acceptable value per type).
        var adopt = differences.Select(d => SeilSetting(d.Type, d.Configured, ike)).Where(s => s is not null).ToList();
        var adoptWeak = differences.Any(d => d.Configured.FirstOrDefault(v => Keyword(d.Type, v, ike) is not null) is { } v && IsWeak(d.Type, v, ike));
        if (adopt.Count > 0)
        {
            var settings = string.Join(", ", adopt);
            var key = ike ? "ike=" : "esp=";
            fixes.Add(CodeFix.Advice(
                new LocalizedText($"On the proposing peer (SEIL) set {settings}", $"提案側の対向 (SEIL) で {settings} を設定します"),
                adoptWeak ? FixSafety.WeakensSecurity : FixSafety.KeepsSecurity,
                new LocalizedText($"Make the peer propose a value this end accepts; if the peer is strongSwan, change its {key} the same way.",
                    $"この端が受け入れる値を対向が提案するようにします。対向が strongSwan の場合は {key} を同様に変更してください。")));
        }
        // Option 2: this end also accepts what the peer proposed.
        if (received is not null && StrongSwanProposal(received, ike) is { } proposal)
        {
            var weak = differences.Any(d => d.Received.Any(v => IsWeak(d.Type, v, ike)));
            var setting = $"{(ike ? "ike" : "esp")}={proposal}!";
            var where = conn is null ? "" : $" (conn {conn})";
            var weakNames = string.Join(", ", differences.SelectMany(d => d.Received).Where(v => IsWeakAny(v, ike)));
            fixes.Add(CodeFix.Advice(
                new LocalizedText($"On strongSwan{where} accept the peer's proposal: {setting}", $"strongSwan{where} で対向のプロポーザルを受け入れます: {setting}"),
                weak ? FixSafety.WeakensSecurity : FixSafety.KeepsSecurity,
                weak ? new LocalizedText($"This accepts a weak algorithm ({weakNames}): prefer changing the peer.",
                    $"弱いアルゴリズム ({weakNames}) を受け入れることになります。対向側の変更を推奨します。") : null));
        }
        return fixes;
    }

    private static string? SeilSetting(TransformType type, IReadOnlyList<string> values, bool ike)
    {
        var value = values.Select(v => Keyword(type, v, ike)).FirstOrDefault(k => k is not null);
        if (value is null)
        {
            return null;
        }
        var phase = ike ? "phase1" : "phase2";
        return type switch
        {
            TransformType.Encryption => $"{SeilIf}.ike.proposal.{phase}.encryption.0.algorithm: {value}",
            TransformType.Integrity or TransformType.Prf when ike => $"{SeilIf}.ike.proposal.phase1.hash.0.algorithm: {value}",
            TransformType.Integrity => $"{SeilIf}.ike.proposal.phase2.authentication.0.algorithm: {value}",
            TransformType.KeyExchange when ike => $"{SeilIf}.ike.proposal.phase1.dh-group: {value}",
            TransformType.KeyExchange => value == "none" ? $"no {SeilIf}.ike.proposal.phase2.pfs-group" : $"{SeilIf}.ike.proposal.phase2.pfs-group: {value}",
            _ => null,
        };
    }

    /// <summary>The SEIL keyword of a charon log name.</summary>
    private static string? Keyword(TransformType type, string logName, bool ike) => type switch
    {
        TransformType.Encryption => IkeNames.CipherFromLog(logName)?.Seil,
        TransformType.Integrity or TransformType.Prf when ike => IkeNames.HashFromLog(logName)?.Seil,
        TransformType.Integrity => IkeNames.IntegrityFromLog(logName)?.Seil,
        TransformType.KeyExchange when logName == "NO_PFS" => "none",
        TransformType.KeyExchange => IkeNames.GroupFromLog(logName)?.Seil,
        _ => null,
    };

    private static bool IsWeak(TransformType type, string logName, bool ike) => type switch
    {
        TransformType.Encryption => IkeNames.CipherFromLog(logName) is { Weak: true },
        TransformType.Integrity or TransformType.Prf when ike => IkeNames.HashFromLog(logName) is { Weak: true },
        TransformType.Integrity => IkeNames.IntegrityFromLog(logName) is { Weak: true },
        TransformType.KeyExchange => IkeNames.GroupFromLog(logName) is { Weak: true },
        _ => false,
    };

    private static bool IsWeakAny(string logName, bool ike) =>
        IsWeak(TransformType.Encryption, logName, ike) || IsWeak(TransformType.Integrity, logName, ike) || IsWeak(TransformType.KeyExchange, logName, ike);

    /// <summary>"aes256-sha256-modp1024" from a single-suite logged proposal.</summary>
    private static string? StrongSwanProposal(LoggedProposal p, bool ike)
    {
        var parts = new List<string>();
        if (p.Encryption.FirstOrDefault() is not { } enc || IkeNames.CipherFromLog(enc) is not { } cipher)
        {
            return null;
        }
        parts.Add(cipher.StrongSwan[0]);
        var integrity = p.Integrity.FirstOrDefault() ?? p.Prf.FirstOrDefault();
        if (integrity is not null)
        {
            var name = ike ? IkeNames.HashFromLog(integrity)?.StrongSwan[0] : IkeNames.IntegrityFromLog(integrity)?.StrongSwan[0];
            if (name is null)
            {
                return null;
            }
            parts.Add(name);
        }
        if (p.KeyExchange.FirstOrDefault() is { } group && IkeNames.GroupFromLog(group) is { } g)
        {
            parts.Add(g.StrongSwan[0]);
        }
        return string.Join('-', parts);
    }

    public static CodeFix[] PskMismatch() =>
    [
        CodeFix.Advice(
            new LocalizedText($"Set the same pre-shared key on both ends: SEIL {SeilIf}.preshared-key, strongSwan ipsec.secrets (\"<local> <peer> : PSK ...\")",
                $"両端に同じ事前共有鍵を設定します: SEIL {SeilIf}.preshared-key、strongSwan ipsec.secrets (\"<local> <peer> : PSK ...\")"),
            explanation: new LocalizedText("The key itself is never shown; compare the two settings where they are configured.",
                "鍵そのものは表示しません。両端の設定箇所で比較してください。")),
    ];

    public static CodeFix[] NoPsk(string? peer) =>
    [
        CodeFix.Advice(new LocalizedText(
            $"Add a pre-shared key for {peer ?? "the peer"}: strongSwan ipsec.secrets \"<local> {peer ?? "<peer>"} : PSK ...\" (check that ipsec.secrets is loaded: 'loaded IKE secret for ...'); SEIL {SeilIf}.preshared-key",
            $"{peer ?? "対向"} 用の事前共有鍵を追加します: strongSwan ipsec.secrets \"<local> {peer ?? "<peer>"} : PSK ...\" (ipsec.secrets が読み込まれていることを 'loaded IKE secret for ...' で確認); SEIL {SeilIf}.preshared-key")),
    ];

    public static CodeFix[] Identity(string? sent, string? expected) =>
    [
        CodeFix.Advice(new LocalizedText(
            $"Make the identities agree: SEIL {SeilIf}.ike.my-identifier / {SeilIf}.ike.peers-identifier and strongSwan leftid=/rightid=" +
            (sent is null ? "" : $" (the peer sent '{sent}'" + (expected is null ? ")" : $", expected '{expected}')")),
            $"ID を一致させます: SEIL {SeilIf}.ike.my-identifier / {SeilIf}.ike.peers-identifier と strongSwan leftid=/rightid=" +
            (sent is null ? "" : $" (対向が送った ID は '{sent}'" + (expected is null ? ")" : $"、期待した ID は '{expected}')")))),
        CodeFix.Advice(new LocalizedText("On strongSwan accept any identity from this peer: rightid=%any", "strongSwan でこの対向からの任意の ID を受け入れます: rightid=%any"),
            FixSafety.WeakensSecurity,
            new LocalizedText("Any peer that knows the PSK can then take this connection.", "事前共有鍵を知っていればどの対向でもこの接続を使えるようになります。")),
    ];

    public static CodeFix[] AggressiveMode() =>
    [
        CodeFix.Advice(new LocalizedText(
            $"Use Main Mode on SEIL: remove {SeilIf}.ike.exchange-mode (or set it to main), unless a NAT'd peer with a dynamic address needs Aggressive Mode",
            $"SEIL でメインモードを使います: {SeilIf}.ike.exchange-mode を削除 (または main に設定)。NAT 配下でアドレスが動的な対向のためにアグレッシブモードが必要な場合を除きます")),
        CodeFix.Advice(new LocalizedText(
                "Allow Aggressive Mode with PSK on strongSwan: aggressive=yes in the conn and charon { i_dont_care_about_security_and_use_aggressive_mode_psk = yes } in strongswan.conf",
                "strongSwan で事前共有鍵のアグレッシブモードを許可します: conn に aggressive=yes、strongswan.conf に charon { i_dont_care_about_security_and_use_aggressive_mode_psk = yes }"),
            FixSafety.WeakensSecurity,
            new LocalizedText("Aggressive Mode sends a hash of the PSK in clear: anyone who captures it can guess the PSK offline (VU#857035).",
                "アグレッシブモードは事前共有鍵のハッシュを平文で送ります。キャプチャした者はオフラインで事前共有鍵を推測できます (VU#857035)。")),
    ];

    public static CodeFix[] NoIkeConfig(string? local, string? remote) =>
    [
        CodeFix.Advice(new LocalizedText(
            $"On strongSwan add or fix a conn with left={local ?? "<local address>"} right={remote ?? "<peer address>"} (right=%any for a SEIL with a dynamic address); on SEIL check {SeilIf}.ipv4.source / {SeilIf}.ipv4.destination",
            $"strongSwan で left={local ?? "<local address>"} right={remote ?? "<peer address>"} の conn を追加または修正します (SEIL のアドレスが動的なら right=%any)。SEIL では {SeilIf}.ipv4.source / {SeilIf}.ipv4.destination を確認してください")),
    ];

    public static CodeFix[] ProxyId(string? seilLocal, string? seilRemote) =>
    [
        CodeFix.Advice(new LocalizedText(
            $"Set the SEIL proxy-id to the strongSwan subnets, swapped: {SeilIf}.ike.proposal.phase2.proxy-id.ipv4.local: {seilLocal ?? "<strongSwan rightsubnet>"}, " +
            $"{SeilIf}.ike.proposal.phase2.proxy-id.ipv4.remote: {seilRemote ?? "<strongSwan leftsubnet>"} (or make leftsubnet=/rightsubnet= match the SEIL's)",
            $"SEIL の proxy-id を strongSwan のサブネットと左右逆に設定します: {SeilIf}.ike.proposal.phase2.proxy-id.ipv4.local: {seilLocal ?? "<strongSwan rightsubnet>"}, " +
            $"{SeilIf}.ike.proposal.phase2.proxy-id.ipv4.remote: {seilRemote ?? "<strongSwan leftsubnet>"} (または leftsubnet=/rightsubnet= を SEIL に合わせます)")),
        CodeFix.Advice(new LocalizedText(
                "strongSwan leftsubnet=0.0.0.0/0 rightsubnet=0.0.0.0/0 to match a route-based SEIL",
                "ルートベースの SEIL に合わせて strongSwan を leftsubnet=0.0.0.0/0 rightsubnet=0.0.0.0/0 にします"),
            FixSafety.WeakensSecurity,
            new LocalizedText("This sends all traffic into the tunnel and can cut management access (e.g. SSH) to the strongSwan host.",
                "すべての通信がトンネルに入るため、strongSwan ホストへの管理アクセス (SSH など) が切れることがあります。")),
    ];

    public static CodeFix[] Unreachable(string? peer) =>
    [
        CodeFix.Advice(new LocalizedText(
            $"Check that {peer ?? "the peer"} is reachable on UDP 500 and 4500 (firewall, routing), that the address is right (strongSwan right=, SEIL {SeilIf}.ipv4.destination) and that the peer's IKE daemon runs",
            $"{peer ?? "対向"} に UDP 500 と 4500 で到達できること (ファイアウォール、ルーティング)、アドレスが正しいこと (strongSwan right=、SEIL {SeilIf}.ipv4.destination)、対向の IKE デーモンが動作していることを確認してください")),
    ];

    public static CodeFix[] DeadPeer() =>
    [
        CodeFix.Advice(new LocalizedText(
            $"Check the path to the peer; DPD is set by SEIL {SeilIf}.ike.dpd and strongSwan dpddelay=/dpdtimeout=/dpdaction= (dpdaction=restart re-establishes the tunnel)",
            $"対向までの経路を確認してください。DPD は SEIL の {SeilIf}.ike.dpd と strongSwan の dpddelay=/dpdtimeout=/dpdaction= で設定します (dpdaction=restart でトンネルを再確立します)")),
    ];
}
