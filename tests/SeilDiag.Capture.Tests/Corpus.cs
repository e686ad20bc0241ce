using SeilDiag.Capture;
using SeilDiag.Tests;

namespace SeilDiag.Capture.Tests;

/// <summary>Paths into ../shared/corpus and key files written from the key tables documented in SOURCES.md.</summary>
internal static class Corpus
{
    public static string Wireshark(string file) => SharedFiles.Require("corpus", "wireshark", file);

    public static string Tcpdump(string file) => SharedFiles.Require("corpus", "tcpdump", file);

    public static string Lab(params string[] parts) => SharedFiles.Require(["corpus", "lab", .. parts]);

    /// <summary>Wireshark's own test key tables (the .tmpl files are the profile files, unchanged).</summary>
    public static CaptureKeys WiresharkKeys()
    {
        var dir = TempDir();
        File.Copy(Wireshark("ikev1_decryption_table.tmpl"), Path.Combine(dir, "ikev1_decryption_table"));
        File.Copy(Wireshark("esp_sa.tmpl"), Path.Combine(dir, "esp_sa"));
        return CaptureKeys.FromDirectory(dir);
    }

    /// <summary>esp_sa lines converted from tcpdump's esp-secrets.txt / command-line keys (see tcpdump/SOURCES.md).</summary>
    public static CaptureKeys EspKeys(params string[] lines)
    {
        var path = Path.Combine(TempDir(), "esp_sa");
        File.WriteAllLines(path, lines);
        return CaptureKeys.Load(null, path);
    }

    public const string TcpdumpEsp1Key = "0x4043434545464649494a4a4c4c4f4f515152525454575758";
    public const string TcpdumpFileKey1 = "0x43434545464649494a4a4c4c4f4f51515252545457575840";
    public const string TcpdumpFileKey2 = "0x434545464649494a4a4c4c4f4f5151525254545757584043";
    public const string TcpdumpFileKey3 = "0xaaaabbbbccccdddd4043434545464649494a4a4c4c4f4f515152525454575758";

    public static string TempDir()
    {
        var dir = Path.Combine(Path.GetTempPath(), "seildiag-capture-tests", Guid.NewGuid().ToString("n"));
        Directory.CreateDirectory(dir);
        return dir;
    }

    public static string TempFile(string name, byte[] content)
    {
        var path = Path.Combine(TempDir(), name);
        File.WriteAllBytes(path, content);
        return path;
    }
}
