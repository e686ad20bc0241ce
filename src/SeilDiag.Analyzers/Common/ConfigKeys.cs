namespace SeilDiag.Analyzers.Common;

/// <summary>SEIL keys relative to "interface.ipsecN." as the SEIL editor takes them.</summary>
internal static class SeilKeys
{
    public const string Phase1Encryption = "ike.proposal.phase1.encryption";
    public const string Phase1Hash = "ike.proposal.phase1.hash";
    public const string Phase1Group = "ike.proposal.phase1.dh-group";
    public const string Phase1Lifetime = "ike.proposal.phase1.lifetime";
    public const string Phase2Encryption = "ike.proposal.phase2.encryption";
    public const string Phase2Authentication = "ike.proposal.phase2.authentication";
    public const string Phase2Pfs = "ike.proposal.phase2.pfs-group";
    public const string Phase2Lifetime = "ike.proposal.phase2.lifetime-of-time";
    public const string ProxyIdLocal = "ike.proposal.phase2.proxy-id.ipv4.local";
    public const string ProxyIdRemote = "ike.proposal.phase2.proxy-id.ipv4.remote";
    public const string ExchangeMode = "ike.exchange-mode";
    public const string ResponderOnly = "ike.responder-only";
    public const string CheckLevel = "ike.check-level";
    public const string MyIdentifierType = "ike.my-identifier.type";
    public const string PeersIdentifierType = "ike.peers-identifier.type";
    public const string PresharedKey = "preshared-key";
    public const string Dpd = "ike.dpd";
    public const string NatTraversal = "nat-traversal";

    /// <summary>The keys of one proposal: a SEIL may set one of them (the lifetime) and leave the others at their defaults.</summary>
    public static readonly string[] Phase1Keys = [Phase1Encryption, Phase1Hash, Phase1Group, Phase1Lifetime];

    public static readonly string[] Phase2Keys = [Phase2Encryption, Phase2Authentication, Phase2Pfs, Phase2Lifetime];

    /// <summary>"ike.my-identifier.fqdn" / ".user-fqdn" for the identity's type.</summary>
    public static string IdentifierValueKey(string typeKey, string type) => typeKey[..typeKey.LastIndexOf('.')] + "." + type;
}

/// <summary>strongSwan conn parameters as the strongSwan editor takes them.</summary>
internal static class StrongSwanKeys
{
    public const string Ike = "ike";
    public const string Esp = "esp";
    public const string IkeLifetime = "ikelifetime";
    public const string KeyLife = "keylife";
    public const string LeftSubnet = "leftsubnet";
    public const string RightSubnet = "rightsubnet";
    public const string LeftId = "leftid";
    public const string RightId = "rightid";
    public const string Aggressive = "aggressive";
    public const string Auto = "auto";
    public const string KeyExchange = "keyexchange";
    public const string ForceEncaps = "forceencaps";
    public const string DpdAction = "dpdaction";
}
