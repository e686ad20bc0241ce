using SeilDiag.Diagnostics;
using SeilDiag.StrongSwan.Syntax;
using SeilDiag.Text;

namespace SeilDiag.StrongSwan.Conns;

/// <summary>
/// Resolves %default and also= for every conn. Precedence, lowest first: the %default sections (in file order), the
/// conns named by also= (in the order of the also= lines, each with its own also= resolved), the conn's own lines.
/// A later line of the same key wins over an earlier one at the same level, as the starter's "last one wins".
/// also= chains are followed with a visited set, so loops end in SD0004 instead of recursion without end.
/// </summary>
public static class ConnResolver
{
    public static IReadOnlyList<StrongSwanConn> Resolve(IReadOnlyList<IpsecConfSection> sections, List<Diagnostic> diagnostics)
    {
        var conns = sections.Where(s => s.Kind == IpsecConfSectionKind.Conn).ToList();
        var defaults = conns.Where(s => s.IsDefault).ToList();
        var byName = new Dictionary<string, IpsecConfSection>(StringComparer.Ordinal);
        foreach (var conn in conns.Where(c => !c.IsDefault))
        {
            byName[conn.Name] = conn; // a later duplicate replaces the earlier one (reported as SD0008 by the loader)
        }
        var reported = new HashSet<IpsecConfLine>();
        var reportedLoops = new HashSet<string>(StringComparer.Ordinal);
        var result = new List<StrongSwanConn>();
        var order = conns.Select((c, i) => (c, i)).ToDictionary(x => x.c, x => x.i);
        foreach (var conn in byName.Values.OrderBy(c => order[c]))
        {
            var settings = new Dictionary<string, ConnSetting>(StringComparer.Ordinal);
            foreach (var section in defaults)
            {
                Apply(section, settings, byName, [section.Name], diagnostics, reported, reportedLoops);
            }
            Apply(conn, settings, byName, [conn.Name], diagnostics, reported, reportedLoops, includeOwn: false);
            var inherited = new Dictionary<string, ConnSetting>(settings, StringComparer.Ordinal);
            ApplyOwn(conn, settings);
            result.Add(new StrongSwanConn { Section = conn, Settings = settings, InheritedSettings = inherited });
        }
        return result;
    }

    private static void Apply(IpsecConfSection section, Dictionary<string, ConnSetting> settings, Dictionary<string, IpsecConfSection> byName,
        List<string> chain, List<Diagnostic> diagnostics, HashSet<IpsecConfLine> reported, HashSet<string> reportedLoops, bool includeOwn = true)
    {
        // also= first, so the section's own lines override what it includes.
        foreach (var also in section.Parameters.Where(p => p.Key == "also"))
        {
            foreach (var target in also.Value.Split([' ', '\t'], StringSplitOptions.RemoveEmptyEntries))
            {
                var where = Location.InText(also.Document, also.ValueSpan);
                if (chain.Contains(target, StringComparer.Ordinal))
                {
                    // One loop is met once per conn on it; report it once, where it first closes.
                    var members = string.Join(",", chain.Skip(chain.IndexOf(target)).Order(StringComparer.Ordinal));
                    if (reportedLoops.Add(members))
                    {
                        diagnostics.Add(Diagnostic.Create(Rules.IncludeProblem, where,
                            $"also= loop: {string.Join(" → ", chain.Skip(chain.IndexOf(target)).Append(target).Select(n => "conn " + n))}; the loop is not followed"));
                    }
                    continue;
                }
                if (!byName.TryGetValue(target, out var included))
                {
                    if (reported.Add(also))
                    {
                        var nearest = Suggestions.Nearest(target, byName.Keys);
                        diagnostics.Add(Diagnostic.Create(Rules.InvalidValue, where, target, "also",
                            Phrases.WithSuggestionOrNot(new LocalizedText($"no conn '{target}' is defined", $"conn '{target}' は定義されていません"), nearest)));
                    }
                    continue;
                }
                Apply(included, settings, byName, [.. chain, target], diagnostics, reported, reportedLoops);
            }
        }
        if (includeOwn)
        {
            ApplyOwn(section, settings);
        }
    }

    private static void ApplyOwn(IpsecConfSection section, Dictionary<string, ConnSetting> settings)
    {
        foreach (var parameter in section.Parameters)
        {
            if (parameter.Key is null or "also")
            {
                continue;
            }
            var key = ConnKeys.Canonical(parameter.Key);
            settings[key] = new ConnSetting(key, parameter, section);
        }
    }
}
