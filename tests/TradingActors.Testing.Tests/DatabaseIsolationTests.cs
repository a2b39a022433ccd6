using Npgsql;

namespace TradingActors.Testing.Tests;

/// <summary>Two fixtures, as xunit makes for two test classes, side by side in one test.</summary>
public sealed class DatabaseIsolationTests
{
    [Fact]
    public async Task Two_fixtures_get_different_databases_and_a_table_of_one_is_invisible_in_the_other()
    {
        var first = new PostgresDatabaseFixture();
        var second = new PostgresDatabaseFixture();
        await first.InitializeAsync();
        await second.InitializeAsync();
        try
        {
            Assert.NotEqual(
                new NpgsqlConnectionStringBuilder(first.ConnectionString).Database,
                new NpgsqlConnectionStringBuilder(second.ConnectionString).Database);
            await ExecuteAsync(first.ConnectionString, "CREATE TABLE only_here (x int)");
            const string Exists = "SELECT to_regclass('only_here') IS NOT NULL";
            Assert.Equal(true, await ScalarAsync(first.ConnectionString, Exists));
            Assert.Equal(false, await ScalarAsync(second.ConnectionString, Exists));
        }
        finally
        {
            await first.DisposeAsync();
            await second.DisposeAsync();
        }
    }

    [Fact]
    public async Task A_prefix_is_made_a_safe_lower_case_name_and_never_repeats()
    {
        var server = await PostgresServer.GetSharedAsync();
        string[] made =
        [
            await server.CreateDatabaseAsync("Weird-Name \"x\""),
            await server.CreateDatabaseAsync("Weird-Name \"x\""),
            await server.CreateDatabaseAsync("9lives"),
            await server.CreateDatabaseAsync(new string('a', 200)),
        ];
        try
        {
            var names = made.Select(database => new NpgsqlConnectionStringBuilder(database).Database!).ToArray();
            Assert.StartsWith("weird_name__x__", names[0], StringComparison.Ordinal);
            Assert.NotEqual(names[0], names[1]);
            Assert.StartsWith("t_9lives_", names[2], StringComparison.Ordinal);
            Assert.True(names[3].Length <= 63, names[3]);
            Assert.Equal(1L, await ScalarAsync(
                server.ConnectionString, $"SELECT count(*) FROM pg_database WHERE datname = '{names[0]}'"));
        }
        finally
        {
            foreach (var database in made)
            {
                await server.DropDatabaseAsync(database);
            }
        }
    }

    private static async Task ExecuteAsync(string connectionString, string sql)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }

    private static async Task<object?> ScalarAsync(string connectionString, string sql)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        return await command.ExecuteScalarAsync();
    }
}
