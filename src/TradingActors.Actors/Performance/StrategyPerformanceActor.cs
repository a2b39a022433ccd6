using Akka.Actor;
using Akka.Event;
using Akka.Persistence;
using TradingActors.Actors.Risk;
using TradingActors.Actors.Serialization;
using TradingActors.Domain;
using TradingActors.Domain.Events;
using TradingActors.Domain.Risk;
using TradingActors.Domain.State;

namespace TradingActors.Actors.Performance;

/// <summary>
/// One strategy's performance, event-sourced: it validates commands, persists <see cref="TradeClosed"/> and
/// <see cref="BalanceUpdated"/> events, folds them with <see cref="PerformanceState.Apply"/> — the same fold as
/// <c>report</c> and <c>replay</c> — and after every persisted batch tells its risk manager and its subscribers. No
/// metric is computed here.
/// </summary>
/// <remarks>
/// <para><b>Write batching.</b> While a write is in flight, arriving commands are validated against the state they
/// will find (the durable state plus everything accepted before them) and wait; when the write completes, all that
/// waited go to the journal in one <c>PersistAllAsync</c> — one round trip for many commands — and each is answered on
/// its own once its events are durable. Order, validation and idempotency are exactly those of one command at a time.
/// A command's own events are one atomic write: they are never split across writes.</para>
/// <para><b>Answers only after durability.</b> A command whose events are all retries still waits for the writes
/// before it, so its acknowledgement never reports something not yet durable.</para>
/// </remarks>
public sealed class StrategyPerformanceActor : ReceivePersistentActor
{
    private readonly string _entityId;
    private readonly PerformanceActorSettings _settings;
    private readonly IActorRef? _riskManagers;
    private readonly List<Waiting> _waiting = [];
    private readonly List<Waiting> _inFlight = [];
    private readonly HashSet<IActorRef> _subscribers = [];
    private PerformanceState _durable;
    private PerformanceState _projected;
    private long _snapshotSequenceNr;
    private long _latestSavedSnapshot;

    /// <param name="entityId">the strategy id, or <c>ID@RUN</c> for a backtest run</param>
    /// <param name="settings">fold conventions, snapshot interval, write size</param>
    /// <param name="riskManagers">the risk managers' shard region; told the figures of every persisted batch of a live
    /// strategy (not of a backtest run); null where no risk manager runs</param>
    public StrategyPerformanceActor(string entityId, PerformanceActorSettings settings, IActorRef? riskManagers)
    {
        _entityId = entityId;
        _settings = settings;
        _riskManagers = StrategyIds.IsBacktestRun(entityId) ? null : riskManagers;
        _durable = PerformanceState.Empty(settings.Metrics);
        _projected = _durable;
        PersistenceId = PersistenceIds.Strategy(entityId);

        Recover<SnapshotOffer>(offer =>
        {
            if (offer.Snapshot is PerformanceSnapshot snapshot)
            {
                _durable = snapshot.State;
                _snapshotSequenceNr = offer.Metadata.SequenceNr;
            }
        });
        Recover<IPerformanceEvent>(e => _durable = _durable.Apply(e));
        Recover<RecoveryCompleted>(_ => _projected = _durable);

        Command<RecordTrades>(c => Accept(c.Trades, "trades", Sender));
        Command<RecordBalances>(c => Accept(c.Balances, "balances", Sender));
        Command<RecordEvents>(c => Accept(c.Events, "events", Sender));
        Command<GetMetrics>(_ => Sender.Tell(MetricsSnapshot.Of(_entityId, LastSequenceNr, _durable)));
        Command<GetBalanceHistory>(_ => Sender.Tell(History()));
        Command<SubscribeSnapshots>(s =>
        {
            if (_subscribers.Add(s.Subscriber))
            {
                Context.Watch(s.Subscriber);
            }
            Sender.Tell(MetricsSnapshot.Of(_entityId, LastSequenceNr, _durable));
        });
        Command<Terminated>(t => _subscribers.Remove(t.ActorRef));
        Command<SaveSnapshotSuccess>(s =>
        {
            // Saves may complete out of order: an older one confirmed after a newer one is deleted by this too.
            _latestSavedSnapshot = Math.Max(_latestSavedSnapshot, s.Metadata.SequenceNr);
            DeleteSnapshots(new SnapshotSelectionCriteria(_latestSavedSnapshot - 1));
        });
        Command<SaveSnapshotFailure>(f => Context.GetLogger().Warning(
            f.Cause, "snapshot of {0} at {1} failed; recovery will read more events", PersistenceId, f.Metadata.SequenceNr));
        Command<DeleteSnapshotsSuccess>(_ => { });
        Command<DeleteSnapshotsFailure>(_ => { });
    }

    public override string PersistenceId { get; }

    /// <summary>The props of the entity for <paramref name="entityId"/>.</summary>
    public static Props Props(string entityId, PerformanceActorSettings settings, IActorRef? riskManagers) =>
        Akka.Actor.Props.Create(() => new StrategyPerformanceActor(entityId, settings, riskManagers));

