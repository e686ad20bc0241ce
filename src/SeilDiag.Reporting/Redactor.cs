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
        text = SeilPsk().Replace(text, m => m.Groups["pre"].Value + Mask);
        text = SecretsPsk().Replace(text, m => m.Groups["pre"].Value + Mask);
        text = HexKey().Replace(text, Mask);
        text = HexDump().Replace(text, m => m.Groups["pre"].Value + Mask);
        return text;
    }

    public string? RedactOrNull(string? text) => text is null ? null : Redact(text);

    // seil8 "interface.ipsec0.preshared-key: KEY", seil3 "ike preshared-key add PEER KEY" and "ike peer add ... preshared-key KEY".
    [GeneratedRegex(@"(?<pre>(preshared-key|pre-shared-key|ipsec-preshared-key)(\s*:\s*|\s+add\s+(""(\\.|[^""\\])*""|\S+)\s+|\s+))(""(\\.|[^""\\])*""|\S+)", RegexOptions.IgnoreCase)]
    private static partial Regex SeilPsk();

    [GeneratedRegex(@"(?<pre>:\s*(PSK|XAUTH|EAP|NTLM|PIN)\s+)(""[^""]*""|'[^']*'|\S+)", RegexOptions.IgnoreCase)]
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
