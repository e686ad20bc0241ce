using SeilDiag.Diagnostics;
using SeilDiag.Ike;
using SeilDiag.Model;

namespace SeilDiag.Diagnosis;

/// <summary>
/// The capture front-end reports what it could not read, not why the tunnel failed: the failing notify is in the
/// observed SAs with its packet. This turns those notifies into findings of the rule they show, so a capture alone
/// names the cause and, with other sources, adds the packet as evidence.
/// </summary>
internal static class CaptureNotifyFindings
{
    public static IEnumerable<Diagnostic> From(IEnumerable<ObservedIkeSa> sas)
    {
        foreach (var sa in sas.Where(s => s.Source == EvidenceSource.Capture))
        {
            var pair = PairText(sa);
            // Initiator/responder of the capture; the same unordered pair as a config's local/remote.
            var tunnel = TunnelEndpoints.Of(sa.Initiator?.Address, sa.Responder?.Address);
            var messages = sa.Exchanges.SelectMany(x => x.Messages.Select(m => (Exchange: x, Message: m))).ToList();
            foreach (var (exchange, message) in messages)
            {
                foreach (var notify in message.Notifies)
                {
                    var rule = RuleFor(notify, sa, exchange, messages);
                    if (rule is null)
                    {
                        continue;
                    }
                    var what = $"{notify} in {Describe(exchange, sa)} ({pair})";
                    yield return Diagnostic.Create(rule, message.Evidence.Location, what)
                        .WithEvidence(message.Evidence with { Kind = EvidenceKind.Observed, Time = message.Time ?? message.Evidence.Time })
                        .WithTunnel(tunnel);
                }
            }
            // PSK mismatch without a notify: the 5th Main Mode message retransmitted, never answered in kind.
            var mm5Retransmits = messages.Where(m => m.Exchange.Type == ExchangeType.IdentityProtection
                                                     && m.Message.IsRetransmission
                                                     && m.Message.Direction == MessageDirection.InitiatorToResponder
                                                     && m.Message.Payloads.Contains("ID", StringComparer.OrdinalIgnoreCase)).ToList();
            if (!sa.Established && mm5Retransmits.Count > 0 && messages.Any(m => m.Message.Notifies.Contains("PAYLOAD-MALFORMED")))
            {
                var first = mm5Retransmits[0].Message;
                yield return Diagnostic.Create(Rules.PskMismatch, first.Evidence.Location,
                        $"the 5th Main Mode message was retransmitted {mm5Retransmits.Count} time(s) and answered with PAYLOAD-MALFORMED ({pair})")
                    .WithEvidence([.. mm5Retransmits.Select(m => m.Message.Evidence with { Kind = EvidenceKind.Observed })])
                    .WithTunnel(tunnel);
            }
            // Nothing ever came back: every message went from the initiator, and some were retransmitted.
            if (!sa.Established && messages.Count > 0 && sa.Responder is not null
                && messages.All(m => m.Message.Direction == MessageDirection.InitiatorToResponder)
                && messages.Any(m => m.Message.IsRetransmission))
            {
                var retransmits = messages.Where(m => m.Message.IsRetransmission).ToList();
                yield return Diagnostic.Create(Rules.PeerNotResponding, messages[0].Message.Evidence.Location,
                        sa.Responder.Address.ToString(), $"{retransmits.Count} retransmission(s) in the capture and no answer")
                    .WithEvidence([.. messages.Select(m => m.Message.Evidence with { Kind = EvidenceKind.Observed })])
                    .WithTunnel(tunnel);
            }
        }
    }

    private static Rule? RuleFor(string notify, ObservedIkeSa sa, ObservedExchange exchange, List<(ObservedExchange Exchange, ObservedMessage Message)> messages) =>
        notify switch
        {
            "NO-PROPOSAL-CHOSEN" => IsPhase2(sa, exchange, messages) ? Rules.Phase2ProposalMismatch : Rules.Phase1ProposalMismatch,
            "INVALID-ID-INFORMATION" => Rules.ProxyIdMismatch,
            "AUTHENTICATION-FAILED" => sa.Mode == ExchangeMode.Aggressive || sa.Exchanges.Any(x => x.Type == ExchangeType.Aggressive)
                ? Rules.AggressivePskRefused
                : Rules.IdentityMismatch,
            "PAYLOAD-MALFORMED" when messages.Any(m => m.Message.IsRetransmission && m.Exchange.Type == ExchangeType.IdentityProtection) => null, // handled as a whole below
            _ => null,
        };

    /// <summary>A notify belongs to phase 2 when the ISAKMP SA was up (a Quick Mode was started under it).</summary>
    private static bool IsPhase2(ObservedIkeSa sa, ObservedExchange exchange, List<(ObservedExchange Exchange, ObservedMessage Message)> messages) =>
        exchange.Type == ExchangeType.QuickMode || sa.Established || messages.Any(m => m.Exchange.Type == ExchangeType.QuickMode);

    private static string Describe(ObservedExchange exchange, ObservedIkeSa sa) => exchange.Type switch
    {
        ExchangeType.QuickMode => "Quick Mode",
        ExchangeType.IdentityProtection => "Main Mode",
        ExchangeType.Aggressive => "Aggressive Mode",
        _ => $"an {exchange.Type} exchange{(sa.Established ? " after phase 1" : "")}",
    };

    internal static string PairText(ObservedIkeSa sa) =>
        sa.Initiator is not null && sa.Responder is not null ? $"{sa.Initiator.Address} → {sa.Responder.Address}" : "capture";
}
