using Xunit;

namespace TradingActors.Testing;

/// <summary>
/// An xunit class fixture giving a test class a fresh, empty database of its own on the process's shared server
/// (<see cref="PostgresServer.GetSharedAsync"/>): <c>IClassFixture&lt;PostgresDatabaseFixture&gt;</c>, then
/// <see cref="ConnectionString"/> in the tests. xunit makes one per test class, so two classes never see each other's
/// rows; the tests of one class share it (they run one after another).
/// </summary>
/// <remarks>
/// When no server can be had (no PostgreSQL programs, no <see cref="PostgresServer.ExternalServerVariable"/>),
/// <see cref="InitializeAsync"/> throws with <see cref="PostgresBinaries.MissingMessage"/> and xunit fails every test
/// of the class with it. On an external server the database is dropped when the class is done; a throwaway cluster
/// is simply removed at process exit.
/// </remarks>
public sealed class PostgresDatabaseFixture : IAsyncLifetime
{
    private string? _connectionString;

    /// <summary>The server the database is on (the process's shared one).</summary>
    public PostgresServer Server { get; private set; } = null!;

    /// <summary>The Npgsql connection string of this class's database.</summary>
    public string ConnectionString =>
        _connectionString ?? throw new InvalidOperationException("the fixture is not initialized (xunit does that)");

    /// <summary>Gets the shared server (starting it on first use) and creates the database.</summary>
    public async Task InitializeAsync()
    {
        Server = await PostgresServer.GetSharedAsync().ConfigureAwait(false);
        _connectionString = await Server.CreateDatabaseAsync("test").ConfigureAwait(false);
    }

    /// <summary>Drops the database on an external server; leaves it to process exit on a throwaway cluster.</summary>
    public async Task DisposeAsync()
    {
        if (_connectionString is not null && Server.IsExternal)
        {
            await Server.DropDatabaseAsync(_connectionString).ConfigureAwait(false);
        }
    }
}
