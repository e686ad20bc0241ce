using SeilDiag.Diagnostics;

namespace SeilDiag.Capture.Reading;

/// <summary>Collects the diagnostics of one capture: readers and decoders report here instead of throwing.</summary>
public sealed class CaptureFindings(string path)
{
    private readonly List<Diagnostic> _diagnostics = [];

    public string Path { get; } = path;

    public IReadOnlyList<Diagnostic> Diagnostics => _diagnostics;

    public void Add(Diagnostic diagnostic) => _diagnostics.Add(diagnostic);

    /// <summary>SD0024 for a malformed block or packet; <paramref name="frame"/> is null for file-level problems.</summary>
    public void Corrupt(long? frame, string message)
    {
        var location = frame is { } f ? Location.InCapture(Path, f) : new Location { Path = Path };
        _diagnostics.Add(Diagnostic.Create(Rules.CorruptPacket, location, message));
    }
}
