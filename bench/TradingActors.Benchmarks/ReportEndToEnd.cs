using System.Diagnostics;
using System.Globalization;

namespace TradingActors.Benchmarks;

/// <summary>
/// <c>bin/trading-actors report</c> end to end, process start included: a generated backtest of N trades plus N
/// balances (default 1,000,000 each), and the start-up on a one-trade file. Prints the median of the runs, and the raw
/// floor of the same machine: <c>wc -l</c> over the same files (reading them, nothing else).
/// </summary>
public static class ReportEndToEnd
{
    public static int Run(string[] args)
    {
        var trades = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 1_000_000;
        var runs = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 5;
        var root = FindRoot();
        var cli = Path.Combine(root, "bin", "trading-actors");
        var dir = Directory.CreateTempSubdirectory("trading-actors-bench-").FullName;
        try
        {
            var tradesFile = Path.Combine(dir, "trades.csv");
            var balancesFile = Path.Combine(dir, "balances.csv");
            SyntheticBacktest.WriteCsv(tradesFile, balancesFile, trades);
            var tinyTrades = Path.Combine(dir, "tiny-trades.csv");
            SyntheticBacktest.WriteCsv(tinyTrades, Path.Combine(dir, "tiny-balances.csv"), 1);
            Time(cli, ["--help"], 1); // builds the command line when needed

            var big = Time(cli, ["report", "--trades", tradesFile, "--balances", balancesFile, "--json"], runs);
            var tiny = Time(cli, ["report", "--trades", tinyTrades, "--initial-balance", "1000", "--json"], runs * 4);
            var floor = Time("wc", ["-l", tradesFile, balancesFile], runs);
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

    private static TimeSpan Time(string program, string[] args, int runs)
    {
        var times = new List<TimeSpan>();
        for (var i = 0; i < runs; i++)
        {
            var start = new ProcessStartInfo(program) { RedirectStandardOutput = true, UseShellExecute = false };
            foreach (var a in args)
            {
                start.ArgumentList.Add(a);
            }
            var clock = Stopwatch.StartNew();
            using var process = Process.Start(start)!;
            process.StandardOutput.BaseStream.CopyTo(Stream.Null);
            process.WaitForExit();
            clock.Stop();
            if (process.ExitCode != 0)
            {
                throw new InvalidOperationException($"{program} {string.Join(' ', args)} exited with {process.ExitCode}");
            }
            times.Add(clock.Elapsed);
        }
        times.Sort();
        return times[times.Count / 2];
    }

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "TradingActors.sln")))
            {
                return dir.FullName;
            }
        }
        throw new InvalidOperationException("run from inside the repository");
    }
}
