using System.Text;
using nietras.SeparatedValues;

namespace TradingActors.Domain.Input;

/// <summary>
/// CSV rows with a header row, split by Sep (comma-separated; double-quoted cells may hold commas, quotes and line
/// breaks). The header is the first non-blank row; columns are found by name, in any order.
/// </summary>
/// <remarks>
/// Line numbers are physical: every record starts on the line after the one where the previous record ended, and blank
/// lines are skipped while still being counted, so a quoted cell spanning lines does not shift the numbers of the rows
/// after it. Sep does not reject malformed quoting, so this source does, as the JVM build's RFC 4180 parser did: text
/// after a closing quote and a quoted cell never closed are errors, and so (stricter than the JVM build, which took it
/// literally) is a quote inside an unquoted cell, since Sep would read a lone one as opening a quoted section.
/// </remarks>
internal sealed class CsvRowSource : IRowSource
{
    private const int BufferSize = 1 << 16;

    /// <summary>
    /// Comma-separated, no header handling (the header is read here) and no cell-count check (done here).
    /// </summary>
    private static readonly SepReaderOptions Options =
        Sep.New(',').Reader(o => o with { HasHeader = false, DisableColCountCheck = true });

    private readonly string _file;
    private readonly FileSchema _schema;
    private readonly SepReader _reader;
    private readonly int _columnCount;
    private readonly int[] _columnOfField;
    private readonly CsvRow _row;
    private string?[] _unquoted = new string?[16];

    /// <summary>Physical line on which the last record read ended; the next record starts on the line after.</summary>
    private long _lastLine;

    private CsvRowSource(string file, FileSchema schema, SepReader reader)
    {
        _file = file;
        _schema = schema;
        _reader = reader;
        _columnOfField = ReadHeader(out _columnCount);
        _row = new CsvRow(file, schema, reader, _columnOfField);
    }

    /// <summary>Reads and checks the header row; the stream is owned (and closed) by the returned source.</summary>
    public static CsvRowSource Open(string file, FileSchema schema, Stream stream)
    {
        SepReader reader;
        try
        {
            // Sep reads the first row here, and disposes the text reader when that fails.
            reader = Options.From(InputText.Reader(stream, BufferSize));
        }
        catch (DecoderFallbackException e)
        {
            throw InputText.NotUtf8(file, 1, e);
        }
        try
        {
            return new CsvRowSource(file, schema, reader);
        }
        catch
        {
            reader.Dispose();
            throw;
        }
    }

    public InputRow? Next()
    {
        while (true)
        {
            var line = _lastLine + 1;
            if (!MoveNext())
            {
                return null;
            }
            var row = _reader.Current;
            var hasQuoted = Unquote(row, line);
            if (IsBlank(row, hasQuoted))
            {
                continue;
            }
            if (row.ColCount != _columnCount)
            {
                throw new InputFileException(
                    _file, line, null, $"has {row.ColCount} cells but the header has {_columnCount} columns");
            }
            _row.Set(line, _unquoted, hasQuoted);
            return _row;
        }
    }

    public bool MayHold(int field) => _columnOfField[field] >= 0;

    public void Dispose() => _reader.Dispose();

