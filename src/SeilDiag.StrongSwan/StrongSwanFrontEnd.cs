using System.Text.RegularExpressions;
using SeilDiag.Diagnostics;
using SeilDiag.StrongSwan.Conns;
using SeilDiag.StrongSwan.Peers;
using SeilDiag.StrongSwan.Secrets;
using SeilDiag.StrongSwan.Settings;
using SeilDiag.StrongSwan.Syntax;
using SeilDiag.Text;

namespace SeilDiag.StrongSwan;

/// <summary>The strongSwan front-end: ipsec.conf (+ ipsec.secrets, strongswan.conf) in, peers and diagnostics out.</summary>
public static partial class StrongSwanFrontEnd
{
    /// <summary>
    /// Reads an ipsec.conf and, when given, the ipsec.secrets and strongswan.conf that go with it. <paramref name="readFile"/>
    /// returns an included file's text, or null when it does not exist (default: the disk via InputReader.ReadFile);
    /// include paths resolve relative to the including file.
    /// </summary>
    public static StrongSwanConfig Load(SourceText ipsecConf, SourceText? ipsecSecrets = null, SourceText? strongswanConf = null,
        Func<string, SourceText?>? readFile = null) =>
        Load(ipsecConf, ipsecSecrets, strongswanConf,
            readFile is null ? IncludeResolver.Disk : new IncludeResolver(readFile, IncludeResolver.Disk.ListDirectory));

    /// <summary>As <see cref="Load(SourceText, SourceText?, SourceText?, Func{string, SourceText?}?)"/>, with full control of file access (for globs in tests).</summary>
    public static StrongSwanConfig Load(SourceText ipsecConf, SourceText? ipsecSecrets, SourceText? strongswanConf, IncludeResolver resolver)
    {
        var diagnostics = new List<Diagnostic>();
        var tree = IpsecConfLoader.Load(ipsecConf, resolver, diagnostics);
        ConnValidator.Validate(tree.Sections, diagnostics);
        var conns = ConnResolver.Resolve(tree.Sections, diagnostics);

        var secrets = ipsecSecrets is null ? null : SecretsParser.Read(ipsecSecrets, resolver);
        var settings = strongswanConf is null ? null : StrongSwanConfParser.Read(strongswanConf, resolver);
        if (secrets is not null)
        {
            diagnostics.AddRange(secrets.Diagnostics);
        }
        if (settings is not null)
        {
            diagnostics.AddRange(settings.Diagnostics);
        }

        var documents = tree.Documents.Select(d => d.Text)
            .Concat(secrets?.Documents ?? [])
            .Concat(settings?.Documents ?? [])
            .ToList();
        foreach (var document in documents.Where(d => d.EncodingName == "shift_jis"))
        {
            diagnostics.Add(Diagnostic.Create(Rules.NotUtf8, Location.OnLine(document, 1), document.EncodingName));
        }

        var peers = conns.Select(c => PeerBuilder.Build(c, secrets, settings)).ToList();
        return new StrongSwanConfig
        {
            Diagnostics = diagnostics,
            Peers = peers,
            Documents = documents,
            Conns = conns,
            IpsecConf = tree,
            Secrets = secrets,
            StrongSwanConf = settings,
        };
    }

    /// <summary>ipsec.secrets alone (includes read from disk).</summary>
    public static SecretsDocument ParseSecrets(SourceText t) => SecretsParser.Read(t, IncludeResolver.Disk);

    /// <summary>strongswan.conf alone (includes read from disk).</summary>
    public static StrongSwanConfDocument ParseStrongSwanConf(SourceText t) => StrongSwanConfParser.Read(t, IncludeResolver.Disk);

    /// <summary>Lines looked at when scoring: enough to recognise a file, cheap on huge inputs.</summary>
    private const int ScoreLines = 2000;

