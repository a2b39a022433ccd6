using Microsoft.Data.Sqlite;

namespace TradingActors.Actors.Node;

/// <summary>
/// Prepares the embedded journal's file before the SQL plugin opens it: its folder exists, and the file is in WAL mode
/// (persistent in the file), which lets readers (replay, queries) run beside the writer and about doubles single-write
/// speed. <c>synchronous</c> stays at SQLite's default, FULL: every commit is synced to disk, so an acknowledged write
/// survives a process kill and a power cut (docs/journal.md).
/// </summary>
public static class SqliteJournalFile
{
    public static void Prepare(string connectionString)
    {
        var builder = new SqliteConnectionStringBuilder(connectionString);
        if (Path.GetDirectoryName(Path.GetFullPath(builder.DataSource)) is { } folder)
        {
            Directory.CreateDirectory(folder);
        }
        using var connection = new SqliteConnection(connectionString);
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA journal_mode=WAL;";
        var mode = command.ExecuteScalar() as string;
        if (!string.Equals(mode, "wal", StringComparison.OrdinalIgnoreCase))
        {
            throw new NodeConfigurationException($"{builder.DataSource}: could not switch the journal to WAL mode (got {mode})");
        }
    }

    /// <summary>Whether the journal file of <paramref name="dataDir"/> exists.</summary>
    public static bool Exists(string dataDir) => File.Exists(Path.Combine(dataDir, JournalSettings.SqliteFileName));
}
