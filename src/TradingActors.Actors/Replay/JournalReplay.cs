using Akka.Actor;
using Akka.Persistence;
using Akka.Persistence.Query;
using Akka.Persistence.Sql.Query;
using Akka.Streams;
using Akka.Streams.Dsl;
using TradingActors.Actors.Performance;
using TradingActors.Domain.Events;
using TradingActors.Domain.Risk;

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

    /// <summary>
    /// The strategy's persisted risk decisions after <paramref name="afterSequenceNr"/>, oldest first, each with its
    /// sequence number in the strategy's risk journal (what the API lists and the stream resumes from).
    /// </summary>
    public static async Task<IReadOnlyList<(long SequenceNr, RiskEvent Decision)>> RiskEventsAsync(
        ActorSystem system, string strategyId, long afterSequenceNr = 0, CancellationToken cancel = default) =>
        await ReadJournal(system)
            .CurrentEventsByPersistenceId(PersistenceIds.Risk(strategyId), afterSequenceNr + 1, long.MaxValue)
            .Where(e => e.Event is RiskEvent)
            .RunAggregate(
                new List<(long, RiskEvent)>(),
                (list, e) => { list.Add((e.SequenceNr, (RiskEvent)e.Event)); return list; },
                system.Materializer())
            .WaitAsync(cancel)
            .ConfigureAwait(false);

    /// <summary>
    /// How many events the journal holds for the strategy (its highest sequence number; the product never deletes
    /// events): one query of the journal plugin, the same a recovering actor makes, without reading any event.
    /// </summary>
    public static async Task<long> EventCountAsync(ActorSystem system, string entityId, CancellationToken cancel = default)
    {
        var journal = Akka.Persistence.Persistence.Instance.Apply(system).JournalFor(null);
        // A replay of no events (to sequence number 0) still reads the highest one, which ends the answer.
        var answer = await journal.Ask<object>(
                replyTo => new ReplayMessages(0, 0, 0, PersistenceIds.Strategy(entityId), replyTo),
                QueryTimeout,
                cancel)
            .ConfigureAwait(false);
        return answer switch
        {
            RecoverySuccess success => success.HighestSequenceNr,
            ReplayMessagesFailure failure => throw new IOException(
                $"could not read the journal of '{entityId}': {failure.Cause.Message}", failure.Cause),
            _ => throw new InvalidOperationException($"unexpected answer from the journal: {answer}"),
        };
    }

    private static readonly TimeSpan QueryTimeout = TimeSpan.FromSeconds(30);

    private static SqlReadJournal ReadJournal(ActorSystem system) =>
        PersistenceQuery.Get(system).ReadJournalFor<SqlReadJournal>(SqlReadJournal.Identifier);
}
