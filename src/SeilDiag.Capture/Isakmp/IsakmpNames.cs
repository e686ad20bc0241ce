using SeilDiag.Ike;

namespace SeilDiag.Capture.Isakmp;

/// <summary>
/// Display strings of ISAKMP protocol values (payload types, notify types, attribute types, ID types, ...).
/// These are the names Wireshark's packet-isakmp.c and the RFCs use; algorithm names are NOT here — they
/// come from Core's <see cref="IkeNames"/>.
/// </summary>
public static class IsakmpNames
{
    public static string PayloadShort(int type) => type switch
    {
        1 => "SA",
        2 => "P",
        3 => "T",
        4 => "KE",
        5 => "ID",
        6 => "CERT",
        7 => "CR",
        8 => "HASH",
        9 => "SIG",
        10 => "No",
        11 => "N",
        12 => "D",
        13 => "V",
        14 => "ATTR",
        15 => "SAK",
        16 => "SAT",
        17 => "KD",
        18 => "SEQ",
        19 => "POP",
        20 => "NAT-D",
        21 => "NAT-OA",
        22 => "GAP",
        130 => "NAT-D",
        131 => "NAT-OA",
        132 => "FRAG",
        _ => $"#{type}",
    };

    public static string PayloadLong(int type) => type switch
    {
        1 => "Security Association",
        2 => "Proposal",
        3 => "Transform",
        4 => "Key Exchange",
        5 => "Identification",
        6 => "Certificate",
        7 => "Certificate Request",
        8 => "Hash",
        9 => "Signature",
        10 => "Nonce",
        11 => "Notification",
        12 => "Delete",
        13 => "Vendor ID",
        14 => "Attributes",
        15 => "SA KEK",
        16 => "SA TEK",
        17 => "Key Download",
        18 => "Sequence Number",
        19 => "Proof of Possession",
        20 => "NAT-D (RFC 3947)",
        21 => "NAT-OA (RFC 3947)",
        22 => "Group Associated Policy",
        130 => "NAT-D (draft-ietf-ipsec-nat-t-ike-01 to 03)",
        131 => "NAT-OA (draft-ietf-ipsec-nat-t-ike-01 to 04)",
        132 => "IKE Fragmentation",
        _ => $"Unknown payload type {type}",
    };

    /// <summary>Payload types that may legitimately appear in an IKEv1 message (used to validate decryption).</summary>
    public static bool IsKnownPayload(int type) => type is >= 1 and <= 22 or 130 or 131 or 132;

    public static string ExchangeShort(int type) => type switch
    {
        1 => "Base",
        2 => "MainMode",
        3 => "AuthOnly",
        4 => "Aggressive",
        5 => "Informational",
        6 => "Transaction",
        32 => "QuickMode",
        33 => "NewGroupMode",
        _ => $"Exchange{type}",
    };

    public static string ExchangeLong(int type) => type switch
    {
        1 => "Base",
        2 => "Identity Protection (Main Mode)",
        3 => "Authentication Only",
        4 => "Aggressive",
        5 => "Informational",
        6 => "Transaction (Config Mode)",
        32 => "Quick Mode",
        33 => "New Group Mode",
        _ => $"Unknown exchange type {type}",
    };

    public static string Notify(int type) => Ike.NotifyTypes.Name(type);

    /// <summary>Notify types 1–8191 are errors, 8192–16383 private errors (RFC 2408 3.14.1).</summary>
    public static bool IsError(int notifyType) => Ike.NotifyTypes.IsError(notifyType);

    public static string Protocol(int id) => id switch
    {
        1 => "ISAKMP",
        2 => "AH",
        3 => "ESP",
        4 => "IPCOMP",
        _ => $"PROTO-{id}",
    };

    public static string IdType(int type) => type switch
    {
        1 => "IPV4_ADDR",
        2 => "FQDN",
        3 => "USER_FQDN",
        4 => "IPV4_ADDR_SUBNET",
        5 => "IPV6_ADDR",
        6 => "IPV6_ADDR_SUBNET",
        7 => "IPV4_ADDR_RANGE",
        8 => "IPV6_ADDR_RANGE",
        9 => "DER_ASN1_DN",
        10 => "DER_ASN1_GN",
        11 => "KEY_ID",
        12 => "LIST",
        _ => $"ID-{type}",
    };

    public static string CertEncoding(int type) => type switch
    {
        1 => "PKCS #7 wrapped X.509 certificate",
        2 => "PGP Certificate",
        3 => "DNS Signed Key",
        4 => "X.509 Certificate - Signature",
        5 => "X.509 Certificate - Key Exchange",
        6 => "Kerberos Tokens",
        7 => "Certificate Revocation List (CRL)",
        8 => "Authority Revocation List (ARL)",
        9 => "SPKI Certificate",
        10 => "X.509 Certificate - Attribute",
        11 => "Raw RSA Key",
        12 => "Hash and URL of X.509 certificate",
        13 => "Hash and URL of X.509 bundle",
        _ => $"encoding {type}",
    };

