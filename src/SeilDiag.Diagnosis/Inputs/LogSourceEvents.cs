using System.Net;
using SeilDiag.Diagnostics;
using SeilDiag.Logs;
using SeilDiag.Logs.Events;
using SeilDiag.Logs.Reading;

namespace SeilDiag.Diagnosis;

/// <summary>Whether a logged line tells of a packet, and which way it went.</summary>
public enum LoggedPacketDirection
{
    None,
    Sent,
    Received,
}

/// <summary>
/// One log line as the correlation needs it: when, what, where, and — for charon's "sending/received packet"
/// lines — the endpoints and byte count that pair it with a captured packet.
/// </summary>
public sealed record LoggedEvent(int Line, DateTimeOffset? Time, string Text)
{
    public LoggedPacketDirection Packet { get; init; }

    public IPAddress? From { get; init; }

    public IPAddress? To { get; init; }

    /// <summary>The byte count charon prints (the UDP payload: ISAKMP message, plus the non-ESP marker on 4500).</summary>
    public int Bytes { get; init; }

    /// <summary>
    /// For lines that start a negotiation (racoon's "initiate/respond new phase 1|2 negotiation"): which phase's first
    /// packet the line goes with (1 or 2), else 0. racoon prints no packet sizes, so these are its clock anchors.
    /// </summary>
    public int StartsPhase { get; init; }

    /// <summary>The negotiation step the line marks, for pairing it with the other end's log.</summary>
    public NegotiationMilestone Milestone { get; init; }

    /// <summary>The log front-end's session the line belongs to (<c>LogSession.Id</c>); 0 when not known.</summary>
    public int Session { get; init; }

    /// <summary>
    /// The other end's session of the same negotiation (<c>LogSession.Counterpart.Id</c>, paired by the log
    /// front-end from both ends' logs); 0 when none was paired. Two logs are aligned only when some of their
    /// sessions are paired: that says they saw the same negotiations, and about at which offset.
    /// </summary>
    public int Counterpart { get; init; }

    /// <summary>The peers of the line's session (unordered), when the log named both.</summary>
    public TunnelEndpoints? Tunnel { get; init; }
}

/// <summary>The events of one log file, and which kind of log it is.</summary>
public sealed record LogSourceEvents(string Path, EvidenceSource Source, IReadOnlyList<LoggedEvent> Events)
{
    /// <summary>The address of the host that wrote the log (the local end most of its sessions name), when known.</summary>
    public IPAddress? LocalAddress { get; init; }

    /// <summary>The peer most of its sessions talk to, when known (a debug-level log may name only this one).</summary>
    public IPAddress? RemoteAddress { get; init; }

    /// <summary>
    /// Splits the log front-end's sessions back into files. Only the events the sessions kept are available (the
    /// front-end streams and caps them), which are the negotiation lines the timeline and the clock need.
    /// </summary>
    public static IReadOnlyList<LogSourceEvents> From(LogAnalysis analysis) =>
        analysis.Sessions
            .Select(s => (Session: s, Tunnel: TunnelEndpoints.Of(s.Local?.Address, s.Remote?.Address)))
            .SelectMany(s => s.Session.Events.Select(e => (Event: e, s.Session, s.Tunnel)))
            .GroupBy(x => x.Event.Path)
            .Select(g => new LogSourceEvents(
                g.Key,
                g.First().Event.Daemon == LogDaemon.Racoon ? EvidenceSource.SeilLog : EvidenceSource.CharonLog,
                // A line kept by two sessions (rare: a line before the IKE_SA name was known) stays with the first.
                g.DistinctBy(x => x.Event.Line).OrderBy(x => x.Event.Line).Select(x => ToLogged(x.Event, x.Session, x.Tunnel)).ToList())
            {
                LocalAddress = MostCommon(g.Select(x => x.Session).Distinct().Select(s => s.Local?.Address)),
                RemoteAddress = MostCommon(g.Select(x => x.Session).Distinct().Select(s => s.Remote?.Address)),
            })
            .ToList();

    private static IPAddress? MostCommon(IEnumerable<IPAddress?> addresses) =>
        addresses.OfType<IPAddress>().GroupBy(a => a).OrderByDescending(h => h.Count()).Select(h => h.Key).FirstOrDefault();

    private static LoggedEvent ToLogged(LogEvent e, LogSession session, TunnelEndpoints? tunnel)
    {
        var (direction, phase) = e.Kind switch
        {
            LogEventKind.PacketSent => (LoggedPacketDirection.Sent, 0),
            LogEventKind.PacketReceived => (LoggedPacketDirection.Received, 0),
            // racoon only: charon's own "initiating" lines are covered by its packet lines.
            LogEventKind.Phase1Initiating when e.Daemon == LogDaemon.Racoon => (LoggedPacketDirection.Sent, 1),
            LogEventKind.Phase1PeerInitiating when e.Daemon == LogDaemon.Racoon => (LoggedPacketDirection.Received, 1),
            LogEventKind.Phase2Initiating when e.Daemon == LogDaemon.Racoon => (LoggedPacketDirection.Sent, 2),
            LogEventKind.Phase2Responding when e.Daemon == LogDaemon.Racoon => (LoggedPacketDirection.Received, 2),
            _ => (LoggedPacketDirection.None, 0),
        };
        var (from, to) = direction == LoggedPacketDirection.Received ? (e.Remote, e.Local) : (e.Local, e.Remote);
        return new LoggedEvent(e.Line, e.Time, e.Text)
        {
            Packet = direction,
            From = from?.Address,
            To = to?.Address,
            Bytes = direction == LoggedPacketDirection.None || phase != 0 ? 0 : e.Number,
            StartsPhase = phase,
            Milestone = MilestoneOf(e.Kind),
            Session = session.Id,
            Counterpart = session.Counterpart?.Id ?? 0,
            Tunnel = tunnel,
        };
    }

    private static NegotiationMilestone MilestoneOf(LogEventKind kind) => kind switch
    {
        LogEventKind.Phase1Initiating or LogEventKind.Phase1PeerInitiating => NegotiationMilestone.Phase1Start,
        LogEventKind.IkeSaEstablished => NegotiationMilestone.Phase1Established,
        LogEventKind.Phase2Initiating or LogEventKind.Phase2Responding => NegotiationMilestone.Phase2Start,
        LogEventKind.ChildSaEstablished => NegotiationMilestone.Phase2Established,
        _ => NegotiationMilestone.None,
    };
}
