using System.Net;
using SeilDiag.Diagnostics;
using SeilDiag.Model;

namespace SeilDiag.Seil.Semantics;

/// <summary>A peer's proxy-id remote subnet, which must be routed into its ipsec interface.</summary>
/// <param name="Where">Where the remote proxy-id is set (the diagnostic points there).</param>
internal sealed record TunnelRoutingNeed(PeerConfig Peer, string InterfaceName, IPNetwork Remote, Location Where);

/// <summary>
/// SD4004: SEIL routing-based IPsec only carries what is routed into the ipsec interface. For a peer with a
/// proxy-id remote subnet, some route must send that subnet (or a wider one, or the default route) into the
/// peer's interface. The fix is dialect-specific and supplied by the caller.
/// </summary>
internal static class RouteCheck
{
    public static IEnumerable<Diagnostic> Check(IEnumerable<TunnelRoutingNeed> needs, IReadOnlyList<SeilRoute> routes, Func<TunnelRoutingNeed, CodeFix?> fix)
    {
        foreach (var need in needs)
        {
            if (need.Remote.PrefixLength == 0 || routes.Any(r => r.Carries(need.Remote, need.InterfaceName)))
            {
                continue;
            }
            var diagnostic = Diagnostic.Create(Rules.NoRouteIntoTunnel, need.Where, need.Remote.ToString(), need.InterfaceName)
                .WithEvidence(new Evidence(EvidenceSource.SeilConfig, EvidenceKind.Predicted,
                    new LocalizedText($"{need.Peer.Name} negotiates {need.Remote} as the remote proxy-id, but no static route sends {need.Remote} into {need.InterfaceName}",
                        $"{need.Peer.Name} は {need.Remote} を対向側の proxy-id として折衝しますが、{need.Remote} を {need.InterfaceName} に送る静的経路がありません"),
                    need.Where))
                // The tunnel it is about, so a log or capture of that tunnel (traffic not entering it) lines up with it.
                .WithTunnel(TunnelEndpoints.Of(need.Peer.LocalAddress.Value?.Trim(), need.Peer.RemoteAddress.Value?.Trim()));
            if (fix(need) is { } codeFix)
            {
                diagnostic = diagnostic.WithFixes(codeFix);
            }
            yield return diagnostic;
        }
    }

    /// <summary>The title of the route fix, the same for both dialects (only the edit differs).</summary>
    public static LocalizedText FixTitle(TunnelRoutingNeed need) =>
        new($"Route {need.Remote} into {need.InterfaceName}", $"{need.Remote} への経路を {need.InterfaceName} に向けます");
}
