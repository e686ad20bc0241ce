using SeilDiag.Diagnostics;
using SeilDiag.Ike;
using SeilDiag.Logs.Events;

namespace SeilDiag.Logs.Diagnosis;

/// <summary>
/// Fix advice from logs alone (no config given): names the keys on each side — SEIL interface.ipsecN keys and
/// strongSwan ipsec.conf/strongswan.conf keys — with values from the log. Options that weaken security are flagged.
/// The SEIL interface is not in the logs, so keys say "ipsec0" as in the seed; the user's ipsecN may differ.
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
            fixes.Add(CodeFix.Advice(
                $"On the proposing peer (SEIL) set {string.Join(", ", adopt)}",
                adoptWeak ? FixSafety.WeakensSecurity : FixSafety.KeepsSecurity,
                "Make the peer propose a value this end accepts; if the peer is strongSwan, change its " + (ike ? "ike=" : "esp=") + " the same way."));
        }
        // Option 2: this end also accepts what the peer proposed.
        if (received is not null && StrongSwanProposal(received, ike) is { } proposal)
        {
            var weak = differences.Any(d => d.Received.Any(v => IsWeak(d.Type, v, ike)));
            fixes.Add(CodeFix.Advice(
                $"On strongSwan{(conn is null ? "" : $" (conn {conn})")} accept the peer's proposal: {(ike ? "ike" : "esp")}={proposal}!",
                weak ? FixSafety.WeakensSecurity : FixSafety.KeepsSecurity,
                weak ? "This accepts a weak algorithm (" + string.Join(", ", differences.SelectMany(d => d.Received).Where(v => IsWeakAny(v, ike))) + "): prefer changing the peer." : null));
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
        CodeFix.Advice($"Set the same pre-shared key on both ends: SEIL {SeilIf}.preshared-key, strongSwan ipsec.secrets (\"<local> <peer> : PSK ...\")",
            explanation: "The key itself is never shown; compare the two settings where they are configured."),
    ];

    public static CodeFix[] NoPsk(string? peer) =>
    [
        CodeFix.Advice($"Add a pre-shared key for {peer ?? "the peer"}: strongSwan ipsec.secrets \"<local> {peer ?? "<peer>"} : PSK ...\" (check that ipsec.secrets is loaded: 'loaded IKE secret for ...'); SEIL {SeilIf}.preshared-key"),
    ];

    public static CodeFix[] Identity(string? sent, string? expected) =>
    [
        CodeFix.Advice($"Make the identities agree: SEIL {SeilIf}.ike.my-identifier / {SeilIf}.ike.peers-identifier and strongSwan leftid=/rightid=" +
                       (sent is null ? "" : $" (the peer sent '{sent}'" + (expected is null ? ")" : $", expected '{expected}')"))),
        CodeFix.Advice("On strongSwan accept any identity from this peer: rightid=%any", FixSafety.WeakensSecurity,
            "Any peer that knows the PSK can then take this connection."),
    ];

    public static CodeFix[] AggressiveMode() =>
    [
        CodeFix.Advice($"Use Main Mode on SEIL: remove {SeilIf}.ike.exchange-mode (or set it to main), unless a NAT'd peer with a dynamic address needs Aggressive Mode"),
        CodeFix.Advice("Allow Aggressive Mode with PSK on strongSwan: aggressive=yes in the conn and charon { i_dont_care_about_security_and_use_aggressive_mode_psk = yes } in strongswan.conf",
            FixSafety.WeakensSecurity, "Aggressive Mode sends a hash of the PSK in clear: anyone who captures it can guess the PSK offline (VU#857035)."),
    ];

    public static CodeFix[] NoIkeConfig(string? local, string? remote) =>
    [
        CodeFix.Advice($"On strongSwan add or fix a conn with left={local ?? "<local address>"} right={remote ?? "<peer address>"} (right=%any for a SEIL with a dynamic address); on SEIL check {SeilIf}.ipv4.source / {SeilIf}.ipv4.destination"),
    ];

    public static CodeFix[] ProxyId(string? seilLocal, string? seilRemote) =>
    [
        CodeFix.Advice($"Set the SEIL proxy-id to the strongSwan subnets, swapped: {SeilIf}.ike.proposal.phase2.proxy-id.ipv4.local: {seilLocal ?? "<strongSwan rightsubnet>"}, " +
                       $"{SeilIf}.ike.proposal.phase2.proxy-id.ipv4.remote: {seilRemote ?? "<strongSwan leftsubnet>"} (or make leftsubnet=/rightsubnet= match the SEIL's)"),
        CodeFix.Advice("strongSwan leftsubnet=0.0.0.0/0 rightsubnet=0.0.0.0/0 to match a route-based SEIL", FixSafety.WeakensSecurity,
            "This sends all traffic into the tunnel and can cut management access (e.g. SSH) to the strongSwan host."),
    ];

    public static CodeFix[] Unreachable(string? peer) =>
    [
        CodeFix.Advice($"Check that {peer ?? "the peer"} is reachable on UDP 500 and 4500 (firewall, routing), that the address is right (strongSwan right=, SEIL {SeilIf}.ipv4.destination) and that the peer's IKE daemon runs"),
    ];

    public static CodeFix[] DeadPeer() =>
    [
        CodeFix.Advice($"Check the path to the peer; DPD is set by SEIL {SeilIf}.ike.dpd and strongSwan dpddelay=/dpdtimeout=/dpdaction= (dpdaction=restart re-establishes the tunnel)"),
    ];
}
