using SeilDiag.Diagnostics;

namespace SeilDiag.Diagnosis;

/// <summary>
/// One diagnosis per root cause: findings of the same rule about the same tunnel, from configs, logs and captures,
/// become one diagnostic with all their evidence, fixes and a confidence; consequences (a peer that stops
/// answering because the keys differ) become evidence of their cause.
/// </summary>
internal static class DiagnosisMerger
{
    /// <summary>Rules whose findings are, when a phase 1 or phase 2 failure of the same tunnel is seen, only its consequence.</summary>
    private static readonly HashSet<string> Consequences = ["SD3002"];

    internal sealed class Group(Diagnostic first)
    {
        public string RuleId { get; } = first.Id;

        /// <summary>The tunnel of the first member that named one (null: none named yet, compatible with any).</summary>
        public TunnelEndpoints? Tunnel { get; set; } = first.Tunnel;

        public List<Diagnostic> Members { get; } = [first];

        public List<Group> ConsequenceGroups { get; } = [];
    }

    public static List<Group> GroupByCause(IEnumerable<Diagnostic> diagnostics, SourceSet sources)
    {
        var groups = new List<Group>();
        bool IsConfigFinding(Diagnostic d) => d.Location is { } l && sources.SourceOf(l) is { } source && SourceSet.IsConfig(source);
        // A single-ended check (input, hygiene) at two places of the configs is two problems: 3DES in ike= and MD5
        // in esp= are two edits, and --fix applies one fix per diagnosis. A two-ended finding seen from both
        // directions, or a config finding and what a log or capture shows of the same tunnel, is one.
        bool SeparateConfigFindings(Group g, Diagnostic d) =>
            d.Rule.Category is RuleCategory.Input or RuleCategory.Hygiene
            && IsConfigFinding(d) && g.Members.Any(m => IsConfigFinding(m) && !SamePlace(m.Location!, d.Location!));
        static bool SamePlace(Location a, Location b) => a.Path == b.Path && a.Line == b.Line && a.Column == b.Column;
        foreach (var diagnostic in diagnostics)
        {
            // Suppressed findings stay on their own so a suppression is never lost in a merge.
            var group = diagnostic.IsSuppressed ? null : groups.FirstOrDefault(g =>
                g.RuleId == diagnostic.Id && !g.Members[0].IsSuppressed && TunnelEndpoints.Compatible(g.Tunnel, diagnostic.Tunnel)
                && !SeparateConfigFindings(g, diagnostic));
            if (group is null)
            {
                groups.Add(new Group(diagnostic));
            }
            else
            {
                group.Members.Add(diagnostic);
                group.Tunnel ??= diagnostic.Tunnel;
            }
        }
        foreach (var consequence in groups.Where(g => Consequences.Contains(g.RuleId)).ToList())
        {
            var cause = groups.FirstOrDefault(g => g != consequence
                                                   && g.Members[0].Rule.Category is RuleCategory.Phase1 or RuleCategory.Phase2
                                                   && g.Members.Any(m => m.Severity == Severity.Error)
                                                   && TunnelEndpoints.Compatible(g.Tunnel, consequence.Tunnel));
            if (cause is not null)
            {
                cause.ConsequenceGroups.Add(consequence);
                groups.Remove(consequence);
            }
        }
        return groups;
    }

    public static Diagnostic Merge(Group group, SourceSet sources)
    {
        var members = group.Members;
        var primary = members
            .OrderBy(m => m.Fixes.Any(f => !f.IsAdvice) ? 0 : 1)
            .ThenBy(m => SpecificityRank(sources.SourceOf(m.Location)))
            .ThenByDescending(m => m.Specificity)
            .First();
        var evidence = new List<Evidence>();
        var seen = new HashSet<(EvidenceSource, string?, string)>();
        void AddEvidence(Evidence e)
        {
            if (seen.Add((e.Source, e.Location?.ToString(), e.Text)))
            {
                evidence.Add(e);
            }
        }
        foreach (var member in members.OrderBy(m => m == primary ? 0 : 1))
        {
            foreach (var e in member.Evidence)
            {
                AddEvidence(e);
            }
            // A finding without evidence of its own still shows where it was seen.
            if (member.Evidence.Count == 0 && member.Location is { } location && sources.SourceOf(location) is { } source)
            {
                AddEvidence(new Evidence(source, SourceSet.IsConfig(source) ? EvidenceKind.Predicted : EvidenceKind.Observed,
                    new LocalizedText(member.Message, member.GetMessage("ja")), location));
            }
        }
        foreach (var consequence in group.ConsequenceGroups.SelectMany(g => g.Members))
        {
            var source = sources.SourceOf(consequence.Location) ?? EvidenceSource.CharonLog;
            AddEvidence(new Evidence(source, EvidenceKind.Observed,
                new LocalizedText($"consequence ({consequence.Id}): {consequence.Message}", $"この原因による結果 ({consequence.Id}): {consequence.GetMessage("ja")}"), consequence.Location));
            foreach (var e in consequence.Evidence)
            {
                AddEvidence(e);
            }
        }
        var locations = members.Where(m => m != primary).Select(m => m.Location)
            .Concat(members.SelectMany(m => m.AdditionalLocations))
            .OfType<Location>()
            .Where(l => l != primary.Location)
            .Distinct()
            .ToList();
        // A log or capture finding can only advise which keys to change; once the given configs of both ends have
        // exact edits for the same cause, that advice repeats them in vaguer words (and may guess the vendor wrong).
        var editedFiles = members.SelectMany(m => m.Fixes).SelectMany(f => f.Edits).Select(e => e.Path).Distinct().Count();
        var fixes = members.OrderBy(m => m == primary ? 0 : 1)
            .SelectMany(m => m == primary || editedFiles < 2 ? m.Fixes : m.Fixes.Where(f => !f.IsAdvice))
            .DistinctBy(f => (f.Title, f.Edits.Count))
            .OrderBy(f => f.IsAdvice ? 1 : 0).ThenBy(f => f.Safety)
            .ToList();
        var merged = primary with
        {
            Severity = members.Max(m => m.Severity),
            Evidence = evidence,
            AdditionalLocations = locations,
            Fixes = fixes,
            // A config finding that named no tunnel, merged with a log's that did, is about that tunnel.
            Tunnel = primary.Tunnel ?? group.Tunnel,
        };
        return merged.WithConfidence(Confidence.Of(merged, sources));
    }

    /// <summary>Config lines first (a fix edits them), then the log line that decided, then the packet.</summary>
    private static int SpecificityRank(EvidenceSource? source) => source switch
    {
        EvidenceSource.SeilConfig or EvidenceSource.StrongSwanConfig => 0,
        EvidenceSource.CharonLog or EvidenceSource.SeilLog => 1,
        EvidenceSource.Capture or EvidenceSource.KeyTable => 2,
        _ => 3,
    };
}
