using System.Globalization;

namespace TradingActors.Benchmarks.Journal;

/// <summary>
/// <c>journal [sqlite|postgres|both]</c>: the journal path of the product end to end — <c>import</c> and
/// <c>replay</c> as child processes, concurrent single commands, cold start, disk and heap per strategy on a node in
/// this process — beside the raw floors of the same database in the same run. docs/benchmarks.md records the figures.
/// </summary>
public static class JournalBench
{
    public static readonly string[] Options = ["trades", "runs", "callers", "seconds", "cold-events", "strategies"];

    public static async Task<int> RunAsync(BenchArgs args)
    {
        var backends = args.Word(0, "both") switch
        {
            "sqlite" => new[] { "sqlite" },
            "postgres" => ["postgres"],
            "both" => ["sqlite", "postgres"],
            var other => throw new ArgumentException($"sqlite, postgres or both, got '{other}'"),
        };
        var trades = args.Int("trades", 50_000);
        var runs = args.Int("runs", 3);
        var callers = args.Int("callers", 32);
        var duration = TimeSpan.FromSeconds(args.Int("seconds", 10));
        var coldEvents = args.Int("cold-events", 1_000_000);
        var strategies = args.Int("strategies", 1000);
        var figures = new Figures();
        ChildProcess.Time(ChildProcess.Cli, ["--help"]); // builds the command line when needed
        var csv = Directory.CreateTempSubdirectory("trading-actors-journal-csv-").FullName;
        try
        {
            foreach (var name in backends)
            {
                await using var backend = await JournalBackend.StartAsync(name);
                foreach (var phase in Phases(backend, figures, csv, trades, runs, callers, duration, coldEvents, strategies))
                {
                    try
                    {
                        await phase();
                    }
                    catch (Exception e) when (e is InvalidOperationException or TimeoutException or Akka.Actor.AskTimeoutException or IOException)
                    {
                        figures.Add(name, "a phase FAILED", e.Message.ReplaceLineEndings(" "));
                    }
                }
            }
        }
        finally
        {
            Directory.Delete(csv, recursive: true);
        }
        figures.PrintTable();
        return 0;
    }

