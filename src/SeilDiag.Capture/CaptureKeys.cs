using SeilDiag.Capture.Decryption;
using SeilDiag.Capture.Esp;
using SeilDiag.Diagnostics;
using SeilDiag.Text;

namespace SeilDiag.Capture;

/// <summary>
/// The decryption keys for a capture: Wireshark's ikev1_decryption_table and esp_sa. Problems in the key files
/// are diagnostics on those files (<see cref="Diagnostics"/>); keys themselves are never printed.
/// </summary>
public sealed class CaptureKeys
{
    public const string Ikev1TableName = "ikev1_decryption_table";
    public const string EspSaName = "esp_sa";

    public static CaptureKeys None { get; } = new([], [], []);

    private CaptureKeys(List<Ikev1Key> ikev1, List<EspSaEntry> esp, List<Diagnostic> diagnostics)
    {
        Ikev1 = ikev1;
        Esp = esp;
        Diagnostics = diagnostics;
    }

    public IReadOnlyList<Ikev1Key> Ikev1 { get; }

    public IReadOnlyList<EspSaEntry> Esp { get; }

    public IReadOnlyList<Diagnostic> Diagnostics { get; }

    /// <summary>The files the keys came from (for reports: "keys from ...").</summary>
    public IReadOnlyList<string> Files { get; private init; } = [];

    /// <summary>Either path may be null. Unreadable files are an <see cref="InputException"/>.</summary>
    public static CaptureKeys Load(string? ikev1TablePath, string? espSaPath) =>
        Load(ikev1TablePath is null ? [] : [ikev1TablePath], espSaPath is null ? [] : [espSaPath]);

    public static CaptureKeys Load(IEnumerable<string> ikev1TablePaths, IEnumerable<string> espSaPaths)
    {
        var diagnostics = new List<Diagnostic>();
        var ikev1 = new List<Ikev1Key>();
        var esp = new List<EspSaEntry>();
        var files = new List<string>();
        foreach (var path in ikev1TablePaths)
        {
            ikev1.AddRange(Ikev1KeyTable.Parse(InputReader.ReadFile(path), diagnostics));
            files.Add(path);
        }
        foreach (var path in espSaPaths)
        {
            esp.AddRange(EspSaTable.Parse(InputReader.ReadFile(path), diagnostics));
            files.Add(path);
        }
        return new CaptureKeys(ikev1, esp, diagnostics) { Files = files };
    }

    /// <summary>
    /// A folder as Wireshark's profile holds them: <c>ikev1_decryption_table</c> and <c>esp_sa</c>; also
    /// <c>ikev1_decryption_table.*</c> (more keys for the same cookies, e.g. the other peer's when PSKs differ).
    /// A folder with neither file is an <see cref="InputException"/>.
    /// </summary>
    public static CaptureKeys FromDirectory(string dir)
    {
        if (!Directory.Exists(dir))
        {
            throw new InputException(dir, "key folder not found");
        }
        var ike = Directory.EnumerateFiles(dir, Ikev1TableName + "*")
            .Where(p => Path.GetFileName(p) == Ikev1TableName || Path.GetFileName(p).StartsWith(Ikev1TableName + ".", StringComparison.Ordinal))
            .OrderBy(p => Path.GetFileName(p) == Ikev1TableName ? 0 : 1).ThenBy(p => p, StringComparer.Ordinal)
            .ToList();
        var espPath = Path.Combine(dir, EspSaName);
        var espFiles = File.Exists(espPath) ? new List<string> { espPath } : [];
        if (ike.Count == 0 && espFiles.Count == 0)
        {
            throw new InputException(dir, $"holds neither {Ikev1TableName} nor {EspSaName}");
        }
        return Load(ike, espFiles);
    }
}
