using System.Globalization;
using System.Net;
using System.Text;
using SeilDiag.Diagnostics;
using SeilDiag.Text;

namespace SeilDiag.Capture.Esp;

/// <summary>One line of Wireshark's esp_sa table. Keys are held here and never printed; <see cref="Where"/> names the line.</summary>
public sealed class EspSaEntry
{
    public required string Protocol { get; init; }

    public required string SourcePattern { get; init; }

    public required string DestinationPattern { get; init; }

    public required string SpiPattern { get; init; }

    public required EspEncryption Encryption { get; init; }

    public required EspAuthentication Authentication { get; init; }

    internal byte[] EncryptionKey { get; init; } = [];

    internal byte[] AuthenticationKey { get; init; } = [];

    public required Location Where { get; init; }

    public int EncryptionKeyLength => EncryptionKey.Length;

    public bool Matches(IPAddress source, IPAddress destination, uint spi)
    {
        var v6 = source.AddressFamily == System.Net.Sockets.AddressFamily.InterNetworkV6;
        if (Protocol.Equals("IPv4", StringComparison.OrdinalIgnoreCase) && v6 || Protocol.Equals("IPv6", StringComparison.OrdinalIgnoreCase) && !v6)
        {
            return false;
        }
        return Glob(SourcePattern, source.ToString()) && Glob(DestinationPattern, destination.ToString())
            && (SpiPattern == "*" || Glob(Ikev1SpiText(SpiPattern), spi.ToString("x8", CultureInfo.InvariantCulture)));
    }

    private static string Ikev1SpiText(string pattern)
    {
        var p = pattern.StartsWith("0x", StringComparison.OrdinalIgnoreCase) ? pattern[2..] : pattern;
        return p.Length < 8 && !p.Contains('*') ? p.PadLeft(8, '0').ToLowerInvariant() : p.ToLowerInvariant();
    }

    /// <summary>Wireshark's esp_sa wildcard: '*' matches any run of characters ("*" alone matches everything).</summary>
    internal static bool Glob(string pattern, string value)
    {
        if (pattern == "*")
        {
            return true;
        }
        var regex = "^" + string.Join(".*", pattern.Split('*').Select(System.Text.RegularExpressions.Regex.Escape)) + "$";
        return System.Text.RegularExpressions.Regex.IsMatch(value, regex, System.Text.RegularExpressions.RegexOptions.IgnoreCase);
    }

    public override string ToString() => $"{Protocol} {SourcePattern} -> {DestinationPattern} SPI {SpiPattern} ({Where})";
}

