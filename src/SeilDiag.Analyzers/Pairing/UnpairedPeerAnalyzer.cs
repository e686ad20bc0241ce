using SeilDiag.Analysis;
using SeilDiag.Analyzers.Common;
using SeilDiag.Diagnostics;

namespace SeilDiag.Analyzers.Pairing;

/// <summary>
/// SD1007: the other end's configuration was given but has no peer for this one (by addresses, or identities
/// where addresses are dynamic). Names the nearest candidate and what keeps it from matching.
/// </summary>
public sealed class UnpairedPeerAnalyzer : IAnalyzer
{
    public IReadOnlyList<Rule> SupportedRules { get; } = [Rules.NoMatchingConnection];

    public void Analyze(AnalysisContext context)
    {
        foreach (var unpaired in PeerPairing.Pair(context.Model).Unpaired)
        {
            var peer = unpaired.Peer;
            var en = $"{EndNames.Label(peer)} ({peer.LocalAddress.Value ?? "?"} → {peer.RemoteAddress.Value ?? "?"}) has no partner in the other configuration";
            var ja = $"{EndNames.Label(peer)} ({peer.LocalAddress.Value ?? "?"} → {peer.RemoteAddress.Value ?? "?"}) に対応する設定が対向にありません";
            if (unpaired.Nearest is { } nearest)
            {
                en += $"; nearest: {EndNames.Label(nearest)} ({nearest.LocalAddress.Value ?? "?"} → {nearest.RemoteAddress.Value ?? "?"}): {unpaired.Why}";
                ja += $"; 最も近いもの: {EndNames.Label(nearest)}: {unpaired.Why}";
            }
            // The tunnel this end is configured for: it has no partner, so only its own two addresses name it.
            var diagnostic = Diagnostic.Create(Rules.NoMatchingConnection, peer.Definition ?? peer.RemoteAddress.Where, new LocalizedText(en, ja))
                .WithTunnel(PeerTunnel.Of(peer));
            if (unpaired.Nearest?.Definition is { } other)
            {
                diagnostic = diagnostic.WithAdditionalLocations(other);
            }
            context.Report(diagnostic.WithEvidence(PredictedLogs.Line(unpaired.Nearest ?? peer,
                $"no IKE config found for {unpaired.Nearest?.LocalAddress.Value ?? "<local>"}...{peer.LocalAddress.Value ?? "<peer>"}, sending NO_PROPOSAL_CHOSEN")));
        }
    }
}
