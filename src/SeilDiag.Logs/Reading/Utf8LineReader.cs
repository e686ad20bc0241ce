using System.Buffers;
using System.Text;

namespace SeilDiag.Logs.Reading;

/// <summary>
/// Splits a UTF-8 stream into lines on the bytes: one pooled buffer, <c>IndexOf((byte)'\n')</c>, the current line as
/// a byte span. Nothing is decoded here: nearly every line of a big log is printable ASCII, whose bytes already are
/// its characters, and most lines are dropped after a look at their prefix. The front-end decodes only the lines it
/// keeps or that are not plain ASCII (<see cref="Decode"/>, the same replacement rules as the <see cref="StreamReader"/>
/// of <see cref="LogInput.Open"/>: one U+FFFD per invalid sequence).
/// Lines longer than <see cref="RawLineReader.MaxLineChars"/> characters are cut like <see cref="RawLineReader"/>
/// cuts them: the head is kept, the rest is skipped without being held (a 50 MB line never becomes a 50 MB buffer).
/// </summary>
internal sealed class Utf8LineReader : IDisposable
{
    public const int BufferBytes = 1 << 18;

    private static readonly UTF8Encoding Utf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: false);

    private readonly Stream _stream;
    private byte[] _buffer;
    private char[] _chars;
    private readonly Decoder _decoder = Utf8.GetDecoder();
    private int _start;
    private int _end;
    private bool _eof;
    private bool _first = true;

    /// <param name="bufferBytes">Read size; tests use a few bytes to put line ends, CRs and multibyte characters on every boundary.</param>
    public Utf8LineReader(Stream stream, int bufferBytes = BufferBytes)
    {
        _stream = stream;
        _buffer = ArrayPool<byte>.Shared.Rent(bufferBytes);
        // Decoded characters never outnumber the bytes (at most one U+FFFD per byte), so a line that fits the limit
        // in bytes fits here; longer lines keep only their head.
        _chars = ArrayPool<char>.Shared.Rent(RawLineReader.MaxLineChars + 1);
    }

    public int LineNumber { get; private set; }

    /// <summary>True when the last line was longer than <see cref="RawLineReader.MaxLineChars"/> characters and was cut.</summary>
    public bool WasCut { get; private set; }

    /// <summary>Length in characters of the last long line (also when cut); only meaningful after a decoded long line.</summary>
    public long FullLength { get; private set; }

    /// <summary>
    /// True when a stream starts with a UTF-16 or UTF-32 byte order mark: <see cref="StreamReader"/> switches to that
    /// encoding, so such a file goes through the text reader instead (peeks and seeks back; needs a seekable stream).
    /// </summary>
    public static bool StartsWithNonUtf8Bom(Stream stream)
    {
        Span<byte> head = stackalloc byte[4];
        var read = 0;
        while (read < 4)
        {
            var n = stream.Read(head[read..]);
            if (n <= 0)
            {
                break;
            }
            read += n;
        }
        stream.Seek(-read, SeekOrigin.Current);
        head = head[..read];
        return head.StartsWith((ReadOnlySpan<byte>)[0xFE, 0xFF]) || head.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xFE])
            || head.StartsWith((ReadOnlySpan<byte>)[0x00, 0x00, 0xFE, 0xFF]);
    }

    /// <summary>
    /// The next line without its "\n" and one trailing "\r". A line that fits the limit comes back as
    /// <paramref name="bytes"/> (<paramref name="decoded"/> empty); a longer one comes back already decoded (its head
    /// when cut, see <see cref="WasCut"/>) in <paramref name="decoded"/>.
    /// </summary>
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveOptimization)]
    public bool TryRead(out ReadOnlySpan<byte> bytes, out ReadOnlySpan<char> decoded, out bool isDecoded)
    {
        WasCut = false;
        isDecoded = false;
        decoded = default;
        while (true)
        {
            var pending = _buffer.AsSpan(_start, _end - _start);
            var nl = pending.IndexOf((byte)'\n');
            if (nl >= 0)
            {
                _start += nl + 1;
                LineNumber++;
                if (nl > RawLineReader.MaxLineChars)
                {
                    decoded = DecodeLong(pending[..nl], complete: true);
                    isDecoded = true;
                    bytes = default;
                    return true;
                }
                bytes = Trim(pending[..nl]);
                return true;
            }
            if (_eof)
            {
                if (_end > _start)
                {
                    _start = _end;
                    LineNumber++;
                    if (pending.Length > RawLineReader.MaxLineChars)
                    {
                        decoded = DecodeLong(pending, complete: true);
                        isDecoded = true;
                        bytes = default;
                        return true;
                    }
                    bytes = Trim(pending);
                    return true;
                }
                bytes = default;
                return false;
            }
            if (_start == 0 && _end == _buffer.Length)
            {
                // A line longer than the whole buffer: decode its head, count and skip the rest up to the next "\n".
                decoded = ReadOverlong();
                isDecoded = true;
                LineNumber++;
                bytes = default;
                return true;
            }
            Fill();
        }
    }

    /// <summary>Decodes a line that is not plain ASCII (fits the limit) with the same replacement rules as the text reader.</summary>
    public ReadOnlySpan<char> Decode(ReadOnlySpan<byte> line)
    {
        var n = Utf8.GetChars(line, _chars);
        return _chars.AsSpan(0, n);
    }

    /// <summary>Widens a printable ASCII line (its bytes are its characters) into the reusable character buffer.</summary>
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveInlining)]
    public ReadOnlySpan<char> Widen(ReadOnlySpan<byte> ascii)
    {
        Ascii.ToUtf16(ascii, _chars, out var n);
        return _chars.AsSpan(0, n);
    }

    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveInlining)]
    private static ReadOnlySpan<byte> Trim(ReadOnlySpan<byte> line) =>
        line.Length > 0 && line[^1] == (byte)'\r' ? line[..^1] : line;

    private void Fill()
    {
        if (_first)
        {
            _first = false;
            ReadMore();
            // StreamReader drops a UTF-8 byte order mark at the start of the stream.
            if (_end - _start >= 3 && _buffer[0] == 0xEF && _buffer[1] == 0xBB && _buffer[2] == 0xBF)
            {
                _start = 3;
            }
            return;
        }
        if (_start > 0)
        {
            Buffer.BlockCopy(_buffer, _start, _buffer, 0, _end - _start);
            _end -= _start;
            _start = 0;
        }
        ReadMore();
    }

    private void ReadMore()
    {
        var read = _stream.Read(_buffer, _end, _buffer.Length - _end);
        if (read <= 0)
        {
            _eof = true;
        }
        else
        {
            _end += read;
        }
    }

    // ---- long lines (rare): decoded with a stateful decoder so a sequence split between reads decodes as one ----

    private int _headLength;
    private long _charCount;

    private void BeginLong()
    {
        _decoder.Reset();
        _headLength = 0;
        _charCount = 0;
    }

    /// <summary>Decodes one piece of a long line: keeps up to the limit of characters (plus one, to know it was exceeded) and counts them all.</summary>
    private void DecodePiece(ReadOnlySpan<byte> piece, bool flush)
    {
        Span<char> scratch = stackalloc char[4096];
        var completed = false;
        while (!completed)
        {
            _decoder.Convert(piece, scratch, flush, out var used, out var produced, out completed);
            var keep = Math.Min(produced, _chars.Length - _headLength);
            scratch[..keep].CopyTo(_chars.AsSpan(_headLength));
            _headLength += keep;
            _charCount += produced;
            piece = piece[used..];
            if ((piece.IsEmpty && !flush) || (used == 0 && produced == 0))
            {
                break;
            }
        }
    }

    private ReadOnlySpan<char> DecodeLong(ReadOnlySpan<byte> line, bool complete)
    {
        BeginLong();
        DecodePiece(line, flush: complete);
        return EndLong();
    }

    /// <summary>Same outcome as <see cref="RawLineReader"/>: over the limit, the head is returned (one "\r" trimmed) and the full length recorded.</summary>
    private ReadOnlySpan<char> EndLong()
    {
        FullLength = _charCount;
        if (_charCount > RawLineReader.MaxLineChars)
        {
            WasCut = true;
            var head = _chars.AsSpan(0, RawLineReader.MaxLineChars);
            return head.Length > 0 && head[^1] == '\r' ? head[..^1] : head;
        }
        var all = _chars.AsSpan(0, _headLength);
        return all.Length > 0 && all[^1] == '\r' ? all[..^1] : all;
    }

    private ReadOnlySpan<char> ReadOverlong()
    {
        BeginLong();
        while (true)
        {
            var pending = _buffer.AsSpan(_start, _end - _start);
            var nl = pending.IndexOf((byte)'\n');
            if (nl >= 0)
            {
                DecodePiece(pending[..nl], flush: true);
                _start += nl + 1;
                return EndLong();
            }
            DecodePiece(pending, flush: false);
            _start = _end = 0;
            if (_eof)
            {
                DecodePiece([], flush: true);
                return EndLong();
            }
            ReadMore();
            if (_eof && _end == 0)
            {
                DecodePiece([], flush: true);
                return EndLong();
            }
        }
    }

    public void Dispose()
    {
        ArrayPool<byte>.Shared.Return(_buffer);
        ArrayPool<char>.Shared.Return(_chars);
        _buffer = [];
        _chars = [];
    }
}
