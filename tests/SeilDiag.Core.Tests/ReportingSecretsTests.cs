using System.Text.RegularExpressions;
using SeilDiag.Diagnostics;
using SeilDiag.Reporting;
using SeilDiag.Model;
using SeilDiag.Text;

namespace SeilDiag.Tests.Core;

/// <summary>
/// No known PSK or key string in any format over the seed and every corpus case, unless --show-secrets. The
/// secret-bearing text (the seed's SEIL config and ipsec.secrets lines, the lab READMEs' PSK lines, key tables,
/// charon's level-4 key dumps, Wireshark's and tcpdump's key files) reaches the reporters through every path they
/// print: summary lines, evidence excerpts and the source line under a diagnostic's location — including JSON and
/// SARIF, which never show a source line and so cannot be checked this way through diagnose (CorpusSecretsTests
/// in SeilDiag.Cli.Tests runs the real command over the same cases).
/// </summary>
public partial class ReportingSecretsTests
{
    /// <summary>
    /// Every format over the seed and every corpus case, enumerated from disk: each lab case folder (sub-cases
    /// included) and each Wireshark/tcpdump capture ("capture:wireshark/ikev1-certs.pcap") with its key files.
    /// </summary>
    public static TheoryData<string, string> Cases()
    {
        var names = new List<string> { "seed" };
        var corpus = SharedFiles.RootOrNull is { } root ? Path.Combine(root, "corpus") : null;
        if (corpus is not null && Directory.Exists(corpus))
        {
            var lab = Path.Combine(corpus, "lab");
            names.AddRange(Directory.EnumerateDirectories(lab, "*", SearchOption.AllDirectories)
                .Where(d => File.Exists(Path.Combine(d, "capture.pcap")))
                .Select(d => Path.GetRelativePath(lab, d).Replace('\\', '/'))
                .Order(StringComparer.Ordinal));
            foreach (var set in new[] { "wireshark", "tcpdump" })
            {
                names.AddRange(Directory.EnumerateFiles(Path.Combine(corpus, set))
                    .Where(f => f.EndsWith(".pcap", StringComparison.Ordinal) || f.EndsWith(".pcapng", StringComparison.Ordinal) || f.EndsWith(".pcapng.gz", StringComparison.Ordinal))
                    .Select(f => $"capture:{set}/{Path.GetFileName(f)}")
                    .Order(StringComparer.Ordinal));
            }
        }
        var data = new TheoryData<string, string>();
        foreach (var format in new[] { "text", "json", "sarif", "markdown", "html" })
        {
            foreach (var name in names)
            {
                data.Add(format, name);
            }
        }
        return data;
    }

    private sealed record Case(ReportInput Input, IReadOnlyList<string> Known);

    private static Case Build(string name, Redactor redactor)
    {
        if (name.StartsWith("capture:", StringComparison.Ordinal))
        {
            return BuildCapture(name["capture:".Length..], redactor);
        }
        var secretLines = new List<string>();
        var known = new List<string>();
        string lab;
        if (name == "seed")
        {
            var seed = File.ReadAllLines(SharedFiles.Require("seed", "000_b3ea9c92e5d0cf72.txt"));
            secretLines.AddRange(seed.Where(l => l.Contains("xeeB5gohvaYi", StringComparison.Ordinal)));
            known.Add("xeeB5gohvaYi");
            lab = "04-phase2-md5-rejected";
        }
        else
        {
            lab = name;
            var readme = File.ReadAllLines(SharedFiles.Require("corpus", "lab", lab, "README.md"));
            foreach (Match m in Regex.Matches(string.Join('\n', readme), @"PSK ""(?<psk>[^""]+)"""))
            {
                known.Add(m.Groups["psk"].Value);
            }
            secretLines.AddRange(readme.Where(l => l.Contains(": PSK", StringComparison.Ordinal)));
        }
        var dir = SharedFiles.Require("corpus", "lab", lab);
        foreach (var table in Directory.EnumerateFiles(dir, "ikev1_decryption_table*"))
        {
            foreach (var line in File.ReadLines(table).Where(l => !l.StartsWith('#') && l.Contains(',')))
            {
                secretLines.Add(line);
                known.Add(line.Split(',')[1].Trim());
            }
        }
        foreach (var line in Directory.EnumerateFiles(dir, "esp_sa*").SelectMany(File.ReadLines).Where(l => l.StartsWith("\"IPv", StringComparison.Ordinal)))
        {
            secretLines.Add(line);
            known.AddRange(HexKey().Matches(line).Select(m => m.Value));
        }
        // charon's level-4 dumps: the bytes of the shared DH secret and SKEYID lines.
        var keysLog = File.ReadAllLines(Path.Combine(dir, "seil-charon-keys.log"));
        for (var i = 0; i < keysLog.Length - 1; i++)
        {
            if (keysLog[i].Contains("Diffie Hellman secret =>", StringComparison.Ordinal) || keysLog[i].Contains("SKEYID =>", StringComparison.Ordinal))
            {
                var dump = keysLog[i + 1];
                secretLines.Add(dump);
                known.Add(Regex.Match(dump, @"\d+: (?<hex>([0-9A-F]{2} ){8})").Groups["hex"].Value.Trim());
            }
        }
        // A case whose phase 1 never completed (03, 06, 14, 15) has no key material of its own: a foreign key file
        // (Wireshark's esp_sa, as a support desk might attach by mistake) puts keys on screen there too.
        var ownKeys = known.Count;
        Assert.True(ownKeys > 0 || !File.ReadLines(Path.Combine(dir, "ikev1_decryption_table")).Any(l => l.Contains(',') && !l.StartsWith('#')),
            $"{name}: its key table has keys but none was found to look for");
        if (SharedFiles.RootOrNull is { } shared && File.Exists(Path.Combine(shared, "corpus", "wireshark", "esp_sa.tmpl")))
        {
            foreach (var line in File.ReadLines(Path.Combine(shared, "corpus", "wireshark", "esp_sa.tmpl")).Where(l => l.StartsWith("\"IPv", StringComparison.Ordinal)))
            {
                secretLines.Add(line);
                known.AddRange(HexKey().Matches(line).Select(m => m.Value));
            }
        }
        Assert.True(known.Count >= 3, $"{name}: expected PSKs and keys, found {known.Count}");
        var secrets = SourceText.From(string.Join('\n', secretLines) + "\n", Path.Combine(dir, "secrets-bearing.txt"));
        var onSecretLine = Diagnostic.Create(Rules.Phase1ProposalMismatch, Location.OnLine(secrets, 1), new LocalizedText("x", "x"))
            .WithEvidence([.. secretLines.Select((l, i) => new Evidence(EvidenceSource.CharonLog, EvidenceKind.Observed, "line " + (i + 1), Location.OnLine(secrets, i + 1), l))]);
        var real = ReportingCases.Lab(lab, redactor, extraSummary: secretLines);
        var input = new ReportInput
        {
            Diagnostics = [.. real.Diagnostics, onSecretLine],
            Documents = [.. real.Documents, secrets],
            Redactor = redactor,
            Summary = real.Summary,
            Inputs = real.Inputs,
            ObservedSas = real.ObservedSas,
            Timeline = real.Timeline,
            ClockOffsets = real.ClockOffsets,
        };
        return new Case(input, known.Distinct().ToList());
    }

