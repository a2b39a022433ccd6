using System.Diagnostics;
using Akka.Actor;
using HdrHistogram;
using TradingActors.Actors.Performance;
using TradingActors.Cli.Hosting;

namespace TradingActors.Benchmarks.Journal;

/// <summary>
/// Single commands through the shard region of a node in this process: N callers, each asking <c>RecordTrades</c> of
/// one new trade and waiting for its answer (durable) before the next, spread round-robin over the given strategies,
/// for a fixed time after a warm-up of the same length (the strategies woken, the code paths compiled: a node serves
/// for long). Events/s and the latency of each command (HdrHistogram, microseconds).
/// </summary>
public static class ConcurrentCommands
{
    private static readonly TimeSpan AskTimeout = TimeSpan.FromSeconds(30);
    private static int next = -1; // trade numbers, unique across runs

    public static async Task<(double EventsPerSecond, HistogramBase Latency)> RunAsync(
        NodeHost node, IReadOnlyList<string> ids, int callers, TimeSpan duration)
    {
        var region = node.Registry.Get<StrategyPerformanceActor>();
        await DriveAsync(region, ids, callers, duration);
        return await DriveAsync(region, ids, callers, duration);
    }

    private static async Task<(double EventsPerSecond, HistogramBase Latency)> DriveAsync(
        IActorRef region, IReadOnlyList<string> ids, int callers, TimeSpan duration)
    {
        var clock = Stopwatch.StartNew();
        var perCaller = await Task.WhenAll(Enumerable.Range(0, callers).Select(_ => Task.Run(async () =>
        {
            var latency = Figures.Latencies();
            while (clock.Elapsed < duration)
            {
                var n = Interlocked.Increment(ref next);
                var start = Stopwatch.GetTimestamp();
                await RecordAsync(region, ids[n % ids.Count], n);
                latency.RecordValue(Figures.MicrosecondsSince(start));
            }
            return latency;
        })));
        clock.Stop();
        var all = Figures.Latencies();
        foreach (var h in perCaller)
        {
            all.Add(h);
        }
        return (all.TotalCount / clock.Elapsed.TotalSeconds, all);
    }

    private static async Task RecordAsync(IActorRef region, string strategy, int n)
    {
        var trade = SyntheticBacktest.Trade(new Random(n), n);
        var answer = await region.Ask<object>(new RecordTrades(strategy, [trade]), AskTimeout);
        if (answer is not EventsRecorded { Recorded: 1 })
        {
            throw new InvalidOperationException($"RecordTrades to {strategy}: {answer}");
        }
    }
}
