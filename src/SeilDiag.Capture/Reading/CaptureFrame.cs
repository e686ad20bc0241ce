namespace SeilDiag.Capture.Reading;

/// <summary>
/// One captured frame as the file stores it. <see cref="Data"/> is only valid until the reader reads the
/// next frame: readers reuse one buffer so that a multi-gigabyte capture is read with flat memory.
/// </summary>
public readonly record struct CaptureFrame(long Number, DateTimeOffset Time, LinkType LinkType, ReadOnlyMemory<byte> Data, int OriginalLength);

/// <summary>Link-layer header types (tcpdump.org LINKTYPE_ values) that the front-end decodes.</summary>
public enum LinkType
{
    Null = 0,
    Ethernet = 1,
    Raw = 101,
    RawBsd12 = 12,
    RawBsd14 = 14,
    Loop = 108,
    LinuxSll = 113,
    Ipv4 = 228,
    Ipv6 = 229,
    LinuxSll2 = 276,
}
