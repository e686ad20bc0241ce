namespace SeilDiag.Capture.Reading;

internal static class StreamExtensions
{
    /// <summary>Reads up to <paramref name="count"/> bytes; fewer only at the end of the stream (GZipStream returns short reads).</summary>
    public static int ReadFully(this Stream stream, Span<byte> buffer)
    {
        var total = 0;
        while (total < buffer.Length)
        {
            var n = stream.Read(buffer[total..]);
            if (n == 0)
            {
                break;
            }
            total += n;
        }
        return total;
    }

    /// <summary>Skips bytes of a forward-only stream (GZipStream cannot seek).</summary>
    public static long Skip(this Stream stream, long count, byte[] scratch)
    {
        long skipped = 0;
        while (skipped < count)
        {
            var n = stream.Read(scratch, 0, (int)Math.Min(scratch.Length, count - skipped));
            if (n == 0)
            {
                break;
            }
            skipped += n;
        }
        return skipped;
    }
}
