using System.Net;
using SeilDiag.Capture.Esp;

namespace SeilDiag.Capture;

/// <summary>One ESP SA (SPI and addresses) seen in the capture, with its decryption verdict.</summary>
public sealed class EspSaSummary
{
    public required uint Spi { get; init; }

    public required IPAddress Source { get; init; }

    public required IPAddress Destination { get; init; }

    public bool UdpEncapsulated { get; set; }

    public long FirstFrame { get; set; }

    public long LastFrame { get; set; }

    public long Packets { get; set; }

    public long Bytes { get; set; }

    public long Decrypted { get; set; }

    public long IcvGood { get; set; }

    public long IcvBad { get; set; }

    public long Undecryptable { get; set; }

    /// <summary>The esp_sa entry used (where it is written), null when no entry matched.</summary>
    public EspSaEntry? Key { get; set; }

    public uint? LastSequence { get; set; }

    /// <summary>The Quick Mode that created this SA (initiator cookie and message ID), when it is in the capture.</summary>
    public ulong? QuickModeCookie { get; set; }

    public uint? QuickModeMessageId { get; set; }

    public long? QuickModeFrame { get; set; }

    public string? Problem { get; set; }

    public string Verdict => Key is null ? "no key"
        : Undecryptable > 0 && Decrypted == 0 ? "undecryptable"
        : IcvBad > 0 ? $"ICV failed on {IcvBad} of {Packets}"
        : IcvGood == Packets ? "decrypted, ICV good"
        : Decrypted == Packets ? "decrypted, ICV not checked"
        : $"decrypted {Decrypted} of {Packets}";
}
