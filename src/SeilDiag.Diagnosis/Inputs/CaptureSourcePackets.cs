using System.Net;
using SeilDiag.Capture;

namespace SeilDiag.Diagnosis;

/// <summary>One ISAKMP packet of a capture as the correlation needs it.</summary>
public sealed record CapturedPacket(long Frame, DateTimeOffset Time, IPAddress? From, IPAddress? To, string Info)
{
    /// <summary>The ISAKMP message length from its header (0 when the packet is not ISAKMP).</summary>
    public int IsakmpLength { get; init; }

    public uint? MessageId { get; init; }

    public ulong? InitiatorCookie { get; init; }

    public ulong? ResponderCookie { get; init; }

    /// <summary>ISAKMP exchange type (2 Main Mode, 4 Aggressive, 5 Informational, 32 Quick Mode).</summary>
    public byte Exchange { get; init; }

    /// <summary>A retransmission of an earlier frame (not the first packet of its exchange).</summary>
    public bool IsRetransmission { get; init; }
}

/// <summary>The ISAKMP packets of one capture.</summary>
public sealed record CaptureSourcePackets(string Path, IReadOnlyList<CapturedPacket> Packets)
{
    /// <summary>Needs the capture analysed with <c>CaptureOptions.RetainPackets</c> (the default) or the packets observed.</summary>
    public static CaptureSourcePackets From(CaptureAnalysis analysis) => From(analysis.Path, analysis.Packets);

    public static CaptureSourcePackets From(string path, IEnumerable<PacketSummary> packets) =>
        new(path, packets.Where(p => p.Isakmp is not null).Select(ToCaptured).ToList());

    /// <summary>
    /// For captures analysed without retaining packets (<c>RetainPackets = false</c>, as the CLI does for large
    /// files): pass <see cref="CapturePacketCollector.Observe"/> as <c>CaptureOptions.PacketObserver</c> and call
    /// <see cref="CapturePacketCollector.ToSource"/> afterwards. Only ISAKMP packets are kept (a few bytes each).
    /// </summary>
    public static CapturePacketCollector Collect(string path) => new(path);

    internal static CapturedPacket ToCaptured(PacketSummary p) =>
        new(p.Frame, p.Time, Address(p.Source), Address(p.Destination), p.Info)
        {
            IsakmpLength = (int)(p.Isakmp?.Length ?? 0),
            MessageId = p.Isakmp?.MessageId,
            InitiatorCookie = p.Isakmp?.InitiatorCookie,
            ResponderCookie = p.Isakmp?.ResponderCookie,
            Exchange = p.Isakmp?.ExchangeType ?? 0,
            IsRetransmission = p.RetransmissionOf is not null,
        };

    /// <summary>"10.0.0.1", "10.0.0.1:500" or "[2001:db8::1]:500" → the address.</summary>
    internal static IPAddress? Address(string endpoint)
    {
        if (IPAddress.TryParse(endpoint, out var plain))
        {
            return plain;
        }
        return IPEndPoint.TryParse(endpoint, out var withPort) ? withPort.Address : null;
    }
}

/// <summary>Keeps the ISAKMP packets of a streamed capture for the correlation (see <see cref="CaptureSourcePackets.Collect"/>).</summary>
public sealed class CapturePacketCollector(string path)
{
    private readonly List<CapturedPacket> _packets = [];

    public void Observe(PacketSummary packet)
    {
        if (packet.Isakmp is not null)
        {
            _packets.Add(CaptureSourcePackets.ToCaptured(packet));
        }
    }

    public CaptureSourcePackets ToSource() => new(path, [.. _packets]);
}
