namespace SeilDiag.Capture;

/// <summary>How much of a capture the analysis keeps.</summary>
public sealed record CaptureOptions
{
    public static CaptureOptions Default { get; } = new();

    /// <summary>
    /// Keep every packet's summary in <see cref="CaptureAnalysis.Packets"/> (default). Set false for huge
    /// captures: memory stays flat, ESP SA counters and IKE SAs are still complete; use <see cref="PacketObserver"/> to stream.
    /// </summary>
    public bool RetainPackets { get; init; } = true;

    /// <summary>
    /// Keep the bytes of every IKE payload (decrypted bodies) and of every decrypted ESP inner packet, for the
    /// JSON hex output. Off by default so large captures do not hold their payloads in memory.
    /// </summary>
    public bool KeepPayloadBytes { get; init; }

    /// <summary>Called for every packet as it is decoded (streaming output); runs before the summary is retained or dropped.</summary>
    public Action<PacketSummary>? PacketObserver { get; init; }

    /// <summary>
    /// Read capture files on a second thread, which also verifies plain ESP ICVs (only with two or more cores).
    /// Results are identical either way. Off by default: on the shared 2-core build machine it cost ~15 % more CPU
    /// (every frame is copied and crosses cores) and did not shorten wall time; it can pay off on idle cores.
    /// See benchmarks/SeilDiag.Capture.Bench/README.md.
    /// </summary>
    public bool ReadAhead { get; init; }

    /// <summary>Stop after this many frames (0 = all).</summary>
    public long MaxFrames { get; init; }
}
