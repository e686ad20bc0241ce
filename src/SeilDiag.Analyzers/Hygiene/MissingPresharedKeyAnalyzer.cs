using SeilDiag.Analysis;
using SeilDiag.Analyzers.Common;
using SeilDiag.Diagnostics;
using SeilDiag.Ike;
using SeilDiag.Model;

namespace SeilDiag.Analyzers.Hygiene;

/// <summary>
/// SD1006: PSK authentication but no key for the peer. Only when the secrets were looked at
/// (<see cref="PeerConfig.PreSharedKeyKnown"/>): strongSwan without its ipsec.secrets is "unverifiable", not
/// "missing". The fix is advice: a key cannot be invented, and must never be printed.
/// </summary>
public sealed class MissingPresharedKeyAnalyzer : IAnalyzer
{
    public IReadOnlyList<Rule> SupportedRules { get; } = [Rules.NoPresharedKey];

    public void Analyze(AnalysisContext context)
    {
        foreach (var peer in context.Model.Peers)
        {
            if (peer.AuthMethod.Value != AuthMethod.PreSharedKey || !peer.PreSharedKeyKnown || peer.PreSharedKey.Value is not null)
            {
                continue;
            }
            var (where, whereJa, advice, log) = peer.Vendor == PeerVendor.Seil
                ? ($"{peer.Editor.DisplayKey(SeilKeys.PresharedKey)} is not set",
                   $"{peer.Editor.DisplayKey(SeilKeys.PresharedKey)} が設定されていません",
                   new LocalizedText($"SEIL: set {peer.Editor.DisplayKey(SeilKeys.PresharedKey)} to the key the other end uses",
                       $"SEIL: {peer.Editor.DisplayKey(SeilKeys.PresharedKey)} に対向と同じ鍵を設定します"),
                   "couldn't find the pskey for " + (peer.RemoteAddress.Value ?? "<peer>") + ".")
                : ($"no PSK line in ipsec.secrets matches {peer.LocalAddress.Value ?? "%any"} / {peer.RemoteAddress.Value ?? "%any"}",
                   $"ipsec.secrets に {peer.LocalAddress.Value ?? "%any"} / {peer.RemoteAddress.Value ?? "%any"} に合う PSK 行がありません",
                   new LocalizedText($"strongSwan: add a line '{peer.LocalAddress.Value ?? "%any"} {peer.RemoteAddress.Value ?? "%any"} : PSK \"...\"' to ipsec.secrets",
                       $"strongSwan: ipsec.secrets に '{peer.LocalAddress.Value ?? "%any"} {peer.RemoteAddress.Value ?? "%any"} : PSK \"...\"' の行を追加します"),
                   $"no shared key found for '{peer.LocalAddress.Value}'[{peer.LocalAddress.Value}] - '{peer.RemoteAddress.Value}'[{peer.RemoteAddress.Value}]");
            var diagnostic = Diagnostic.Create(Rules.NoPresharedKey, EndNames.LocationOf(peer, peer.AuthMethod), EndNames.Label(peer), new LocalizedText(where, whereJa))
                .WithEvidence(PredictedLogs.Line(peer, log))
                .WithFixes(CodeFix.Advice(advice))
                .WithTunnel(PeerTunnel.Of(peer, context.Model));
            context.Report(diagnostic);
        }
    }
}
