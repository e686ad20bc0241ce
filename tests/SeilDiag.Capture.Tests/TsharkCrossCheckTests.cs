using System.Diagnostics;
using SeilDiag.Capture;

namespace SeilDiag.Capture.Tests;

/// <summary>
/// Packet-by-packet comparison with tshark (run only where tshark is on PATH; CI installs it): with the same
/// key files, every HASH tshark decrypts, every notify type and every ESP packet it decrypts (ICMP type, ICV
/// verdict) must be what we decrypt. Where tshark fails (retransmissions, the other peer's key) we may only do better.
/// </summary>
public class TsharkCrossCheckTests
{
    private static string? Tshark()
    {
        foreach (var dir in (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator))
        {
            var candidate = Path.Combine(dir, OperatingSystem.IsWindows() ? "tshark.exe" : "tshark");
            if (File.Exists(candidate))
            {
                return candidate;
            }
        }
        return null;
    }

    public static TheoryData<string, string> Captures()
    {
        var data = new TheoryData<string, string>();
        foreach (var s in new[] { "01-minimal-ok", "02-responder-only", "04-phase2-md5-rejected", "05-ts-mismatch", "05-ts-mismatch/disjoint", "07-aggressive-forced",
                     "08-psk-mismatch", "09-id-mismatch", "10-lifetime-rekey", "10-lifetime-rekey/keylife", "11-dpd", "12-delete", "13-nat-t-forceencaps" })
        {
            data.Add("lab", s);
        }
        foreach (var w in new[] { "ikev1-certs.pcap", "ikev1-bug-12610.pcapng.gz", "ikev1-bug-12620.pcapng.gz", "esp-bug-12671.pcapng.gz" })
        {
            data.Add("wireshark", w);
        }
        return data;
    }

    private sealed record Row(long Frame, string[] Hashes, string[] Notifies, string? Spi, string? IcmpType, string? IcvGood);

    [SkippableTheory]
    [MemberData(nameof(Captures))]
    public void OurDecryptionAgreesWithTshark(string corpus, string name)
    {
        var tshark = Tshark();
        Skip.If(tshark is null, "tshark is not on PATH (CI installs it)");
        string capture;
        string ikeTable;
        string? espSa;
        if (corpus == "lab")
        {
            var dir = Corpus.Lab(name.Split('/'));
            capture = Path.Combine(dir, "capture.pcap");
            ikeTable = Path.Combine(dir, "ikev1_decryption_table");
            espSa = File.Exists(Path.Combine(dir, "esp_sa")) ? Path.Combine(dir, "esp_sa") : null;
        }
        else
        {
            capture = Corpus.Wireshark(name);
            ikeTable = Corpus.Wireshark("ikev1_decryption_table.tmpl");
            espSa = Corpus.Wireshark("esp_sa.tmpl");
        }
        var rows = RunTshark(tshark!, capture, ikeTable, espSa);
        var ours = CaptureFrontEnd.Analyze(capture, CaptureKeys.Load(ikeTable, espSa), new CaptureOptions { KeepPayloadBytes = true });
        Assert.Equal(rows.Count, ours.FrameCount);
        var compared = 0;
        foreach (var row in rows)
        {
            var p = ours.Packets.Single(x => x.Frame == row.Frame);
            if (row.Hashes.Length > 0)
            {
                var hashes = p.Payloads.Where(x => x.Type == 8).Select(x => Convert.ToHexString(x.Body!).ToLowerInvariant()).ToArray();
                Assert.Equal(row.Hashes, hashes);
                compared++;
            }
            if (row.Notifies.Length > 0)
            {
                Assert.Equal(row.Notifies, p.Payloads.Where(x => x.Notification is not null).Select(x => x.Notification!.Type.ToString()).ToArray());
            }
            if (row.Spi is not null)
            {
                Assert.Equal(row.Spi, $"0x{p.Spi:x8}");
                if (row.IcmpType is not null)
                {
                    Assert.True(p.EspDecrypted, $"frame {row.Frame}");
                    Assert.Contains(row.IcmpType == "8" ? "ICMP echo request" : row.IcmpType == "0" ? "ICMP echo reply" : "ICMP", p.Inner);
                    compared++;
                }
                if (row.IcvGood == "1")
                {
                    Assert.Equal(Esp.IcvStatus.Good, p.Icv);
                }
            }
        }
        Assert.True(compared > 0, "tshark decrypted nothing to compare");
    }

    private static List<Row> RunTshark(string tshark, string capture, string ikeTable, string? espSa)
    {
        // A throw-away profile, as Wireshark's own test harness does (SOURCES.md).
        var home = Corpus.TempDir();
        var profile = Path.Combine(home, "wireshark");
        Directory.CreateDirectory(profile);
        File.Copy(ikeTable, Path.Combine(profile, "ikev1_decryption_table"));
        if (espSa is not null)
        {
            File.Copy(espSa, Path.Combine(profile, "esp_sa"));
        }
        File.WriteAllText(Path.Combine(profile, "preferences"), "esp.enable_encryption_decode: TRUE\nesp.enable_authentication_check: TRUE\n");
        var start = new ProcessStartInfo(tshark)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var arg in new[] { "-r", capture, "-T", "fields", "-E", "separator=|", "-E", "occurrence=a", "-E", "aggregator=,",
                     "-e", "frame.number", "-e", "isakmp.hash", "-e", "isakmp.notify.msgtype", "-e", "esp.spi", "-e", "icmp.type", "-e", "esp.icv_good" })
        {
            start.ArgumentList.Add(arg);
        }
        start.Environment["XDG_CONFIG_HOME"] = home;
        start.Environment["HOME"] = home;
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        Assert.True(process.WaitForExit(60_000), "tshark did not finish in 60 s");
        Assert.True(process.ExitCode == 0, $"tshark failed: {stderr.Result}");
        var rows = new List<Row>();
        foreach (var line in stdout.Result.Split('\n', StringSplitOptions.RemoveEmptyEntries))
        {
            var f = line.TrimEnd('\r').Split('|');
            string[] List(string s) => s.Length == 0 ? [] : s.Split(',');
            // For nested ESP tshark lists the first (outer) SPI first.
            rows.Add(new Row(long.Parse(f[0]), List(f[1]), List(f[2]), f[3].Length == 0 ? null : f[3].Split(',')[0], f[4].Length == 0 ? null : f[4].Split(',')[^1], f[5].Length == 0 ? null : f[5].Split(',')[0]));
        }
        return rows;
    }
}
