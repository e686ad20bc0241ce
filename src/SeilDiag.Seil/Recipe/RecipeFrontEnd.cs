using System.Globalization;
using System.Net.Sockets;
using SeilDiag.Diagnostics;
using SeilDiag.Model;
using SeilDiag.Seil.Editing;
using SeilDiag.Seil.Semantics;
using SeilDiag.Seil.Syntax;
using SeilDiag.Text;

namespace SeilDiag.Seil.Recipe;

/// <summary>seil8 recipe config: lines → checked settings → peers and routes → SD4004.</summary>
internal static class RecipeFrontEnd
{
    public static SeilConfigDocument Parse(SourceText text, List<Diagnostic> diagnostics)
    {
        var lines = RecipeParser.ParseLines(text);
        var settings = RecipeKeyChecker.Check(text, lines, diagnostics);
        var peers = new RecipePeerBuilder(text, lines, settings, diagnostics).Build();
        var routes = RecipeRoutes.Build(text, settings);

        var needs = new List<TunnelRoutingNeed>();
        // Only routing-based peers need a route into their interface; a policy-based peer's traffic is its policies.
        foreach (var peer in peers.Where(p => p.Name.StartsWith("interface.", StringComparison.Ordinal)))
        {
            var name = peer.Name["interface.".Length..];
            if (settings.TryGetValue($"{peer.Name}.ike.proposal.phase2.proxy-id.ipv4.remote", out var remote) && remote.IsValid
                && SeilValues.TryParsePrefix(remote.Value, AddressFamily.InterNetwork, out var network, out _, out _))
            {
                needs.Add(new TunnelRoutingNeed(peer, name, network, Location.InText(text, remote.Line.ValueSpan)));
            }
        }
        diagnostics.AddRange(RouteCheck.Check(needs, routes, need => RouteFix(text, lines, routes, need)));

        var globals = settings.Values
            .Where(s => s.IsValid && s.Key.StartsWith("ike.", StringComparison.Ordinal) && s.Line.Key.Segments.Count == 2)
            .ToDictionary(s => s.Key["ike.".Length..], s => Located<string>.At(s.Value, Location.InText(text, s.Line.ValueSpan)));

        return new SeilConfigDocument
        {
            Text = text,
            IsCommandSyntax = false,
            Lines = lines,
            Diagnostics = diagnostics,
            Peers = peers,
            Routes = routes,
            GlobalIke = globals,
        };
    }

    /// <summary>Adds route.ipv4.N.destination/gateway with a free index after the last route (or at the end of the file).</summary>
    private static CodeFix RouteFix(SourceText text, IReadOnlyList<SeilLine> lines, IReadOnlyList<SeilRoute> routes, TunnelRoutingNeed need)
    {
        var used = routes.Where(r => r.Index is not null).Select(r => long.Parse(r.Index!, CultureInfo.InvariantCulture)).ToList();
        var step = used.Count > 0 && used.All(i => i % 100 == 0 && i > 0) ? 100 : 1;
        var index = used.Count == 0 ? (step == 100 ? 100 : 0) : used.Max() + step;
        var routeLines = lines.Where(l => (l as SeilSettingLine ?? (l as SeilErrorLine)?.Recovered)?.Key.Text.StartsWith("route.ipv4.", StringComparison.Ordinal) == true).ToList();
        var after = routeLines.Count > 0 ? routeLines.Max(l => l.LineNumber) : RecipeLineStyle.LastContentLine(text);
        var reference = RecipeLineStyle.Reference(lines, "route.ipv4.");
        var prefix = $"route.ipv4.{index.ToString(CultureInfo.InvariantCulture)}.";
        var edit = TextEdit.InsertLinesAfter(text, after,
        [
            RecipeLineStyle.Compose(reference, prefix + "destination", need.Remote.ToString()),
            RecipeLineStyle.Compose(reference, prefix + "gateway", need.InterfaceName),
        ]);
        return new CodeFix(RouteCheck.FixTitle(need), [edit]);
    }
}
