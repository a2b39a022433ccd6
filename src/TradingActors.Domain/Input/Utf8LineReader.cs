namespace TradingActors.Domain.Input;

/// <summary>
/// Physical lines of a stream as UTF-8 bytes, in a reused buffer: no string per line. A line ends at LF, CR LF or CR
/// (as Java's <c>readLine</c>, which the JVM build counted lines with); a leading UTF-8 byte-order mark is skipped.
/// </summary>
internal sealed class Utf8LineReader(Stream stream) : IDisposable
{
    private static ReadOnlySpan<byte> ByteOrderMark => [0xEF, 0xBB, 0xBF];

    private byte[] _buffer = new byte[1 << 16];
    private int _start;
    private int _end;
    private bool _eof;
    private bool _started;

    /// <summary>The buffer holding the line last returned; valid until the next <see cref="TryReadLine"/>.</summary>
    public byte[] Buffer => _buffer;

    /// <summary>1-based number of the line last returned.</summary>
    public long LineNumber { get; private set; }

    /// <summary>The next line, without its terminator, as a range of <see cref="Buffer"/>; false at the end.</summary>
    public bool TryReadLine(out int start, out int length)
    {
        if (!_started)
        {
            SkipByteOrderMark();
        }
        var scanFrom = _start;
        while (true)
        {
            var found = _buffer.AsSpan(scanFrom, _end - scanFrom).IndexOfAny((byte)'\n', (byte)'\r');
            if (found >= 0)
            {
                var eol = scanFrom + found;
                if (_buffer[eol] == '\r' && eol + 1 == _end && !_eof)
                {
                    // Whether an LF follows the CR is in the next block.
                    scanFrom = eol - Fill();
                    continue;
                }
                start = _start;
                length = eol - _start;
                _start = _buffer[eol] == '\r' && eol + 1 < _end && _buffer[eol + 1] == '\n' ? eol + 2 : eol + 1;
                LineNumber++;
                return true;
            }
            if (_eof)
            {
                start = _start;
                length = _end - _start;
                _start = _end;
                if (length == 0)
                {
                    return false;
                }
                LineNumber++;
                return true;
            }
            var scanned = _end;
            scanFrom = scanned - Fill();
        }
    }

    public void Dispose() => stream.Dispose();

    private void SkipByteOrderMark()
    {
        _started = true;
        while (_end - _start < ByteOrderMark.Length && !_eof)
        {
            Fill();
        }
        if (_buffer.AsSpan(_start, _end - _start).StartsWith(ByteOrderMark))
        {
            _start += ByteOrderMark.Length;
        }
    }

    /// <summary>
    /// Moves the unread bytes to the front (growing the buffer when they fill it) and reads one block after them;
    /// returns how far the unread bytes moved, so positions into the buffer can be adjusted.
    /// </summary>
    private int Fill()
    {
        var shift = _start;
        if (shift > 0)
        {
            _buffer.AsSpan(_start, _end - _start).CopyTo(_buffer);
            _end -= shift;
            _start = 0;
        }
        if (_end == _buffer.Length)
        {
            Array.Resize(ref _buffer, _buffer.Length * 2);
        }
        var read = stream.Read(_buffer, _end, _buffer.Length - _end);
        if (read == 0)
        {
            _eof = true;
        }
        _end += read;
        return shift;
    }
}
