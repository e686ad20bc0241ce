using SeilDiag.Ike;

namespace SeilDiag.Model;

/// <summary>
/// One IKEv1 phase-1 transform: what a Main/Aggressive Mode SA payload offers or accepts. The lifetime
/// takes part in matching only under racoon's check-level rules, so it is not part of equality of the
/// algorithm suite (see <see cref="SameSuite"/>).
/// </summary>
public sealed record Phase1Proposal(Cipher Encryption, HashAlgorithm Hash, DhGroup Group, AuthMethod Auth = AuthMethod.PreSharedKey, TimeSpan? Lifetime = null)
{
    public bool SameSuite(Phase1Proposal other) =>
        Encryption == other.Encryption && Hash == other.Hash && Group == other.Group && Auth == other.Auth;

    /// <summary>charon's notation: IKE:AES_CBC_256/HMAC_SHA2_256_128/PRF_HMAC_SHA2_256/MODP_1536.</summary>
    public string ToLogString() =>
        $"IKE:{IkeNames.LogName(Encryption)}/{IkeNames.LogName(Hash)}/{IkeNames.PrfLogName(Hash)}/{IkeNames.LogName(Group)}";

    public override string ToString() => ToLogString();
}

/// <summary>One ESP transform of Quick Mode, with the PFS group that accompanies it (None = no PFS).</summary>
public sealed record Phase2Proposal(Cipher Encryption, IntegrityAlgorithm Integrity, DhGroup Pfs = DhGroup.None)
{
    /// <summary>charon's notation: ESP:AES_CBC_256/HMAC_SHA2_256_128/MODP_1536/NO_EXT_SEQ (the group only with PFS).</summary>
    public string ToLogString()
    {
        var parts = new List<string> { IkeNames.LogName(Encryption) };
        if (Integrity != IntegrityAlgorithm.None)
        {
            parts.Add(IkeNames.LogName(Integrity));
        }
        if (Pfs != DhGroup.None)
        {
            parts.Add(IkeNames.LogName(Pfs));
        }
        parts.Add("NO_EXT_SEQ");
        return "ESP:" + string.Join('/', parts);
    }

    public override string ToString() => ToLogString();
}