/// <summary>Parses esp_sa lines: eight comma-separated, double-quoted fields (quotes optional), '#' comments.</summary>
public static class EspSaTable
{
    public static List<EspSaEntry> Parse(SourceText text, List<Diagnostic> problems)
    {
        var entries = new List<EspSaEntry>();
        for (var line = 1; line <= text.LineCount; line++)
        {
            var content = text.GetLineText(line).Trim();
            if (content.Length == 0 || content.StartsWith('#'))
            {
                continue;
            }
            var where = Location.OnLine(text, line);
            var fields = SplitCsv(content);
            if (fields is null || fields.Count != 8)
            {
                problems.Add(Diagnostic.Create(Rules.SyntaxError, where,
                    $"expected 8 quoted fields \"IPv4\",\"src\",\"dst\",\"0xSPI\",\"encryption\",\"0xkey\",\"authentication\",\"0xkey\" ({fields?.Count ?? 0} found)"));
                continue;
            }
            if (!fields[0].Equals("IPv4", StringComparison.OrdinalIgnoreCase) && !fields[0].Equals("IPv6", StringComparison.OrdinalIgnoreCase) && fields[0] != "*" && !fields[0].Equals("Any", StringComparison.OrdinalIgnoreCase))
            {
                problems.Add(Diagnostic.Create(Rules.InvalidValue, where, fields[0], "protocol", new LocalizedText("expected IPv4, IPv6 or *", "IPv4, IPv6, * のいずれかです")));
                continue;
            }
            var encryption = EspAlgorithmNames.ParseEncryption(fields[4]);
            if (encryption is null)
            {
                var suggestion = Suggestions.Nearest(fields[4], EspAlgorithmNames.Encryption.Select(e => e.Name), 12);
                problems.Add(Diagnostic.Create(Rules.InvalidValue, where, fields[4], "encryption algorithm",
                    new LocalizedText("not an algorithm Wireshark's esp_sa knows" + (suggestion is null ? "" : $"; did you mean '{suggestion}'?"),
                        "Wireshark の esp_sa にないアルゴリズムです" + (suggestion is null ? "" : $"。'{suggestion}' ですか?"))));
                continue;
            }
            var authentication = EspAlgorithmNames.ParseAuthentication(fields[6]);
            if (authentication is null)
            {
                var suggestion = Suggestions.Nearest(fields[6], EspAlgorithmNames.Authentication.Select(e => e.Name), 12);
                problems.Add(Diagnostic.Create(Rules.InvalidValue, where, fields[6], "authentication algorithm",
                    new LocalizedText("not an algorithm Wireshark's esp_sa knows" + (suggestion is null ? "" : $"; did you mean '{suggestion}'?"),
                        "Wireshark の esp_sa にないアルゴリズムです" + (suggestion is null ? "" : $"。'{suggestion}' ですか?"))));
                continue;
            }
            if (fields[3] != "*" && !IsSpiPattern(fields[3]))
            {
                problems.Add(Diagnostic.Create(Rules.InvalidValue, where, fields[3], "SPI", new LocalizedText("expected 0x followed by up to 8 hex digits, or *", "0x に続く最大8桁の16進数か * です")));
                continue;
            }
            if (!TryKey(fields[5], out var encKey) || !TryKey(fields[7], out var authKey))
            {
                problems.Add(Diagnostic.Create(Rules.InvalidValue, where, "<key>", "key", new LocalizedText("a 0x key must have an even number of hex digits", "0x 形式の鍵は偶数桁の16進数です")));
                continue;
            }
            entries.Add(new EspSaEntry
            {
                Protocol = fields[0],
                SourcePattern = fields[1].Length == 0 ? "*" : fields[1],
                DestinationPattern = fields[2].Length == 0 ? "*" : fields[2],
                SpiPattern = fields[3],
                Encryption = encryption.Value,
                Authentication = authentication.Value,
                EncryptionKey = encKey,
                AuthenticationKey = authKey,
                Where = where,
            });
        }
        return entries;
    }

    private static bool IsSpiPattern(string s)
    {
        var p = s.StartsWith("0x", StringComparison.OrdinalIgnoreCase) ? s[2..] : s;
        return p.Length is > 0 and <= 8 && p.All(c => Uri.IsHexDigit(c) || c == '*');
    }

    /// <summary>"0x..." is hex; anything else is the key's ASCII bytes, as in Wireshark.</summary>
    private static bool TryKey(string text, out byte[] key)
    {
        if (text.StartsWith("0x", StringComparison.OrdinalIgnoreCase))
        {
            try
            {
                key = Convert.FromHexString(text[2..]);
                return true;
            }
            catch (FormatException)
            {
                key = [];
                return false;
            }
        }
        key = Encoding.ASCII.GetBytes(text);
        return true;
    }

    private static List<string>? SplitCsv(string line)
    {
        var fields = new List<string>();
        var i = 0;
        while (i <= line.Length)
        {
            while (i < line.Length && line[i] == ' ')
            {
                i++;
            }
            var sb = new StringBuilder();
            if (i < line.Length && line[i] == '"')
            {
                i++;
                while (i < line.Length && line[i] != '"')
                {
                    if (line[i] == '\\' && i + 1 < line.Length)
                    {
                        i++;
                    }
                    sb.Append(line[i]);
                    i++;
                }
                if (i >= line.Length)
                {
                    return null; // unterminated quote
                }
                i++;
                while (i < line.Length && line[i] == ' ')
                {
                    i++;
                }
            }
            else
            {
                while (i < line.Length && line[i] != ',')
                {
                    sb.Append(line[i]);
                    i++;
                }
            }
            fields.Add(sb.ToString().Trim());
            if (i >= line.Length)
            {
                break;
            }
            if (line[i] != ',')
            {
                return null;
            }
            i++;
        }
        return fields;
    }
}
