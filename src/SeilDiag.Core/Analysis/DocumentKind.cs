namespace SeilDiag.Analysis;

/// <summary>What an input is, detected from its content (never from its name alone).</summary>
public enum DocumentKind
{
    Unknown,
    /// <summary>SEIL seil8 "recipe" config: key: value lines.</summary>
    SeilRecipe,
    /// <summary>SEIL seil3 command config: "ike peer add ..." lines.</summary>
    SeilCommand,
    IpsecConf,
    IpsecSecrets,
    StrongSwanConf,
    CharonLog,
    /// <summary>SEIL show log, racoon in syslog, or racoon's own log format.</summary>
    RacoonLog,
    Capture,
    IkeKeyTable,
    EspKeyTable,
}

public static class DocumentKinds
{
    public static string ToCliName(this DocumentKind kind) => kind switch
    {
        DocumentKind.SeilRecipe => "seil8",
        DocumentKind.SeilCommand => "seil3",
        DocumentKind.IpsecConf => "ipsec.conf",
        DocumentKind.IpsecSecrets => "ipsec.secrets",
        DocumentKind.StrongSwanConf => "strongswan.conf",
        DocumentKind.CharonLog => "charon-log",
        DocumentKind.RacoonLog => "racoon-log",
        DocumentKind.Capture => "pcap",
        DocumentKind.IkeKeyTable => "ikev1-keys",
        DocumentKind.EspKeyTable => "esp-keys",
        _ => "unknown",
    };

    public static DocumentKind? FromCliName(string name) =>
        Enum.GetValues<DocumentKind>().Cast<DocumentKind?>().FirstOrDefault(k => k!.Value.ToCliName() == name);
}
