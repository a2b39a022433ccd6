namespace TradingActors.Benchmarks;

/// <summary>
/// <c>bin/trading-actors report</c> end to end, process start included: a generated backtest of N trades plus N
/// balances (default 1,000,000 each), and the start-up on a one-trade file. Prints the median of the runs, and the raw
/// floor of the same machine: <c>wc -l</c> over the same files (reading them, nothing else).
/// </summary>
public static class ReportEndToEnd
{
    /// <summary><c>report-e2e [TRADES] [RUNS]</c>.</summary>
    public static int Run(BenchArgs args)
    {
        var trades = args.Int(0, 1_000_000);
        var runs = args.Int(1, 5);
        var cli = ChildProcess.Cli;
        var dir = Directory.CreateTempSubdirectory("trading-actors-bench-").FullName;
        try
        {
            var tradesFile = Path.Combine(dir, "trades.csv");
            var balancesFile = Path.Combine(dir, "balances.csv");
            SyntheticBacktest.WriteCsv(tradesFile, balancesFile, trades);
            var tinyTrades = Path.Combine(dir, "tiny-trades.csv");
            SyntheticBacktest.WriteCsv(tinyTrades, Path.Combine(dir, "tiny-balances.csv"), 1);
            ChildProcess.Time(cli, ["--help"]); // builds the command line when needed

            var big = ChildProcess.Median(runs, () => ChildProcess.Time(cli, ["report", "--trades", tradesFile, "--balances", balancesFile, "--json"]));
            var tiny = ChildProcess.Median(runs * 4, () => ChildProcess.Time(cli, ["report", "--trades", tinyTrades, "--initial-balance", "1000", "--json"]));
            var floor = ChildProcess.Median(runs, () => ChildProcess.Time("wc", ["-l", tradesFile, balancesFile]));
            var events = 2.0 * trades;
            Console.WriteLine(FormattableString.Invariant(
                $"report, {trades:N0} trades + {trades:N0} balances: median {big.TotalSeconds:F2} s = {events / big.TotalSeconds:N0} events/s (process start included)"));
            Console.WriteLine(FormattableString.Invariant($"report, one trade: median {tiny.TotalMilliseconds:F0} ms"));
            Console.WriteLine(FormattableString.Invariant($"floor, wc -l of both files: median {floor.TotalMilliseconds:F0} ms"));
            return 0;
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }
}
