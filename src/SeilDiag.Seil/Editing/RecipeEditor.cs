using System.Globalization;
using SeilDiag.Diagnostics;
using SeilDiag.Model;
using SeilDiag.Seil.Recipe;
using SeilDiag.Seil.Semantics;
using SeilDiag.Seil.Syntax;
using SeilDiag.Text;

namespace SeilDiag.Seil.Editing;

/// <summary>
/// <see cref="IConfigEditor"/> for one seil8 <c>interface.ipsecN</c>. Keys are relative to <c>interface.ipsecN.</c>.
/// Edits touch only the value being changed (or whole lines being added or removed): every other byte stays.
/// The same editing works under any other prefix (<see cref="ForPrefix"/>): a policy-based peer's
/// <see cref="RecipePolicyEditor"/> edits <c>ike.peer.N.</c> and <c>ipsec.security-policy.N.</c> with it.
/// </summary>
public sealed class RecipeEditor : IConfigEditor
{
    private readonly SourceText text;
    private readonly IReadOnlyList<SeilLine> lines;

    public RecipeEditor(SourceText text, IReadOnlyList<SeilLine> lines, string interfaceName)
        : this(text, lines, prefix: $"interface.{interfaceName}.")
    {
    }

    private RecipeEditor(SourceText text, IReadOnlyList<SeilLine> lines, string prefix, bool _ = false)
    {
        this.text = text;
        this.lines = lines;
        Prefix = prefix;
    }

    /// <summary>An editor for the keys under <paramref name="prefix"/> (ending in '.').</summary>
    public static RecipeEditor ForPrefix(SourceText text, IReadOnlyList<SeilLine> lines, string prefix) => new(text, lines, prefix, false);

    public string Prefix { get; }

    public string DisplayKey(string key) => Prefix + key;

    public IReadOnlyList<TextEdit> Set(string key, string value)
    {
        var existing = Find(Prefix + key);
        if (existing.Count > 0)
        {
            var last = existing[^1];
            return [TextEdit.Replace(text, last.ValueEditSpan, RecipeFormat.Value(value))];
        }
        return [Insert(LastInterfaceLine(), [(Prefix + key, value)])];
    }

    public Location? Locate(string key)
    {
        var exact = Find(Prefix + key);
        if (exact.Count > 0)
        {
            return Location.InText(text, exact[^1].ValueSpan);
        }
        // A list key ("ike.proposal.phase1.encryption") is located at its first entry.
        var head = Prefix + key + ".";
        var first = Settings().FirstOrDefault(s => s.Key.StartsWith(head, StringComparison.Ordinal));
        return first.Line is null ? null : Location.InText(text, first.Line.ValueSpan);
    }

    public IReadOnlyList<TextEdit> Remove(string key) =>
        [.. Find(Prefix + key).Select(s => TextEdit.DeleteLine(text, s.LineNumber))];

    public IReadOnlyList<TextEdit> SetList(string listKey, IReadOnlyList<string> values)
    {
        var head = Prefix + listKey + ".";
        var entries = Settings()
            .Select(s => (Setting: s.Line, Index: IndexOf(s.Key, head)))
            .Where(e => e.Index is not null)
            .OrderBy(e => e.Index, Comparer<string?>.Create((a, b) => ProposalExpansion.CompareIndex(a!, b!)))
            .ToList();
        var edits = new List<TextEdit>();
        var growing = values.Count > entries.Count;
        for (var i = 0; i < entries.Count; i++)
        {
            if (i < values.Count)
            {
                // When the list grows, the last entry's edit also carries the new lines (below): an insertion
                // touching a replacement is refused by FixApplier.
                var changed = entries[i].Setting.Value != values[i] || entries[i].Setting.StrayColon is not null;
                if (changed && !(growing && i == entries.Count - 1))
                {
                    edits.Add(TextEdit.Replace(text, entries[i].Setting.ValueEditSpan, RecipeFormat.Value(values[i])));
                }
            }
            else
            {
                edits.Add(TextEdit.DeleteLine(text, entries[i].Setting.LineNumber));
            }
        }
        if (growing)
        {
            var step = IndexStep();
            var next = entries.Count == 0
                ? (step == 100 ? 100L : 0L)
                : entries.Max(e => long.Parse(e.Index!, CultureInfo.InvariantCulture)) + step;
            var added = new List<(string, string)>();
            foreach (var value in values.Skip(entries.Count))
            {
                added.Add(($"{head}{next.ToString(CultureInfo.InvariantCulture)}.algorithm", value));
                next += step;
            }
            if (entries.Count == 0)
            {
                edits.Add(Insert(LastInterfaceLine(), added));
            }
            else
            {
                edits.Add(ReplaceAndAppend(entries[^1].Setting, values[entries.Count - 1], added));
            }
        }
        return edits;
    }

