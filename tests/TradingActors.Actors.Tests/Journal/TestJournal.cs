using System.Data.Common;
using Microsoft.Data.Sqlite;
using Npgsql;
using TradingActors.Actors.Node;
using TradingActors.Testing;

namespace TradingActors.Actors.Tests.Journal;

/// <summary>The two databases every journal suite runs on.</summary>
public enum JournalKind
{
    Sqlite,
    PostgreSql,
}

/// <summary>
/// One empty journal for a test class: a SQLite file in a temporary directory (<see cref="SqliteFiles"/>), or a
/// PostgreSQL database of its own on the shared test server (<see cref="PostgresDatabaseFixture"/>). Nodes are started
/// on it with settings the product's way: a config file the test writes, read by <see cref="NodeSettings.Load"/>, with
/// <c>TRADING_ACTORS_DB_URL</c> from the environment function for PostgreSQL. Raw SQL on the journal's tables checks
/// what was (not) persisted.
/// </summary>
public sealed class TestJournal : IAsyncDisposable
{
    private readonly SqliteFiles _files;
    private readonly PostgresDatabaseFixture? _database;
    private int _configs;

    private TestJournal(JournalKind kind, SqliteFiles files, PostgresDatabaseFixture? database)
    {
        Kind = kind;
        _files = files;
        _database = database;
    }

    public JournalKind Kind { get; }

    /// <summary>The data directory (the SQLite journal's folder; config files are written here too).</summary>
    public string DataDirectory => _files.Directory;

    public static async Task<TestJournal> CreateAsync(JournalKind kind)
    {
        var files = new SqliteFiles("trading-actors-journal");
        PostgresDatabaseFixture? database = null;
        if (kind == JournalKind.PostgreSql)
        {
            database = new PostgresDatabaseFixture();
            await database.InitializeAsync();
        }
        return new TestJournal(kind, files, database);
    }

    /// <summary>
    /// A node's settings over this journal: a config file holding the provider (for PostgreSQL) and
    /// <paramref name="hocon"/>, loaded as <c>--config FILE</c> is.
    /// </summary>
    public NodeSettings Settings(string hocon = "")
    {
        var text = (Kind == JournalKind.PostgreSql ? "trading-actors.journal.provider = postgresql\n" : "") + hocon + "\n";
        var file = _files.PathFor($"node-{Interlocked.Increment(ref _configs)}.conf");
        File.WriteAllText(file, text);
        var settings = NodeSettings.Load(file, _files.Directory, Environment);
        Assert.Equal(Kind == JournalKind.PostgreSql ? JournalProvider.PostgreSql : JournalProvider.Sqlite, settings.Journal.Provider);
        return settings;
    }

    private string? Environment(string name) =>
        name == "TRADING_ACTORS_DB_URL" ? _database?.ConnectionString : null;

    /// <summary>A connection to the journal's database, open.</summary>
    public async Task<DbConnection> ConnectAsync()
    {
        DbConnection connection = Kind == JournalKind.PostgreSql
            ? new NpgsqlConnection(_database!.ConnectionString)
            : new SqliteConnection(JournalSettings.Sqlite(_files.Directory).ConnectionString);
        await connection.OpenAsync();
        return connection;
    }

    /// <summary>The first column of the first row of <paramref name="sql"/> as a long (0 for NULL or no row).</summary>
    public async Task<long> ScalarAsync(string sql, string? persistenceId = null)
    {
        await using var connection = await ConnectAsync();
        await using var command = Command(connection, sql, persistenceId);
        var value = await command.ExecuteScalarAsync();
        return value is null or DBNull ? 0 : Convert.ToInt64(value, System.Globalization.CultureInfo.InvariantCulture);
    }

    /// <summary>Runs a statement; returns the rows it changed.</summary>
    public async Task<int> ExecuteAsync(string sql, string? persistenceId = null)
    {
        await using var connection = await ConnectAsync();
        await using var command = Command(connection, sql, persistenceId);
        return await command.ExecuteNonQueryAsync();
    }

    /// <summary>Rows of the journal table for a persistence id (deleted or not).</summary>
    public Task<long> JournalRowsAsync(string persistenceId) =>
        ScalarAsync("SELECT COUNT(*) FROM journal WHERE persistence_id = @pid", persistenceId);

    /// <summary>Rows of the snapshot table for a persistence id.</summary>
    public Task<long> SnapshotRowsAsync(string persistenceId) =>
        ScalarAsync("SELECT COUNT(*) FROM snapshot WHERE persistence_id = @pid", persistenceId);

    private static DbCommand Command(DbConnection connection, string sql, string? persistenceId)
    {
        var command = connection.CreateCommand();
        command.CommandText = sql;
        if (persistenceId is not null)
        {
            var p = command.CreateParameter();
            p.ParameterName = "pid";
            p.Value = persistenceId;
            command.Parameters.Add(p);
        }
        return command;
    }

    public async ValueTask DisposeAsync()
    {
        SqliteConnection.ClearAllPools();
        if (_database is not null)
        {
            await _database.DisposeAsync();
        }
        _files.Dispose();
    }
}
