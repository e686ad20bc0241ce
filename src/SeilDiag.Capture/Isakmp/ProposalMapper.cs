using SeilDiag.Ike;
using SeilDiag.Model;

namespace SeilDiag.Capture.Isakmp;

/// <summary>Turns SA payload transforms into Core's proposals; attribute values are the Core enum values.</summary>
public static class ProposalMapper
{
    /// <summary>A phase-1 (ISAKMP) transform; null when a required attribute is missing.</summary>
    public static Phase1Proposal? ToPhase1(IsakmpTransform t)
    {
        if (t.Attribute(1) is not { } enc || t.Attribute(2) is not { } hash)
        {
            return null;
        }
        var algorithm = (EncryptionAlgorithm)(int)enc;
        var bits = (int)(t.Attribute(14) ?? DefaultKeyBits(algorithm));
        var group = (DhGroup)(int)(t.Attribute(4) ?? 0);
        var auth = (AuthMethod)(int)(t.Attribute(3) ?? 1);
        return new Phase1Proposal(new Cipher(algorithm, bits), (HashAlgorithm)(int)hash, group, auth, Lifetime(t, lifeType: 11, duration: 12));
    }

    /// <summary>An ESP transform with the PFS group it names; null for non-ESP proposals.</summary>
    public static Phase2Proposal? ToPhase2(IsakmpProposal proposal, IsakmpTransform t)
    {
        if (proposal.ProtocolId != 3)
        {
            return null;
        }
        var algorithm = EspTransformToAlgorithm(t.TransformId);
        if (algorithm is null)
        {
            return null;
        }
        var bits = (int)(t.Attribute(6) ?? DefaultKeyBits(algorithm.Value));
        var integrity = (IntegrityAlgorithm)(int)(t.Attribute(5) ?? 0);
        var pfs = (DhGroup)(int)(t.Attribute(3) ?? 0);
        return new Phase2Proposal(new Cipher(algorithm.Value, bits), integrity, pfs);
    }

    /// <summary>RFC 2407 / IANA ESP transform IDs to Core's algorithm enum (ESP-only ones are offset by 1000 there).</summary>
    public static EncryptionAlgorithm? EspTransformToAlgorithm(int id) => id switch
    {
        2 => EncryptionAlgorithm.Des,
        3 => EncryptionAlgorithm.TripleDes,
        5 => EncryptionAlgorithm.Idea,
        6 => EncryptionAlgorithm.Cast,
        7 => EncryptionAlgorithm.Blowfish,
        11 => EncryptionAlgorithm.Null,
        12 => EncryptionAlgorithm.AesCbc,
        13 => EncryptionAlgorithm.AesCtr,
        14 => EncryptionAlgorithm.AesCcm8,
        15 => EncryptionAlgorithm.AesCcm12,
        16 => EncryptionAlgorithm.AesCcm16,
        18 => EncryptionAlgorithm.AesGcm8,
        19 => EncryptionAlgorithm.AesGcm12,
        20 => EncryptionAlgorithm.AesGcm16,
        22 => EncryptionAlgorithm.Camellia,
        23 => EncryptionAlgorithm.NullAuthAesGmac,
        _ => null,
    };

    /// <summary>Key length of fixed-key ciphers is 0 in Core's <see cref="Cipher"/>; variable-key ones default to 128.</summary>
    private static int DefaultKeyBits(EncryptionAlgorithm algorithm) => algorithm switch
    {
        EncryptionAlgorithm.Des or EncryptionAlgorithm.TripleDes or EncryptionAlgorithm.Null => 0,
        _ => 128,
    };

    private static TimeSpan? Lifetime(IsakmpTransform t, int lifeType, int duration)
    {
        // Life type 1 = seconds; kilobyte lifetimes are not a time.
        if (t.Attribute(lifeType) == 1 && t.Attribute(duration) is { } seconds && seconds is > 0 and < int.MaxValue)
        {
            return TimeSpan.FromSeconds(seconds);
        }
        return null;
    }
}
