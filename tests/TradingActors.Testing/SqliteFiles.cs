namespace TradingActors.Testing;

/// <summary>
/// A temporary directory of one test's SQLite files, deleted (with everything in it) on <see cref="Dispose"/>.
/// Make one per test (in the test class's constructor, disposed in its <c>Dispose</c>), so no two tests share a
/// journal file.
/// </summary>
public sealed class SqliteFiles : IDisposable
{
    /// <summary>Creates the directory, named <c>{prefix}-…</c> under the system temporary directory.</summary>
    public SqliteFiles(string prefix = "trading-actors-sqlite")
    {
        Directory = System.IO.Directory.CreateTempSubdirectory(prefix + "-").FullName;
        JournalPath = PathFor("journal.db");
    }

    /// <summary>The directory, which exists until <see cref="Dispose"/>.</summary>
    public string Directory { get; }

    /// <summary>A path for the journal file, <c>{Directory}/journal.db</c>; the file itself is not created.</summary>
    public string JournalPath { get; }

    /// <summary>The path of <paramref name="fileName"/> inside <see cref="Directory"/> (not created).</summary>
    public string PathFor(string fileName)
    {
        ArgumentException.ThrowIfNullOrEmpty(fileName);
        if (Path.GetFileName(fileName) != fileName)
        {
            throw new ArgumentException("a file name, not a path", nameof(fileName));
        }

        return Path.Combine(Directory, fileName);
    }

    /// <summary>
    /// Deletes the directory and its files. SQLite files still open (a pooled connection) are unlinked all the
    /// same on Linux; a second call does nothing.
    /// </summary>
    public void Dispose()
    {
        try
        {
            System.IO.Directory.Delete(Directory, recursive: true);
        }
        catch (DirectoryNotFoundException)
        {
        }
    }
}
