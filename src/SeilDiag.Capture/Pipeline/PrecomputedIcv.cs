using SeilDiag.Capture.Esp;
using SeilDiag.Capture.Reading;

namespace SeilDiag.Capture.Pipeline;

/// <summary>
/// An ESP ICV verdict computed ahead of the analysis, valid only for exactly the bytes it was computed on: the
/// same frame, the same offset and length inside it, the same esp_sa entry. Anything else (fragments, UDP
/// encapsulation, nested ESP) is verified by the analysis thread itself, so the results cannot differ.
/// </summary>
internal readonly record struct PrecomputedIcv(long Frame, int EspOffset, int EspLength, EspSaEntry Entry, IcvStatus Icv)
{
    public IcvStatus? IcvFor(CaptureFrame frame, ReadOnlySpan<byte> esp, EspSaEntry? entry) =>
        frame.Number == Frame && ReferenceEquals(entry, Entry) && esp.Length == EspLength
        && frame.Data.Span.Overlaps(esp, out var offset) && offset == EspOffset
            ? Icv
            : null;
}