    private void Accept<TEvent>(IReadOnlyList<TEvent> events, string field, IActorRef replyTo)
        where TEvent : IPerformanceEvent
    {
        if (events is null)
        {
            replyTo.Tell(new CommandRejected([new Violation(field, "is required")]));
            return;
        }
        var violations = new List<Violation>();
        var accepted = new List<IPerformanceEvent>(events.Count);
        var next = _projected;
        for (var i = 0; i < events.Count; i++)
        {
            var e = events[i];
            if (e is null)
            {
                // A client's [null] must be refused like any bad element, not crash the entity (losing its callers).
                violations.Add(new Violation($"{field}[{i}]", "is null; every element must be an event"));
                continue;
            }
            foreach (var v in EventValidator.Validate(e))
            {
                violations.Add(new Violation($"{field}[{i}].{v.Field}", v.Message));
            }
            if (violations.Count > 0)
            {
                continue;
            }
            if (e is BalanceUpdated b)
            {
                if (next.IsRecentlyRecorded(b))
                {
                    continue;
                }
                if (next.CheckOrder(b) is { } order)
                {
                    violations.Add(new Violation($"{field}[{i}].{order.Field}", order.Message));
                    continue;
                }
            }
            var after = next.Apply(e);
            if (after.EventCount != next.EventCount)
            {
                accepted.Add(e);
                next = after;
            }
        }
        if (violations.Count > 0)
        {
            replyTo.Tell(new CommandRejected(violations));
            return;
        }
        _projected = next;
        _waiting.Add(new Waiting(replyTo, accepted, events.Count - accepted.Count));
        WriteWaiting();
    }

    /// <summary>Sends every waiting command's events to the journal in one write, unless a write is in flight.</summary>
    private void WriteWaiting()
    {
        if (_inFlight.Count > 0 || _waiting.Count == 0)
        {
            return;
        }
        var events = new List<IPerformanceEvent>();
        var taken = 0;
        while (taken < _waiting.Count
            && (taken == 0 || events.Count + _waiting[taken].Events.Count <= _settings.MaxEventsPerWrite))
        {
            events.AddRange(_waiting[taken].Events);
            taken++;
        }
        _inFlight.AddRange(_waiting.Take(taken));
        _waiting.RemoveRange(0, taken);
        if (events.Count > 0)
        {
            PersistAllAsync(events, e => _durable = _durable.Apply(e));
        }
        DeferAsync(events.Count, _ => Completed());
    }

    private void Completed()
    {
        var sequenceNr = LastSequenceNr;
        foreach (var w in _inFlight)
        {
            w.ReplyTo.Tell(new EventsRecorded(w.Events.Count, w.AlreadyRecorded, sequenceNr));
        }
        var wrote = _inFlight.Sum(w => w.Events.Count);
        _inFlight.Clear();
        if (wrote > 0)
        {
            Publish(sequenceNr);
            if (sequenceNr - _snapshotSequenceNr >= _settings.SnapshotEvery)
            {
                _snapshotSequenceNr = sequenceNr;
                // A copy of its own: the store serializes it later, while this actor folds on (see Detached).
                SaveSnapshot(SnapshotMapper.Detached(new PerformanceSnapshot(_durable), _settings.Metrics));
            }
        }
        WriteWaiting();
    }

    private void Publish(long sequenceNr)
    {
        _riskManagers?.Tell(new StrategyFigures(_entityId, RiskInputsOf.State(sequenceNr, _durable)));
        var live = _riskManagers is not null;
        if (_subscribers.Count > 0 || live)
        {
            var snapshot = MetricsSnapshot.Of(_entityId, sequenceNr, _durable);
            foreach (var s in _subscribers)
            {
                s.Tell(snapshot);
            }
            if (live)
            {
                // The node's feed of live strategies: the API's stream and gauges listen to it.
                Context.System.EventStream.Publish(snapshot);
            }
        }
    }

    private BalanceHistory History()
    {
        var daily = _durable.Daily;
        var (times, balances) = _durable.RecentBalances.Points();
        return new BalanceHistory(
            daily.IsEmpty ? null : Metrics.Time.DateOf(daily.FirstDay),
            daily.Closes(),
            times.Select(Instants.FromEpochMs).ToArray(),
            balances);
    }

    protected override void OnPersistFailure(Exception cause, object @event, long sequenceNr)
    {
        // The actor stops after this (the journal is failing); tell every caller now rather than let them time out.
        FailAll($"the journal could not write: {cause.Message}");
        base.OnPersistFailure(cause, @event, sequenceNr);
    }

    protected override void OnPersistRejected(Exception cause, object @event, long sequenceNr)
    {
        // The journal refused the write (nothing of it is stored): the accepted-but-unwritten state is void.
        FailAll($"the journal refused the write: {cause.Message}");
        _projected = _durable;
        base.OnPersistRejected(cause, @event, sequenceNr);
    }

    private void FailAll(string reason)
    {
        foreach (var w in _inFlight.Concat(_waiting))
        {
            w.ReplyTo.Tell(new CommandFailed(reason));
        }
        _inFlight.Clear();
        _waiting.Clear();
    }

    /// <summary>A command accepted and waiting to be written: who to answer, its new events, its retries.</summary>
    private sealed record Waiting(IActorRef ReplyTo, IReadOnlyList<IPerformanceEvent> Events, int AlreadyRecorded);
}
