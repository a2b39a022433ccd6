using System.Globalization;
using System.Text;

namespace TradingActors.Domain.Input;

/// <summary>
/// Input files are UTF-8 text. A byte-order mark is skipped (spreadsheet exports on Windows write one, and it would
/// otherwise become part of the first column name), and undecodable bytes are an error rather than silently replaced
/// characters. Whitespace is Java's <c>Character.isWhitespace</c>, as the JVM build stripped cells with it: Unicode
/// space, line and paragraph separators except the non-breaking ones, plus the ASCII controls TAB to CR and FS to US.
/// </summary>
internal static class InputText
{
    /// <summary>
    /// Strict UTF-8: throws <see cref="DecoderFallbackException"/> on bad bytes; its preamble is the BOM.
    /// </summary>
    public static readonly UTF8Encoding StrictUtf8 =
        new(encoderShouldEmitUTF8Identifier: true, throwOnInvalidBytes: true);

    /// <summary>
    /// A strict UTF-8 reader of the stream that skips a leading byte-order mark (and only a UTF-8 one).
    /// </summary>
    public static StreamReader Reader(Stream stream, int bufferSize, bool leaveOpen = false) =>
        new(stream, StrictUtf8, detectEncodingFromByteOrderMarks: false, bufferSize, leaveOpen);

    /// <summary>Java's <c>Character.isWhitespace</c> for a BMP character.</summary>
    public static bool IsWhitespace(int c)
    {
        if (c <= ' ')
        {
            return c == ' ' || c is >= '\t' and <= '\r' || c is >= '\u001C' and <= '\u001F';
        }
        if (c < 0x80 || c is '\u00A0' or '\u2007' or '\u202F' || c > char.MaxValue)
        {
            return false;
        }
        return CharUnicodeInfo.GetUnicodeCategory((char)c) is UnicodeCategory.SpaceSeparator
            or UnicodeCategory.LineSeparator or UnicodeCategory.ParagraphSeparator;
    }

    /// <summary>The text without leading and trailing whitespace (Java's <c>String.strip</c>).</summary>
    public static ReadOnlySpan<char> Strip(ReadOnlySpan<char> text)
    {
        var start = 0;
        var end = text.Length;
        while (start < end && IsWhitespace(text[start]))
        {
            start++;
        }
        while (end > start && IsWhitespace(text[end - 1]))
        {
            end--;
        }
        return text[start..end];
    }

    /// <summary>Empty or whitespace only.</summary>
    public static bool IsBlank(ReadOnlySpan<char> text) => Strip(text).IsEmpty;

    /// <summary>Empty or whitespace only, for valid UTF-8 bytes.</summary>
    public static bool IsBlank(ReadOnlySpan<byte> utf8)
    {
        while (!utf8.IsEmpty)
        {
            if (Rune.DecodeFromUtf8(utf8, out var rune, out var consumed) != System.Buffers.OperationStatus.Done
                || !IsWhitespace(rune.Value))
            {
                return false;
            }
            utf8 = utf8[consumed..];
        }
        return true;
    }

    /// <summary>The report for bytes that are not UTF-8; the line is where reading had got to, a lower bound.</summary>
    public static InputFileException NotUtf8(string file, long lineReached, Exception? cause) => new(
        file,
        0,
        null,
        $"is not valid UTF-8 text (the bad bytes are at or after line {Math.Max(1, lineReached)}); "
        + "save the file as UTF-8",
        cause);
}
