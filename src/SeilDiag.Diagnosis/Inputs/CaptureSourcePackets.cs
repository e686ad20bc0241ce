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
}

/// <summary>The ISAKMP packets of one capture.</summary>
public sealed record CaptureSourcePackets(string Path, IReadOnlyList<CapturedPacket> Packets)
{
    /// <summary>Needs the capture analysed with <c>CaptureOptions.RetainPackets</c> (the default) or the packets observed.</summary>
    public static CaptureSourcePackets From(CaptureAnalysis analysis) => From(analysis.Path, analysis.Packets);

    public static CaptureSourcePackets From(string path, IEnumerable<PacketSummary> packets) =>
        new(path, packets.Where(p => p.Isakmp is not null).Select(ToCaptured).ToList());

    private static CapturedPacket ToCaptured(PacketSummary p) =>
        new(p.Frame, p.Time, Address(p.Source), Address(p.Destination), p.Info)
        {
            IsakmpLength = (int)(p.Isakmp?.Length ?? 0),
            MessageId = p.Isakmp?.MessageId,
            InitiatorCookie = p.Isakmp?.InitiatorCookie,
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
