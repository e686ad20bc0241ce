using System.IO.Compression;
using SeilDiag.Text;

namespace SeilDiag.Capture.Reading;

/// <summary>Opens a capture file of any supported format, gzip-compressed or not, as a frame stream.</summary>
public static class CaptureFile
{
    /// <summary>pcap or pcapng by content; gzip (1f 8b) is recognised so that ".pcapng.gz" works without unpacking.</summary>
    public static bool LooksLikeCapture(ReadOnlySpan<byte> head) =>
        PcapReader.IsPcapMagic(head) || PcapNgReader.IsPcapNgMagic(head) || (head.Length >= 2 && head[0] == 0x1f && head[1] == 0x8b);

    /// <summary>Opens <paramref name="path"/>; unusable input (missing, not a capture, shorter than a header) is an <see cref="InputException"/>.</summary>
    public static IFrameReader Open(string path, CaptureFindings findings)
    {
        if (Directory.Exists(path))
        {
            throw new InputException(path, "is a directory, expected a pcap or pcapng capture");
        }
        if (!File.Exists(path))
        {
            throw new InputException(path, "file not found");
        }
        Stream stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16, FileOptions.SequentialScan);
        try
        {
            var magic = new byte[2];
            var n = stream.ReadFully(magic);
            stream.Position = 0;
            if (n == 2 && magic[0] == 0x1f && magic[1] == 0x8b)
            {
                stream = new BufferedStream(new GZipStream(stream, CompressionMode.Decompress), 1 << 16);
            }
            return OpenStream(path, stream, findings);
        }
        catch
        {
            stream.Dispose();
            throw;
        }
    }

    public static IFrameReader OpenStream(string path, Stream stream, CaptureFindings findings)
    {
        var head = new byte[24];
        int got;
        try
        {
            got = stream.ReadFully(head.AsSpan(0, 8));
        }
        catch (InvalidDataException e)
        {
            throw new InputException(path, $"gzip data is corrupt ({e.Message})");
        }
        if (PcapNgReader.IsPcapNgMagic(head))
        {
            if (got < 8)
            {
                throw new InputException(path, $"file is {got} bytes: a pcapng file needs at least a 28-byte section header block");
            }
            return PcapNgReader.Open(stream, head.AsSpan(0, 8), findings);
        }
        if (PcapReader.IsPcapMagic(head))
        {
            got += stream.ReadFully(head.AsSpan(8, 16));
            if (got < 24)
            {
                throw new InputException(path, $"file is {got} bytes: a pcap file needs a 24-byte global header");
            }
            return PcapReader.Open(stream, head, findings);
        }
        throw new InputException(path, got == 0
            ? "file is empty, expected a pcap or pcapng capture"
            : $"not a pcap or pcapng capture (starts with {Convert.ToHexString(head, 0, Math.Min(got, 4)).ToLowerInvariant()}; expected a1b2c3d4, a1b23c4d or 0a0d0d0a, possibly gzip-compressed)");
    }
}
