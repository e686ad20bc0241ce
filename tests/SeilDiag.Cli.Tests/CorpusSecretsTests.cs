using System.Text.RegularExpressions;

namespace SeilDiag.Tests.Cli;

/// <summary>
/// Issue #6 acceptance: every report format over every corpus case, through the real <c>seildiag diagnose</c>, prints
/// no known pre-shared key and no key string unless <c>--show-secrets</c> is given. The cases are enumerated from disk:
/// every lab case folder (sub-cases included) and every Wireshark/tcpdump capture with the key files its SOURCES.md
/// names. Known secrets are read from the case itself: the ipsec.secrets lines its README documents (written next to
/// the configs, as the case ran them), the key tables (hex with and without 0x, any case) and charon's level-4 key
/// dumps (the bytes as charon prints them, spaced, and joined).
/// </summary>
public partial class CorpusSecretsTests
{
    private static readonly string[] Formats = ["text", "json", "sarif", "markdown", "html"];

    /// <summary>Formats that print source lines (the key table line under an SD0023, the secrets line under an SD1002).</summary>
    private static readonly string[] SourceLineFormats = ["text", "markdown", "html"];

    public static TheoryData<string> Cases()
    {
        var data = new TheoryData<string>();
        var root = SharedFiles.RootOrNull;
        if (root is null || !Directory.Exists(Path.Combine(root, "corpus")))
        {
            // Discovery must not fail without ../shared: one case that skips with the reason.
            data.Add("lab/(shared absent)");
            return data;
        }
        var corpus = Path.Combine(root, "corpus");
        foreach (var dir in Directory.EnumerateDirectories(Path.Combine(corpus, "lab"), "*", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
        {
            if (File.Exists(Path.Combine(dir, "capture.pcap")) || Directory.EnumerateFiles(dir, "*.ipsec.conf").Any())
            {
                data.Add(Path.GetRelativePath(corpus, dir).Replace('\\', '/'));
            }
        }
        foreach (var set in new[] { "wireshark", "tcpdump" })
        {
            foreach (var capture in Directory.EnumerateFiles(Path.Combine(corpus, set)).Where(IsCapture).Order(StringComparer.Ordinal))
            {
                data.Add($"{set}/{Path.GetFileName(capture)}");
            }
        }
        return data;
    }

    private static bool IsCapture(string path) =>
        path.EndsWith(".pcap", StringComparison.Ordinal) || path.EndsWith(".pcapng", StringComparison.Ordinal) || path.EndsWith(".pcapng.gz", StringComparison.Ordinal);

    [SkippableTheory]
    [MemberData(nameof(Cases))]
    public void No_known_psk_or_key_in_any_format_unless_show_secrets(string name)
    {
        var corpus = SharedFiles.Require("corpus");
        var (inputs, secretFiles) = Inputs(corpus, name);
        var known = Known(secretFiles);
        Assert.True(known.Count > 0, $"{name}: no secret found to look for");
        foreach (var format in Formats)
        {
            // Japanese too: evidence, messages and fixes have their own Japanese words, redacted the same way.
            foreach (var extra in new[] { Array.Empty<string>(), ["--redact-addresses"], ["--lang", "ja"] })
            {
                var result = CliRunner.Run(["diagnose", "--format", format, .. extra, .. inputs]);
                Assert.True(result.ExitCode is 0 or 1, $"{name}/{format}: exit {result.ExitCode}\n{result.Error}");
                var output = result.Out + result.Error;
                foreach (var secret in known)
                {
                    Assert.False(output.Contains(secret, StringComparison.OrdinalIgnoreCase),
                        $"{name}/{format} {string.Join(' ', extra)}: a known secret ({secret.Length} chars, from {Path.GetFileName(secretFiles.First(f => Known([f]).Contains(secret)))}) is printed");
                }
            }
            // The control: the same run with --show-secrets does print secrets, so the search above can see them.
            var shown = CliRunner.Run(["diagnose", "--format", format, "--show-secrets", .. inputs]);
            if (SourceLineFormats.Contains(format))
            {
                Assert.True(known.Any(s => shown.Out.Contains(s, StringComparison.OrdinalIgnoreCase)),
                    $"{name}/{format}: with --show-secrets no known secret is printed, so the redaction check above proves nothing");
            }
        }
    }

    /// <summary>
    /// The files given to diagnose and the files the known secrets come from. Lab cases: the case folder's own files,
    /// its README's ipsec.secrets lines as &lt;side&gt;.ipsec.secrets next to the configs (a temp folder of links), and a
    /// foreign key table (Wireshark's esp_sa, whose SPIs match no lab packet): its lines are printed under SD0023 in
    /// every case, so each case has key material on screen for the redaction to hide. Captures: the capture and the key
    /// files of its SOURCES.md (the Wireshark profile's three tables; tcpdump's -E files plus the foreign table).
    /// </summary>
    private static (List<string> Inputs, List<string> SecretFiles) Inputs(string corpus, string name)
    {
        var foreign = Path.Combine(corpus, "wireshark", "esp_sa.tmpl");
        var path = Path.Combine(corpus, name);
        if (name.StartsWith("lab/", StringComparison.Ordinal))
        {
            Skip.IfNot(Directory.Exists(path), $"{path} is not present");
            var dir = CliRunner.Folder();
            foreach (var file in Directory.EnumerateFiles(path).Where(f => Path.GetFileName(f) != "README.md"))
            {
                File.CreateSymbolicLink(Path.Combine(dir, Path.GetFileName(file)), file);
            }
            var readme = Path.Combine(path, "README.md");
            if (File.Exists(readme))
            {
                foreach (Match m in ReadmeSecretsLine().Matches(File.ReadAllText(readme)))
                {
                    File.AppendAllText(Path.Combine(dir, m.Groups["side"].Value + ".ipsec.secrets"), m.Groups["line"].Value + "\n");
                }
            }
            File.CreateSymbolicLink(Path.Combine(dir, "foreign-esp_sa"), foreign);
            var files = Directory.EnumerateFiles(dir).ToList();
            return ([dir], files);
        }
        Skip.IfNot(File.Exists(path), $"{path} is not present");
        var keys = name.StartsWith("wireshark/", StringComparison.Ordinal)
            ? new[] { "ikev1_decryption_table.tmpl", "esp_sa.tmpl", "ikev2_decryption_table.tmpl" }.Select(f => Path.Combine(corpus, "wireshark", f)).ToList()
            : [Path.Combine(corpus, "tcpdump", "esp-secrets.txt"), Path.Combine(corpus, "tcpdump", "ikev2pI2-secrets.txt"), foreign];
        return ([path, .. keys], keys);
    }

    /// <summary>Every secret string the files hold, in the forms a report could print them.</summary>
    private static HashSet<string> Known(IEnumerable<string> files)
    {
        var known = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var file in files)
        {
            var name = Path.GetFileName(file);
            var lines = File.ReadAllLines(file);
            if (name.Contains("ipsec.secrets", StringComparison.Ordinal))
            {
                foreach (var line in lines)
                {
                    if (PskValue().Match(line) is { Success: true } m)
                    {
                        known.Add(m.Groups["quoted"].Success ? m.Groups["quoted"].Value : m.Groups["bare"].Value);
                    }
                }
            }
            else if (name.Contains("charon-keys", StringComparison.Ordinal))
            {
                // The first dump line after each secret: "   0: CA 2F 82 F7 ...", as printed (spaced) and joined.
                for (var i = 0; i < lines.Length - 1; i++)
                {
                    if (SecretDumpHeader().IsMatch(lines[i]) && DumpLine().Match(lines[i + 1]) is { Success: true } dump)
                    {
                        var bytes = dump.Groups["hex"].Value.Trim();
                        known.Add(bytes);
                        known.Add(bytes.Replace(" ", "", StringComparison.Ordinal));
                    }
                }
            }
            else if (!name.EndsWith(".pcap", StringComparison.Ordinal) && !name.Contains("charon", StringComparison.Ordinal))
            {
                // Key tables (ikev1/ikev2 decryption tables, esp_sa, tcpdump -E files): runs of 32+ hex digits are keys;
                // 16-digit cookies and 8-digit SPIs are identifiers, printed on purpose.
                foreach (var line in lines.Where(l => !l.TrimStart().StartsWith('#')))
                {
                    foreach (Match key in HexKey().Matches(line))
                    {
                        known.Add(key.Value);
                        known.Add(Spaced(key.Value[..16]));
                    }
                }
            }
        }
        return known;
    }

    /// <summary>"D95E1C7EE93C33BA" → "D9 5E 1C 7E E9 3C 33 BA": a key as a charon dump would show it.</summary>
    private static string Spaced(string hex) =>
        string.Join(' ', Enumerable.Range(0, hex.Length / 2).Select(i => hex.Substring(i * 2, 2).ToUpperInvariant()));

    [GeneratedRegex(@"\*\*(?<side>[\w-]+)\*\*\s*`ipsec\.secrets`:\s*`(?<line>[^`]*PSK[^`]*)`")]
    private static partial Regex ReadmeSecretsLine();

    [GeneratedRegex(@":\s*PSK\s+(?:""(?<quoted>[^""]*)""|(?<bare>\S+))")]
    private static partial Regex PskValue();

    [GeneratedRegex(@"(Diffie Hellman secret|SKEYID\w*|encryption key \w+|Sk\w+ secret) => \d+ bytes")]
    private static partial Regex SecretDumpHeader();

    [GeneratedRegex(@"\s0: (?<hex>(?:[0-9A-F]{2} ){8})")]
    private static partial Regex DumpLine();

    [GeneratedRegex(@"(?<![0-9a-fA-F])[0-9a-fA-F]{32,}(?![0-9a-fA-F])")]
    private static partial Regex HexKey();
}
