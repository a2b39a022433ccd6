using System.Diagnostics;
using System.Net.Sockets;
using Npgsql;

namespace TradingActors.Testing.Tests;

/// <summary>Servers a test starts for itself: stop/start for outage tests, removal on dispose.</summary>
public sealed class OwnedServerTests
{
    [Fact]
    public async Task Stop_and_start_keep_the_port_the_directory_and_the_committed_rows_of_a_durable_server()
    {
        await using var server = await PostgresServer.StartNewAsync(new PostgresServerOptions { Durable = true });
        var database = await server.CreateDatabaseAsync("outage");
        await ExecuteAsync(database, "CREATE TABLE kept (id int PRIMARY KEY)");
        await ExecuteAsync(database, "INSERT INTO kept SELECT generate_series(1, 1000)");
        var (port, directory) = (server.Port, server.DataDirectory);

        await server.StopAsync();
        Assert.False(server.IsRunning);
        NpgsqlConnection.ClearAllPools();
        var refused = await Assert.ThrowsAsync<NpgsqlException>(() => ExecuteAsync(database, "SELECT 1"));
        Assert.IsType<SocketException>(refused.InnerException);

        await server.StartAsync();
        Assert.True(server.IsRunning);
        Assert.Equal((port, directory), (server.Port, server.DataDirectory));
        Assert.Equal(1000L, await ScalarAsync(database, "SELECT count(*) FROM kept"));
    }

    [Fact]
    public async Task Stop_and_start_twice_are_idempotent()
    {
        await using var server = await PostgresServer.StartNewAsync();
        await server.StartAsync();
        await server.StopAsync();
        await server.StopAsync();
        await server.StartAsync();
        Assert.Equal(1, await ScalarAsync(server.ConnectionString, "SELECT 1"));
    }

    [Fact]
    public async Task Dispose_stops_the_server_and_deletes_its_directory()
    {
        var server = await PostgresServer.StartNewAsync();
        var directory = server.DataDirectory!;
        var pid = int.Parse(File.ReadLines(Path.Combine(directory, "postmaster.pid")).First(),
            System.Globalization.CultureInfo.InvariantCulture);
        Assert.False(server.IsExternal);
        Assert.Equal("127.0.0.1", server.Host);

        await server.DisposeAsync();
        await server.DisposeAsync();

        Assert.False(Directory.Exists(Path.GetDirectoryName(directory)));
        Assert.True(await ExitedAsync(pid), $"postmaster {pid} still runs");
        var refused = await Assert.ThrowsAsync<NpgsqlException>(() => ScalarAsync(server.ConnectionString, "SELECT 1"));
        Assert.IsType<SocketException>(refused.InnerException);
        await Assert.ThrowsAsync<ObjectDisposedException>(() => server.CreateDatabaseAsync("late"));
    }

    [Fact]
    public async Task Without_server_programs_the_start_fails_with_the_install_message()
    {
        var root = Path.Combine(Path.GetTempPath(), "no-postgresql-" + Guid.NewGuid().ToString("N"));
        var failure = await Assert.ThrowsAsync<InvalidOperationException>(() =>
            PostgresServer.StartNewAsync(new PostgresServerOptions { BinariesRoot = root }));
        Assert.Equal(PostgresBinaries.MissingMessage(root), failure.Message);
    }

    /// <summary>Whether process <paramref name="pid"/> is gone within 10 s (pg_ctl returns as it exits).</summary>
    private static async Task<bool> ExitedAsync(int pid)
    {
        for (var i = 0; i < 100; i++)
        {
            try
            {
                using var process = Process.GetProcessById(pid);
            }
            catch (ArgumentException)
            {
                return true;
            }

            await Task.Delay(100);
        }

        return false;
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