    /// <summary>
    /// How much a text looks like an ipsec.conf (0..1): it needs a section header at column 1, and the score is the share
    /// of its meaningful lines that are headers or indented key=value lines with a known conn/setup key.
    /// </summary>
    public static double ScoreIpsecConf(SourceText t)
    {
        int meaningful = 0, good = 0, headers = 0;
        foreach (var line in MeaningfulLines(t))
        {
            meaningful++;
            if (IpsecHeader().IsMatch(line))
            {
                headers++;
                good++;
            }
            else if (IpsecParameter().Match(line) is { Success: true } m
                     && (ConnKeys.Known.Contains(m.Groups[1].Value) || SetupKeys.Contains(m.Groups[1].Value)))
            {
                good++;
            }
            else if (line.StartsWith("include ", StringComparison.Ordinal))
            {
                good++;
            }
        }
        return headers == 0 || meaningful == 0 ? 0 : (double)good / meaningful;
    }

    /// <summary>How much a text looks like ipsec.secrets: the share of meaningful lines that are "selectors : TYPE value" with a known type.</summary>
    public static double ScoreSecrets(SourceText t)
    {
        int meaningful = 0, good = 0;
        foreach (var line in MeaningfulLines(t))
        {
            meaningful++;
            if (SecretLine().Match(line) is { Success: true } m && SecretsParser.KnownTypes.Contains(m.Groups[1].Value.ToUpperInvariant())
                || line.TrimStart().StartsWith("include ", StringComparison.Ordinal))
            {
                good++;
            }
        }
        return meaningful == 0 || good == 0 ? 0 : (double)good / meaningful;
    }

    /// <summary>How much a text looks like strongswan.conf: sections with braces, "key = value" inside; the share of lines of that shape.</summary>
    public static double ScoreStrongSwanConf(SourceText t)
    {
        int meaningful = 0, good = 0, opens = 0;
        foreach (var line in MeaningfulLines(t))
        {
            meaningful++;
            var trimmed = line.Trim();
            if (ConfSectionOpen().IsMatch(trimmed))
            {
                opens++;
                good++;
            }
            else if (trimmed == "}" || ConfSetting().IsMatch(trimmed) || trimmed.StartsWith("include ", StringComparison.Ordinal))
            {
                good++;
            }
        }
        return opens == 0 || meaningful == 0 ? 0 : (double)good / meaningful;
    }

    private static readonly HashSet<string> SetupKeys =
        ["uniqueids", "cachecrls", "strictcrlpolicy", "charondebug", "charonstart", "plutostart", "plutodebug", "nat_traversal", "virtual_private", "protostack", "interfaces"];

    private static IEnumerable<string> MeaningfulLines(SourceText t)
    {
        for (var line = 1; line <= Math.Min(t.LineCount, ScoreLines); line++)
        {
            var span = t.GetLineSpan(line);
            if (span.Length > IpsecConfLineParser.MaxLineLength)
            {
                yield return "\u0000";
                continue;
            }
            var text = t[span];
            var trimmed = text.Trim();
            if (trimmed.Length == 0 || trimmed[0] == '#')
            {
                continue;
            }
            yield return text;
        }
    }

    [GeneratedRegex(@"^(config\s+setup|conn\s+\S+|ca\s+\S+)\s*(#.*)?$")]
    private static partial Regex IpsecHeader();

    [GeneratedRegex(@"^[ \t]+([A-Za-z0-9_]+)[ \t]*=")]
    private static partial Regex IpsecParameter();

    [GeneratedRegex(@"(?:^|\s):\s+([A-Za-z0-9]+)(?:\s|$)")]
    private static partial Regex SecretLine();

    [GeneratedRegex(@"^[A-Za-z0-9_.\-]+(\s*:\s*[A-Za-z0-9_.\-]+)?\s*\{")]
    private static partial Regex ConfSectionOpen();

    [GeneratedRegex(@"^[A-Za-z0-9_.\-]+\s*=")]
    private static partial Regex ConfSetting();
}
