using System.Net;
using SeilDiag.Diagnostics;
using SeilDiag.Ike;

namespace SeilDiag.Model;

/// <summary>Direction of a message relative to the IKE SA's initiator.</summary>
public enum MessageDirection
{
    InitiatorToResponder,
    ResponderToInitiator,
}

/// <summary>One ISAKMP message as seen in a capture or told by a log line.</summary>
public sealed record ObservedMessage(
    DateTimeOffset? Time,
    MessageDirection Direction,
    ExchangeType Exchange,
    uint MessageId,
    IReadOnlyList<string> Payloads,
    Evidence Evidence)
{
    /// <summary>Notify message types carried (IKEv1 names, e.g. NO-PROPOSAL-CHOSEN, R-U-THERE).</summary>
    public IReadOnlyList<string> Notifies { get; init; } = [];

    public bool IsRetransmission { get; init; }

    public int? Length { get; init; }
}

/// <summary>One exchange (Main Mode, a Quick Mode, an Informational) of an IKE SA.</summary>
public sealed class ObservedExchange(ExchangeType type, uint messageId)
{
    public ExchangeType Type { get; } = type;

    public uint MessageId { get; } = messageId;

    public List<ObservedMessage> Messages { get; } = [];

    public List<Phase2Proposal> OfferedPhase2 { get; } = [];

    public Phase2Proposal? ChosenPhase2 { get; set; }

    public ProxyId? ProxyId { get; set; }

    public List<uint> Spis { get; } = [];
}

/// <summary>
/// One ISAKMP SA (phase 1 and everything under it) as observed in one source. The log and capture
/// front-ends fill these; the diagnosis merges SAs from several sources by cookies, or by addresses and time.
/// </summary>
public sealed class ObservedIkeSa(EvidenceSource source)
{
    public EvidenceSource Source { get; } = source;

    public ulong? InitiatorCookie { get; set; }

    public ulong? ResponderCookie { get; set; }

    public IPEndPoint? Initiator { get; set; }

    public IPEndPoint? Responder { get; set; }

    /// <summary>The local name of the connection in the source (charon's conn name, SEIL's interface).</summary>
    public string? ConnectionName { get; set; }

    public ExchangeMode? Mode { get; set; }

    public List<Phase1Proposal> OfferedPhase1 { get; } = [];

    public Phase1Proposal? ChosenPhase1 { get; set; }

    public IkeIdentity? InitiatorIdentity { get; set; }

    public IkeIdentity? ResponderIdentity { get; set; }

    public List<ObservedExchange> Exchanges { get; } = [];

    public bool Established { get; set; }

    public bool NatTraversal { get; set; }

    public DateTimeOffset? Start { get; set; }
}
