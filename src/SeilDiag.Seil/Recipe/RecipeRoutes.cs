using System.Net;
using System.Net.Sockets;
using SeilDiag.Diagnostics;
using SeilDiag.Seil.Semantics;
using SeilDiag.Text;

namespace SeilDiag.Seil.Recipe;

/// <summary>The static routes of a seil8 config: <c>route.ipv4.N.destination</c> / <c>.gateway</c>, one route per index.</summary>
internal static class RecipeRoutes
{
    public static IReadOnlyList<SeilRoute> Build(SourceText text, IReadOnlyDictionary<string, EffectiveSetting> settings)
    {
        const string head = "route.ipv4.";
        return [.. settings.Values
            .Where(s => s.Key.StartsWith(head, StringComparison.Ordinal) && s.Line.Key.Segments.Count == 4 && s.Line.Key.Segments[2].IsIndex)
            .GroupBy(s => s.Line.Key.Segments[2].Text)
            .OrderBy(g => g.Key, Comparer<string>.Create(ProposalExpansion.CompareIndex))
            .Select(g =>
            {
                var destination = g.FirstOrDefault(s => s.Line.Key.Segments[3].Text == "destination");
                var gateway = g.FirstOrDefault(s => s.Line.Key.Segments[3].Text == "gateway");
                var where = destination ?? gateway ?? g.First();
                return new SeilRoute(Destination(destination), gateway is { IsValid: true } ? gateway.Value : "",
                    Location.InText(text, where.Line.ValueSpan)) { Index = g.Key };
            })];
    }

    private static IPNetwork? Destination(EffectiveSetting? setting)
    {
        if (setting is not { IsValid: true })
        {
            return null;
        }
        if (setting.Value == "default")
        {
            return new IPNetwork(IPAddress.Any, 0);
        }
        return SeilValues.TryParsePrefix(setting.Value, AddressFamily.InterNetwork, out var network, out _, out _) ? network : null;
    }
}
