namespace TradingActors.Benchmarks.Journal;

/// <summary>
/// <c>bin/trading-actors import</c> of a synthetic backtest (N trades and the balance after each, CSV, one live
/// strategy), process start included; each run into a fresh, empty journal. Returns every run's time (sorted: a run
/// that hangs at exit shows) and the last journal.
/// </summary>
public static class CliImport
{
    public const string Strategy = "bench";

    public static async Task<(List<TimeSpan> Times, JournalStore Store)> RunAsync(JournalBackend backend, string csvDir, int trades, int runs)
    {
        var tradesFile = Path.Combine(csvDir, "trades.csv");
        var balancesFile = Path.Combine(csvDir, "balances.csv");
        SyntheticBacktest.WriteCsv(tradesFile, balancesFile, trades);
        var times = new List<TimeSpan>();
        JournalStore store = null!;
        for (var i = 0; i < runs; i++)
        {
            store = await backend.FreshAsync();
            times.Add(ChildProcess.Time(ChildProcess.Cli,
                ["import", "--strategy", Strategy, "--trades", tradesFile, "--balances", balancesFile, .. store.CliOptions],
                store.Environment));
        }
        times.Sort();
        return (times, store);
    }
}
