using System.Net;
using SeilDiag.Logs.Reading;

namespace SeilDiag.Logs.Events;

/// <summary>
/// One catalogued log message with the fields it carries. Only lines that become events are kept (with their text
/// as the evidence excerpt); all other lines are counted and forgotten, so a gigabyte log is not held in memory.
/// </summary>
public sealed class LogEvent
{
    public required LogEventKind Kind { get; init; }

    public required string Path { get; init; }

    public required int Line { get; init; }

    public DateTimeOffset? Time { get; init; }

    public LogDaemon Daemon { get; init; }

    public LogFormat Format { get; init; }

    /// <summary>The whole line as written (the evidence excerpt). It may contain secrets only if the log does; key-table lines are never events.</summary>
    public required string Text { get; init; }

    /// <summary>Where the message starts in <see cref="Text"/> (after time, host, thread, group, IKE_SA name).</summary>
    public int MessageOffset { get; init; }

    /// <summary>The message without its prefix.</summary>
    public string Message => MessageOffset <= Text.Length ? Text[MessageOffset..] : Text;

    /// <summary>charon IKE_SA name and unique id from ike_name (&lt;conn|3&gt;), when printed.</summary>
    public string? ConnName { get; init; }

    public int UniqueId { get; init; }

    /// <summary>This end's address (when the message tells it).</summary>
    public IPEndPoint? Local { get; set; }

    /// <summary>The other end's address.</summary>
    public IPEndPoint? Remote { get; set; }

    /// <summary>Exchange name as printed (ID_PROT, AGGRESSIVE, QUICK_MODE, INFORMATIONAL_V1; racoon mode names).</summary>
    public string? Exchange { get; set; }

    public bool IsResponse { get; set; }

    public uint? MessageId { get; set; }

    public IReadOnlyList<string> Payloads { get; set; } = [];

    /// <summary>Notify types in RFC 2408 names (NO-PROPOSAL-CHOSEN, ...).</summary>
    public IReadOnlyList<string> Notifies { get; set; } = [];

    public IReadOnlyList<LoggedProposal> Proposals { get; set; } = [];

    /// <summary>Free detail: transform type, payload type, identity, SPI, TS text, mode, notify name.</summary>
    public string? Detail { get; set; }

    public string? Detail2 { get; set; }

    public string? Detail3 { get; set; }

    public int Number { get; set; }

    public override string ToString() => $"{Path}:{Line} {Kind} {Text}";
}
