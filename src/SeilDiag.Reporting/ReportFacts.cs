using SeilDiag.Diagnostics;
using SeilDiag.Fixes;
using SeilDiag.Ike;
using SeilDiag.Model;

namespace SeilDiag.Reporting;

/// <summary>What every text format (text, markdown, html) derives from a report the same way: counts, diffs, names, failures.</summary>
internal static class ReportFacts
{
    public static (int Errors, int Warnings, int Infos, int Suppressed) Counts(ReportInput input)
    {
        var active = input.Diagnostics.Where(d => !d.IsSuppressed).ToList();
        return (active.Count(d => d.Severity == Severity.Error), active.Count(d => d.Severity == Severity.Warning),
            active.Count(d => d.Severity == Severity.Info), input.Diagnostics.Count - active.Count);
    }

    public static string CountLine(ReportInput input)
    {
        var (errors, warnings, infos, suppressed) = Counts(input);
        return input.Lang == "ja"
            ? $"エラー {errors} 件、警告 {warnings} 件、情報 {infos} 件" + (suppressed > 0 ? $"、抑止 {suppressed} 件" : "")
            : $"{errors} error(s), {warnings} warning(s), {infos} info" + (suppressed > 0 ? $", {suppressed} suppressed" : "");
    }

    /// <summary>Unified diffs of a fix, one per file it edits that the report has (advice fixes have none).</summary>
    public static IEnumerable<string> Diffs(ReportInput input, CodeFix fix)
    {
        foreach (var group in fix.Edits.GroupBy(e => e.Path))
        {
            var document = input.FindDocument(group.Key);
            if (document is null)
            {
                continue;
            }
            var applied = FixApplier.Apply(document.Text, group);
            yield return UnifiedDiff.Create(group.Key, document.Text, applied.NewText, context: 1);
        }
    }

    public static string SourceName(EvidenceSource source, string lang) => (source, lang == "ja") switch
    {
        (EvidenceSource.SeilConfig, false) => "SEIL config",
        (EvidenceSource.SeilConfig, true) => "SEIL 設定",
        (EvidenceSource.StrongSwanConfig, false) => "strongSwan config",
        (EvidenceSource.StrongSwanConfig, true) => "strongSwan 設定",
        (EvidenceSource.SeilLog, false) => "SEIL log",
        (EvidenceSource.SeilLog, true) => "SEIL ログ",
        (EvidenceSource.CharonLog, false) => "charon log",
        (EvidenceSource.CharonLog, true) => "charon ログ",
        (EvidenceSource.Capture, false) => "capture",
        (EvidenceSource.Capture, true) => "キャプチャ",
        (EvidenceSource.KeyTable, false) => "key table",
        (EvidenceSource.KeyTable, true) => "鍵テーブル",
        _ => source.ToString(),
    };

    public static string KindName(EvidenceKind kind, string lang) => kind == EvidenceKind.Observed
        ? (lang == "ja" ? "観測" : "observed")
        : (lang == "ja" ? "予測" : "predicted");

    public static string ExchangeName(ExchangeType type) => type switch
    {
        ExchangeType.IdentityProtection => "Main Mode",
        ExchangeType.Aggressive => "Aggressive",
        ExchangeType.Informational => "Informational",
        ExchangeType.QuickMode => "Quick Mode",
        ExchangeType.Transaction => "Transaction",
        ExchangeType.Base => "Base",
        ExchangeType.AuthenticationOnly => "Auth Only",
        ExchangeType.NewGroupMode => "New Group",
        _ => type.ToString(),
    };

    /// <summary>The diagnostics ranked for a summary: errors first, then warnings, then info; suppressed last.</summary>
    public static IEnumerable<Diagnostic> Ranked(ReportInput input) =>
        input.Diagnostics.OrderBy(d => d.IsSuppressed).ThenBy(d => d.Severity switch
        {
            Severity.Error => 0,
            Severity.Warning => 1,
            _ => 2,
        });

    /// <summary>
    /// A message is the failing one when it carries an error notify (NO-PROPOSAL-CHOSEN, PAYLOAD-MALFORMED...),
    /// when its evidence location is where a diagnosis (or one of its evidence) points, or when the timeline
    /// ties that location to a rule.
    /// </summary>
    public static Func<ObservedMessage, bool> FailurePredicate(ReportInput input)
    {
        var marked = new HashSet<Location>();
        foreach (var d in input.Diagnostics.Where(d => !d.IsSuppressed && d.Severity != Severity.Info))
        {
            if (d.Location is { } location)
            {
                marked.Add(location);
            }
            marked.UnionWith(d.AdditionalLocations);
            marked.UnionWith(d.Evidence.Where(e => e.Kind == EvidenceKind.Observed).Select(e => e.Location).OfType<Location>());
        }
        marked.UnionWith(input.Timeline.Where(t => t.RuleId is not null).Select(t => t.Location).OfType<Location>());
        return message => message.Notifies.Any(IsErrorNotify)
            || (message.Evidence.Location is { } at && marked.Contains(at));
    }

    public static bool IsErrorNotify(string name)
    {
        var type = NotifyTypes.All.FirstOrDefault(n => string.Equals(n.Name, name, StringComparison.OrdinalIgnoreCase));
        if (type is not null)
        {
            return NotifyTypes.IsError(type.Value);
        }
        return name.StartsWith("NOTIFY-", StringComparison.Ordinal)
            && int.TryParse(name.AsSpan(7), out var value) && NotifyTypes.IsError(value);
    }

    public static string Time(DateTimeOffset? time) =>
        time is { } t ? t.ToString("yyyy-MM-dd HH:mm:ss.fff", System.Globalization.CultureInfo.InvariantCulture) : "";

    /// <summary>The offset of a source, or "not estimated" when nothing tied it to the others (its zero would read as "in sync").</summary>
    public static string Offset(ClockOffset offset, string lang) =>
        offset.Estimated ? Offset(offset.Offset) : lang == "ja" ? "推定できず" : "not estimated";

    public static string Offset(TimeSpan offset) =>
        (offset < TimeSpan.Zero ? "-" : "+") + offset.Duration().TotalSeconds.ToString("0.000", System.Globalization.CultureInfo.InvariantCulture) + " s";
}
