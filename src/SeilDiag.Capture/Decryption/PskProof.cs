using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;
using SeilDiag.Ike;
using SeilDiag.Model;

namespace SeilDiag.Capture;

public enum PskVerdict
{
    /// <summary>HASH_I or HASH_R computed with the candidate equals the one on the wire: the peers used this PSK.</summary>
    Matches,
    /// <summary>The hash on the wire differs: this is not the PSK that peer used.</summary>
    DoesNotMatch,
    /// <summary>The capture lacks what the proof needs (nonces, KE, SA, ID or HASH, e.g. Main Mode without the IKE key).</summary>
    Unverifiable,
}

/// <summary>The outcome of testing one candidate PSK against one IKE SA. Never contains the PSK.</summary>
public sealed record PskProofResult(ulong InitiatorCookie, PskVerdict Initiator, PskVerdict Responder, string Explanation)
{
    /// <summary>The verdict that matters: a match by either side proves it; a mismatch by a side that could be checked disproves it for that side.</summary>
    public PskVerdict Overall => Initiator == PskVerdict.Matches || Responder == PskVerdict.Matches ? PskVerdict.Matches
        : Initiator == PskVerdict.DoesNotMatch || Responder == PskVerdict.DoesNotMatch ? PskVerdict.DoesNotMatch
        : PskVerdict.Unverifiable;
}

/// <summary>
/// Proves (or disproves) that a candidate pre-shared key is the one a peer used, from a capture (RFC 2409 5):
/// SKEYID = prf(PSK, Ni_b | Nr_b); HASH_I = prf(SKEYID, g^xi | g^xr | CKY-I | CKY-R | SAi_b | IDii_b);
/// HASH_R = prf(SKEYID, g^xr | g^xi | CKY-R | CKY-I | SAi_b | IDir_b). Aggressive Mode is always computable
/// (everything is in clear); Main Mode needs the IKE key to see the ID and HASH payloads.
/// </summary>
public static class PskProof
{
    public static IReadOnlyList<PskProofResult> Verify(CaptureAnalysis analysis, Secret candidate) =>
        analysis.IkeSaMaterial.Select(m => Verify(m, candidate)).ToList();

    public static PskProofResult Verify(Decryption.Ikev1SaCrypto sa, Secret candidate)
    {
        var missing = new List<string>();
        if (sa.NonceI is null) missing.Add("the initiator's nonce");
        if (sa.NonceR is null) missing.Add("the responder's nonce");
        if (sa.Gxi is null || sa.Gxr is null) missing.Add("both KE payloads");
        if (sa.SaInitiatorBody is null) missing.Add("the initiator's SA payload");
        if (sa.Chosen is null) missing.Add("the chosen transform (hash algorithm)");
        if (sa.Chosen is { } chosen && chosen.Auth is not (AuthMethod.PreSharedKey or AuthMethod.XauthInitPreShared))
        {
            return new PskProofResult(sa.InitiatorCookie, PskVerdict.Unverifiable, PskVerdict.Unverifiable,
                $"the SA authenticates with {IkeNames.LogName(chosen.Auth)}, not a pre-shared key");
        }
        if (missing.Count > 0)
        {
            return new PskProofResult(sa.InitiatorCookie, PskVerdict.Unverifiable, PskVerdict.Unverifiable, "the capture lacks " + string.Join(", ", missing));
        }
        var hash = sa.Chosen!.Hash;
        if (!Decryption.IkeCrypto.IsSupported(hash))
        {
            return new PskProofResult(sa.InitiatorCookie, PskVerdict.Unverifiable, PskVerdict.Unverifiable, $"hash {hash} is not supported");
        }
        var psk = Encoding.UTF8.GetBytes(candidate.Reveal());
        try
        {
            var skeyid = Decryption.IkeCrypto.Prf(hash, psk, Decryption.IkeCrypto.Concat(sa.NonceI!, sa.NonceR!));
            var ckyI = new byte[8];
            var ckyR = new byte[8];
            BinaryPrimitives.WriteUInt64BigEndian(ckyI, sa.InitiatorCookie);
            BinaryPrimitives.WriteUInt64BigEndian(ckyR, sa.ResponderCookie);
            var initiator = Check(sa.HashI, sa.IdInitiatorBody, () => Decryption.IkeCrypto.Prf(hash, skeyid,
                Decryption.IkeCrypto.Concat(sa.Gxi!, sa.Gxr!, ckyI, ckyR, sa.SaInitiatorBody!, sa.IdInitiatorBody!)));
            var responder = Check(sa.HashR, sa.IdResponderBody, () => Decryption.IkeCrypto.Prf(hash, skeyid,
                Decryption.IkeCrypto.Concat(sa.Gxr!, sa.Gxi!, ckyR, ckyI, sa.SaInitiatorBody!, sa.IdResponderBody!)));
            CryptographicOperations.ZeroMemory(skeyid);
            var text = $"HASH_I {Describe(initiator)}, HASH_R {Describe(responder)}";
            return new PskProofResult(sa.InitiatorCookie, initiator, responder, text);
        }
        finally
        {
            CryptographicOperations.ZeroMemory(psk);
        }
    }

    private static PskVerdict Check(byte[]? onWire, byte[]? id, Func<byte[]> compute)
    {
        if (onWire is null || id is null)
        {
            return PskVerdict.Unverifiable;
        }
        return CryptographicOperations.FixedTimeEquals(compute(), onWire) ? PskVerdict.Matches : PskVerdict.DoesNotMatch;
    }

    private static string Describe(PskVerdict v) => v switch
    {
        PskVerdict.Matches => "matches the candidate",
        PskVerdict.DoesNotMatch => "does not match the candidate",
        _ => "not in the capture (encrypted without a key, or not sent)",
    };
}
