using SeilDiag.Capture.Esp;
using SeilDiag.Capture.Isakmp;
using SeilDiag.Model;

namespace SeilDiag.Capture;

public enum PacketKind
{
    /// <summary>An IKEv1 (ISAKMP) message on UDP 500 or 4500.</summary>
    Isakmp,
    /// <summary>An IKEv2 message (shown, not dissected further: SeilDiag is about IKEv1).</summary>
    Ikev2,
    Esp,
    NatKeepalive,
    /// <summary>Anything else with an IP header (ICMP errors, other UDP/TCP).</summary>
    Other,
    /// <summary>A fragment held for reassembly (the datagram is shown on the frame that completes it).</summary>
    Fragment,
    /// <summary>Could not be decoded (see the SD0024 diagnostic for this frame).</summary>
    Malformed,
}

public enum DecryptStatus
{
    NotEncrypted,
    Decrypted,
    /// <summary>A byte-identical retransmission of an earlier message; decrypted with the original's IV.</summary>
    RetransmissionDecrypted,
    Failed,
}

/// <summary>One packet as the text and JSON outputs show it (like one line of tshark).</summary>
public sealed class PacketSummary
{
    public required long Frame { get; init; }

    public required DateTimeOffset Time { get; init; }

    /// <summary>Seconds since the first frame.</summary>
    public double RelativeTime { get; init; }

    public required int Length { get; init; }

    public required PacketKind Kind { get; init; }

    public string Source { get; init; } = "";

    public string Destination { get; init; } = "";

    /// <summary>The tshark-like info column.</summary>
    public string Info { get; set; } = "";

    // ---- ISAKMP -------------------------------------------------------------------------------

    public IsakmpHeader? Isakmp { get; init; }

    /// <summary>UDP 4500 with the four-zero-byte non-ESP marker (RFC 3948).</summary>
    public bool NonEspMarker { get; init; }

    public DecryptStatus Decryption { get; set; }

    public string? DecryptionFailure { get; set; }

    public IReadOnlyList<IsakmpPayload> Payloads { get; set; } = [];

    /// <summary>The decrypted message body (after the header, padding included) when payload bytes are kept.</summary>
    public byte[]? DecryptedBody { get; set; }

    public MessageDirection? Direction { get; set; }

    /// <summary>What the NAT-D payloads of this message say about NAT between the peers (RFC 3947), when it has any.</summary>
    public string? NatDetection { get; set; }

    /// <summary>Frame number of the original when this message is a byte-identical retransmission.</summary>
    public long? RetransmissionOf { get; set; }

    // ---- ESP ----------------------------------------------------------------------------------

    public uint? Spi { get; init; }

    public uint? Sequence { get; init; }

    public bool UdpEncapsulated { get; init; }

    public bool? EspDecrypted { get; set; }

    public IcvStatus? Icv { get; set; }

    public string? Inner { get; set; }

    public byte[]? InnerPacket { get; set; }

    /// <summary>The payload list the way the lab summaries write it: SA expanded to its proposals and transforms.</summary>
    public string PayloadList => "[" + string.Join(",", Payloads.SelectMany(Expand)) + "]";

    private static IEnumerable<string> Expand(IsakmpPayload p)
    {
        yield return p.ShortName;
        if (p.Proposals is { } proposals)
        {
            foreach (var proposal in proposals)
            {
                yield return "P";
                foreach (var _ in proposal.Transforms)
                {
                    yield return "T";
                }
            }
        }
    }
}
