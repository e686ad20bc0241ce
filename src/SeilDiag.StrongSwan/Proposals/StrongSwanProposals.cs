using SeilDiag.Diagnostics;
using SeilDiag.Ike;
using SeilDiag.Model;
using SeilDiag.Text;

namespace SeilDiag.StrongSwan.Proposals;

/// <summary>
/// ike=/esp= proposal strings: parsing (with errors and did-you-mean), strongSwan 5.9's default proposals, and the
/// expansion into the <see cref="Phase1Proposal"/>/<see cref="Phase2Proposal"/> lists the analyzers compare.
/// </summary>
public static class StrongSwanProposals
{
    /// <summary>
    /// strongSwan 5.9.8's default IKE proposals, written back as keywords from the real "configured proposals" line of
    /// corpus/lab/15-strongswan-defaults/remote-charon.log (a conn without ike=). The list depends on the crypto plugins
    /// charon loaded (the lab's default plugin set: openssl, gcrypt-less, with curve25519/curve448, ChaCha20/Poly1305);
    /// a charon with fewer plugins offers fewer algorithms.
    /// </summary>
    public static IReadOnlyList<string> DefaultIkeKeywords { get; } =
    [
        "aes128-aes192-aes256-aes128ctr-aes192ctr-aes256ctr-camellia128-camellia192-camellia256-camellia128ctr-camellia192ctr-camellia256ctr-3des"
            + "-sha256-sha384-sha512-sha1-prfsha256-prfsha384-prfsha512-prfsha1"
            + "-curve25519-curve448-ecp256-ecp384-ecp521-ecp256bp-ecp384bp-ecp512bp-modp3072-modp4096-modp6144-modp8192-modp2048",
        "aes128gcm16-aes192gcm16-aes256gcm16-aes128ccm16-aes192ccm16-aes256ccm16-chacha20poly1305-aes128gcm12-aes192gcm12-aes256gcm12"
            + "-aes128gcm8-aes192gcm8-aes256gcm8-aes128ccm12-aes192ccm12-aes256ccm12-aes128ccm8-aes192ccm8-aes256ccm8"
            + "-prfsha256-prfsha384-prfsha512-prfsha1"
            + "-curve25519-curve448-ecp256-ecp384-ecp521-ecp256bp-ecp384bp-ecp512bp-modp3072-modp4096-modp6144-modp8192-modp2048",
    ];

    /// <summary>
    /// strongSwan 5.9.8's default ESP proposals, from the "configured proposals" line of
    /// corpus/lab/04-phase2-md5-rejected/remote-charon.log (a conn without esp=); also plugin dependent. No PFS.
    /// </summary>
    public static IReadOnlyList<string> DefaultEspKeywords { get; } =
    [
        "aes128-aes192-aes256-sha256-sha384-sha512-sha1-aesxcbc",
        "aes128gcm16-aes192gcm16-aes256gcm16",
    ];

    private static readonly Lazy<IReadOnlyList<StrongSwanProposal>> DefaultIke = new(() => ParseDefaults(DefaultIkeKeywords, ProposalProtocol.Ike));

    private static readonly Lazy<IReadOnlyList<StrongSwanProposal>> DefaultEsp = new(() => ParseDefaults(DefaultEspKeywords, ProposalProtocol.Esp));

    public static IReadOnlyList<StrongSwanProposal> Defaults(ProposalProtocol protocol) =>
        protocol == ProposalProtocol.Ike ? DefaultIke.Value : DefaultEsp.Value;

    private static IReadOnlyList<StrongSwanProposal> ParseDefaults(IReadOnlyList<string> keywords, ProposalProtocol protocol) =>
        keywords.Select(k => Parse(k + "!", protocol)).SelectMany(l => l.IsValid ? l.Proposals : throw new InvalidOperationException($"default proposal '{l.Text}' does not parse: {l.Errors[0].Message.English}")).ToList();

    public static ProposalList ParseIke(string text) => Parse(text, ProposalProtocol.Ike);

