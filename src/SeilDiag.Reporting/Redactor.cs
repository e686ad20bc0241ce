using System.Text.RegularExpressions;

namespace SeilDiag.Reporting;

/// <summary>
/// Removes secrets from anything a report prints. Two nets: the exact secret values known from the inputs
/// (PSKs from configs and ipsec.secrets, keys from key tables), and patterns that look like secrets
/// wherever they come from (a preshared-key line, a PSK entry, hex key material in key tables or
/// high-level debug logs), so a secret the analyzers never saw is still not printed.
/// </summary>
public sealed partial class Redactor
{
    public const string Mask = "<redacted>";

    private readonly string[] _secrets;
    private readonly bool _enabled;
    private readonly AddressRedactor? _addresses;

    public Redactor(IEnumerable<string> secrets, bool enabled = true, AddressRedactor? addresses = null)
    {
        _addresses = addresses;
        // Longest first, so a secret that contains another is replaced whole.
        _secrets = secrets.Where(s => s.Length > 0).Distinct().OrderByDescending(s => s.Length).ToArray();
        _enabled = enabled;
    }

    /// <summary>A redactor that leaves text as it is (--show-secrets).</summary>
    public static Redactor None { get; } = new([], enabled: false);

    public bool Enabled => _enabled;

    /// <summary>The address/identity placeholders in use (--redact-addresses), or null.</summary>
    public AddressRedactor? Addresses => _addresses;

    /// <summary>
    /// The same secrets policy plus address redaction: one redaction path for every reporter, so
    /// --show-secrets and --redact-addresses combine freely.
    /// </summary>
    public Redactor WithAddresses(AddressRedactor addresses) => new(_secrets, _enabled, addresses);

    public string Redact(string text)
    {
        if (text.Length == 0)
        {
            return text;
        }
        if (_enabled)
        {
            text = RedactSecrets(text);
        }
        return _addresses is null ? text : _addresses.Redact(text);
    }

    private string RedactSecrets(string text)
    {
        foreach (var secret in _secrets)
        {
            text = text.Replace(secret, Mask, StringComparison.Ordinal);
        }
        // Every report line goes through here (a 1 GiB explain: thousands of evidence lines and stories), and most
        // hold nothing a pattern could match. Each pattern runs only when the text has what every match of it must
        // contain (a quick scan, see below); when that is absent the regex would leave the text as it is.
        if (MayHoldPskKeyword(text, PskKeywords.Seil))
        {
            text = SeilPsk().Replace(text, m => m.Groups["pre"].Value + Mask);
        }
        if (MayHoldPskKeyword(text, PskKeywords.Secrets))
        {
            text = SecretsPsk().Replace(text, m => IsPlaceholder(m.Groups["value"].Value) ? m.Value : m.Groups["pre"].Value + Mask);
        }
        if (HasHexRun(text, 16))
        {
            text = HexKey().Replace(text, Mask);
        }
        if (MayHoldHexDump(text))
        {
            text = HexDump().Replace(text, m => m.Groups["pre"].Value + Mask);
        }
        return text;
    }

    /// <summary>
    /// The "..." a fix's advice writes where the user's key goes ("&lt;local&gt; &lt;peer&gt; : PSK ...\")"): no key to
    /// hide, and masking it would also swallow the punctuation after it.
    /// </summary>
    private static bool IsPlaceholder(string value) => value.Trim('"', '\'').TrimEnd('"', '\'', ')', ',', ';') is "..." or "…";

    /// <summary>The words the two case-insensitive PSK patterns cannot match without.</summary>
    private static class PskKeywords
    {
        // SeilPsk: every alternative ends in "-key".
        public static readonly string[] Seil = ["-key"];

        // SecretsPsk: one of the secret types after the colon.
        public static readonly string[] Secrets = ["psk", "xauth", "eap", "ntlm", "pin"];
    }