    public static string Phase1Attribute(int type) => type switch
    {
        1 => "Encryption-Algorithm",
        2 => "Hash-Algorithm",
        3 => "Authentication-Method",
        4 => "Group-Description",
        5 => "Group-Type",
        6 => "Group-Prime",
        7 => "Group-Generator-One",
        8 => "Group-Generator-Two",
        9 => "Group-Curve-A",
        10 => "Group-Curve-B",
        11 => "Life-Type",
        12 => "Life-Duration",
        13 => "PRF",
        14 => "Key-Length",
        15 => "Field-Size",
        16 => "Group-Order",
        _ => $"Attribute-{type}",
    };

    public static string Phase2Attribute(int type) => type switch
    {
        1 => "SA-Life-Type",
        2 => "SA-Life-Duration",
        3 => "Group-Description",
        4 => "Encapsulation-Mode",
        5 => "Authentication-Algorithm",
        6 => "Key-Length",
        7 => "Key-Rounds",
        8 => "Compress-Dictionary-Size",
        9 => "Compress-Private-Algorithm",
        10 => "ECN-Tunnel",
        11 => "Extended-Sequence-Number",
        _ => $"Attribute-{type}",
    };

    public static string ConfigAttribute(int type) => type switch
    {
        1 => "INTERNAL_IP4_ADDRESS",
        2 => "INTERNAL_IP4_NETMASK",
        3 => "INTERNAL_IP4_DNS",
        4 => "INTERNAL_IP4_NBNS",
        5 => "INTERNAL_ADDRESS_EXPIRY",
        6 => "INTERNAL_IP4_DHCP",
        7 => "APPLICATION_VERSION",
        8 => "INTERNAL_IP6_ADDRESS",
        9 => "INTERNAL_IP6_NETMASK",
        10 => "INTERNAL_IP6_DNS",
        11 => "INTERNAL_IP6_NBNS",
        12 => "INTERNAL_IP6_DHCP",
        13 => "INTERNAL_IP4_SUBNET",
        14 => "SUPPORTED_ATTRIBUTES",
        15 => "INTERNAL_IP6_SUBNET",
        16520 => "XAUTH_TYPE",
        16521 => "XAUTH_USER_NAME",
        16522 => "XAUTH_USER_PASSWORD",
        16523 => "XAUTH_PASSCODE",
        16524 => "XAUTH_MESSAGE",
        16525 => "XAUTH_CHALLENGE",
        16526 => "XAUTH_DOMAIN",
        16527 => "XAUTH_STATUS",
        16528 => "XAUTH_NEXT_PIN",
        16529 => "XAUTH_ANSWER",
        28672 => "UNITY_BANNER",
        28673 => "UNITY_SAVE_PASSWD",
        28674 => "UNITY_DEF_DOMAIN",
        28675 => "UNITY_SPLIT_DOMAIN",
        28676 => "UNITY_SPLIT_INCLUDE",
        28677 => "UNITY_NATT_PORT",
        28678 => "UNITY_LOCAL_LAN",
        28679 => "UNITY_PFS",
        28680 => "UNITY_FW_TYPE",
        28681 => "UNITY_BACKUP_SERVERS",
        28682 => "UNITY_DDNS_HOSTNAME",
        _ => $"CFG-ATTR-{type}",
    };

    /// <summary>Attribute payload (mode-config) message types (draft-dukes-ike-mode-cfg).</summary>
    public static string ConfigType(int type) => type switch
    {
        1 => "ISAKMP_CFG_REQUEST",
        2 => "ISAKMP_CFG_REPLY",
        3 => "ISAKMP_CFG_SET",
        4 => "ISAKMP_CFG_ACK",
        _ => $"CFG-{type}",
    };

    public static string EspTransform(int id) => id switch
    {
        1 => "DES-IV64",
        2 => "DES",
        3 => "3DES",
        4 => "RC5",
        5 => "IDEA",
        6 => "CAST",
        7 => "BLOWFISH",
        8 => "3IDEA",
        9 => "DES-IV32",
        10 => "RC4",
        11 => "NULL",
        12 => "AES",
        13 => "AES-CTR",
        14 => "AES-CCM-8",
        15 => "AES-CCM-12",
        16 => "AES-CCM-16",
        18 => "AES-GCM-8",
        19 => "AES-GCM-12",
        20 => "AES-GCM-16",
        21 => "SEED-CBC",
        22 => "CAMELLIA",
        23 => "NULL-AUTH-AES-GMAC",
        _ => $"ESP-TRANSFORM-{id}",
    };

    public static string EncapsulationMode(int mode) => mode switch
    {
        1 => "Tunnel",
        2 => "Transport",
        3 => "UDP-Encapsulated-Tunnel",
        4 => "UDP-Encapsulated-Transport",
        61443 => "UDP-Encapsulated-Tunnel (draft)",
        61444 => "UDP-Encapsulated-Transport (draft)",
        _ => $"mode-{mode}",
    };

    public static bool IsUdpEncapsulated(int mode) => mode is 3 or 4 or 61443 or 61444;
}
