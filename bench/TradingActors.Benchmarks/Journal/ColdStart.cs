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
/// answer (shard allocation, snapshot load, tail replay). A strategy of two events on fresh nodes is the floor.
/// </summary>
public static class ColdStart
{
    public const string Big = "cold";
    public const string Tiny = "tiny";

    public static async Task<(TimeSpan Write, TimeSpan Cold, TimeSpan Tiny)> RunAsync(JournalStore store, int events, int runs)
    {
        var all = SyntheticBacktest.Events(events / 2);
        var clock = Stopwatch.StartNew();
        await using (var node = await store.StartNodeAsync())
        {
            var region = node.Registry.Get<StrategyPerformanceActor>();
            await ImportCommand.ImportAsync(region, Big, all, 1000, progress: false, CancellationToken.None);
            clock.Stop();
            await ImportCommand.ImportAsync(region, Tiny, all[..2], 1000, progress: false, CancellationToken.None);
        }
        return (clock.Elapsed, await MedianFirstAnswerAsync(store, Big, events, runs), await MedianFirstAnswerAsync(store, Tiny, 2, runs));
    }

    private static async Task<TimeSpan> MedianFirstAnswerAsync(JournalStore store, string strategy, int events, int runs)
    {
        var times = new List<TimeSpan>();
        for (var i = 0; i < runs; i++)
        {
            await using var node = await store.StartNodeAsync();
            var region = node.Registry.Get<StrategyPerformanceActor>();
            var start = Stopwatch.GetTimestamp();
            var metrics = await region.Ask<MetricsSnapshot>(new GetMetrics(strategy), TimeSpan.FromMinutes(2));
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
