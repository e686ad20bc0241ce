using SeilDiag.Diagnostics;
using SeilDiag.Model;

namespace SeilDiag.Capture;

/// <summary>Everything the capture front-end found in one capture.</summary>
public sealed class CaptureAnalysis
{
    public required string Path { get; init; }

    public required IReadOnlyList<Diagnostic> Diagnostics { get; init; }

    /// <summary>The ISAKMP SAs with their exchanges, in order of first appearance (Core's observed model).</summary>
    public required IReadOnlyList<ObservedIkeSa> ObservedSas { get; init; }

    /// <summary>Every packet, unless <see cref="CaptureOptions.RetainPackets"/> was false.</summary>
    public required IReadOnlyList<PacketSummary> Packets { get; init; }

    public required IReadOnlyList<EspSaSummary> EspSas { get; init; }

    public long FrameCount { get; init; }

    public long IsakmpCount { get; init; }

    public long EncryptedCount { get; init; }

    public long DecryptedCount { get; init; }

    public long EspCount { get; init; }

    public DateTimeOffset? FirstTime { get; init; }

    /// <summary>Per IKE SA, what a PSK proof needs (cookies, nonces, KE, hashes); see <see cref="PskProof"/>.</summary>
    public IReadOnlyList<Decryption.Ikev1SaCrypto> IkeSaMaterial { get; init; } = [];
}
