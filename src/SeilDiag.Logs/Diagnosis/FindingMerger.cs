using SeilDiag.Diagnostics;
using SeilDiag.Logs.Events;
using SeilDiag.Logs.Reading;

namespace SeilDiag.Logs.Diagnosis;

/// <summary>
/// Merges findings into diagnostics: the same cause on the same tunnel (address pair) seen in several sessions or in
/// both ends' logs is one diagnostic; the most specific message wins (a responder's computed difference over an
/// initiator's "refused"); "peer not responding" on a tunnel that has a phase-1/2 root cause becomes that cause's
/// evidence. Keeps only a bounded number of evidence lines per diagnostic, so it can run while a huge log streams.
/// </summary>
internal sealed class FindingMerger
{
    public const int EvidenceCap = 60;

    private sealed class Group(Finding first, string pair, TunnelEndpoints? tunnel)
    {
        public Finding Best = first;
        public string Pair = pair;
        /// <summary>Both peers' addresses when the sessions knew them (same pair key ⇒ same tunnel).</summary>
        public TunnelEndpoints? Tunnel = tunnel;
        public int Occurrences;
        public readonly List<LogEvent> Evidence = [];
        public readonly HashSet<(string, int)> Seen = [];
        public DateTimeOffset? FirstTime;
    }

    private readonly Dictionary<(string Rule, string Pair, Severity Severity), Group> _groups = [];

    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveOptimization)]
    public void Add(Finding finding, string pairKey, TunnelEndpoints? tunnel = null)
    {
        var key = (finding.Rule.Id, pairKey, finding.Severity);
        if (!_groups.TryGetValue(key, out var group))
        {
            group = new Group(finding, pairKey, tunnel);
            _groups[key] = group;
        }
        group.Tunnel ??= tunnel;
        group.Occurrences++;
        group.FirstTime ??= finding.Decisive.Time;
        if (finding.Specificity > group.Best.Specificity)
        {
            group.Best = finding;
        }
        AddEvidence(group, finding.Evidence);
    }

    private static void AddEvidence(Group group, IEnumerable<LogEvent> events)
    {
        // Runs once per finding of every IKE_SA: once the group is full (the common case on big logs) stop before
        // enumerating at all.
        if (group.Evidence.Count >= EvidenceCap)
        {
            return;
        }
        foreach (var e in events)
        {
            if (group.Evidence.Count >= EvidenceCap)
            {
                return;
            }
            if (group.Seen.Add((e.Path, e.Line)))
            {
                group.Evidence.Add(e);
            }
        }
    }

    public IReadOnlyList<Diagnostic> ToDiagnostics()
    {
        var groups = _groups.Values.ToList();
        // A root cause on a tunnel absorbs "peer not responding" on the same tunnel: the silence is its consequence.
        foreach (var silent in groups.Where(g => g.Best.Rule == Rules.PeerNotResponding).ToList())
        {
            var cause = groups.Where(g => g.Pair == silent.Pair && g.Best.IsRootCause).OrderByDescending(g => g.Best.Specificity).FirstOrDefault()
                        ?? groups.Where(g => g.Best.IsRootCause && (silent.Pair.StartsWith("?<->", StringComparison.Ordinal) || silent.Pair.Contains('#')))
                            .FirstOrDefault(g => g.Pair.EndsWith(silent.Pair[(silent.Pair.IndexOf("<->", StringComparison.Ordinal) + 3)..], StringComparison.Ordinal));
            if (cause is not null)
            {
                AddEvidence(cause, silent.Evidence);
                groups.Remove(silent);
            }
        }
        return groups
            .OrderByDescending(g => g.Best.Severity)
            .ThenBy(g => g.Best.Rule.Category == RuleCategory.Lifecycle ? 1 : 0)
            .ThenBy(g => g.FirstTime ?? DateTimeOffset.MaxValue)
            .Select(ToDiagnostic)
            .ToList();
    }

    private static Diagnostic ToDiagnostic(Group g)
    {
        var f = g.Best;
        var decisive = f.Decisive;
        var diagnostic = Diagnostic.Create(f.Rule, Location.LogLine(decisive.Path, decisive.Line, decisive.Text.Length), f.Args)
            .WithSeverity(f.Severity)
            // The correlator merges findings of several sources by this pair, not by addresses in the message text.
            .WithTunnel(g.Tunnel) with { Specificity = f.Specificity };
        var evidence = g.Evidence.Select(e => new Evidence(
            e.Daemon == LogDaemon.Racoon ? EvidenceSource.SeilLog : EvidenceSource.CharonLog,
            EvidenceKind.Observed,
            LogEventText.Describe(e),
            Location.LogLine(e.Path, e.Line, e.Text.Length),
            e.Text,
            e.Time)).ToArray();
        var others = g.Evidence.Where(e => e.Path != decisive.Path).Select(e => e.Path).Distinct()
            .Select(p => g.Evidence.First(e => e.Path == p)).Select(e => Location.LogLine(e.Path, e.Line, e.Text.Length)).ToArray();
        diagnostic = diagnostic.WithEvidence(evidence).WithFixes([.. f.Fixes]);
        if (others.Length > 0)
        {
            diagnostic = diagnostic.WithAdditionalLocations(others);
        }
        return diagnostic;
    }
}
