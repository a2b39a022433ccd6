using Npgsql;

namespace TradingActors.Testing.Tests;

/// <summary>
/// An existing server, as <c>TRADING_ACTORS_TEST_PG</c> names one: here the shared server's own connection string.
/// </summary>
public sealed class ExternalServerTests
{
    [Fact]
    public async Task An_existing_server_makes_and_drops_databases_but_is_never_stopped()
    {
        var shared = await PostgresServer.GetSharedAsync();
        var external = await PostgresServer.UseExistingAsync(shared.ConnectionString);
        Assert.True(external.IsExternal);
        Assert.Null(external.DataDirectory);

        var database = await external.CreateDatabaseAsync("external");
        var name = new NpgsqlConnectionStringBuilder(database).Database;
        await using (var connection = new NpgsqlConnection(database))
        {
            await connection.OpenAsync();
        }

        await external.DropDatabaseAsync(database);
        Assert.Equal(0L, await CountDatabasesAsync(shared.ConnectionString, name!));
        await Assert.ThrowsAsync<InvalidOperationException>(() => external.StopAsync());
        await Assert.ThrowsAsync<InvalidOperationException>(() => external.StartAsync());
        await external.DisposeAsync();
        Assert.True(shared.IsRunning);
        Assert.Equal(1L, await CountDatabasesAsync(shared.ConnectionString, "postgres"));
    }

    [Fact]
    public async Task An_unreachable_server_fails_with_its_address_and_without_its_password()
    {
        var failure = await Assert.ThrowsAsync<InvalidOperationException>(() => PostgresServer.UseExistingAsync(
            "Host=127.0.0.1;Port=1;Username=someone;Password=hunter2;Timeout=2"));
        Assert.Contains("Port=1", failure.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("hunter2", failure.Message, StringComparison.Ordinal);
    }

    private static async Task<long> CountDatabasesAsync(string connectionString, string name)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command =
            new NpgsqlCommand("SELECT count(*) FROM pg_database WHERE datname = @name", connection);
        command.Parameters.AddWithValue("name", name);
        return (long)(await command.ExecuteScalarAsync())!;
    }
}
