using System.Text;

namespace TradingActors.Domain.Input;

/// <summary>
/// Chooses the <see cref="InputFormat"/> of a file. The extension decides when it is a known one (<c>.csv</c>;
/// <c>.jsonl</c>, <c>.ndjson</c>, <c>.json</c>, any case); otherwise the first non-blank character does (<c>{</c>
/// starts
/// a JSON object), so <c>trades.txt</c> or a file without an extension still reads.
/// </summary>
internal static class InputFormats
{
    /// <summary>
    /// The file's format; when it has to look at the content it leaves <paramref name="stream"/> at 0.
    /// </summary>
    /// <exception cref="InputFileException">The start of the file is not UTF-8.</exception>
    public static InputFormat Of(string file, Stream stream)
    {
        var name = Path.GetFileName(file);
        if (name.EndsWith(".csv", StringComparison.OrdinalIgnoreCase))
        {
            return InputFormat.Csv;
        }
        if (name.EndsWith(".jsonl", StringComparison.OrdinalIgnoreCase)
            || name.EndsWith(".ndjson", StringComparison.OrdinalIgnoreCase)
            || name.EndsWith(".json", StringComparison.OrdinalIgnoreCase))
        {
            return InputFormat.JsonLines;
        }
        return Sniff(file, stream);
    }

    private static InputFormat Sniff(string file, Stream stream)
    {
        try
        {
            using var reader = InputText.Reader(stream, 4096, leaveOpen: true);
            int c;
            do
            {
                c = reader.Read();
            }
            while (c != -1 && InputText.IsWhitespace(c));
            return c == '{' ? InputFormat.JsonLines : InputFormat.Csv;
        }
        catch (DecoderFallbackException e)
        {
            throw InputText.NotUtf8(file, 1, e);
        }
        finally
        {
            stream.Position = 0;
        }
    }
}
