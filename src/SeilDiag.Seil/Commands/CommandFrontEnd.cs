using System.Net;
using System.Net.Sockets;
using SeilDiag.Diagnostics;
using SeilDiag.Model;
using SeilDiag.Seil.Recipe;
using SeilDiag.Seil.Semantics;
using SeilDiag.Seil.Syntax;
using SeilDiag.Text;

namespace SeilDiag.Seil.Commands;

/// <summary>seil3 command config: lines → commands → routing-based peers and routes → SD4004.</summary>
internal static class CommandFrontEnd
{
    public static SeilConfigDocument Parse(SourceText text, List<Diagnostic> diagnostics)
    {
        var lines = CommandParser.ParseLines(text);
        var commands = new CommandReader(text, diagnostics).Read(lines);
        var builder = new CommandPeerBuilder(text, commands, diagnostics);
        var peers = builder.Build();
        var routes = Routes(text, commands, diagnostics);

        var needs = new List<TunnelRoutingNeed>();
        foreach (var (tunnel, peer) in builder.Tunnels.Zip(peers))
        {
            if (tunnel.InterfaceName is not null
                && tunnel.SecurityAssociation?.Option("proxy-id-remote") is { } remote && CommandPeerBuilder.Network(remote) is { } network)
            {
                needs.Add(new TunnelRoutingNeed(peer, tunnel.InterfaceName, network, Location.InText(text, remote.Values[^1].Span)));
            }
        }
        diagnostics.AddRange(RouteCheck.Check(needs, routes, need =>
        {
            var after = commands.Where(c => c.Kind == Seil3CommandKind.RouteAdd).Select(c => c.Line.LineNumber).DefaultIfEmpty(Editing.RecipeLineStyle.LastContentLine(text)).Max();
            return new CodeFix(RouteCheck.FixTitle(need),
                [TextEdit.InsertLinesAfter(text, after, [$"route add {need.Remote} {need.InterfaceName}"])]);
        }));

        var globals = commands.Where(c => c.Kind == Seil3CommandKind.IkeGlobal && c.Option(c.Name!.Value) is not null)
            .GroupBy(c => c.Name!.Value)
            .ToDictionary(g => g.Key, g =>
            {
                var option = g.Last().Option(g.Key)!;
                return Located<string>.At(option.Value, Location.InText(text, option.Values[^1].Span));
            });

        return new SeilConfigDocument
        {
            Text = text,
            IsCommandSyntax = true,
            Lines = lines,
            Diagnostics = diagnostics,
            Peers = peers,
            Routes = routes,
            GlobalIke = globals,
        };
    }

    private static List<SeilRoute> Routes(SourceText text, IEnumerable<Seil3Command> commands, List<Diagnostic> diagnostics)
    {
        var routes = new List<SeilRoute>();
        foreach (var route in commands.Where(c => c.Kind == Seil3CommandKind.RouteAdd))
        {
            var destination = route.Arguments[0];
            var gateway = route.Arguments[1];
            IPNetwork? network = null;
            if (destination.Value == "default")
            {
                network = new IPNetwork(IPAddress.Any, 0);
            }
            else if (SeilValueType.RouteDestination.Check(destination.Value) is { } problem)
            {
                diagnostics.Add(Diagnostic.Create(Rules.InvalidValue, Location.InText(text, destination.Span), destination.Value, "route add", problem.Reason));
            }
            else if (SeilValues.TryParsePrefix(destination.Value, AddressFamily.InterNetwork, out var parsed, out _, out _))
            {
                network = parsed;
            }
            if (SeilValueType.RouteGateway.Check(gateway.Value) is { } gatewayProblem)
            {
                diagnostics.Add(Diagnostic.Create(Rules.InvalidValue, Location.InText(text, gateway.Span), gateway.Value, "route add", gatewayProblem.Reason));
            }
            routes.Add(new SeilRoute(network, gateway.Value, Location.InText(text, destination.Span)));
        }
        return routes;
    }
}