    public static ProposalList ParseEsp(string text) => Parse(text, ProposalProtocol.Esp);

    public static ProposalList Parse(string text, ProposalProtocol protocol)
    {
        var errors = new List<ProposalError>();
        var body = text.TrimEnd();
        var strict = body.EndsWith('!');
        if (strict)
        {
            body = body[..^1];
        }
        var proposals = new List<StrongSwanProposal>();
        var offset = 0;
        foreach (var part in body.Split(','))
        {
            var leading = part.Length - part.TrimStart().Length;
            var trimmed = part.Trim();
            if (trimmed.Length == 0)
            {
                errors.Add(new ProposalError(offset, Math.Max(part.Length, 1), part, new("empty proposal in the list", "リストに空のプロポーザルがあります")));
            }
            else
            {
                proposals.Add(ParseProposal(trimmed, offset + leading, protocol, errors));
            }
            offset += part.Length + 1;
        }
        return new ProposalList { Protocol = protocol, Text = text, Proposals = proposals, Strict = strict, Errors = errors };
    }

    private static StrongSwanProposal ParseProposal(string text, int offset, ProposalProtocol protocol, List<ProposalError> errors)
    {
        var proposal = new StrongSwanProposal { Protocol = protocol, Text = text, Offset = offset };
        var position = offset;
        var errorsBefore = errors.Count;
        foreach (var token in text.Split('-'))
        {
            if (token.Length == 0)
            {
                errors.Add(new ProposalError(position, 1, token, new($"empty algorithm name in '{text}'", $"'{text}' に空のアルゴリズム名があります")));
            }
            else if (!AddAlgorithm(proposal, token))
            {
                var suggestion = Suggestions.Nearest(token.ToLowerInvariant(), AllKeywords(protocol));
                var key = protocol == ProposalProtocol.Ike ? "ike" : "esp";
                LocalizedText message = token.Contains('!')
                    ? new("'!' is only allowed at the very end of the list", "'!' はリストの末尾にだけ書けます")
                    : new($"unknown algorithm '{token}' in {key}=", $"{key}= の '{token}' は不明なアルゴリズムです");
                errors.Add(new ProposalError(position, token.Length, token, message, suggestion));
            }
            position += token.Length + 1;
        }
        if (errors.Count == errorsBefore)
        {
            // A misspelt keyword already explains a missing kind; saying "no integrity algorithm" too would be noise.
            Complete(proposal, errors);
        }
        else if (proposal.Protocol == ProposalProtocol.Ike && proposal.PrfLog.Count == 0)
        {
            DerivePrfs(proposal);
        }
        return proposal;
    }

    private static bool AddAlgorithm(StrongSwanProposal proposal, string token)
    {
        var ike = proposal.Protocol == ProposalProtocol.Ike;
        if (IkeNames.CipherFromStrongSwan(token) is { } cipher)
        {
            proposal.Encryption.Add(cipher.Cipher);
            if (ike ? !IsIkeV1Phase1Cipher(cipher.Cipher) : IkeNames.Ikev1EspTransformId(cipher.Cipher.Algorithm) is null)
            {
                proposal.NotInIkeV1.Add(token);
            }
            AddOnce(proposal.EncryptionLog, cipher.Log);
            proposal.IsAead |= cipher.Cipher.IsAead;
            return true;
        }
        if (IkeNames.GroupFromStrongSwan(token) is { } group)
        {
            proposal.Groups.Add(group.Group);
            AddOnce(proposal.GroupLog, group.Log);
            return true;
        }
        if (ike && IkeNames.PrfFromStrongSwan(token) is { } prf)
        {
            if (prf.Hash is { } prfHash)
            {
                proposal.Prfs.Add(prfHash);
            }
            else
            {
                proposal.NotInIkeV1.Add(token);
            }
            AddOnce(proposal.PrfLog, prf.Log);
            return true;
        }
        if (IkeNames.IntegrityFromStrongSwan(token) is { } integrity)
        {
            proposal.Integrity.Add(integrity.Integrity);
            AddOnce(proposal.IntegrityLog, integrity.Log);
            if (ike && IkeNames.HashFromStrongSwan(token) is { } hash)
            {
                proposal.IntegrityHashes.Add(hash.Hash);
            }
            else if (ike)
            {
                proposal.NotInIkeV1.Add(token);
            }
            else if (IkeNames.Ikev1AuthValue(integrity.Integrity) is null)
            {
                proposal.NotInIkeV1.Add(token);
            }
            return true;
        }
        if (!ike && token.Equals("esn", StringComparison.OrdinalIgnoreCase))
        {
            proposal.EsnLog = "EXT_SEQ";
            return true;
        }
        if (!ike && token.Equals("noesn", StringComparison.OrdinalIgnoreCase))
        {
            proposal.EsnLog ??= "NO_EXT_SEQ";
            return true;
        }
        return false;
    }

