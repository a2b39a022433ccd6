using System.Text.Unicode;

namespace TradingActors.Domain.Input;

/// <summary>
/// JSON Lines rows: one JSON object per physical line, blank lines skipped (and counted). Each line is parsed on its
/// own, so a malformed line is reported with its own number and never swallows the lines after it. Lines are read as
/// UTF-8 bytes and parsed in place; a line that is not valid UTF-8 is an error.
/// </summary>
internal sealed class JsonLinesRowSource(string file, FileSchema schema, Stream stream) : IRowSource
{
    private readonly Utf8LineReader _lines = new(stream);
    private readonly JsonRow _row = new(file, schema);

    public InputRow? Next()
    {
        while (_lines.TryReadLine(out var start, out var length))
        {
            var line = _lines.Buffer.AsSpan(start, length);
            if (!Utf8.IsValid(line))
            {
                throw InputText.NotUtf8(file, _lines.LineNumber, null);
            }
            if (InputText.IsBlank(line))
            {
                continue;
            }
            _row.Parse(_lines.Buffer, start, length, _lines.LineNumber);
            return _row;
        }
        return null;
    }

    /// <summary>Any line may hold any field of the schema.</summary>
    public bool MayHold(int field) => true;

    public void Dispose() => _lines.Dispose();
}
