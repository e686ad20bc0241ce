namespace SeilDiag.Ike;

/// <summary>
/// The one table of IKEv1 notify message types (RFC 2408 3.14.1, RFC 2407 4.6.3, RFC 3706): the value on the
/// wire, the RFC name racoon and Wireshark print, and the names charon prints for the same value. charon has
/// no IKEv1 notify names of its own: it prints its IKEv2 enum names, long in "received %N error notify" and
/// short in payload lists ("N(NO_PROP)"), and "(N)" for values it has no name for (log-catalog.md 2.5.1).
/// </summary>
public static class NotifyTypes
{
    public sealed record NotifyType(int Value, string Name, string? CharonName = null, string? CharonShort = null);

    public const int NoProposalChosen = 14;
    public const int PayloadMalformed = 16;
    public const int InvalidIdInformation = 18;
    public const int AuthenticationFailed = 24;
    public const int InitialContact = 24578;
    public const int RUThere = 36136;
    public const int RUThereAck = 36137;

    public static IReadOnlyList<NotifyType> All { get; } =
    [
        new(1, "INVALID-PAYLOAD-TYPE", "UNSUPPORTED_CRITICAL_PAYLOAD", "CRIT"),
        new(2, "DOI-NOT-SUPPORTED"),
        new(3, "SITUATION-NOT-SUPPORTED"),
        new(4, "INVALID-COOKIE", "INVALID_IKE_SPI", "INVAL_IKE_SPI"),
        new(5, "INVALID-MAJOR-VERSION", "INVALID_MAJOR_VERSION", "INVAL_MAJOR"),
        new(6, "INVALID-MINOR-VERSION"),
        new(7, "INVALID-EXCHANGE-TYPE", "INVALID_SYNTAX", "INVAL_SYN"),
        new(8, "INVALID-FLAGS"),
        new(9, "INVALID-MESSAGE-ID", "INVALID_MESSAGE_ID", "INVAL_MID"),
        new(10, "INVALID-PROTOCOL-ID"),
        new(11, "INVALID-SPI", "INVALID_SPI", "INVAL_SPI"),
        new(12, "INVALID-TRANSFORM-ID"),
        new(13, "ATTRIBUTES-NOT-SUPPORTED", "ATTRIBUTES_NOT_SUPPORTED", "ATTR_UNSUP"),
        new(NoProposalChosen, "NO-PROPOSAL-CHOSEN", "NO_PROPOSAL_CHOSEN", "NO_PROP"),
        new(15, "BAD-PROPOSAL-SYNTAX"),
        new(PayloadMalformed, "PAYLOAD-MALFORMED", "PAYLOAD_MALFORMED", "PLD_MAL"),
        new(17, "INVALID-KEY-INFORMATION", "INVALID_KE_PAYLOAD", "INVAL_KE"),
        new(InvalidIdInformation, "INVALID-ID-INFORMATION", "INVALID_ID_INFORMATION", "INVAL_ID"),
        new(19, "INVALID-CERT-ENCODING", "INVALID_CERT_ENCODING", "INVAL_CERTEN"),
        new(20, "INVALID-CERTIFICATE", "INVALID_CERTIFICATE", "INVAL_CERT"),
        new(21, "CERT-TYPE-UNSUPPORTED", "CERT_TYPE_UNSUPPORTED", "CERT_UNSUP"),
        new(22, "INVALID-CERT-AUTHORITY", "INVALID_CERT_AUTHORITY", "INVAL_CA"),
        new(23, "INVALID-HASH-INFORMATION", "INVALID_HASH_INFORMATION", "INVAL_HASH"),
        new(AuthenticationFailed, "AUTHENTICATION-FAILED", "AUTHENTICATION_FAILED", "AUTH_FAILED"),
        new(25, "INVALID-SIGNATURE"),
        new(26, "ADDRESS-NOTIFICATION"),
        new(27, "NOTIFY-SA-LIFETIME"),
        new(28, "CERTIFICATE-UNAVAILABLE"),
        new(29, "UNSUPPORTED-EXCHANGE-TYPE"),
        new(30, "UNEQUAL-PAYLOAD-LENGTHS"),
        new(16384, "CONNECTED"),
        new(24576, "RESPONDER-LIFETIME"),
        new(24577, "REPLAY-STATUS"),
        new(InitialContact, "INITIAL-CONTACT", "INITIAL_CONTACT", "INITIAL_CONTACT"),
        new(RUThere, "R-U-THERE", "DPD_R_U_THERE", "DPD"),
        new(RUThereAck, "R-U-THERE-ACK", "DPD_R_U_THERE_ACK", "DPD_ACK"),
    ];

    private static readonly Dictionary<int, NotifyType> ByValue = All.ToDictionary(n => n.Value);

    private static readonly Dictionary<string, NotifyType> ByCharonName = All
        .SelectMany(n => new[] { n.CharonName, n.CharonShort, $"({n.Value})" }.OfType<string>().Distinct().Select(name => (name, n)))
        .ToDictionary(p => p.name, p => p.n, StringComparer.Ordinal);

    /// <summary>The RFC name of a value ("NO-PROPOSAL-CHOSEN"), or "NOTIFY-n" for an unassigned one.</summary>
    public static string Name(int value) => ByValue.TryGetValue(value, out var type) ? type.Name : $"NOTIFY-{value}";

    /// <summary>The RFC name for a notify as charon prints it (long, short or "(n)"); null when unknown.</summary>
    public static string? FromCharon(string charonName) =>
        ByCharonName.TryGetValue(charonName, out var type) ? type.Name : null;

    /// <summary>Error types are 1–8191 (RFC 2408 3.14.1); 8192–16383 are reserved for private errors.</summary>
    public static bool IsError(int value) => value is > 0 and < 16384;
}
