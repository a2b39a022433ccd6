using System.Diagnostics;
using Akka.Actor;
using TradingActors.Actors.Performance;
using TradingActors.Cli.Commands;
using TradingActors.Domain;

namespace TradingActors.Benchmarks.Journal;

/// <summary>
/// Cold start of one strategy holding many events with snapshots (every <c>snapshot-every</c> events, as configured):
/// the events are written through the node with <c>RecordEvents</c> batches of 1,000 (<c>import</c>'s own batching,
/// four in flight), then each run starts a fresh node in this process and times the first <c>GetMetrics</c> to its
/// answer (shard allocation, snapshot load, tail replay). A strategy of two events on fresh nodes is the floor; it is
/// written first (a snapshot store whose circuit breaker opened during the big write fails its recovery).
/// </summary>
public static class ColdStart
{
    public const string Big = "cold";
    public const string Tiny = "tiny";

    /// <summary>The time to write the events, the latest snapshot's sequence number, the medians of the first answers.</summary>
    public static async Task<(TimeSpan Write, long Snapshot, TimeSpan Cold, TimeSpan Tiny)> RunAsync(JournalStore store, int events, int runs)
    {
        var all = SyntheticBacktest.Events(events / 2);
        var clock = new Stopwatch();
        await using (var node = await store.StartNodeAsync())
        {
            var region = node.Registry.Get<StrategyPerformanceActor>();
            await ImportCommand.ImportAsync(region, Tiny, all[..2], 1000, progress: false, CancellationToken.None);
            clock.Start();
            await ImportCommand.ImportAsync(region, Big, all, 1000, progress: false, CancellationToken.None);
            clock.Stop();
        }
        long snapshot;
        using (var connection = store.Open())
        {
            snapshot = JournalStore.Scalar(connection, $"SELECT coalesce(max(sequence_number), 0) FROM snapshot WHERE persistence_id = 'strategy|{Big}'");
        }
        return (clock.Elapsed, snapshot, await MedianFirstAnswerAsync(store, Big, events, runs), await MedianFirstAnswerAsync(store, Tiny, 2, runs));
    }

    private static async Task<TimeSpan> MedianFirstAnswerAsync(JournalStore store, string strategy, int events, int runs)
    {
        var times = new List<TimeSpan>();
        for (var i = 0; i < runs; i++)
        {
            await using var node = await store.StartNodeAsync();
            var region = node.Registry.Get<StrategyPerformanceActor>();
            var start = Stopwatch.GetTimestamp();
            var metrics = await region.Ask<MetricsSnapshot>(new GetMetrics(strategy), TimeSpan.FromMinutes(5));
            times.Add(Stopwatch.GetElapsedTime(start));
            if (metrics.SequenceNr != events)
            {
                throw new InvalidOperationException($"{strategy}: recovered at {metrics.SequenceNr}, expected {events}");
            }
        }
        times.Sort();
        return times[times.Count / 2];
    }
}
