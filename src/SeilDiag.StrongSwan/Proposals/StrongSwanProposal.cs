using SeilDiag.Diagnostics;
using SeilDiag.Ike;

namespace SeilDiag.StrongSwan.Proposals;

public enum ProposalProtocol
{
    /// <summary>ike= (ISAKMP SA, phase 1).</summary>
    Ike,
    /// <summary>esp= (IPsec SA, phase 2).</summary>
    Esp,
}

/// <summary>
/// One proposal of an ike=/esp= list ("aes128-aes256-sha1-sha256-modp2048"): the algorithms of each kind in the order
/// written. Like charon, every algorithm of one kind may combine with every algorithm of the other kinds.
/// </summary>
public sealed class StrongSwanProposal
{
    public required ProposalProtocol Protocol { get; init; }

    /// <summary>The proposal as written.</summary>
    public required string Text { get; init; }

    /// <summary>Offset of <see cref="Text"/> in the ike=/esp= value.</summary>
    public required int Offset { get; init; }

    public List<Cipher> Encryption { get; } = [];

    /// <summary>ESP integrity algorithms.</summary>
    public List<IntegrityAlgorithm> Integrity { get; } = [];

    /// <summary>IKE integrity algorithms as IKEv1 hashes (the hash also gives the PRF in IKEv1).</summary>
    public List<HashAlgorithm> IntegrityHashes { get; } = [];

    /// <summary>IKE PRFs given explicitly (prfsha256), as hashes.</summary>
    public List<HashAlgorithm> Prfs { get; } = [];

    /// <summary>DH groups: the key exchange for IKE, the PFS group for ESP.</summary>
    public List<DhGroup> Groups { get; } = [];

    /// <summary>
    /// Valid keywords IKEv1 cannot carry here (no IKEv1 attribute value: CTR/AEAD ciphers in ike=, ChaCha20-Poly1305,
    /// AES-CMAC, AES-based PRFs, ...): charon leaves them out of an IKEv1 SA payload, and so does the expansion.
    /// </summary>
    public List<string> NotInIkeV1 { get; } = [];

    /// <summary>charon's log names per kind, in order, as charon prints them in "configured proposals".</summary>
    internal List<string> EncryptionLog { get; } = [];
    internal List<string> IntegrityLog { get; } = [];
    internal List<string> PrfLog { get; } = [];
    internal List<string> GroupLog { get; } = [];
    internal string? EsnLog { get; set; }

    public bool IsAead { get; internal set; }

    /// <summary>
    /// charon's notation, as in its "configured proposals" log line: IKE:ENCR/INTEG/PRF/DH or ESP:ENCR/INTEG/DH/ESN.
    /// For IKE without an explicit PRF, charon derives one PRF per integrity algorithm; that is done at parse time.
    /// </summary>
    public string ToLogString()
    {
        var parts = new List<string>();
        parts.AddRange(EncryptionLog);
        parts.AddRange(IntegrityLog);
        parts.AddRange(PrfLog);
        parts.AddRange(GroupLog);
        if (Protocol == ProposalProtocol.Esp)
        {
            parts.Add(EsnLog ?? "NO_EXT_SEQ");
        }
        return (Protocol == ProposalProtocol.Ike ? "IKE:" : "ESP:") + string.Join('/', parts);
    }

    public override string ToString() => Text;
}

/// <summary>A token of an ike=/esp= value that strongSwan would reject, with its offset in the value.</summary>
public sealed record ProposalError(int Offset, int Length, string Token, LocalizedText Message, string? Suggestion = null);

/// <summary>A parsed ike=/esp= value: the proposals, whether it ends in '!', and what is wrong with it.</summary>
public sealed class ProposalList
{
    public required ProposalProtocol Protocol { get; init; }

    public required string Text { get; init; }

    public required IReadOnlyList<StrongSwanProposal> Proposals { get; init; }

    /// <summary>A trailing '!': only these proposals; without it strongSwan appends its defaults.</summary>
    public required bool Strict { get; init; }

    public required IReadOnlyList<ProposalError> Errors { get; init; }

    public bool IsValid => Errors.Count == 0;

    /// <summary>What charon really configures: these proposals, and the defaults after them unless strict.</summary>
    public IReadOnlyList<StrongSwanProposal> Effective =>
        Strict ? Proposals : [.. Proposals, .. StrongSwanProposals.Defaults(Protocol)];

    public string ToLogString() => string.Join(", ", Effective.Select(p => p.ToLogString()));
}
