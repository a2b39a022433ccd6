using Akka.Actor;
using TradingActors.Actors.Performance;
using TradingActors.Domain.Events;

namespace TradingActors.Benchmarks.Journal;

/// <summary>
/// Managed heap per active strategy: <c>GC.GetTotalMemory</c> after full collections, before and after waking N
/// strategies of 100 events each (50 trades, 50 balances, one <c>RecordEvents</c>), and again once sharding has
/// passivated them (passivate-after shortened to 5 s: at 2 s, a command still waiting for its entity's recovery on a
/// loaded machine was cut off by the passivation and never answered). Measured for backtest runs (<c>ID@RUN</c>: the
/// performance actor alone) and for live strategies (which also wake a risk manager, never passivated). 200 strategies
/// of each kind are woken and passivated first, so that the shards exist and the code is compiled before the baseline.
/// </summary>
public static class StrategyMemory
{
    public static readonly TimeSpan PassivateAfter = TimeSpan.FromSeconds(5);
    private static readonly IPerformanceEvent[] Events = SyntheticBacktest.Events(50);

    /// <summary>Per kind (<c>backtest run</c>, <c>live</c>): bytes per strategy while active, and after passivation.</summary>
    public static async Task<List<(string Kind, double Active, double Passivated)>> RunAsync(JournalStore store, int strategies)
    {
        await using var node = await store.StartNodeAsync(PassivateAfter);
        var region = node.Registry.Get<StrategyPerformanceActor>();
        await WakeAsync(region, Enumerable.Range(0, 200).Select(i => $"warm{i}@run"));
        await WakeAsync(region, Enumerable.Range(0, 200).Select(i => $"warm{i}"));
        var results = new List<(string, double, double)>();
        foreach (var (kind, suffix) in new[] { ("backtest run", "@run"), ("live", "") })
        {
            var before = await PassivatedHeapAsync();
            await WakeAsync(region, Enumerable.Range(0, strategies).Select(i => $"mem{i}{suffix}"));
            var active = Heap();
            var after = await PassivatedHeapAsync();
            results.Add((kind, (active - before) / (double)strategies, (after - before) / (double)strategies));
        }
        return results;
    }

    private static async Task WakeAsync(IActorRef region, IEnumerable<string> ids)
    {
        using var gate = new SemaphoreSlim(16);
        await Task.WhenAll(ids.Select(async id =>
        {
            await gate.WaitAsync();
            try
            {
                var answer = await region.Ask<object>(new RecordEvents(id, Events), TimeSpan.FromSeconds(60))
                    .ContinueWith(t => t.IsCompletedSuccessfully ? t.Result : $"no answer ({t.Exception?.InnerException?.Message})", TaskScheduler.Default);
                if (answer is not EventsRecorded)
                {
                    throw new InvalidOperationException($"RecordEvents to {id}: {answer}");
                }
            }
            finally
            {
                gate.Release();
            }
        }));
    }

    /// <summary>The heap once every idle entity has had time to be passivated.</summary>
    private static async Task<long> PassivatedHeapAsync()
    {
        await Task.Delay(PassivateAfter * 4);
        return Heap();
    }

    private static long Heap()
    {
        GC.Collect();
        GC.WaitForPendingFinalizers();
        return GC.GetTotalMemory(forceFullCollection: true);
    }
}
