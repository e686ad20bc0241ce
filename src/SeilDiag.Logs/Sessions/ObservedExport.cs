using System.Globalization;
using SeilDiag.Diagnostics;
using SeilDiag.Ike;
using SeilDiag.Logs.Events;
using SeilDiag.Logs.Reading;
using SeilDiag.Model;

namespace SeilDiag.Logs.Sessions;

/// <summary>Turns a session into Core's <see cref="ObservedIkeSa"/>, with every message pointing at its log line.</summary>
internal static class ObservedExport
{
    public static ObservedIkeSa ToObserved(LogSession s)
    {
        var source = s.Daemon == LogDaemon.Racoon ? EvidenceSource.SeilLog : EvidenceSource.CharonLog;
        var sa = new ObservedIkeSa(source)
        {
            ConnectionName = s.ConnectionName,
            Mode = s.Mode,
            Established = s.Phase1Established,
            Start = s.Start,
            Initiator = s.IsInitiator == false ? s.Remote : s.Local,
            Responder = s.IsInitiator == false ? s.Local : s.Remote,
            NatTraversal = s.Events.Any(e => e.Kind == LogEventKind.NatDetected)
                           || s.Events.Any(e => e.Kind is LogEventKind.PacketSent or LogEventKind.PacketReceived && e.Remote?.Port == 4500),
        };
        if (s.Cookies is { } cookies && cookies.Split(':') is [var i, var r, ..])
        {
            if (ulong.TryParse(i, NumberStyles.HexNumber, null, out var ic)) sa.InitiatorCookie = ic;
            if (ulong.TryParse(r, NumberStyles.HexNumber, null, out var rc) && rc != 0) sa.ResponderCookie = rc;
        }
        // Offered = the initiator's proposals: ours when we initiated, the received ones when we responded.
        var offered = s.Events.FirstOrDefault(e => e.Proposals.Count > 0 && e.Proposals[0].IsIke
            && e.Kind == (s.IsInitiator == false ? LogEventKind.ProposalsReceived : LogEventKind.ProposalsConfigured));
        if (offered is not null)
        {
            sa.OfferedPhase1.AddRange(offered.Proposals.SelectMany(p => p.ToPhase1()));
        }
        var chosen = s.Events.FirstOrDefault(e => e.Kind == LogEventKind.ProposalSelected && e.Proposals.Count > 0 && e.Proposals[0].IsIke);
        sa.ChosenPhase1 = chosen?.Proposals[0].ToPhase1().FirstOrDefault();
        if (s.Events.FirstOrDefault(e => e.Kind == LogEventKind.IkeSaEstablished && e.Detail is not null) is { } est)
        {
            var local = Identity(est.Detail!);
            var remote = est.Detail2 is null ? null : Identity(est.Detail2);
            sa.InitiatorIdentity = s.IsInitiator == false ? remote : local;
            sa.ResponderIdentity = s.IsInitiator == false ? local : remote;
        }

        var exchanges = new Dictionary<(ExchangeType, uint), ObservedExchange>();
        foreach (var e in s.Events)
        {
            if (e.Kind is not (LogEventKind.MessageGenerated or LogEventKind.MessageParsed) || e.Exchange is null || e.MessageId is not { } mid)
            {
                continue;
            }
            var type = ExchangeOf(e.Exchange);
            if (!exchanges.TryGetValue((type, mid), out var exchange))
            {
                exchange = new ObservedExchange(type, mid);
                exchanges[(type, mid)] = exchange;
                sa.Exchanges.Add(exchange);
            }
            var fromInitiator = (e.Kind == LogEventKind.MessageGenerated) == (s.IsInitiator != false);
            if (type is ExchangeType.QuickMode or ExchangeType.Informational)
            {
                // Quick Mode / INFORMATIONAL: "request" and "response" are relative to who started that exchange.
                fromInitiator = (e.Kind == LogEventKind.MessageGenerated) != e.IsResponse == (s.IsInitiator != false);
            }
            exchange.Messages.Add(new ObservedMessage(e.Time,
                fromInitiator ? MessageDirection.InitiatorToResponder : MessageDirection.ResponderToInitiator,
                type, mid, e.Payloads,
                // English keeps the daemon's message (reports and tests show it); Japanese says what the line is.
                new Evidence(sa.Source, EvidenceKind.Observed, new LocalizedText(e.Message, LogEventText.Describe(e).Japanese), Location.LogLine(e.Path, e.Line, e.Text.Length), e.Text, e.Time))
            {
                Notifies = e.Notifies,
            });
        }
        var quick = sa.Exchanges.Where(x => x.Type == ExchangeType.QuickMode).ToList();
        foreach (var child in s.Events.Where(e => e.Kind == LogEventKind.ChildSaEstablished))
        {
            var exchange = quick.FirstOrDefault(q => q.ChosenPhase2 is null && q.ProxyId is null) ?? quick.LastOrDefault();
            if (exchange is null)
            {
                exchange = new ObservedExchange(ExchangeType.QuickMode, 0);
                sa.Exchanges.Add(exchange);
                quick.Add(exchange);
            }
            if (child.Detail is not null && child.Detail2 is not null && IPNetworkTryParse(child.Detail, out var localNet) && IPNetworkTryParse(child.Detail2, out var remoteNet))
            {
                exchange.ProxyId = new ProxyId(localNet, remoteNet);
            }
            foreach (var spi in (child.Detail3 ?? "").Split(' ', StringSplitOptions.RemoveEmptyEntries))
            {
                var hex = spi.Split('_')[0];
                var paren = hex.IndexOf("(0x", StringComparison.Ordinal);
                if (paren >= 0) hex = hex[(paren + 3)..].TrimEnd(')');
                if (uint.TryParse(hex, NumberStyles.HexNumber, null, out var value)) exchange.Spis.Add(value);
            }
            var selected = s.Events.LastOrDefault(e => e.Kind == LogEventKind.ProposalSelected && e.Proposals.Count > 0 && !e.Proposals[0].IsIke && e.Line < child.Line);
            exchange.ChosenPhase2 ??= selected?.Proposals[0].ToPhase2().FirstOrDefault();
        }
        var offered2 = s.Events.FirstOrDefault(e => e.Proposals.Count > 0 && !e.Proposals[0].IsIke
            && e.Kind == (s.IsInitiator == false ? LogEventKind.ProposalsReceived : LogEventKind.ProposalsConfigured));
        if (offered2 is not null && quick.FirstOrDefault() is { } firstQuick)
        {
            firstQuick.OfferedPhase2.AddRange(offered2.Proposals.SelectMany(p => p.ToPhase2()));
        }
        return sa;
    }

    private static bool IPNetworkTryParse(string text, out System.Net.IPNetwork network)
    {
        var bracket = text.IndexOf('[');
        return System.Net.IPNetwork.TryParse(bracket > 0 ? text[..bracket] : text, out network);
    }

    private static IkeIdentity Identity(string value) =>
        System.Net.IPAddress.TryParse(value, out var address) ? IkeIdentity.Address(address)
        : value.Contains('@') ? new IkeIdentity(IdentityType.UserFqdn, value)
        : value.Contains('=') ? new IkeIdentity(IdentityType.DerAsn1Dn, value)
        : new IkeIdentity(IdentityType.Fqdn, value);

    private static ExchangeType ExchangeOf(string name) => name switch
    {
        "ID_PROT" => ExchangeType.IdentityProtection,
        "AGGRESSIVE" => ExchangeType.Aggressive,
        "QUICK_MODE" => ExchangeType.QuickMode,
        "INFORMATIONAL_V1" or "INFORMATIONAL" => ExchangeType.Informational,
        "TRANSACTION" => ExchangeType.Transaction,
        _ => ExchangeType.None,
    };
}