    /// <summary>What charon's proposal check demands and derives once all keywords of one proposal are read.</summary>
    private static void Complete(StrongSwanProposal proposal, List<ProposalError> errors)
    {
        var name = proposal.Protocol == ProposalProtocol.Ike ? "ike" : "esp";
        if (proposal.EncryptionLog.Count == 0)
        {
            errors.Add(new ProposalError(proposal.Offset, proposal.Text.Length, proposal.Text, new($"{name} proposal '{proposal.Text}' has no encryption algorithm", $"{name} プロポーザル '{proposal.Text}' に暗号アルゴリズムがありません")));
        }
        if (proposal.Protocol == ProposalProtocol.Ike)
        {
            if (proposal.PrfLog.Count == 0)
            {
                DerivePrfs(proposal);
            }
            if (proposal.GroupLog.Count == 0)
            {
                errors.Add(new ProposalError(proposal.Offset, proposal.Text.Length, proposal.Text, new($"ike proposal '{proposal.Text}' has no DH group; charon requires one", $"ike プロポーザル '{proposal.Text}' に DH グループがありません (charon では必須です)")));
            }
            if (proposal.IsAead ? proposal.PrfLog.Count == 0 : proposal.IntegrityLog.Count == 0)
            {
                errors.Add(new ProposalError(proposal.Offset, proposal.Text.Length, proposal.Text,
                    proposal.IsAead
                        ? new LocalizedText($"ike proposal '{proposal.Text}' uses an AEAD cipher and needs a PRF (prfsha256, ...)", $"ike プロポーザル '{proposal.Text}' は AEAD 暗号なので PRF (prfsha256 など) が必要です")
                        : new LocalizedText($"ike proposal '{proposal.Text}' has no integrity algorithm", $"ike プロポーザル '{proposal.Text}' に完全性アルゴリズムがありません")));
            }
        }
        else if (!proposal.IsAead && proposal.IntegrityLog.Count == 0 && !proposal.Encryption.Contains(new Cipher(EncryptionAlgorithm.Null, 0)))
        {
            errors.Add(new ProposalError(proposal.Offset, proposal.Text.Length, proposal.Text, new($"esp proposal '{proposal.Text}' has no integrity algorithm", $"esp プロポーザル '{proposal.Text}' に完全性アルゴリズムがありません")));
        }
    }

    /// <summary>
    /// charon: "No explicit PRF found. We assume the same algorithm as used for integrity." One PRF per integrity
    /// algorithm, in order; truncation variants share their hash's PRF, the AES MACs give the AES PRFs.
    /// </summary>
    private static void DerivePrfs(StrongSwanProposal proposal)
    {
        foreach (var integrity in proposal.Integrity)
        {
            if (PrfFor(integrity) is { } prf)
            {
                AddOnce(proposal.PrfLog, prf);
            }
        }
    }

