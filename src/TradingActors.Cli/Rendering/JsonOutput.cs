using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace TradingActors.Cli.Rendering;

/// <summary>
/// JSON written straight to the output as it is produced — a report of a million events with its risk decisions is
/// tens of megabytes — indented, with characters such as <c>&gt;</c> and quotes kept readable (not for HTML).
/// </summary>
public static class JsonOutput
{
    private static readonly JsonWriterOptions Options = new()
    {
        Indented = true,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    /// <summary>Writes one JSON value with <paramref name="write"/>, then a newline.</summary>
    public static void Write(TextWriter stdout, Action<Utf8JsonWriter> write)
    {
        stdout.Flush();
        using var stream = stdout == Console.Out
            ? new BufferedStream(Console.OpenStandardOutput(), 1 << 16)
            : (Stream)new TextWriterStream(stdout);
        using (var writer = new Utf8JsonWriter(stream, Options))
        {
            write(writer);
        }
        stream.Write("\n"u8);
    }

    /// <summary>A write-only stream decoding UTF-8 into a <see cref="TextWriter"/> (tests capture output this way).</summary>
    private sealed class TextWriterStream(TextWriter writer) : Stream
    {
        private readonly Decoder _decoder = Encoding.UTF8.GetDecoder();

        public override bool CanRead => false;
        public override bool CanSeek => false;
        public override bool CanWrite => true;
        public override long Length => throw new NotSupportedException();
        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

        public override void Write(byte[] buffer, int offset, int count) => Write(buffer.AsSpan(offset, count));

        public override void Write(ReadOnlySpan<byte> buffer)
        {
            var chars = new char[_decoder.GetCharCount(buffer, flush: false)];
            var n = _decoder.GetChars(buffer, chars, flush: false);
            writer.Write(chars, 0, n);
        }

        public override void Flush() => writer.Flush();
        public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();
        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
    }
}