    /// <summary>The benchmarks of one database, in order; each that fails is recorded as failed and the next runs.</summary>
    private static Func<Task>[] Phases(
        JournalBackend backend, Figures figures, string csv, int trades, int runs, int callers, TimeSpan duration, int coldEvents, int strategies)
    {
        var db = backend.Name;
        var sqlite = backend.Server is null;
        var events = 2 * trades;
        string Rate(double perSecond) => FormattableString.Invariant($"{perSecond:N0} events/s");
        return [ImportReplayFloorsAsync, CommandsAsync, MemoryAsync, ColdAsync];

        async Task ImportReplayFloorsAsync()
        {
            var (imports, store) = await CliImport.RunAsync(backend, csv, trades, runs);
            var import = imports[imports.Count / 2];
            var importRate = events / import.TotalSeconds;
            figures.Add(db, FormattableString.Invariant($"import {events:N0} events, process included (median of {runs})"),
                FormattableString.Invariant($"{import.TotalSeconds:F2} s = {Rate(importRate)} (runs: {string.Join(", ", imports.Select(t => t.TotalSeconds.ToString("F1", CultureInfo.InvariantCulture)))} s)"),
                sqlite ? "≥ 60k/s" : "≥ 20k/s", importRate >= (sqlite ? 60_000 : 20_000));

            var (database, journal, rows) = store.Size();
            var perEvent = (sqlite ? database : journal) / (double)rows;
            figures.Add(db, FormattableString.Invariant($"disk per event ({rows:N0} journal rows)"),
                FormattableString.Invariant($"{perEvent:F0} B ({(sqlite ? "file" : "journal table")}); journal table {journal / (double)rows:F0} B, database {database / (double)rows:F0} B"),
                "≤ 200 B", perEvent <= 200);

            var replay = CliReplay.Run(store, runs);
            var replayRate = events / replay.TotalSeconds;
            figures.Add(db, FormattableString.Invariant($"replay {events:N0} events, process included (median of {runs})"),
                FormattableString.Invariant($"{replay.TotalSeconds:F2} s = {Rate(replayRate)}"), "≥ 60k/s", replayRate >= 60_000);

            var floor = RowFloor.Run(store, duration);
            figures.Add(db, FormattableString.Invariant($"floor: INSERT the same {rows:N0} rows, 1,000 a transaction"), Rate(floor.BatchedRowsPerSecond).Replace("events", "rows", StringComparison.Ordinal));
            figures.Add(db, "floor: INSERT one row per commit, 1 client",
                FormattableString.Invariant($"{floor.CommitsPerSecond:N0} commits/s, {Figures.Percentiles(floor.CommitLatency)}"));
            if (backend.Server is { } server)
        {
                foreach (var clients in new[] { 1, 16 })
                {
                    var tps = await Pgbench.TransactionsPerSecondAsync(server, clients, duration);
                    figures.Add(db, $"floor: pgbench simple-update, {clients} client(s)", FormattableString.Invariant($"{tps:N0} commits/s"));
                }
        }

        }

        async Task CommandsAsync()
        {
            var commands = await backend.FreshAsync();
            await using (var node = await commands.StartNodeAsync())
        {
                var many = await ConcurrentCommands.RunAsync(node, Ids("c", 100), callers, duration);
                var p99 = many.Latency.GetValueAtPercentile(99) / 1000.0;
                figures.Add(db, $"RecordTrades of 1 trade, {callers} callers over 100 strategies",
                    $"{Rate(many.EventsPerSecond)}, {Figures.Percentiles(many.Latency)}",
                    sqlite ? "≥ 8k/s, p99 < 20 ms" : "", sqlite ? many.EventsPerSecond >= 8000 && p99 < 20 : null);
                var one = await ConcurrentCommands.RunAsync(node, Ids("one", 1), 1, duration);
                figures.Add(db, "RecordTrades of 1 trade, 1 caller, 1 strategy", $"{Rate(one.EventsPerSecond)}, {Figures.Percentiles(one.Latency)}",
                    "p99 < 2 ms", one.Latency.GetValueAtPercentile(99) < 2000);
        }

        if (sqlite)
        {
            await using var node = await (await backend.FreshAsync()).StartNodeAsync(hocon: JournalStore.InMemoryJournal);
            var ceiling = await ConcurrentCommands.RunAsync(node, Ids("m", 100), callers, duration);
            figures.Add("in-memory", $"ceiling: the same {callers} callers over 100 strategies, Akka's in-memory journal",
                $"{Rate(ceiling.EventsPerSecond)}, {Figures.Percentiles(ceiling.Latency)}");
        }

        }

        async Task MemoryAsync()
        {
            var memory = await StrategyMemory.RunAsync(await backend.FreshAsync(), strategies);
            foreach (var (kind, active, passivated) in memory)
        {
                figures.Add(db, FormattableString.Invariant($"heap per active strategy ({kind}, {strategies:N0} of 100 events)"),
                    FormattableString.Invariant($"{active / 1024:F1} KB; after passivation {passivated / 1024:F1} KB"),
                    "≤ 10 KB, ≈ 0 passivated", active <= 10 * 1024 && passivated <= 512);
        }

        }

        async Task ColdAsync()
        {
            var cold = await ColdStart.RunAsync(await backend.FreshAsync(), coldEvents, runs);
            figures.Add(db, FormattableString.Invariant($"write {coldEvents:N0} events of 1 strategy, RecordEvents of 1,000 (in process)"),
                FormattableString.Invariant($"{cold.Write.TotalSeconds:F1} s = {Rate(coldEvents / cold.Write.TotalSeconds)}; latest snapshot at {cold.Snapshot:N0}"));
            figures.Add(db, FormattableString.Invariant($"cold start: first GetMetrics of {coldEvents:N0} events on a fresh node (median of {runs})"),
                FormattableString.Invariant($"{cold.Cold.TotalMilliseconds:F0} ms (a 2-event strategy: {cold.Tiny.TotalMilliseconds:F0} ms)"),
                "< 200 ms", cold.Cold < TimeSpan.FromMilliseconds(200));
        }
    }

    private static string[] Ids(string prefix, int count, string suffix = "") =>
        [.. Enumerable.Range(0, count).Select(i => $"{prefix}{i:D3}{suffix}")];
}