    /// <summary>
    /// Maps each schema field to its column (-1 when absent). Empty, duplicate and unknown names are errors, then
    /// missing required ones, all on the header's line.
    /// </summary>
    private int[] ReadHeader(out int columnCount)
    {
        long line;
        bool hasQuoted;
        do
        {
            line = _lastLine + 1;
            if (!MoveNext())
            {
                throw new InputFileException(
                    _file,
                    0,
                    null,
                    $"is empty; expected a header row naming the columns: {string.Join(",", _schema.Names)}");
            }
            hasQuoted = Unquote(_reader.Current, line);
        }
        while (IsBlank(_reader.Current, hasQuoted));

        var header = _reader.Current;
        columnCount = header.ColCount;
        var columnOfField = new int[_schema.Names.Count];
        Array.Fill(columnOfField, -1);
        var columnOfName = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < header.ColCount; i++)
        {
            var name = InputText.Strip(Raw(header, i, hasQuoted)).ToString();
            if (name.Length == 0)
            {
                throw new InputFileException(_file, line, null, $"column {i + 1} of the header has no name");
            }
            if (!columnOfName.TryAdd(name, i))
            {
                throw new InputFileException(
                    _file,
                    line,
                    name,
                    $"column appears twice in the header (columns {columnOfName[name] + 1} and {i + 1})");
            }
            var field = _schema.IndexOf(name);
            if (field < 0)
            {
                throw new InputFileException(_file, line, name, _schema.UnknownReason("column", name));
            }
            columnOfField[field] = i;
        }
        for (var field = 0; field < _schema.RequiredCount; field++)
        {
            if (columnOfField[field] < 0)
            {
                throw new InputFileException(
                    _file, line, _schema.Names[field], "required column is missing from the header");
            }
        }
        return columnOfField;
    }

    /// <summary>Advances Sep to the next record; undecodable bytes are an input error.</summary>
    private bool MoveNext()
    {
        try
        {
            if (!_reader.MoveNext())
            {
                return false;
            }
        }
        catch (DecoderFallbackException e)
        {
            throw InputText.NotUtf8(_file, _lastLine + 1, e);
        }
        _lastLine = _reader.Current.LineNumberToExcl - 1;
        return true;
    }

    /// <summary>
    /// Checks the quoting of every cell of a row holding a quote and keeps the text of quoted cells in
    /// <see cref="_unquoted"/>; false (nothing to do) for the usual row without any quote.
    /// </summary>
    private bool Unquote(SepReader.Row row, long line)
    {
        if (!row.Span.Contains('"'))
        {
            return false;
        }
        if (_unquoted.Length < row.ColCount)
        {
            _unquoted = new string?[Math.Max(row.ColCount, _unquoted.Length * 2)];
        }
        for (var i = 0; i < row.ColCount; i++)
        {
            _unquoted[i] = Unquote(row[i].Span, i + 1, line);
        }
        return true;
    }

    /// <summary>The text of a quoted cell (<c>"a ""b"""</c> → <c>a "b"</c>); null for an unquoted one.</summary>
    private string? Unquote(ReadOnlySpan<char> cell, int column, long line)
    {
        if (cell.IsEmpty || cell[0] != '"')
        {
            return cell.Contains('"')
                ? throw Malformed(line, $"a quote inside the unquoted cell of column {column}; "
                    + "quote the whole cell and write each quote in it twice")
                : null;
        }
        var text = new StringBuilder(cell.Length);
        var i = 1;
        while (true)
        {
            var next = cell[i..].IndexOf('"');
            if (next < 0)
            {
                throw Malformed(line, $"the quoted cell of column {column} is not closed before the end of the file");
            }
            text.Append(cell.Slice(i, next));
            i += next + 1;
            if (i < cell.Length && cell[i] == '"')
            {
                text.Append('"');
                i++;
                continue;
            }
            if (!InputText.IsBlank(cell[i..]))
            {
                throw Malformed(line, $"text after the closing quote of column {column}; "
                    + "a quote inside a quoted cell is written twice");
            }
            return text.ToString();
        }
    }

    private InputFileException Malformed(long line, string reason) =>
        new(_file, line, null, "malformed CSV: " + reason);

    private ReadOnlySpan<char> Raw(SepReader.Row row, int column, bool hasQuoted) =>
        hasQuoted && _unquoted[column] is { } text ? text.AsSpan() : row[column].Span;

    /// <summary>An empty or whitespace-only line, which Sep returns as a row of one blank cell.</summary>
    private bool IsBlank(SepReader.Row row, bool hasQuoted) =>
        row.ColCount == 0 || (row.ColCount == 1 && InputText.IsBlank(Raw(row, 0, hasQuoted)));
}
