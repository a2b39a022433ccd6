using Npgsql;

namespace TradingActors.Testing.Tests;

public sealed class PostgresDatabaseFixtureTests(PostgresDatabaseFixture database)
    : IClassFixture<PostgresDatabaseFixture>
{
    [Fact]
    public async Task A_query_round_trips_through_the_class_database()
    {
        await using var connection = new NpgsqlConnection(database.ConnectionString);
        await connection.OpenAsync();
        await using (var create = new NpgsqlCommand(
            "CREATE TABLE round_trip (id bigint PRIMARY KEY, payload bytea NOT NULL, at timestamptz NOT NULL)",
            connection))
        {
            await create.ExecuteNonQueryAsync();
        }

        var payload = new byte[] { 0, 1, 2, 254, 255 };
        var at = new DateTime(2024, 2, 29, 13, 45, 7, DateTimeKind.Utc);
        await using (var insert = new NpgsqlCommand(
            "INSERT INTO round_trip (id, payload, at) VALUES (@id, @payload, @at)", connection))
        {
            insert.Parameters.AddWithValue("id", 42L);
            insert.Parameters.AddWithValue("payload", payload);
            insert.Parameters.AddWithValue("at", at);
            Assert.Equal(1, await insert.ExecuteNonQueryAsync());
        }

        await using var select = new NpgsqlCommand("SELECT payload, at FROM round_trip WHERE id = 42", connection);
        await using var reader = await select.ExecuteReaderAsync();
        Assert.True(await reader.ReadAsync());
        Assert.Equal(payload, reader.GetFieldValue<byte[]>(0));
        Assert.Equal(at, reader.GetDateTime(1));
        Assert.False(await reader.ReadAsync());
    }

    [Fact]
    public void The_connection_string_names_a_database_of_the_class_on_the_shared_server()
    {
        var builder = new NpgsqlConnectionStringBuilder(database.ConnectionString);
        Assert.StartsWith("test_", builder.Database, StringComparison.Ordinal);
        Assert.Equal(database.Server.Port, builder.Port);
        if (!database.Server.IsExternal)
        {
            Assert.StartsWith("Host=127.0.0.1;Port=", database.ConnectionString, StringComparison.Ordinal);
            Assert.Equal("postgres", builder.Username);
        }
    }

    [Fact]
    public async Task The_shared_server_is_one_per_process_and_survives_dispose()
    {
        var shared = await PostgresServer.GetSharedAsync();
        Assert.Same(database.Server, shared);
        await shared.DisposeAsync();
        Assert.True(shared.IsRunning);
        await using var connection = new NpgsqlConnection(database.ConnectionString);
        await connection.OpenAsync();
    }
}
