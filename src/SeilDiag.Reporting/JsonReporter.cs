using System.Text.Json;
using SeilDiag.Diagnostics;

namespace SeilDiag.Reporting;

/// <summary>
/// The JSON contract other tools rely on — keep it stable; add fields, never rename or remove:
/// <c>{"version":1,"diagnostics":[{"id","severity","title","message","locations":[{"path","line","column","endLine","endColumn"}],"evidence":[...],"fixes":[{"title","edits":[{"path","line","column","endLine","endColumn","newText"}]}]}]}</c>.
/// Lines and columns are 1-based; diagnostics are in rank order (root cause first).
/// Added in v1 (additive): <c>"confidence": {"level":"high"|"medium"|"low","reason":"…"}</c> (reason in the report's
/// language; null before correlation, e.g. from lint) and <c>"tunnel": ["10.0.0.1","10.0.0.2"]</c> (the two peers'
/// outer addresses, lower first, placeholders under --redact-addresses; null when a finding names no tunnel).
/// </summary>
public sealed class JsonReporter : IReporter
{
    public const int ContractVersion = 1;

    public string Format => "json";

    public void Write(ReportInput input, TextWriter output)
    {
        using var stream = new MemoryStream();
        using (var json = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true }))
        {
            json.WriteStartObject();
            json.WriteNumber("version", ContractVersion);
            json.WriteString("tool", "seildiag");
            json.WriteString("toolVersion", input.ToolVersion);
            if (input.Summary.Count > 0)
            {
                json.WriteStartArray("summary");
                foreach (var line in input.Summary)
                {
                    json.WriteStringValue(input.Redactor.Redact(line));
                }
                json.WriteEndArray();
            }
            json.WriteStartArray("diagnostics");
            foreach (var diagnostic in input.Diagnostics)
            {
                WriteDiagnostic(json, diagnostic, input);
            }
            json.WriteEndArray();
            foreach (var (name, write) in input.ExtraJson)
            {
                json.WritePropertyName(name);
                write(json);
            }
            json.WriteEndObject();
        }
        output.Write(System.Text.Encoding.UTF8.GetString(stream.ToArray()));
        output.WriteLine();
    }

    private static void WriteDiagnostic(Utf8JsonWriter json, Diagnostic d, ReportInput input)
    {
        var r = input.Redactor;
        json.WriteStartObject();
        json.WriteString("id", d.Id);
        json.WriteString("severity", d.Severity.ToName());
        json.WriteString("category", d.Rule.Category.ToString().ToLowerInvariant());
        json.WriteString("title", d.Rule.LocalizedTitle(input.Lang));
        json.WriteString("message", r.Redact(d.GetMessage(input.Lang)));
        json.WriteString("help", d.Rule.HelpPath);
        if (d.Confidence is { } confidence)
        {
            json.WriteStartObject("confidence");
            json.WriteString("level", confidence.LevelName);
            json.WriteString("reason", r.Redact(confidence.Reason.Get(input.Lang)));
            json.WriteEndObject();
        }
        else
        {
            json.WriteNull("confidence");
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
        else
        {
            json.WriteNull("tunnel");
        }
        if (d.IsSuppressed)
        {
            json.WriteBoolean("suppressed", true);
            json.WriteString("justification", d.SuppressionJustification ?? "");
        }
        json.WriteStartArray("locations");
        foreach (var location in new[] { d.Location }.Concat(d.AdditionalLocations).OfType<Location>())
        {
            WriteLocation(json, location);
        }
        json.WriteEndArray();
        json.WriteStartArray("evidence");
        foreach (var e in d.Evidence)
        {
            json.WriteStartObject();
            json.WriteString("source", JsonNamingPolicy.CamelCase.ConvertName(e.Source.ToString()));
            json.WriteString("kind", e.Kind == EvidenceKind.Observed ? "observed" : "predicted");
            json.WriteString("text", r.Redact(e.GetText(input.Lang)));
            if (e.Excerpt is not null)
            {
                json.WriteString("excerpt", r.Redact(e.Excerpt));
            }
            if (e.Time is { } time)
            {
                json.WriteString("time", time);
            }
            if (e.Location is not null)
            {
                json.WritePropertyName("location");
                WriteLocation(json, e.Location);
            }
            json.WriteEndObject();
        }
        json.WriteEndArray();
        json.WriteStartArray("fixes");
        foreach (var fix in d.Fixes)
        {
            json.WriteStartObject();
            json.WriteString("title", r.Redact(fix.GetTitle(input.Lang)));
            json.WriteBoolean("weakensSecurity", fix.Safety == FixSafety.WeakensSecurity);
            if (fix.GetExplanation(input.Lang) is { } explanation)
            {
                json.WriteString("explanation", r.Redact(explanation));
            }
            json.WriteStartArray("edits");
            foreach (var edit in fix.Edits)
            {
                json.WriteStartObject();
                json.WriteString("path", edit.Path);
                json.WriteNumber("line", edit.Start.Line);
                json.WriteNumber("column", edit.Start.Column);
                json.WriteNumber("endLine", edit.End.Line);
                json.WriteNumber("endColumn", edit.End.Column);
                json.WriteString("newText", r.Redact(edit.NewText));
                json.WriteEndObject();
            }
            json.WriteEndArray();
            json.WriteEndObject();
        }
        json.WriteEndArray();
        json.WriteEndObject();
    }

    private static void WriteLocation(Utf8JsonWriter json, Location location)
    {
        json.WriteStartObject();
        json.WriteString("path", location.Path);
        if (location.Packet is { } packet)
        {
            json.WriteNumber("packet", packet);
        }
        else
        {
            json.WriteNumber("line", location.Line);
            json.WriteNumber("column", location.Column);
            json.WriteNumber("endLine", location.EndLine);
            json.WriteNumber("endColumn", location.EndColumn);
        }
        json.WriteEndObject();
    }
}
