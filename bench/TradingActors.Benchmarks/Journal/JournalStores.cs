using System.Data.Common;
using Akka.Configuration;
using Microsoft.Data.Sqlite;
using Npgsql;
using TradingActors.Actors.Node;
using TradingActors.Cli.Hosting;
using TradingActors.Testing;

namespace TradingActors.Benchmarks.Journal;

/// <summary>
/// Where the journal benchmarks write: SQLite files under a temporary directory, or databases on a durable
/// PostgreSQL 15 (fsync on, PostgreSQL's defaults) that it starts itself. Each benchmark gets a fresh, empty journal.
/// </summary>
public sealed class JournalBackend : IAsyncDisposable
{
    private readonly string _root;
    private int _stores;

    private JournalBackend(string name, string root, PostgresServer? server)
    {
        Name = name;
        _root = root;
        Server = server;
    }

    public string Name { get; }

    /// <summary>The PostgreSQL server, or null on SQLite.</summary>
    public PostgresServer? Server { get; }

    /// <summary><paramref name="name"/>: <c>sqlite</c> or <c>postgres</c>.</summary>
    public static async Task<JournalBackend> StartAsync(string name)
    {
        var root = Directory.CreateTempSubdirectory($"trading-actors-journal-{name}-").FullName;
        var server = name == "postgres" ? await PostgresServer.StartNewAsync(new() { Durable = true }) : null;
        return new JournalBackend(name, root, server);
    }

    /// <summary>A fresh, empty journal: its own data directory, and its own database on PostgreSQL.</summary>
    public async Task<JournalStore> FreshAsync()
    {
        var dir = Path.Combine(_root, $"store{++_stores}");
        Directory.CreateDirectory(dir);
        var database = Server is null ? null : await Server.CreateDatabaseAsync($"journal{_stores}");
        return new JournalStore(dir, database);
    }

    public async ValueTask DisposeAsync()
    {
        if (Server is not null)
        {
            await Server.DisposeAsync();
        }
        Directory.Delete(_root, recursive: true);
    }
}

/// <summary>One journal: a data directory (the SQLite file) or a PostgreSQL database (<paramref name="Postgres"/>).</summary>
public sealed record JournalStore(string DataDir, string? Postgres)
{
    public string SqliteFile => Path.Combine(DataDir, JournalSettings.SqliteFileName);

    /// <summary><c>hocon/postgres.conf</c> on PostgreSQL, none on SQLite.</summary>
    public string? ConfigFile => Postgres is null ? null : Path.Combine(ChildProcess.Root, "hocon", "postgres.conf");

    /// <summary>What a child <c>trading-actors</c> needs in its environment: <c>TRADING_ACTORS_DB_URL</c> on PostgreSQL.</summary>
    public IReadOnlyDictionary<string, string> Environment => Postgres is null
        ? new Dictionary<string, string>()
        : new Dictionary<string, string> { ["TRADING_ACTORS_DB_URL"] = Postgres };

    /// <summary>The node options of <c>trading-actors import</c> and <c>replay</c> for this journal.</summary>
    public string[] CliOptions => ["--data-dir", DataDir, "--no-progress", .. ConfigFile is null ? [] : new[] { "--config", ConfigFile }];

    /// <summary>
    /// A node in this process on this journal, as the command line starts one; <paramref name="hocon"/> is read over its
    /// configuration.
    /// </summary>
    public Task<NodeHost> StartNodeAsync(TimeSpan? passivateAfter = null, string? hocon = null)
    {
        var settings = NodeSettings.Load(ConfigFile, DataDir, name => Environment.GetValueOrDefault(name));
        if (hocon is not null)
        {
            settings = settings with { Config = ConfigurationFactory.ParseString(hocon).WithFallback(settings.Config) };
        }
        return NodeHost.StartAsync(passivateAfter is { } p ? settings with { PassivateAfter = p } : settings);
    }

    /// <summary>Akka's in-memory journal and snapshot store instead of the SQL plugin: the node without a database.</summary>
    public const string InMemoryJournal =
        "akka.persistence.journal.plugin = \"akka.persistence.journal.inmem\"\n" +
        "akka.persistence.snapshot-store.plugin = \"akka.persistence.snapshot-store.inmem\"";

    /// <summary>An open connection to the journal's database.</summary>
    public DbConnection Open()
    {
        DbConnection connection = Postgres is null ? new SqliteConnection($"Data Source={SqliteFile}") : new NpgsqlConnection(Postgres);
        connection.Open();
        return connection;
    }

    /// <summary>
    /// The bytes on disk: the whole database (SQLite: the file and its WAL; PostgreSQL: <c>pg_database_size</c>), and the
    /// journal table with its indexes (PostgreSQL: <c>pg_total_relation_size</c>; SQLite: the file of a
    /// <c>VACUUM INTO</c> copy without the snapshot table). Rows: the journal's, of every persistence id.
    /// </summary>
    public (long Database, long Journal, long Rows) Size()
    {
        using var connection = Open();
        var rows = Scalar(connection, "SELECT count(*) FROM journal");
        if (Postgres is not null)
        {
            return (Scalar(connection, "SELECT pg_database_size(current_database())"),
                Scalar(connection, "SELECT pg_total_relation_size('journal')"), rows);
        }
        var file = new FileInfo(SqliteFile).Length + (File.Exists(SqliteFile + "-wal") ? new FileInfo(SqliteFile + "-wal").Length : 0);
        var copy = Path.Combine(DataDir, "journal-only.db");
        File.Delete(copy);
        Scalar(connection, $"VACUUM INTO '{copy}'");
        using (var journalOnly = new SqliteConnection($"Data Source={copy};Pooling=False"))
        {
            journalOnly.Open();
            Scalar(journalOnly, "DROP TABLE snapshot");
            Scalar(journalOnly, "VACUUM");
        }
        var journal = new FileInfo(copy).Length;
        File.Delete(copy);
        return (file, journal, rows);
    }

    public static long Scalar(DbConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        return Convert.ToInt64(command.ExecuteScalar() ?? 0L, System.Globalization.CultureInfo.InvariantCulture);
    }
}
