using System.Text.RegularExpressions;

namespace SeilDiag.Capture.Tests;

/// <summary>One row of the "Per-packet summary" table of a lab scenario's tshark-decrypted.txt.</summary>
internal sealed record TsharkRow(long Frame, string Source, string Destination, string Exchange, string MessageId, bool Encrypted, string Payloads, string? Notify, string Decrypt, string Rest);

internal static partial class TsharkSummary
{
    public static List<TsharkRow> Read(string path)
    {
        var rows = new List<TsharkRow>();
        var inTable = false;
        foreach (var line in File.ReadLines(path))
        {
            if (line.StartsWith("== ", StringComparison.Ordinal))
            {
                inTable = line.StartsWith("== Per-packet summary", StringComparison.Ordinal);
                continue;
            }
            if (!inTable || line.StartsWith("no ", StringComparison.Ordinal) || line.Trim().Length == 0)
            {
                continue;
            }
            var m = Row().Match(line);
            if (!m.Success)
            {
                throw new FormatException($"{path}: unexpected summary row '{line}'");
            }
            var rest = m.Groups["rest"].Value.Trim();
            string? notify = null;
            string decrypt;
            var exchange = m.Groups["exchange"].Value;
            if (exchange is "ESP" or "ICMP")
            {
                decrypt = "";
            }
            else
            {
                var tokens = rest.Split(' ', StringSplitOptions.RemoveEmptyEntries);
                decrypt = tokens[^1];
                notify = tokens.Length > 1 ? string.Join(" ", tokens[..^1]) : null;
            }
            rows.Add(new TsharkRow(long.Parse(m.Groups["no"].Value), m.Groups["src"].Value, m.Groups["dst"].Value, exchange,
                m.Groups["msgid"].Value, m.Groups["enc"].Value == "E", m.Groups["payloads"].Value, notify, decrypt, rest));
        }
        return rows;
    }

    [GeneratedRegex(@"^(?<no>\d+)\s+(?<time>[\d.]+)\s+(?<src>\S+)\s+(?<dst>\S+)\s+(?<exchange>\S+)\s+(?<msgid>\S+)\s+(?<enc>\S)\s+(?<payloads>\S+)\s*(?<rest>.*)$")]
    private static partial Regex Row();
}
