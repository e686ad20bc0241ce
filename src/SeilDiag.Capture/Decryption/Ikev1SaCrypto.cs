using System.Buffers.Binary;
using System.Security.Cryptography;
using SeilDiag.Capture.Isakmp;
using SeilDiag.Ike;
using SeilDiag.Model;
using HashAlgorithm = SeilDiag.Ike.HashAlgorithm;

namespace SeilDiag.Capture.Decryption;

/// <summary>The outcome of decrypting one encrypted ISAKMP message.</summary>
public sealed record DecryptionResult(PayloadChain? Chain, string? Failure, bool Retransmission, Ikev1Key? Key, byte[]? Plaintext)
{
    public bool Success => Chain is not null;
}

/// <summary>
/// What one ISAKMP SA (one initiator cookie) needs for decryption, the way Wireshark does it: g^xi and g^xr
/// from the KE payloads, the chosen phase-1 transform, the phase-1 IV chain, and a CBC chain per message ID.
/// Unlike Wireshark 4.0, a byte-identical retransmission is decrypted with the IV of the original (it does
/// not advance the chain), and when the expected IV fails the other IVs a peer may have used are tried (a
/// peer that could not decrypt a message never advanced its chain past it).
/// </summary>
public sealed class Ikev1SaCrypto(ulong initiatorCookie, IReadOnlyList<Ikev1Key> keys)
{
    private readonly List<byte[]> _phase1Ivs = [];
    private readonly Dictionary<uint, byte[]> _lastBlock = [];
    private readonly Dictionary<string, DecryptionResult> _seen = [];

    public ulong InitiatorCookie { get; } = initiatorCookie;

    public IReadOnlyList<Ikev1Key> Keys { get; } = keys;

    public byte[]? Gxi { get; set; }

    public byte[]? Gxr { get; set; }

    public byte[]? NonceI { get; set; }

    public byte[]? NonceR { get; set; }

    /// <summary>SAi_b: the body of the initiator's phase-1 SA payload (for HASH_I/HASH_R).</summary>
    public byte[]? SaInitiatorBody { get; set; }

    public byte[]? IdInitiatorBody { get; set; }

    public byte[]? IdResponderBody { get; set; }

    public byte[]? HashI { get; set; }

    public byte[]? HashR { get; set; }

    public ulong ResponderCookie { get; set; }

    public Phase1Proposal? Chosen { get; set; }

    public List<Phase1Proposal> Offered { get; } = [];

    /// <summary>The key that decrypted the phase-1 messages (the one to use for a PSK proof).</summary>
    public Ikev1Key? Phase1Key { get; private set; }

    public DecryptionResult Decrypt(in IsakmpHeader header, ReadOnlySpan<byte> encrypted)
    {
        var fingerprint = $"{header.MessageId:x8}:{Convert.ToHexString(SHA256.HashData(encrypted))}";
        if (_seen.TryGetValue(fingerprint, out var earlier))
        {
            return earlier with { Retransmission = true };
        }
        var result = DecryptFresh(header, encrypted);
        _seen[fingerprint] = result;
        return result;
    }

