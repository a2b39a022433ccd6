using System.Text;
using TradingActors.Domain.Input;

namespace TradingActors.Domain.Tests.Input;

/// <summary>
/// The JSON Lines line splitter (C# only: the JVM build used <c>BufferedReader.readLine</c>, whose rules it keeps):
/// LF, CR LF and CR end a line; a UTF-8 byte-order mark is skipped; lines may cross and outgrow the read buffer.
/// </summary>
public sealed class Utf8LineReaderTests
{
    [Theory]
    [InlineData("a\nb\r\nc\rd", new[] { "a", "b", "c", "d" })]
    [InlineData("a\n\nb\n", new[] { "a", "", "b" })]
    [InlineData("a\r\n\r\n", new[] { "a", "" })]
    [InlineData("\r", new[] { "" })]
    [InlineData("", new string[0])]
    [InlineData("\uFEFFa\n", new[] { "a" })]
    [InlineData("\uFEFF", new string[0])]
    [InlineData("a\uFEFF", new[] { "a\uFEFF" })]
    public void Lines_end_at_lf_crlf_or_cr(string text, string[] expected)
    {
        Assert.Equal(expected, Lines(Encoding.UTF8.GetBytes(text), chunk: int.MaxValue));
    }

    [Fact]
    public void Lines_read_a_byte_at_a_time_are_the_same_lines()
    {
        var text = "\uFEFF{\"a\":1}\r\n\r\n{\"b\":\"é\"}\r{\"c\":3}\n";

        Assert.Equal(["{\"a\":1}", "", "{\"b\":\"é\"}", "{\"c\":3}"], Lines(Encoding.UTF8.GetBytes(text), chunk: 1));
    }

    [Fact]
    public void A_line_longer_than_the_buffer_is_read_whole()
    {
        var longLine = new string('x', 200_000);
        var text = "first\r\n" + longLine + "\r\nlast";

        Assert.Equal(["first", longLine, "last"], Lines(Encoding.UTF8.GetBytes(text), chunk: 7_919));
    }

    [Fact]
    public void A_cr_at_the_end_of_a_block_still_pairs_with_the_lf_after_it()
    {
        // 65 535 bytes then CR LF: the CR is the last byte of the first 64 KiB block.
        var first = new string('a', 65_535);
        var text = first + "\r\nb\r\n";

        var lines = new List<string>();
        long lastNumber = 0;
        using var reader = new Utf8LineReader(new MemoryStream(Encoding.UTF8.GetBytes(text)));
        while (reader.TryReadLine(out var start, out var length))
        {
            lines.Add(Encoding.UTF8.GetString(reader.Buffer, start, length));
            lastNumber = reader.LineNumber;
        }

        Assert.Equal([first, "b"], lines);
        Assert.Equal(2, lastNumber);
    }

    private static List<string> Lines(byte[] bytes, int chunk)
    {
        var lines = new List<string>();
        using var reader = new Utf8LineReader(new TrickleStream(bytes, chunk));
        while (reader.TryReadLine(out var start, out var length))
        {
            lines.Add(Encoding.UTF8.GetString(reader.Buffer, start, length));
            Assert.Equal(lines.Count, reader.LineNumber);
        }
        return lines;
    }

    /// <summary>A stream that hands out at most <c>chunk</c> bytes a read, as pipes and slow disks may.</summary>
    private sealed class TrickleStream(byte[] bytes, int chunk) : MemoryStream(bytes)
    {
        public override int Read(byte[] buffer, int offset, int count) =>
            base.Read(buffer, offset, Math.Min(count, chunk));
    }
}