    /// <summary>One edit from the value of <paramref name="last"/> to the end of its line: the (new) value, the rest of the line as it was, then the added lines.</summary>
    private TextEdit ReplaceAndAppend(SeilSettingLine last, string value, IReadOnlyList<(string Key, string Value)> settings)
    {
        var reference = RecipeLineStyle.Reference(lines, Prefix);
        var full = last.FullSpan;
        var rest = text.Text[last.ValueSpan.End..full.End];
        var hasBreak = rest.EndsWith('\n') || rest.EndsWith('\r');
        var added = string.Join(text.NewLine, settings.Select(s => RecipeLineStyle.Compose(reference, s.Key, s.Value)));
        var newValue = last.Value == value && last.StrayColon is null ? text[last.ValueEditSpan] : RecipeFormat.Value(value);
        var replacement = hasBreak ? newValue + rest + added + text.NewLine : newValue + rest + text.NewLine + added;
        return TextEdit.Replace(text, TextSpan.FromBounds(last.ValueEditSpan.Start, full.End), replacement);
    }

    private TextEdit Insert(int afterLine, IReadOnlyList<(string Key, string Value)> settings)
    {
        var reference = RecipeLineStyle.Reference(lines, Prefix);
        return TextEdit.InsertLinesAfter(text, afterLine, settings.Select(s => RecipeLineStyle.Compose(reference, s.Key, s.Value)));
    }

    /// <summary>IIJ's converter numbers lists 100, 200, ...; the seed 0, 1, ... Follow what the file does.</summary>
    private int IndexStep() =>
        Settings().Any(s => s.Line.Key.Segments.Any(seg => seg.IsIndex && seg.Text.Length >= 3 && seg.Text.EndsWith("00", StringComparison.Ordinal)))
            ? 100
            : 1;

    private int LastInterfaceLine()
    {
        var mine = Settings().Where(s => s.Key.StartsWith(Prefix, StringComparison.Ordinal)).Select(s => s.Line.LineNumber).ToList();
        return mine.Count > 0 ? mine.Max() : RecipeLineStyle.LastContentLine(text);
    }

    private static string? IndexOf(string key, string head)
    {
        if (!key.StartsWith(head, StringComparison.Ordinal) || !key.EndsWith(".algorithm", StringComparison.Ordinal) || key.Length <= head.Length + ".algorithm".Length)
        {
            return null;
        }
        var index = key[head.Length..^".algorithm".Length];
        return index.All(char.IsAsciiDigit) ? index : null;
    }

    private List<SeilSettingLine> Find(string fullKey) => [.. Settings().Where(s => s.Key == fullKey).Select(s => s.Line)];

    /// <summary>Every setting (recovered ones too) under its current key: an older spelling is found by the new name.</summary>
    private IEnumerable<(string Key, SeilSettingLine Line)> Settings()
    {
        foreach (var line in lines)
        {
            var setting = line as SeilSettingLine ?? (line as SeilErrorLine)?.Recovered;
            if (setting is null)
            {
                continue;
            }
            var resolution = RecipeSchema.Resolve(setting.Key);
            yield return (resolution.Status == KeyStatus.Moved ? resolution.CurrentKey! : setting.Key.Text, setting);
        }
    }
}
