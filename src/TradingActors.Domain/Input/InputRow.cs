namespace TradingActors.Domain.Input;

/// <summary>
/// One data row of an input file, CSV or JSON Lines, seen through typed accessors by the index of a field in the
/// file's <see cref="FileSchema"/>. The readers build events from this view only, so the rules for an empty cell, a
/// non-finite number or a bad time are written once per format instead of once per reader. Every accessor throws an
/// <see cref="InputFileException"/> naming this row's line and the field.
/// </summary>
/// <remarks>
/// A source reuses one row object: the row, and every span it returns, is valid until the source's next
/// <see cref="IRowSource.Next"/>.
/// </remarks>
internal abstract class InputRow(string file, FileSchema schema)
{
    /// <summary>Physical 1-based line number where the row starts.</summary>
    public long Line { get; protected set; }

    protected string File => file;

    protected FileSchema Schema => schema;

    /// <summary>A required text value, stripped of surrounding whitespace; never empty.</summary>
    public abstract ReadOnlySpan<char> Text(int field);

    /// <summary>An optional text value, stripped; empty when the field is absent or blank.</summary>
    public abstract ReadOnlySpan<char> OptionalText(int field);

    /// <summary>A required finite number (<c>-0</c> read as <c>0</c>).</summary>
    public abstract double Number(int field);

    /// <summary>An optional finite number; null when the field is absent or empty.</summary>
    public abstract double? OptionalNumber(int field);

    /// <summary>A required time (see <see cref="TimeParser"/>), in UTC.</summary>
    public abstract DateTimeOffset Time(int field);

    /// <summary>
    /// An error about one field of this row, for checks made by the caller (side, duplicates, validation).
    /// </summary>
    public InputFileException Error(string? field, string reason) => new(file, Line, field, reason);

    /// <summary>An error about the field at <paramref name="field"/> of the schema.</summary>
    protected InputFileException ErrorAt(int field, string reason, Exception? cause = null) =>
        new(file, Line, schema.Names[field], reason, cause);
}
