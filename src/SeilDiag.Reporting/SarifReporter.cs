using System.Text.Json;
using SeilDiag.Diagnostics;

namespace SeilDiag.Reporting;

/// <summary>
/// SARIF 2.1.0 (OASIS), the format GitHub code scanning and most CI dashboards ingest. Rule metadata comes
/// from the rule records; results carry physical locations (file, 1-based region), related locations,
/// fixes as artifact replacements, and suppressions with their justification. Packets have no text
/// region, so a packet location names the capture file and carries the frame number as a property.
/// A correlated diagnosis carries its confidence and tunnel in the result's <c>properties</c> ("confidence",
/// "confidenceReason", "tunnel") and a <c>rank</c> (SARIF 2.1.0 §3.27.24: 0.0–100.0, higher is more important;
/// absent = -1, unknown): severity sets the band (error 70, warning 40, note 10) and confidence adds 0/10/20 within
/// it, so a sure error outranks a guessed one but no warning outranks an error. Lint results (no confidence) have none.
/// </summary>
public sealed class SarifReporter : IReporter
{
    public const string SchemaUri = "https://json.schemastore.org/sarif-2.1.0.json";

    public string Format => "sarif";

    public void Write(ReportInput input, TextWriter output)
    {
        var r = input.Redactor;
        var rules = Rules.All;
        var index = rules.Select((rule, i) => (rule.Id, i)).ToDictionary(p => p.Id, p => p.i);
        using var stream = new MemoryStream();
        using (var json = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true }))
        {
            json.WriteStartObject();
            json.WriteString("$schema", SchemaUri);
            json.WriteString("version", "2.1.0");
            json.WriteStartArray("runs");
            json.WriteStartObject();

            json.WriteStartObject("tool");
            json.WriteStartObject("driver");
            json.WriteString("name", "seildiag");
            json.WriteString("semanticVersion", input.ToolVersion);
            json.WriteStartArray("rules");
            foreach (var rule in rules)
            {
                WriteRule(json, rule, input.Lang);
            }
            json.WriteEndArray();
            json.WriteEndObject();
            json.WriteEndObject();

            json.WriteStartArray("results");
            foreach (var d in input.Diagnostics)
            {
                json.WriteStartObject();
                json.WriteString("ruleId", d.Id);
                json.WriteNumber("ruleIndex", index[d.Id]);
                json.WriteString("level", Level(d.Severity));
                var confidence = d.Confidence;
                if (confidence is not null && Rank(d.Severity, confidence.Level) is { } rank)
                {
                    json.WriteNumber("rank", rank);
                }
                json.WriteStartObject("message");
                json.WriteString("text", r.Redact(d.GetMessage(input.Lang)));
                json.WriteEndObject();
                json.WriteStartArray("locations");
                if (d.Location is not null)
                {
                    WriteLocation(json, d.Location, null);
                }
                json.WriteEndArray();
                var related = d.AdditionalLocations.Select(l => (l, (string?)null))
                    .Concat(d.Evidence.Where(e => e.Location is not null).Select(e => (e.Location!, (string?)r.Redact(e.GetText(input.Lang)))))
                    .ToList();
                if (related.Count > 0)
                {
                    json.WriteStartArray("relatedLocations");
                    var id = 0;
                    foreach (var (location, text) in related)
                    {
                        WriteLocation(json, location, text, id++);
                    }
                    json.WriteEndArray();
                }
                var fixes = d.Fixes.Where(f => !f.IsAdvice).ToList();
                if (fixes.Count > 0)
                {
                    json.WriteStartArray("fixes");
                    foreach (var fix in fixes)
                    {
                        WriteFix(json, fix, r, input.Lang);
                    }
                    json.WriteEndArray();
                }
                if (d.IsSuppressed)
                {
                    json.WriteStartArray("suppressions");
                    json.WriteStartObject();
                    json.WriteString("kind", "inSource");
                    json.WriteString("justification", d.SuppressionJustification ?? "");
                    json.WriteEndObject();
                    json.WriteEndArray();
                }
                json.WriteStartObject("properties");
                json.WriteString("category", d.Rule.Category.ToString().ToLowerInvariant());
                if (confidence is not null)
                {
                    json.WriteString("confidence", confidence.LevelName);
                    json.WriteString("confidenceReason", r.Redact(confidence.Reason.Get(input.Lang)));
                }
                if (DiagnosisFacts.TunnelAddresses(d, r) is { } tunnel)
                {
                    json.WriteStartArray("tunnel");
                    foreach (var address in tunnel)
                    {
                        json.WriteStringValue(address);
                    }
                    json.WriteEndArray();
                }
                json.WriteStartArray("evidence");
                foreach (var e in d.Evidence)
                {
                    var excerpt = e.Excerpt is null ? "" : $" | {e.Excerpt}";
                    json.WriteStringValue(r.Redact($"{(e.Kind == EvidenceKind.Observed ? "observed" : "predicted")} {e.Source}: {e.GetText(input.Lang)}{excerpt}"));
                }
                json.WriteEndArray();
                var advice = d.Fixes.Where(f => f.IsAdvice).ToList();
                if (advice.Count > 0)
                {
                    json.WriteStartArray("advice");
                    foreach (var fix in advice)
                    {
                        json.WriteStringValue(r.Redact(fix.GetTitle(input.Lang)));
                    }
                    json.WriteEndArray();
                }
                json.WriteEndObject();
                json.WriteEndObject();
            }
            json.WriteEndArray();

            json.WriteEndObject();
            json.WriteEndArray();
            json.WriteEndObject();
        }
        output.Write(System.Text.Encoding.UTF8.GetString(stream.ToArray()));
        output.WriteLine();
    }

    private static void WriteRule(Utf8JsonWriter json, Rule rule, string lang)
    {
        json.WriteStartObject();
        json.WriteString("id", rule.Id);
        json.WriteString("name", PascalName(rule.Title));
        json.WriteStartObject("shortDescription");
        json.WriteString("text", rule.LocalizedTitle(lang));
        json.WriteEndObject();
        json.WriteStartObject("fullDescription");
        json.WriteString("text", rule.Description);
        json.WriteEndObject();
        json.WriteStartObject("messageStrings");
        foreach (var (variant, format) in rule.Messages)
        {
            json.WriteStartObject(variant);
            json.WriteString("text", lang == "ja" ? format.Japanese : format.English);
            json.WriteEndObject();
        }
        json.WriteEndObject();
        json.WriteStartObject("defaultConfiguration");
        json.WriteString("level", Level(rule.DefaultSeverity));
        json.WriteBoolean("enabled", rule.DefaultSeverity != Severity.None);
        json.WriteEndObject();
        json.WriteStartObject("help");
        json.WriteString("text", $"{rule.Description} See {rule.HelpPath}.");
        json.WriteEndObject();
        json.WriteStartObject("properties");
        json.WriteString("category", rule.Category.ToString().ToLowerInvariant());
        json.WriteString("helpPath", rule.HelpPath);
        json.WriteStartArray("tags");
        foreach (var tag in rule.Tags)
        {
            json.WriteStringValue(tag);
        }
        json.WriteEndArray();
        json.WriteEndObject();
        json.WriteEndObject();
    }

    private static void WriteLocation(Utf8JsonWriter json, Location location, string? message, int? id = null)
    {
        json.WriteStartObject();
        if (id is { } value)
        {
            json.WriteNumber("id", value);
        }
        json.WriteStartObject("physicalLocation");
        json.WriteStartObject("artifactLocation");
        json.WriteString("uri", ToUri(location.Path));
        json.WriteEndObject();
        if (location.Packet is null && location.Line >= 1)
        {
            json.WriteStartObject("region");
            json.WriteNumber("startLine", location.Line);
            json.WriteNumber("startColumn", Math.Max(1, location.Column));
            json.WriteNumber("endLine", Math.Max(location.Line, location.EndLine));
            json.WriteNumber("endColumn", Math.Max(1, location.EndColumn));
            json.WriteEndObject();
        }
        json.WriteEndObject();
        if (message is not null)
        {
            json.WriteStartObject("message");
            json.WriteString("text", message);
            json.WriteEndObject();
        }
        if (location.Packet is { } packet)
        {
            json.WriteStartObject("properties");
            json.WriteNumber("packet", packet);
            json.WriteEndObject();
        }
        json.WriteEndObject();
    }

    private static void WriteFix(Utf8JsonWriter json, CodeFix fix, Redactor r, string lang)
    {
        json.WriteStartObject();
        json.WriteStartObject("description");
        var weak = fix.Safety == FixSafety.WeakensSecurity ? $" ({ReportText.For(lang).Weakens})" : "";
        json.WriteString("text", r.Redact(fix.GetTitle(lang)) + weak);
        json.WriteEndObject();
        json.WriteStartArray("artifactChanges");
        foreach (var group in fix.Edits.GroupBy(e => e.Path))
        {
            json.WriteStartObject();
            json.WriteStartObject("artifactLocation");
            json.WriteString("uri", ToUri(group.Key));
            json.WriteEndObject();
            json.WriteStartArray("replacements");
            foreach (var edit in group)
            {
                json.WriteStartObject();
                json.WriteStartObject("deletedRegion");
                json.WriteNumber("startLine", edit.Start.Line);
                json.WriteNumber("startColumn", edit.Start.Column);
                json.WriteNumber("endLine", edit.End.Line);
                json.WriteNumber("endColumn", edit.End.Column);
                json.WriteEndObject();
                json.WriteStartObject("insertedContent");
                json.WriteString("text", r.Redact(edit.NewText));
                json.WriteEndObject();
                json.WriteEndObject();
            }
            json.WriteEndArray();
            json.WriteEndObject();
        }
        json.WriteEndArray();
        json.WriteEndObject();
    }

    /// <summary>The result's rank from severity band and confidence; null for a severity that is not reported.</summary>
    public static double? Rank(Severity severity, ConfidenceLevel confidence)
    {
        double? band = severity switch
        {
            Severity.Error => 70,
            Severity.Warning => 40,
            Severity.Info => 10,
            _ => null,
        };
        return band + confidence switch
        {
            ConfidenceLevel.High => 20,
            ConfidenceLevel.Medium => 10,
            _ => 0,
        };
    }

    private static string Level(Severity severity) => severity switch
    {
        Severity.Error => "error",
        Severity.Warning => "warning",
        Severity.Info => "note",
        _ => "none",
    };

    /// <summary>Relative paths stay relative (resolved against the checkout by the consumer); absolute ones become file URIs.</summary>
    public static string ToUri(string path)
    {
        if (Path.IsPathRooted(path))
        {
            return new Uri(path).AbsoluteUri;
        }
        return string.Join('/', path.Replace('\\', '/').Split('/').Select(Uri.EscapeDataString));
    }

    private static string PascalName(string title) =>
        string.Concat(title.Split([' ', '-', '/', '(', ')', ',', '\'', '!', '.'], StringSplitOptions.RemoveEmptyEntries)
            .Select(w => char.ToUpperInvariant(w[0]) + w[1..]));
}
