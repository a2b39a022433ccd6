namespace TradingActors.Domain.Input;

/// <summary>
/// The rows of one input file, read one at a time so that a file of millions of rows is never held as text. The format
/// (CSV or JSON Lines) is chosen by <see cref="InputFormats.Of"/>; names are checked against a
/// <see cref="FileSchema"/>.
/// </summary>
internal interface IRowSource : IDisposable
{
    /// <summary>The next data row, or null at the end of the file. Blank lines are skipped (and counted).</summary>
    /// <exception cref="InputFileException">The row is not acceptable (malformed, wrong cell count, not
    /// UTF-8…).</exception>
    InputRow? Next();

    /// <summary>
    /// Whether a row can hold the field at <paramref name="field"/> of the schema: false only when no row can, as in a
    /// CSV file whose header lacks the column.
    /// </summary>
    bool MayHold(int field);

    /// <summary>
    /// Opens the file in its detected format (reading and checking the CSV header). A missing, unreadable, directory or
    /// non-UTF-8 path is reported as an <see cref="InputFileException"/> (bad input, exit code 2), not as an I/O
    /// failure.
    /// </summary>
    static IRowSource Open(string file, FileSchema schema)
    {
        if (Directory.Exists(file))
        {
            throw new InputFileException(file, 0, null, "is a directory, not a file");
        }
        var stream = OpenStream(file);
        try
        {
            return InputFormats.Of(file, stream) == InputFormat.Csv
                ? CsvRowSource.Open(file, schema, stream)
                : new JsonLinesRowSource(file, schema, stream);
        }
        catch
        {
            stream.Dispose();
            throw;
        }
    }

    private static FileStream OpenStream(string file)
    {
        try
        {
            // No FileStream buffer: the readers above read in large blocks of their own.
            return new FileStream(file, FileMode.Open, FileAccess.Read, FileShare.Read, 1, FileOptions.SequentialScan);
        }
        catch (Exception e) when (e is FileNotFoundException or DirectoryNotFoundException or ArgumentException)
        {
            throw new InputFileException(file, 0, null, "no such file", e);
        }
        catch (UnauthorizedAccessException e)
        {
            throw new InputFileException(file, 0, null, "permission denied", e);
        }
    }
}