    private static string? PrfFor(IntegrityAlgorithm integrity) => integrity switch
    {
        IntegrityAlgorithm.HmacMd5_96 or IntegrityAlgorithm.HmacMd5_128 => IkeNames.PrfLogName(HashAlgorithm.Md5),
        IntegrityAlgorithm.HmacSha1_96 or IntegrityAlgorithm.HmacSha1_160 => IkeNames.PrfLogName(HashAlgorithm.Sha1),
        IntegrityAlgorithm.HmacSha2_256_128 or IntegrityAlgorithm.HmacSha2_256_96 => IkeNames.PrfLogName(HashAlgorithm.Sha2_256),
        IntegrityAlgorithm.HmacSha2_384_192 => IkeNames.PrfLogName(HashAlgorithm.Sha2_384),
        IntegrityAlgorithm.HmacSha2_512_256 => IkeNames.PrfLogName(HashAlgorithm.Sha2_512),
        IntegrityAlgorithm.AesXcbc96 => IkeNames.PrfFromStrongSwan("prfaesxcbc")?.Log,
        IntegrityAlgorithm.AesCmac96 => IkeNames.PrfFromStrongSwan("prfaescmac")?.Log,
        _ => null,
    };

    private static void AddOnce(List<string> list, string value)
    {
        if (!list.Contains(value))
        {
            list.Add(value);
        }
    }

    private static IEnumerable<string> AllKeywords(ProposalProtocol protocol)
    {
        var names = IkeNames.Ciphers.SelectMany(c => c.StrongSwan)
            .Concat(IkeNames.Integrities.SelectMany(i => i.StrongSwan))
            .Concat(IkeNames.Groups.SelectMany(g => g.StrongSwan));
        return protocol == ProposalProtocol.Ike
            ? names.Concat(IkeNames.Prfs.SelectMany(p => p.StrongSwan))
            : names.Concat(["esn", "noesn"]);
    }

    /// <summary>
    /// The phase-1 transforms a proposal list stands for: every encryption × hash × group of each proposal, in
    /// charon's order. Only what IKEv1 phase 1 can carry is kept: ciphers with an RFC 2409 attribute value (CTR and
    /// AEAD modes are ESP-only; charon cannot put them in an IKEv1 SA payload) and hashes from the integrity
    /// algorithms (the PRF follows the hash in IKEv1).
    /// </summary>
    public static IReadOnlyList<Phase1Proposal> ToPhase1(IEnumerable<StrongSwanProposal> proposals, AuthMethod auth, TimeSpan? lifetime)
    {
        var result = new List<Phase1Proposal>();
        foreach (var proposal in proposals.Where(p => p.Protocol == ProposalProtocol.Ike))
        {
            foreach (var cipher in proposal.Encryption.Where(IsIkeV1Phase1Cipher))
            {
                foreach (var hash in proposal.IntegrityHashes)
                {
                    foreach (var group in proposal.Groups)
                    {
                        var transform = new Phase1Proposal(cipher, hash, group, auth, lifetime);
                        if (!result.Contains(transform))
                        {
                            result.Add(transform);
                        }
                    }
                }
            }
        }
        return result;
    }

    /// <summary>Whether an IKEv1 SA payload can carry the cipher in phase 1 (it has an RFC 2409 or private-use attribute value).</summary>
    public static bool IsIkeV1Phase1Cipher(Cipher cipher) => IkeNames.Ikev1Phase1Value(cipher.Algorithm) is not null;

    /// <summary>
    /// Whether an IKEv1 Quick Mode SA payload can carry the ESP transform: an ESP transform ID for the cipher and an
    /// Authentication Algorithm value for the integrity. charon skips the others when it builds an IKEv1 proposal.
    /// </summary>
    public static bool IsIkeV1EspTransform(Cipher cipher, IntegrityAlgorithm integrity) =>
        IkeNames.Ikev1EspTransformId(cipher.Algorithm) is not null
        && (integrity == IntegrityAlgorithm.None || IkeNames.Ikev1AuthValue(integrity) is not null);

