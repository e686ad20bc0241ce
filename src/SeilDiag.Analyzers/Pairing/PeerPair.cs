using SeilDiag.Analyzers.Common;
using SeilDiag.Model;

namespace SeilDiag.Analyzers.Pairing;

/// <summary>Two configured ends of one tunnel, found in two different documents.</summary>
public sealed record PeerPair(PeerConfig A, PeerConfig B)
{
    /// <summary>Both ways the negotiation can start: A initiates, then B initiates.</summary>
    public IReadOnlyList<NegotiationDirection> Directions => [new(A, B), new(B, A)];

    public override string ToString() => $"{EndNames.Label(A)} ⇔ {EndNames.Label(B)}";
}

/// <summary>One way a negotiation runs: who sends the first message and who answers.</summary>
public sealed record NegotiationDirection(PeerConfig Initiator, PeerConfig Responder)
{
    /// <summary>"SEIL → strongSwan".</summary>
    public string Label => EndNames.Arrow(Initiator, Responder);

    /// <summary>Whether the initiator's configuration starts the negotiation on its own (or on traffic).</summary>
    public bool InitiatedByConfig => Initiator.Initiation.Value is Initiation.Start or Initiation.OnTraffic;

    public override string ToString() => Label;
}
