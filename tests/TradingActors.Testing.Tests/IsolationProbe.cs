using Npgsql;

namespace TradingActors.Testing.Tests;

/// <summary>
/// What two test classes do to prove they got different databases: each creates the same table and writes its own
/// name into it. On a shared database the second CREATE TABLE would fail, or the table would hold two rows.
/// </summary>
internal static class IsolationProbe
{
    public static async Task AssertAloneAsync(string connectionString, string owner)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using (var create = new NpgsqlCommand("CREATE TABLE marker (owner text NOT NULL)", connection))
        {
            await create.ExecuteNonQueryAsync();
        }

        await using (var insert = new NpgsqlCommand("INSERT INTO marker (owner) VALUES (@owner)", connection))
        {
            insert.Parameters.AddWithValue("owner", owner);
            await insert.ExecuteNonQueryAsync();
        }

        await using var select = new NpgsqlCommand("SELECT array_agg(owner) FROM marker", connection);
        Assert.Equal([owner], (string[])(await select.ExecuteScalarAsync())!);
    }
}
