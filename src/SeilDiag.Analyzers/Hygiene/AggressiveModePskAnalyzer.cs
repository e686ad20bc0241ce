using SeilDiag.Analysis;
using SeilDiag.Analyzers.Common;
using SeilDiag.Analyzers.Pairing;
using SeilDiag.Analyzers.Phase1;
using SeilDiag.Diagnostics;
using SeilDiag.Ike;
using SeilDiag.Model;

namespace SeilDiag.Analyzers.Hygiene;

/// <summary>
/// SD4002: Aggressive Mode with a pre-shared key sends the PSK-derived hash in clear (VU#857035). The fix
/// moves to Main Mode; when the other end is known and also set to Aggressive Mode, it is changed too so
/// the fix does not create an exchange-mode mismatch.
/// </summary>
public sealed class AggressiveModePskAnalyzer : IAnalyzer
{
    public IReadOnlyList<Rule> SupportedRules { get; } = [Rules.AggressiveModePsk];

    public void Analyze(AnalysisContext context)
    {
        // Pairing (to fix the partner too) only when some peer is in Aggressive Mode.
        var pairs = new Lazy<IReadOnlyList<PeerPair>>(() => PeerPairing.Pair(context.Model).Pairs);
        foreach (var peer in context.Model.Peers)
        {
            if (peer.ExchangeMode.Value != ExchangeMode.Aggressive || peer.ExchangeMode.IsDefault || peer.AuthMethod.Value != AuthMethod.PreSharedKey)
            {
                continue;
            }
            var partner = pairs.Value.Select(p => p.A == peer ? p.B : p.B == peer ? p.A : null).FirstOrDefault(p => p is not null);
            var fix = new FixBuilder();
            ExchangeModeAnalyzer.RemoveAggressive(fix, peer);
            if (partner is { ExchangeMode.Value: ExchangeMode.Aggressive })
            {
                ExchangeModeAnalyzer.RemoveAggressive(fix, partner);
            }
            var diagnostic = Diagnostic.Create(Rules.AggressiveModePsk, EndNames.LocationOf(peer, peer.ExchangeMode), EndNames.Label(peer))
                .WithTunnel(PeerTunnel.Of(peer, context.Model));
            context.Report(diagnostic.WithFixes(fix.Build(new(
                "Main Mode needs a fixed address for the SEIL (or an identity the responder can map); if the SEIL has a dynamic address and Aggressive Mode must stay, use a long random PSK.",
                "メインモードには SEIL の固定アドレス (またはレスポンダが対応付けられる ID) が必要です。SEIL のアドレスが動的でアグレッシブモードを残す必要がある場合は、長いランダムな事前共有鍵を使ってください。"))));
        }
    }
}
