using System.Net;
using SeilDiag.Ike;
using SeilDiag.Logs.Diagnosis;
using SeilDiag.Logs.Events;
using SeilDiag.Logs.Reading;

namespace SeilDiag.Logs;

/// <summary>
/// One negotiation as one log saw it: an IKE SA (phase 1 and the Quick Modes under it), grouped by charon's unique id
/// (&lt;conn|N&gt;), racoon's cookies, or the peer address and time. Holds the catalogued events (capped), what was
/// learnt from them, the findings, and (when both ends' logs were given) the other end's view of the same negotiation.
/// </summary>
public sealed class LogSession
{
    /// <summary>Events kept per session; beyond this only decisive events are kept (a flapping tunnel must not grow without bound).</summary>
    public const int EventCap = 400;

    private readonly List<LogEvent> _events = [];

    internal LogSession(int id, string path, LogDaemon daemon)
    {
        Id = id;
        Path = path;
        Daemon = daemon;
    }

    public int Id { get; }

    public string Path { get; }

    public LogDaemon Daemon { get; }

    public string? ConnectionName { get; internal set; }

    public int UniqueId { get; internal set; }

    public IPEndPoint? Local { get; internal set; }

    public IPEndPoint? Remote { get; internal set; }

    /// <summary>True when this end started phase 1; null when the log does not say.</summary>
    public bool? IsInitiator { get; internal set; }

    public ExchangeMode? Mode { get; internal set; }

    /// <summary>racoon "icookie:rcookie" when printed.</summary>
    public string? Cookies { get; internal set; }

    public DateTimeOffset? Start { get; internal set; }

    public DateTimeOffset? End { get; internal set; }

    public bool Phase1Started { get; internal set; }

    public bool Phase1Established { get; internal set; }

    public int ChildSasEstablished { get; internal set; }

    public bool Closed { get; internal set; }

    /// <summary>Events dropped because of <see cref="EventCap"/>.</summary>
    public int DroppedEvents { get; private set; }

    public IReadOnlyList<LogEvent> Events => _events;

    /// <summary>The events as a list, for loops that must not enumerate through the interface (the diagnosis runs per IKE_SA).</summary>
    internal List<LogEvent> EventList => _events;

    /// <summary>What went wrong in this session (root causes first), one per cause.</summary>
    public IReadOnlyList<Finding> Findings { get; internal set; } = [];

    /// <summary>The same negotiation in the other end's log, when both were given.</summary>
    public LogSession? Counterpart { get; internal set; }

    /// <summary>"10.0.0.1&lt;-&gt;10.0.0.2" (addresses ordered) — the same for both ends' sessions of one tunnel.</summary>
    public string PairKey
    {
        get
        {
            if (Local is null || Remote is null)
            {
                return Remote is null ? $"{Path}#{Id}" : $"?<->{Remote.Address}";
            }
            var a = Local.Address.ToString();
            var b = Remote.Address.ToString();
            return string.CompareOrdinal(a, b) <= 0 ? $"{a}<->{b}" : $"{b}<->{a}";
        }
    }

    // Runs per line (or per IKE_SA) of gigabyte logs: compiled fully optimised at once. With tiering, the JIT kept
    // postponing tier-up while later stages compiled new code, and most of a run was spent in instrumented code.
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveOptimization)]
    internal void Add(LogEvent e, bool decisive)
    {
        if (_events.Count < EventCap || (decisive && _events.Count < EventCap * 2))
        {
            _events.Add(e);
        }
        else
        {
            DroppedEvents++;
        }
        Start ??= e.Time;
        End = e.Time ?? End;
    }

    /// <summary>Releases the events of a session that was already diagnosed (very long logs); findings keep their evidence.</summary>
    internal void Compact()
    {
        DroppedEvents += _events.Count;
        _events.Clear();
        _events.TrimExcess();
    }

    public string Story(string lang = "en") => Stories.StoryWriter.Write(this, lang);

    public override string ToString() => $"{System.IO.Path.GetFileName(Path)}#{Id} {ConnectionName ?? "?"} {Local}..{Remote}";
}
