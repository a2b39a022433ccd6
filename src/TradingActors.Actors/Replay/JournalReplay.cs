using Akka.Actor;
using Akka.Persistence.Query;
using Akka.Persistence.Sql.Query;
using Akka.Streams;
using Akka.Streams.Dsl;
using TradingActors.Actors.Performance;
using TradingActors.Domain.Events;

namespace TradingActors.Actors.Replay;

/// <summary>
/// Reads strategies' events back from the journal alone (Akka.Persistence.Query, no actor, no snapshot), in journal
/// order: what <c>replay</c> folds to rebuild metrics.
/// </summary>
public static class JournalReplay
{
    /// <summary>Every strategy and backtest run the journal holds (entity ids), sorted.</summary>
    public static async Task<IReadOnlyList<string>> StrategiesAsync(ActorSystem system, CancellationToken cancel = default)
    {
        // Filter before mapping: a stream element must never be null (a risk id has no strategy id).
        var ids = await ReadJournal(system).CurrentPersistenceIds()
            .Where(pid => PersistenceIds.StrategyOf(pid) is not null)
            .Select(pid => PersistenceIds.StrategyOf(pid)!)
            .RunAggregate(new List<string>(), (list, id) => { list.Add(id); return list; }, system.Materializer())
            .WaitAsync(cancel)
            .ConfigureAwait(false);
        ids.Sort(StringComparer.Ordinal);
        return ids;
    }

    /// <summary>Every risk manager the journal knows (strategy ids), for a node to wake them at start.</summary>
    public static async Task<IReadOnlyList<string>> RiskManagersAsync(ActorSystem system, CancellationToken cancel = default) =>
        await ReadJournal(system).CurrentPersistenceIds()
            .Where(pid => PersistenceIds.RiskOf(pid) is not null)
            .Select(pid => PersistenceIds.RiskOf(pid)!)
            .RunAggregate(new List<string>(), (list, id) => { list.Add(id); return list; }, system.Materializer())
            .WaitAsync(cancel)
            .ConfigureAwait(false);

    /// <summary>Calls <paramref name="onEvent"/> for each event of the strategy, in journal order.</summary>
    public static Task ReplayAsync(
        ActorSystem system, string entityId, Action<IPerformanceEvent> onEvent, CancellationToken cancel = default) =>
        ReadJournal(system)
            .CurrentEventsByPersistenceId(PersistenceIds.Strategy(entityId), 0, long.MaxValue)
            .RunForeach(e =>
            {
                if (e.Event is IPerformanceEvent performanceEvent)
                {
                    onEvent(performanceEvent);
                }
            }, system.Materializer())
            .WaitAsync(cancel);

    /// <summary>How many events the journal holds for the strategy (its highest sequence number).</summary>
    public static async Task<long> EventCountAsync(ActorSystem system, string entityId, CancellationToken cancel = default)
    {
        var last = await ReadJournal(system)
            .CurrentEventsByPersistenceId(PersistenceIds.Strategy(entityId), 0, long.MaxValue)
            .RunAggregate(0L, (_, e) => e.SequenceNr, system.Materializer())
            .WaitAsync(cancel)
            .ConfigureAwait(false);
        return last;
    }

    private static SqlReadJournal ReadJournal(ActorSystem system) =>
        PersistenceQuery.Get(system).ReadJournalFor<SqlReadJournal>(SqlReadJournal.Identifier);
}
