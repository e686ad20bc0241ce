using System.Globalization;
using SeilDiag.Diagnostics;
using SeilDiag.Text;

namespace SeilDiag.Capture.Decryption;

/// <summary>One line of Wireshark's ikev1_decryption_table: an initiator cookie and the phase-1 encryption key.</summary>
public sealed class Ikev1Key(ulong initiatorCookie, byte[] key, Location where)
{
    public ulong InitiatorCookie { get; } = initiatorCookie;

    /// <summary>Where the key is written (file and line): what diagnostics name instead of the key.</summary>
    public Location Where { get; } = where;

    internal byte[] Key { get; } = key;

    public int KeyLength => Key.Length;

    public override string ToString() => $"key for cookie {InitiatorCookie:x16} at {Where}";
}

/// <summary>
/// Reads ikev1_decryption_table lines <c>cookie,key</c> (both hex, optionally quoted like the UAT writes them,
/// <c>#</c> comments). A cookie may appear more than once (for example the keys each peer derived when their
/// PSKs differ): every key is tried.
/// </summary>
public static class Ikev1KeyTable
{
    public static List<Ikev1Key> Parse(SourceText text, List<Diagnostic> problems)
    {
        var keys = new List<Ikev1Key>();
        for (var line = 1; line <= text.LineCount; line++)
        {
            var content = text.GetLineText(line).Trim();
            if (content.Length == 0 || content.StartsWith('#'))
            {
                continue;
            }
            var fields = content.Split(',').Select(f => f.Trim().Trim('"').Trim()).ToArray();
            if (fields.Length != 2)
            {
                problems.Add(Diagnostic.Create(Rules.SyntaxError, Location.OnLine(text, line),
                    $"expected '<initiator cookie: 16 hex digits>,<encryption key: hex>' ({fields.Length} fields found)"));
                continue;
            }
            var cookieText = StripHexPrefix(fields[0]);
            if (cookieText.Length != 16 || !ulong.TryParse(cookieText, NumberStyles.HexNumber, CultureInfo.InvariantCulture, out var cookie))
            {
                problems.Add(Diagnostic.Create(Rules.InvalidValue, Location.OnLine(text, line), fields[0], "initiator cookie",
                    new LocalizedText("expected 16 hexadecimal digits", "16 桁の16進数が必要です")));
                continue;
            }
            var keyText = StripHexPrefix(fields[1]);
            byte[] key;
            try
            {
                key = Convert.FromHexString(keyText);
            }
            catch (FormatException)
            {
                // Never echo the key itself: say where it is and what is wrong with it.
                problems.Add(Diagnostic.Create(Rules.InvalidValue, Location.OnLine(text, line), "<key>", "encryption key",
                    new LocalizedText("expected an even number of hexadecimal digits", "偶数桁の16進数が必要です")));
                continue;
            }
            if (key.Length is not (8 or 16 or 24 or 32) && key.Length < 8)
            {
                problems.Add(Diagnostic.Create(Rules.InvalidValue, Location.OnLine(text, line), "<key>", "encryption key",
                    new LocalizedText($"{key.Length} bytes is too short for DES, 3DES or AES", $"{key.Length} バイトは DES/3DES/AES の鍵として短すぎます")));
                continue;
            }
            keys.Add(new Ikev1Key(cookie, key, Location.OnLine(text, line)));
        }
        return keys;
    }

    internal static string StripHexPrefix(string s) =>
        s.StartsWith("0x", StringComparison.OrdinalIgnoreCase) ? s[2..] : s;
}