    private DecryptionResult DecryptFresh(in IsakmpHeader header, ReadOnlySpan<byte> encrypted)
    {
        var suites = Suites();
        try
        {
            if (Keys.Count == 0)
            {
                return Fail("no key for this initiator cookie in the IKEv1 key table");
            }
            if (Gxi is null || Gxr is null)
            {
                return Fail($"no KE payload{(Gxi is null && Gxr is null ? "s" : "")} of {(Gxi is null ? (Gxr is null ? "either peer" : "the initiator") : "the responder")} in the capture: the phase-1 IV cannot be computed");
            }
            if (suites.Count == 0)
            {
                return Fail("the phase-1 transform (encryption and hash algorithm) is not in the capture");
            }
            var block = IkeCrypto.BlockSize(suites[0].Encryption.Algorithm);
            if (encrypted.Length == 0 || encrypted.Length % block != 0)
            {
                return Fail($"encrypted part is {encrypted.Length} bytes, not a multiple of the {block}-byte cipher block: the message is truncated or corrupt");
            }
            string? lastProblem = null;
            foreach (var suite in suites)
            {
                if (!IkeCrypto.IsSupported(suite.Encryption) || !IkeCrypto.IsSupported(suite.Hash))
                {
                    lastProblem = $"{suite.Encryption}/{suite.Hash} cannot be decrypted by this build";
                    continue;
                }
                foreach (var key in Keys)
                {
                    if (key.KeyLength < IkeCrypto.KeyBytes(suite.Encryption))
                    {
                        lastProblem = $"the key ({key.Where}) is {key.KeyLength} bytes, {IkeNames.LogName(suite.Encryption)} needs {IkeCrypto.KeyBytes(suite.Encryption)}";
                        continue;
                    }
                    foreach (var iv in CandidateIvs(suite, header.MessageId))
                    {
                        byte[] plain;
                        try
                        {
                            plain = IkeCrypto.DecryptCbc(suite.Encryption, key.Key, iv, encrypted);
                        }
                        catch (Exception e) when (e is CryptographicException or ArgumentException)
                        {
                            lastProblem = $"the cipher refused the key ({key.Where}): {e.Message}";
                            break;
                        }
                        var chain = IsakmpDissector.Parse(header.NextPayload, plain, header.ExchangeType, strict: true, maxTrailing: 255);
                        if (chain.IsValid && chain.Payloads.Count > 0)
                        {
                            if (header.MessageId == 0)
                            {
                                Phase1Key ??= key;
                            }
                            return new DecryptionResult(chain, null, false, key, plain);
                        }
                    }
                }
            }
            return Fail(lastProblem ?? (Keys.Count == 1
                ? "after decryption the padding or payload chain is invalid: the key is wrong for this SA"
                : $"after decryption with each of the {Keys.Count} keys the padding or payload chain is invalid: the keys are wrong for this SA"));
        }
        finally
        {
            Advance(header, encrypted, suites);
        }
    }

    /// <summary>
    /// Whatever the outcome, the peer that sent the message chains its IV on from the last cipher block
    /// (RFC 2409 appendix B), so the chain advances even when this message could not be decrypted.
    /// </summary>
    private void Advance(in IsakmpHeader header, ReadOnlySpan<byte> encrypted, List<Phase1Proposal> suites)
    {
        if (suites.Count == 0 || encrypted.Length == 0)
        {
            return;
        }
        var block = IkeCrypto.BlockSize(suites[0].Encryption.Algorithm);
        if (encrypted.Length < block || encrypted.Length % block != 0)
        {
            return;
        }
        var last = encrypted[^block..].ToArray();
        if (header.MessageId == 0)
        {
            _phase1Ivs.Add(last);
        }
        else
        {
            _lastBlock[header.MessageId] = last;
        }
    }

    private List<Phase1Proposal> Suites()
    {
        if (Chosen is not null)
        {
            return [Chosen];
        }
        // Without the responder's choice, try what the initiator offered (usually one suite).
        return Offered.DistinctBy(p => (p.Encryption, p.Hash)).ToList();
    }

    /// <summary>
    /// The expected IV first, then the ones a peer that missed messages would use. The phase-1 chain is the
    /// initial IV hash(g^xi | g^xr) followed by the last cipher block of every encrypted phase-1 message;
    /// IVs of another block size (a corrupt or changed transform) are skipped.
    /// </summary>
    private IEnumerable<byte[]> CandidateIvs(Phase1Proposal suite, uint messageId)
    {
        var block = IkeCrypto.BlockSize(suite.Encryption.Algorithm);
        var phase1 = new List<byte[]> { IkeCrypto.Hash(suite.Hash, IkeCrypto.Concat(Gxi!, Gxr!))[..block] };
        phase1.AddRange(_phase1Ivs.Where(iv => iv.Length == block));
        phase1.Reverse();
        if (messageId == 0)
        {
            foreach (var iv in phase1)
            {
                yield return iv;
            }
            yield break;
        }
        if (_lastBlock.TryGetValue(messageId, out var chained) && chained.Length == block)
        {
            yield return chained;
        }
        var id = new byte[4];
        BinaryPrimitives.WriteUInt32BigEndian(id, messageId);
        foreach (var iv in phase1)
        {
            yield return IkeCrypto.Hash(suite.Hash, IkeCrypto.Concat(iv, id))[..block];
        }
    }

    private static DecryptionResult Fail(string reason) => new(null, reason, false, null, null);
}
