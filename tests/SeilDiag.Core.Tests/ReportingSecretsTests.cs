using System.Text.RegularExpressions;
using SeilDiag.Diagnostics;
using SeilDiag.Reporting;
using SeilDiag.Text;

namespace SeilDiag.Tests.Core;

/// <summary>
/// No known PSK or key string in any format over real cases, unless --show-secrets. The secret-bearing text
/// (the seed's SEIL config and ipsec.secrets lines, lab 08's PSK lines, key tables, charon's level-4 key
/// dumps) reaches the reporters through every path they print: summary lines, evidence excerpts and the
/// source line under a diagnostic's location.
/// </summary>
public class ReportingSecretsTests
{
    public static TheoryData<string, string> Cases()
    {
        var data = new TheoryData<string, string>();
        foreach (var format in new[] { "text", "json", "sarif", "markdown", "html" })
        {
            foreach (var lab in new[] { "08-psk-mismatch", "04-phase2-md5-rejected", "seed" })
            {
                data.Add(format, lab);
            }
        }
        return data;
    }

    private sealed record Case(ReportInput Input, IReadOnlyList<string> Known);

    private static Case Build(string name, Redactor redactor)
    {
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
