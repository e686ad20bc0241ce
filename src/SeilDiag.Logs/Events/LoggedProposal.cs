using SeilDiag.Ike;
using SeilDiag.Model;

namespace SeilDiag.Logs.Events;

/// <summary>Transform types of a proposal as charon names them in "no acceptable %N found".</summary>
public enum TransformType
{
    Encryption,
    Integrity,
    Prf,
    KeyExchange,
    ExtendedSequenceNumbers,
}

/// <summary>
/// One proposal as charon prints it ("IKE:AES_CBC_256/HMAC_SHA2_256_128/PRF_HMAC_SHA2_256/MODP_1536"): one proposal can
/// list several algorithms of each type (strongSwan's defaults do). Names unknown to <see cref="IkeNames"/> are kept
/// as text so a difference can still be shown.
/// </summary>
public sealed record LoggedProposal(string Protocol, IReadOnlyList<string> Encryption, IReadOnlyList<string> Integrity,
    IReadOnlyList<string> Prf, IReadOnlyList<string> KeyExchange, IReadOnlyList<string> Esn)
{
    public bool IsIke => Protocol == "IKE";

    public IReadOnlyList<string> Of(TransformType type) => type switch
    {
        TransformType.Encryption => Encryption,
        TransformType.Integrity => Integrity,
        TransformType.Prf => Prf,
        TransformType.KeyExchange => KeyExchange,
        _ => Esn,
    };

    public static LoggedProposal FromTokens(string protocol, IEnumerable<string> tokens)
    {
        List<string> enc = [], integ = [], prf = [], ke = [], esn = [];
        foreach (var token in tokens)
        {
            if (token.StartsWith("PRF_", StringComparison.Ordinal)) prf.Add(token);
            else if (token.StartsWith("HMAC_", StringComparison.Ordinal) || token.StartsWith("AES_XCBC", StringComparison.Ordinal)
                     || token.StartsWith("AES_CMAC", StringComparison.Ordinal) || token.StartsWith("AUTH_", StringComparison.Ordinal)) integ.Add(token);
            else if (token.StartsWith("MODP_", StringComparison.Ordinal) || token.StartsWith("ECP_", StringComparison.Ordinal)
                     || token.StartsWith("CURVE_", StringComparison.Ordinal) || token == "NO_DH" || token.StartsWith("KE", StringComparison.Ordinal)
                     || token.StartsWith("DH_GROUP", StringComparison.Ordinal) || token.StartsWith("ML_KEM", StringComparison.Ordinal)) ke.Add(token);
            else if (token.EndsWith("EXT_SEQ", StringComparison.Ordinal)) esn.Add(token);
            else enc.Add(token);
        }
        return new LoggedProposal(protocol, enc, integ, prf, ke, esn);
    }

    /// <summary>Every single-algorithm phase-1 suite this proposal allows (names IkeNames does not know are skipped).</summary>
    public IEnumerable<Phase1Proposal> ToPhase1()
    {
        foreach (var e in Encryption)
        foreach (var i in Integrity.Count > 0 ? Integrity : Prf)
        foreach (var g in KeyExchange)
        {
            if (IkeNames.CipherFromLog(e) is { } c && IkeNames.HashFromLog(i) is { } h && IkeNames.GroupFromLog(g) is { } dh)
            {
                yield return new Phase1Proposal(c.Cipher, h.Hash, dh.Group);
            }
        }
    }

    /// <summary>Every single-algorithm ESP suite this proposal allows (AEAD ciphers have no integrity).</summary>
    public IEnumerable<Phase2Proposal> ToPhase2()
    {
        var groups = KeyExchange.Count > 0 ? KeyExchange.Select(g => IkeNames.GroupFromLog(g)?.Group).ToList() : [DhGroup.None];
        foreach (var e in Encryption)
        {
            if (IkeNames.CipherFromLog(e) is not { } c)
            {
                continue;
            }
            var integrities = Integrity.Count == 0 ? [IntegrityAlgorithm.None]
                : Integrity.Select(i => IkeNames.IntegrityFromLog(i)?.Integrity).Where(i => i is not null).Select(i => i!.Value).ToList();
            foreach (var i in integrities)
            foreach (var g in groups)
            {
                if (g is { } group)
                {
                    yield return new Phase2Proposal(c.Cipher, i, group);
                }
            }
        }
    }

    public override string ToString() =>
        Protocol + ":" + string.Join('/', Encryption.Concat(Integrity).Concat(Prf).Concat(KeyExchange).Concat(Esn));
}
