using nietras.SeparatedValues;

namespace TradingActors.Domain.Input;

/// <summary>
/// A CSV data row, read in place from Sep's buffer. Every cell is text, so "absent" means an empty (or
/// whitespace-only) cell or a column the header does not have; numbers go through <see cref="StrictNumbers"/> and
/// times through <see cref="TimeParser"/>, both from spans.
/// </summary>
internal sealed class CsvRow(string file, FileSchema schema, SepReader reader, int[] columnOfField)
    : InputRow(file, schema)
{
    /// <summary>Per column: the cell's text when it was quoted in the current row (null: read it from Sep).</summary>
    private string?[] _unquoted = [];
    private bool _hasQuoted;

    /// <summary>Moves the view to Sep's current row.</summary>
    internal void Set(long line, string?[] unquoted, bool hasQuoted)
    {
        Line = line;
        _unquoted = unquoted;
        _hasQuoted = hasQuoted;
    }

    public override ReadOnlySpan<char> Text(int field)
    {
        var cell = Cell(field);
        return cell.IsEmpty ? throw ErrorAt(field, "is required but the cell is empty") : cell;
    }

    public override ReadOnlySpan<char> OptionalText(int field) => Cell(field);

    public override double Number(int field) => ParseNumber(field, Text(field));

    public override double? OptionalNumber(int field)
    {
        var cell = Cell(field);
        return cell.IsEmpty ? null : ParseNumber(field, cell);
    }

    public override DateTimeOffset Time(int field) =>
        TimeParser.TryParse(Text(field), out var time, out var reason) ? time : throw ErrorAt(field, reason);

    /// <summary>The stripped cell; empty when the column is absent or the cell blank.</summary>
    private ReadOnlySpan<char> Cell(int field)
    {
        var column = columnOfField[field];
        if (column < 0)
        {
            return default;
        }
        var raw = _hasQuoted && _unquoted[column] is { } text ? text.AsSpan() : reader.Current[column].Span;
        return InputText.Strip(raw);
    }

    private double ParseNumber(int field, ReadOnlySpan<char> cell) =>
        StrictNumbers.TryParse(cell, out var value, out var reason) ? value : throw ErrorAt(field, reason);
}
