using System.Net;
using SeilDiag.Ike;
using SeilDiag.Logs.Events;
using SeilDiag.Logs.Reading;

namespace SeilDiag.Logs.Sessions;

/// <summary>
/// Groups the events of one input into sessions: by charon's IKE_SA unique id when ike_name is on, otherwise by the
/// peer address (a new phase-1 start for the same peer opens a new session), otherwise to the session last used.
/// Sessions that end (IKE_SA destroyed) are handed to <see cref="_onClosed"/> at once so they can be diagnosed and
/// compacted while a long log is still being read.
/// </summary>
internal sealed class SessionTracker(string path, Func<int> nextId, Action<LogSession> onClosed)
{
    private readonly string _path = path;
    private readonly Func<int> _nextId = nextId;
    private readonly Action<LogSession> _onClosed = onClosed;
    private readonly Dictionary<int, LogSession> _byUniqueId = [];
    private readonly Dictionary<string, LogSession> _byPeer = new(StringComparer.Ordinal);
    private readonly List<LogSession> _open = [];
    private LogSession? _last;

    // Runs per line (or per IKE_SA) of gigabyte logs: compiled fully optimised at once. With tiering, the JIT kept
    // postponing tier-up while later stages compiled new code, and most of a run was spent in instrumented code.
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveOptimization)]
    public void Add(LogEvent e)
    {
        if (e.Kind == LogEventKind.TrafficSelectorItem && _last is not null && (e.UniqueId == 0 || e.UniqueId == _last.UniqueId))
        {
            _last.Add(e, decisive: false);
            return;
        }
        var session = Find(e);
        Learn(session, e);
        session.Add(e, IsDecisive(e.Kind));
        _last = session;
        if (e.Kind == LogEventKind.IkeSaStateChange && e.Detail == "DESTROYING")
        {
            Close(session);
        }
    }

    /// <summary>A daemon restart: unique ids start again, so every open session ends here.</summary>
    public void Restart()
    {
        foreach (var session in _open.ToList())
        {
            Close(session);
        }
        _byUniqueId.Clear();
        _byPeer.Clear();
        _last = null;
    }

    public void Finish() => Restart();

    private LogSession Find(LogEvent e)
    {
        var startsPhase1 = e.Kind is LogEventKind.Phase1Initiating or LogEventKind.Phase1PeerInitiating;
        if (e.UniqueId > 0)
        {
            if (!_byUniqueId.TryGetValue(e.UniqueId, out var byId) || byId.Closed)
            {
                byId = Open(e);
                _byUniqueId[e.UniqueId] = byId;
            }
            return byId;
        }
        var peer = e.Remote?.Address.ToString();
        if (peer is not null)
        {
            if (_byPeer.TryGetValue(peer, out var existing) && !existing.Closed && !(startsPhase1 && existing.Phase1Started))
            {
                return existing;
            }
            if (!startsPhase1 && _last is not null && !_last.Closed && _last.Remote is null)
            {
                _byPeer[peer] = _last;
                return _last;
            }
            var created = Open(e);
            _byPeer[peer] = created;
            return created;
        }
        if (_last is not null && !_last.Closed && !(startsPhase1 && _last.Phase1Started))
        {
            return _last;
        }
        return Open(e);
    }

    private LogSession Open(LogEvent e)
    {
        var session = new LogSession(_nextId(), _path, e.Daemon) { UniqueId = e.UniqueId };
        _open.Add(session);
        return session;
    }

    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveOptimization)]
    private void Close(LogSession session)
    {
        if (session.Closed)
        {
            return;
        }
        session.Closed = true;
        _open.Remove(session);
        _onClosed(session);
    }

    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveOptimization)]
    private static void Learn(LogSession s, LogEvent e)
    {
        if (e.ConnName is { } name)
        {
            s.ConnectionName = name;
        }
        if (e.Remote is { } remote && (s.Remote is null || s.Remote.Port == 0 || e.Kind is LogEventKind.PacketReceived or LogEventKind.PacketSent))
        {
            if (s.Remote is null || !s.Remote.Address.Equals(remote.Address) || remote.Port != 0)
            {
                s.Remote = remote.Port == 0 && s.Remote is not null && s.Remote.Address.Equals(remote.Address) ? s.Remote : remote;
            }
        }
        if (e.Local is { } local && (s.Local is null || local.Port != 0 || !s.Local.Address.Equals(local.Address)))
        {
            if (!local.Address.Equals(IPAddress.Any))
            {
                s.Local = local;
            }
        }
        switch (e.Kind)
        {
            case LogEventKind.Phase1Initiating:
                s.IsInitiator = true;
                s.Phase1Started = true;
                if (e.Daemon == LogDaemon.Charon)
                {
                    s.Mode = e.Detail == "Aggressive" ? ExchangeMode.Aggressive : ExchangeMode.Main;
                }
                s.Cookies ??= e.Detail3;
                break;
            case LogEventKind.Phase1PeerInitiating:
                s.IsInitiator ??= false;
                s.Phase1Started = true;
                if (e.Daemon == LogDaemon.Charon)
                {
                    s.Mode = e.Detail == "Aggressive" ? ExchangeMode.Aggressive : ExchangeMode.Main;
                }
                s.Cookies ??= e.Detail3;
                break;
            case LogEventKind.ExchangeModeBegin:
                s.Mode = e.Detail == "Aggressive" ? ExchangeMode.Aggressive : ExchangeMode.Main;
                break;
            case LogEventKind.MessageGenerated when e.Exchange is "ID_PROT" or "AGGRESSIVE" && e.MessageId == 0 && !e.IsResponse:
                s.IsInitiator ??= true;
                s.Mode ??= e.Exchange == "AGGRESSIVE" ? ExchangeMode.Aggressive : ExchangeMode.Main;
                break;
            case LogEventKind.MessageParsed when e.Exchange is "ID_PROT" or "AGGRESSIVE" && e.MessageId == 0:
                s.IsInitiator ??= e.IsResponse;
                s.Mode ??= e.Exchange == "AGGRESSIVE" ? ExchangeMode.Aggressive : ExchangeMode.Main;
                break;
            case LogEventKind.IkeSaEstablished:
                s.Phase1Established = true;
                s.Cookies ??= e.Detail3;
                break;
            case LogEventKind.ChildSaEstablished:
                s.ChildSasEstablished++;
                break;
            case LogEventKind.Phase2Initiating or LogEventKind.Phase2Responding or LogEventKind.Phase2Handle:
                s.Cookies ??= e.Detail3;
                // racoon only starts phase 2 on an ISAKMP-SA, so phase 1 is up even when its line is not in the paste.
                if (e.Daemon == LogDaemon.Racoon && e.Detail3 is not null)
                {
                    s.Phase1Established = true;
                }
                break;
        }
    }

    private static bool IsDecisive(LogEventKind kind) => kind is not (LogEventKind.PacketReceived or LogEventKind.PacketSent
        or LogEventKind.MessageGenerated or LogEventKind.MessageParsed or LogEventKind.Other or LogEventKind.TrafficSelectorItem
        or LogEventKind.IkeSaStateChange or LogEventKind.Retransmit or LogEventKind.PeerRetransmitted);
}