    // The checks below are compiled optimised at once: a report runs them a few thousand times in well under a
    // second, which tiered compilation would spend in unoptimised code. They use plain loops and CoreLib's
    // precompiled ordinal searches, not SearchValues (its generic searchers are compiled at run time, unoptimised first).

    /// <summary>
    /// False only when a case-insensitive pattern built on <paramref name="words"/> cannot match. Decided for ASCII
    /// text only: the regex's case-insensitive classes also hold non-ASCII letters (the Kelvin sign for k), which an
    /// ordinal comparison does not, so text with any non-ASCII character always goes to the regex.
    /// </summary>
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveOptimization)]
    private static bool MayHoldPskKeyword(string text, string[] words)
    {
        var span = text.AsSpan();
        if (span.ContainsAnyExceptInRange('\0', '\u007F'))
        {
            return true;
        }
        foreach (var word in words)
        {
            if (span.Contains(word, StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }
        return false;
    }

    /// <summary>Whether the text holds <paramref name="length"/> ASCII hex digits in a row (HexKey needs 16 after "0x", or 32).</summary>
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveOptimization)]
    private static bool HasHexRun(string text, int length)
    {
        // One pass: hex letters are common in words ("decrypted"), so a search per run would stop at every word.
        var run = 0;
        foreach (var c in text)
        {
            run = char.IsAsciiHexDigit(c) ? run + 1 : 0;
            if (run >= length)
            {
                return true;
            }
        }
        return false;
    }

    /// <summary>Whether the text holds ": " followed by three "XX " hex pairs, which every HexDump match contains.</summary>
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveOptimization)]
    private static bool MayHoldHexDump(string text)
    {
        var rest = text.AsSpan();
        for (var i = rest.IndexOf(": ", StringComparison.Ordinal); i >= 0; i = rest.IndexOf(": ", StringComparison.Ordinal))
        {
            rest = rest[(i + 2)..];
            if (rest.Length >= 9 && IsHexPair(rest) && IsHexPair(rest[3..]) && IsHexPair(rest[6..]))
            {
                return true;
            }
        }
        return false;

        static bool IsHexPair(ReadOnlySpan<char> s) => char.IsAsciiHexDigit(s[0]) && char.IsAsciiHexDigit(s[1]) && s[2] == ' ';
    }

    public string? RedactOrNull(string? text) => text is null ? null : Redact(text);

    // seil8 "interface.ipsec0.preshared-key: KEY", seil3 "ike preshared-key add PEER KEY" and "ike peer add ... preshared-key KEY".
    [GeneratedRegex(@"(?<pre>(preshared-key|pre-shared-key|ipsec-preshared-key)(\s*:\s*|\s+add\s+(""(\\.|[^""\\])*""|\S+)\s+|\s+))(""(\\.|[^""\\])*""|\S+)", RegexOptions.IgnoreCase)]
    private static partial Regex SeilPsk();

    [GeneratedRegex(@"(?<pre>:\s*(PSK|XAUTH|EAP|NTLM|PIN)\s+)(?<value>""[^""]*""|'[^']*'|\S+)", RegexOptions.IgnoreCase)]
    private static partial Regex SecretsPsk();

    // 0x-prefixed key material of 16+ hex digits (esp_sa keys) and bare runs of 32+ hex digits
    // (ikev1_decryption_table keys, charon key dumps); cookies are 16 hex digits and stay readable.
    [GeneratedRegex(@"0x[0-9a-fA-F]{16,}|\b[0-9a-fA-F]{32,}\b")]
    private static partial Regex HexKey();

    // charon's chunk dumps at level 4 ("   16: CE 0C FF 01 ...  ....b.,.."): DH secrets, SKEYIDs, keys as spaced
    // bytes plus an ASCII column; the bytes and the ASCII rendering go, the offset stays.
    [GeneratedRegex(@"(?<pre>(?<![\d:])\d{1,5}: )(?:[0-9A-Fa-f]{2} ){3,}[^\r\n]*", RegexOptions.Multiline)]
    private static partial Regex HexDump();
}