    /// <summary>
    /// The ESP transforms a proposal list stands for: encryption × integrity (none for AEAD) × PFS group (none when no
    /// group), keeping only what IKEv1 Quick Mode can carry (<see cref="IsIkeV1EspTransform"/>).
    /// </summary>
    public static IReadOnlyList<Phase2Proposal> ToPhase2(IEnumerable<StrongSwanProposal> proposals)
    {
        var result = new List<Phase2Proposal>();
        foreach (var proposal in proposals.Where(p => p.Protocol == ProposalProtocol.Esp))
        {
            foreach (var cipher in proposal.Encryption)
            {
                IEnumerable<IntegrityAlgorithm> integrities = cipher.IsAead || proposal.Integrity.Count == 0 ? [IntegrityAlgorithm.None] : proposal.Integrity;
                IEnumerable<DhGroup> groups = proposal.Groups.Count == 0 ? [DhGroup.None] : proposal.Groups;
                foreach (var integrity in integrities.Where(i => IsIkeV1EspTransform(cipher, i)))
                {
                    foreach (var group in groups)
                    {
                        var transform = new Phase2Proposal(cipher, integrity, group);
                        if (!result.Contains(transform))
                        {
                            result.Add(transform);
                        }
                    }
                }
            }
        }
        return result;
    }
    /// <summary>
    /// What charon puts in an IKEv1 SA payload as initiator: one transform per proposal, made of the first algorithm of
    /// each kind (the lab's responder logs show it: lab 02's default ESP list arrives as
    /// "ESP:AES_CBC_128/HMAC_SHA2_256_128/NO_EXT_SEQ, ESP:AES_GCM_16_128/NO_EXT_SEQ"). As responder charon accepts
    /// the full cross product (<see cref="ToPhase1"/>/<see cref="ToPhase2"/>). Rendered in charon's log notation.
    /// </summary>
    public static string IkeV1OfferLogString(IEnumerable<StrongSwanProposal> proposals) =>
        string.Join(", ", proposals.Select(OfferLog));

    private static string OfferLog(StrongSwanProposal p)
    {
        var parts = new List<string>();
        parts.AddRange(p.EncryptionLog.Take(1));
        parts.AddRange(p.IntegrityLog.Take(1));
        if (p.Protocol == ProposalProtocol.Ike)
        {
            parts.AddRange(p.PrfLog.Take(1));
        }
        parts.AddRange(p.GroupLog.Take(1));
        if (p.Protocol == ProposalProtocol.Esp)
        {
            parts.Add(p.EsnLog ?? "NO_EXT_SEQ");
        }
        return (p.Protocol == ProposalProtocol.Ike ? "IKE:" : "ESP:") + string.Join('/', parts);
    }

    /// <summary>The IKEv1 initiator offer (first algorithm of each kind per proposal) as phase-1 transforms IKEv1 can carry.</summary>
    public static IReadOnlyList<Phase1Proposal> ToPhase1Offer(IEnumerable<StrongSwanProposal> proposals, AuthMethod auth, TimeSpan? lifetime) =>
        proposals.Where(p => p.Protocol == ProposalProtocol.Ike && p.Encryption.Count > 0 && p.IntegrityHashes.Count > 0 && p.Groups.Count > 0
                             && p.IntegrityLog[0] == IkeNames.LogName(p.IntegrityHashes[0]) && IsIkeV1Phase1Cipher(p.Encryption[0]))
            .Select(p => new Phase1Proposal(p.Encryption[0], p.IntegrityHashes[0], p.Groups[0], auth, lifetime))
            .Distinct().ToList();

    /// <summary>The IKEv1 initiator offer for Quick Mode: one ESP transform per proposal from its first algorithms.</summary>
    public static IReadOnlyList<Phase2Proposal> ToPhase2Offer(IEnumerable<StrongSwanProposal> proposals) =>
        proposals.Where(p => p.Protocol == ProposalProtocol.Esp && p.Encryption.Count > 0)
            .Select(p => new Phase2Proposal(p.Encryption[0],
                p.Encryption[0].IsAead || p.Integrity.Count == 0 ? IntegrityAlgorithm.None : p.Integrity[0],
                p.Groups.Count == 0 ? DhGroup.None : p.Groups[0]))
            .Where(t => IsIkeV1EspTransform(t.Encryption, t.Integrity))
            .Distinct().ToList();
}
