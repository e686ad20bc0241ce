using SeilDiag.Diagnostics;
using SeilDiag.Model;
using SeilDiag.StrongSwan.Conns;
using SeilDiag.StrongSwan.Syntax;

namespace SeilDiag.StrongSwan.Peers;

/// <summary>
/// Fixes for one conn of an ipsec.conf. Keys are conn parameters ("ike", "rightsubnet"). <see cref="Set"/> replaces the
/// value where this conn sets the key; when the value only comes from %default or also= (or is not set at all) a new
/// parameter line is added as the conn's last parameter line, indented like the conn's other lines, so the other conns
/// sharing %default are not changed. Every other byte of the file stays as it is.
/// </summary>
public sealed class IpsecConfEditor(StrongSwanConn conn) : IConfigEditor
{
    private IpsecConfSection Section => conn.Section;

    public string DisplayKey(string key) => $"conn {conn.Name}: {key}";

    /// <summary>The conn's own lines of a key (all spellings), last one last.</summary>
    private List<IpsecConfLine> OwnLines(string key) =>
        Section.Parameters.Where(p => p.Key is not null && ConnKeys.Canonical(p.Key) == ConnKeys.Canonical(key)).ToList();

    public IReadOnlyList<TextEdit> Set(string key, string value)
    {
        var written = Quote(value);
        var own = OwnLines(key);
        if (own.Count > 0)
        {
            var line = own[^1];
            var span = line.RawValueSpan ?? line.ValueSpan;
            return [TextEdit.Replace(line.Document, span, written)];
        }
        return [InsertLine($"{key}={written}")];
    }

    public Location? Locate(string key)
    {
        var own = OwnLines(key);
        if (own.Count > 0)
        {
            return Location.InText(own[^1].Document, own[^1].ValueSpan);
        }
        // Inherited from %default or also=: point at the line it comes from.
        return conn.InheritedSettings.TryGetValue(ConnKeys.Canonical(key), out var setting) && !setting.IsReset ? setting.Location : null;
    }

    public IReadOnlyList<TextEdit> Remove(string key)
    {
        var own = OwnLines(key);
        var inherited = conn.InheritedSettings.TryGetValue(ConnKeys.Canonical(key), out var setting) && !setting.IsReset;
        if (inherited)
        {
            // Deleting the conn's line would bring back the %default/also= value; "key=" resets it to strongSwan's default.
            if (own.Count > 0)
            {
                var line = own[^1];
                return line.RawValueSpan is { } raw ? [TextEdit.Replace(line.Document, raw, "")] : [];
            }
            return [InsertLine($"{key}=")];
        }
        return own.Select(line => TextEdit.DeleteLine(line.Document, line.Line)).ToList();
    }

    public IReadOnlyList<TextEdit> SetList(string listKey, IReadOnlyList<string> values) => Set(listKey, string.Join(",", values));

    private TextEdit InsertLine(string parameter)
    {
        var document = Section.Header.Document;
        var ownInDocument = Section.Parameters.Where(p => ReferenceEquals(p.Document, document)).ToList();
        var indentation = ownInDocument.Count > 0 ? ownInDocument[0].Indentation : "\t";
        var after = ownInDocument.Count > 0 ? ownInDocument[^1].Line : Section.Header.Line;
        return TextEdit.InsertLinesAfter(document, after, [indentation + parameter]);
    }

    private static string Quote(string value) =>
        value.IndexOfAny([' ', '\t', '#', '"']) >= 0 ? "\"" + value.Replace("\"", "") + "\"" : value;
}
