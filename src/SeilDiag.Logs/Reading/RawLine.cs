namespace SeilDiag.Logs.Reading;

/// <summary>
/// Splits a <see cref="TextReader"/> into lines without holding the input: one reusable buffer, the current line as
/// a span. Hand-written rather than TextReader.ReadLine because a single 50 MB line must not become a 50 MB string:
/// lines longer than <see cref="MaxLineChars"/> are cut, counted and reported.
/// </summary>
internal sealed class RawLineReader(TextReader reader)
{
    public const int MaxLineChars = 64 * 1024;

    private readonly TextReader _reader = reader;
    private char[] _buffer = new char[MaxLineChars * 2];
    private int _start;
    private int _end;
    private bool _eof;

    public int LineNumber { get; private set; }

    /// <summary>True when the last line returned was longer than <see cref="MaxLineChars"/> and was cut.</summary>
    public bool WasCut { get; private set; }

    /// <summary>Full length of the last line (also when cut).</summary>
    public long FullLength { get; private set; }

    // Runs per line (or per IKE_SA) of gigabyte logs: compiled fully optimised at once. With tiering, the JIT kept
    // postponing tier-up while later stages compiled new code, and most of a run was spent in instrumented code.
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveOptimization)]
    public bool TryRead(out ReadOnlySpan<char> line)
    {
        WasCut = false;
        while (true)
        {
            var pending = _buffer.AsSpan(_start, _end - _start);
            var nl = pending.IndexOf('\n');
            if (nl >= 0)
            {
                // Over the limit is cut even when the whole line happens to be in the buffer, so whether a line is cut
                // does not depend on where the reads fell (and matches Utf8LineReader).
                line = Trim(nl > MaxLineChars ? pending[..MaxLineChars] : pending[..nl]);
                WasCut = nl > MaxLineChars;
                FullLength = nl;
                _start += nl + 1;
                LineNumber++;
                return true;
            }
            if (_end - _start >= MaxLineChars)
            {
                // Overlong line: keep its head, discard the rest up to the next line break.
                line = Trim(pending[..MaxLineChars]);
                var head = line.ToString();
                var length = (long)(_end - _start);
                _start = _end = 0;
                length += SkipToNewline();
                WasCut = true;
                FullLength = length;
                LineNumber++;
                line = head;
                return true;
            }
            if (_eof)
            {
                if (_end > _start)
                {
                    line = Trim(pending);
                    FullLength = pending.Length;
                    _start = _end;
                    LineNumber++;
                    return true;
                }
                line = default;
                return false;
            }
            Fill();
        }
    }

    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveInlining)]
    private static ReadOnlySpan<char> Trim(ReadOnlySpan<char> line) =>
        line.Length > 0 && line[^1] == '\r' ? line[..^1] : line;

    private void Fill()
    {
        if (_start > 0)
        {
            Array.Copy(_buffer, _start, _buffer, 0, _end - _start);
            _end -= _start;
            _start = 0;
        }
        if (_end == _buffer.Length)
        {
            Array.Resize(ref _buffer, _buffer.Length * 2);
        }
        var read = _reader.Read(_buffer, _end, _buffer.Length - _end);
        if (read <= 0)
        {
            _eof = true;
        }
        else
        {
            _end += read;
        }
    }

    /// <summary>Consumes characters up to and including the next '\n'; returns how many were skipped.</summary>
    private long SkipToNewline()
    {
        long skipped = 0;
        while (true)
        {
            var read = _reader.Read(_buffer, 0, _buffer.Length);
            if (read <= 0)
            {
                _eof = true;
                return skipped;
            }
            var nl = _buffer.AsSpan(0, read).IndexOf('\n');
            if (nl >= 0)
            {
                skipped += nl;
                _start = nl + 1;
                _end = read;
                return skipped;
            }
            skipped += read;
        }
    }
}