    /// <summary>
    /// A capture with the key files its SOURCES.md names: Wireshark's profile tables, tcpdump's -E files. The capture
    /// front-end reads the ikev1 table and esp_sa; every key line (also the IKEv2 and tcpdump ones it does not read) is
    /// put on screen as a secrets-bearing document, as a pasted key file would be.
    /// </summary>
    private static Case BuildCapture(string relative, Redactor redactor)
    {
        var capture = SharedFiles.Require("corpus", relative);
        var dir = Path.GetDirectoryName(capture)!;
        var keyFiles = Directory.EnumerateFiles(dir).Where(f => f.EndsWith(".tmpl", StringComparison.Ordinal) || f.EndsWith("secrets.txt", StringComparison.Ordinal)).Order(StringComparer.Ordinal).ToList();
        var secretLines = keyFiles.SelectMany(File.ReadLines).Where(l => HexKey().IsMatch(l) && !l.TrimStart().StartsWith('#')).ToList();
        var known = secretLines.SelectMany(l => HexKey().Matches(l).Select(m => m.Value)).Distinct().ToList();
        Assert.True(known.Count >= 3, $"{relative}: expected keys in {string.Join(", ", keyFiles.Select(Path.GetFileName))}");
        var keys = Capture.CaptureKeys.Load(keyFiles.Where(f => Path.GetFileName(f).StartsWith("ikev1_", StringComparison.Ordinal)),
            keyFiles.Where(f => Path.GetFileName(f).StartsWith("esp_sa", StringComparison.Ordinal)));
        var result = Capture.CaptureFrontEnd.Analyze(capture, keys);
        var secrets = SourceText.From(string.Join('\n', secretLines) + "\n", Path.Combine(dir, "secrets-bearing.txt"));
        var onSecretLine = Diagnostic.Create(Rules.Phase1ProposalMismatch, Location.OnLine(secrets, 1), new LocalizedText("x", "x"))
            .WithEvidence([.. secretLines.Select((l, i) => new Evidence(EvidenceSource.Capture, EvidenceKind.Observed, "line " + (i + 1), Location.OnLine(secrets, i + 1), l))]);
        var input = new ReportInput
        {
            Diagnostics = [.. result.Diagnostics, onSecretLine],
            Documents = [secrets, .. keyFiles.Select(f => SourceText.From(File.ReadAllText(f), f))],
            Redactor = redactor,
            Summary = secretLines,
            ObservedSas = result.ObservedSas,
            Inputs = [new InputSummary(capture, "capture")],
        };
        return new Case(input, known);
    }

    [GeneratedRegex(@"(?<![0-9a-fA-F])[0-9a-fA-F]{32,}(?![0-9a-fA-F])")]
    private static partial Regex HexKey();

    [SkippableTheory]
    [MemberData(nameof(Cases))]
    public void No_known_psk_or_key_appears_unless_show_secrets(string format, string name)
    {
        var reporter = Reporters.Find(format)!;
        // Pattern-only (what a redactor sees when the secrets were never parsed) and with the known values.
        foreach (var redactor in new[] { new Redactor([]), new Redactor(Build(name, Redactor.None).Known), new Redactor([]).WithAddresses(new AddressRedactor()) })
        {
            var c = Build(name, redactor);
            var report = ReportingCases.Render(reporter, c.Input);
            foreach (var secret in c.Known)
            {
                Assert.False(report.Contains(secret, StringComparison.OrdinalIgnoreCase), $"{format}/{name}: a known secret ({secret.Length} chars) is printed");
            }
            Assert.Contains(Redactor.Mask, format is "html" ? System.Net.WebUtility.HtmlDecode(report) : report.Replace("\\u003C", "<").Replace("\\u003E", ">").Replace("\\<", "<").Replace("\\>", ">"));
        }
        var shown = Build(name, Redactor.None);
        var open = ReportingCases.Render(reporter, shown.Input);
        Assert.All(shown.Known, secret => Assert.Contains(secret, open, StringComparison.OrdinalIgnoreCase));
    }
}
