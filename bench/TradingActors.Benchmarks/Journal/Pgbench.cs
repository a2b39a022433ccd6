using System.Globalization;
using System.Text.RegularExpressions;
using Npgsql;
using TradingActors.Testing;

namespace TradingActors.Benchmarks.Journal;

/// <summary>
/// PostgreSQL's own floor on the same server: <c>pgbench</c> (from the server's bin directory), builtin script
/// <c>simple-update</c> (an UPDATE, a SELECT and an INSERT, one commit per transaction), scale 1, for a fixed time.
/// </summary>
public static partial class Pgbench
{
    public static async Task<double> TransactionsPerSecondAsync(PostgresServer server, int clients, TimeSpan duration)
    {
        var database = new NpgsqlConnectionStringBuilder(await server.CreateDatabaseAsync("pgbench")).Database!;
        var pgbench = Path.Combine(PostgresBinaries.FindBinDirectory()!, "pgbench");
        string[] connection = ["-h", server.Host, "-p", server.Port.ToString(CultureInfo.InvariantCulture), "-U", PostgresServer.OsUser];
        ChildProcess.Time(pgbench, ["-i", "-q", "-s", "1", .. connection, database]);
        var output = ChildProcess.Output(pgbench,
            ["-n", "-b", "simple-update", "-c", $"{clients}", "-j", $"{Math.Min(clients, 2)}", "-T", $"{(int)duration.TotalSeconds}", .. connection, database]);
        return double.Parse(Tps().Match(output).Groups[1].Value, CultureInfo.InvariantCulture);
    }

    [GeneratedRegex(@"tps = ([0-9.]+)")]
    private static partial Regex Tps();
}
