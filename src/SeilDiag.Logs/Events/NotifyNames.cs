namespace SeilDiag.Logs.Events;

/// <summary>
/// IKEv1 notify names. charon prints IKEv1 notifies with its (IKEv2) enum names, long in "received %N error notify"
/// and short in payload lists ("N(NO_PROP)"); racoon uses the RFC 2408 names. Everything is mapped to the RFC name
/// (log-catalog.md §2.5.1).
/// </summary>
public static class NotifyNames
{
    private static readonly Dictionary<string, string> ToIkev1 = new(StringComparer.Ordinal)
    {
        ["CRIT"] = "INVALID-PAYLOAD-TYPE", ["UNSUPPORTED_CRITICAL_PAYLOAD"] = "INVALID-PAYLOAD-TYPE",
        ["INVAL_IKE_SPI"] = "INVALID-COOKIE", ["INVALID_IKE_SPI"] = "INVALID-COOKIE",
        ["INVAL_MAJOR"] = "INVALID-MAJOR-VERSION", ["INVALID_MAJOR_VERSION"] = "INVALID-MAJOR-VERSION",
        ["INVAL_SYN"] = "INVALID-EXCHANGE-TYPE", ["INVALID_SYNTAX"] = "INVALID-EXCHANGE-TYPE",
        ["INVAL_MID"] = "INVALID-MESSAGE-ID", ["INVALID_MESSAGE_ID"] = "INVALID-MESSAGE-ID",
        ["INVAL_SPI"] = "INVALID-SPI", ["INVALID_SPI"] = "INVALID-SPI",
        ["ATTR_UNSUP"] = "ATTRIBUTES-NOT-SUPPORTED", ["ATTRIBUTES_NOT_SUPPORTED"] = "ATTRIBUTES-NOT-SUPPORTED",
        ["NO_PROP"] = "NO-PROPOSAL-CHOSEN", ["NO_PROPOSAL_CHOSEN"] = "NO-PROPOSAL-CHOSEN",
        ["PLD_MAL"] = "PAYLOAD-MALFORMED", ["PAYLOAD_MALFORMED"] = "PAYLOAD-MALFORMED",
        ["INVAL_KE"] = "INVALID-KEY-INFORMATION", ["INVALID_KE_PAYLOAD"] = "INVALID-KEY-INFORMATION",
        ["INVAL_ID"] = "INVALID-ID-INFORMATION", ["INVALID_ID_INFORMATION"] = "INVALID-ID-INFORMATION",
        ["INVAL_CERTEN"] = "INVALID-CERT-ENCODING", ["INVALID_CERT_ENCODING"] = "INVALID-CERT-ENCODING",
        ["INVAL_CERT"] = "INVALID-CERTIFICATE", ["INVALID_CERTIFICATE"] = "INVALID-CERTIFICATE",
        ["CERT_UNSUP"] = "BAD-CERT-REQUEST-SYNTAX", ["CERT_TYPE_UNSUPPORTED"] = "BAD-CERT-REQUEST-SYNTAX",
        ["INVAL_CA"] = "INVALID-CERT-AUTHORITY", ["INVALID_CERT_AUTHORITY"] = "INVALID-CERT-AUTHORITY",
        ["INVAL_HASH"] = "INVALID-HASH-INFORMATION", ["INVALID_HASH_INFORMATION"] = "INVALID-HASH-INFORMATION",
        ["AUTH_FAILED"] = "AUTHENTICATION-FAILED", ["AUTHENTICATION_FAILED"] = "AUTHENTICATION-FAILED",
        ["INITIAL_CONTACT"] = "INITIAL-CONTACT",
        ["DPD"] = "R-U-THERE", ["DPD_R_U_THERE"] = "R-U-THERE",
        ["DPD_ACK"] = "R-U-THERE-ACK", ["DPD_R_U_THERE_ACK"] = "R-U-THERE-ACK",
        ["(24576)"] = "RESPONDER-LIFETIME", ["(24577)"] = "REPLAY-STATUS",
        ["(2)"] = "DOI-NOT-SUPPORTED", ["(3)"] = "SITUATION-NOT-SUPPORTED", ["(6)"] = "INVALID-MINOR-VERSION",
        ["(8)"] = "INVALID-FLAGS", ["(10)"] = "INVALID-PROTOCOL-ID", ["(12)"] = "INVALID-TRANSFORM-ID",
        ["(15)"] = "BAD-PROPOSAL-SYNTAX", ["(25)"] = "INVALID-SIGNATURE", ["(26)"] = "ADDRESS-NOTIFICATION",
        ["(27)"] = "NOTIFY-SA-LIFETIME", ["(28)"] = "CERTIFICATE-UNAVAILABLE", ["(29)"] = "UNSUPPORTED-EXCHANGE-TYPE",
        ["(30)"] = "UNEQUAL-PAYLOAD-LENGTHS",
    };

    /// <summary>The RFC 2408 name of a notify printed by charon (long or short) or racoon; unknown names unchanged.</summary>
    public static string ToRfcName(string name)
    {
        if (ToIkev1.TryGetValue(name, out var rfc))
        {
            return rfc;
        }
        // charon short form inside N(...) may itself be "(29)"; racoon already prints RFC names.
        return name.Replace('_', '-');
    }
}
