using Akka.Actor;
using Akka.Persistence;
using TradingActors.Actors.Performance;
using TradingActors.Domain;
using TradingActors.Domain.Events;
using TradingActors.Domain.Risk;

namespace TradingActors.Actors.Risk;

/// <summary>
/// One strategy's risk manager, event-sourced (<c>risk|ID</c>): it decides the strategy's exposure on the figures of
/// every persisted batch with the pure <see cref="RiskRules"/>, persists each decision
/// (<see cref="ExposureChanged"/>, <see cref="LimitChanged"/>), then publishes it (<see cref="RiskDecided"/> on the
/// node's event stream). It adds a clock, a timer and persistence; the rules are the domain's.
/// </summary>
/// <remarks>
/// <para>Figures arrive in journal order with their sequence number; an older or repeated one is ignored. A limit can
/// lift without new figures (a cooldown's end, a UTC midnight): a timer fires at <see cref="RiskRules.NextReview"/>
/// and re-decides on the latest figures.</para>
/// <para>After recovery it asks its strategy for the current figures and decides on them at once, so a restart or a
/// move to another node misses nothing; its state (limits, cooldown, credited wins) is the last decision's.</para>
/// </remarks>
public sealed class RiskManagerActor : ReceivePersistentActor, IWithTimers
{
    private const int SnapshotEvery = 100;
    private const string ReviewTimer = "review";

    /// <summary>The longest reason an operator's halt or resume may carry.</summary>
    public const int MaxReasonLength = 500;

    private readonly string _strategyId;
    private readonly RiskPolicy _policy;
    private readonly TimeProvider _clock;
    private readonly IActorRef? _strategies;
    private readonly List<(IActorRef ReplyTo, long AtLeast)> _waitingForFigures = [];
    private RiskState _state = RiskState.Initial;
    private RiskInputs? _last;
    private long _decidedSequenceNr;

    /// <param name="strategyId">the live strategy watched</param>
    /// <param name="policy">its risk policy</param>
    /// <param name="clock">the node's clock (a manual one in tests)</param>
    /// <param name="strategies">the strategies' shard region, asked for the current figures after recovery</param>
    public RiskManagerActor(string strategyId, RiskPolicy policy, TimeProvider clock, IActorRef? strategies)
    {
        _strategyId = strategyId;
        _policy = policy;
        _clock = clock;
        _strategies = strategies;
        PersistenceId = PersistenceIds.Risk(strategyId);

        Recover<SnapshotOffer>(offer =>
        {
            if (offer.Snapshot is RiskState state)
            {
                _state = state;
            }
        });
        Recover<RiskEvent>(e => _state = _state.Apply(e));
        Recover<RecoveryCompleted>(_ =>
        {
            _decidedSequenceNr = _state.LastSnapshotSequenceNr;
            _strategies?.Tell(new GetMetrics(_strategyId));
            ArmTimer();
        });

        Command<StrategyFigures>(f => Decide(f.Figures));
        Command<MetricsSnapshot>(s => Decide(RiskInputsOf.Snapshot(s)));
        Command<ReviewDue>(_ =>
        {
            if (_last is not null)
            {
                Decide(_last, review: true);
            }
        });
        Command<HaltStrategy>(h =>
        {
            if (!RejectReason(h.Reason))
            {
                Override(RiskRules.Halt(_state, h.Reason, _last, _clock.GetUtcNow()), Sender);
            }
        });
        Command<ResumeStrategy>(r =>
        {
            if (!RejectReason(r.Reason))
            {
                Override(RiskRules.Resume(_state, r.Reason, _last, _clock.GetUtcNow()), Sender);
            }
        });
        Command<GetExposure>(g =>
        {
            if (g.AtLeastSequenceNr <= _decidedSequenceNr)
            {
                Sender.Tell(View());
            }
            else
            {
                _waitingForFigures.Add((Sender, g.AtLeastSequenceNr));
            }
        });
        Command<WakeUp>(_ => { });
        Command<SaveSnapshotSuccess>(s => DeleteSnapshots(new SnapshotSelectionCriteria(s.Metadata.SequenceNr - 1)));
        Command<SaveSnapshotFailure>(_ => { });
        Command<DeleteSnapshotsSuccess>(_ => { });
        Command<DeleteSnapshotsFailure>(_ => { });
    }

    public override string PersistenceId { get; }

    public ITimerScheduler Timers { get; set; } = null!;

    /// <summary>The props of the risk manager of <paramref name="strategyId"/>.</summary>
    public static Props Props(string strategyId, RiskPolicy policy, TimeProvider clock, IActorRef? strategies) =>
        Akka.Actor.Props.Create(() => new RiskManagerActor(strategyId, policy, clock, strategies));

    private void Decide(RiskInputs figures, bool review = false)
    {
        if (!review && figures.SequenceNr <= _decidedSequenceNr && _last is not null)
        {
            return; // an older or repeated snapshot never overrides a newer one
        }
        _last = figures;
        var decision = RiskRules.Evaluate(_policy, _state, figures, _clock.GetUtcNow());
        if (decision is null)
        {
            Decided(figures.SequenceNr);
            return;
        }
        Persist(decision, e =>
        {
            Applied(e);
            Decided(figures.SequenceNr);
        });
    }

    /// <summary>
    /// Refuses an operator's reason that is blank or longer than <see cref="MaxReasonLength"/> (RiskRules leaves the
    /// check to its caller; a decision is persisted forever): answers <see cref="CommandRejected"/> and returns true.
    /// </summary>
    private bool RejectReason(string? reason)
    {
        Violation? problem = string.IsNullOrWhiteSpace(reason)
            ? new Violation("reason", "is required and must not be blank")
            : reason.Length > MaxReasonLength
                ? new Violation("reason", $"{reason.Length} characters, at most {MaxReasonLength}")
                : null;
        if (problem is null)
        {
            return false;
        }
        Sender.Tell(new CommandRejected([problem]));
        return true;
    }

    private void Override(RiskEvent? decision, IActorRef replyTo)
    {
        if (decision is null)
        {
            replyTo.Tell(View());
            return;
        }
        Persist(decision, e =>
        {
            Applied(e);
            replyTo.Tell(View());
        });
    }

    private void Applied(RiskEvent e)
    {
        _state = _state.Apply(e);
        Context.System.EventStream.Publish(new RiskDecided(_strategyId, LastSequenceNr, e));
        if (LastSequenceNr % SnapshotEvery == 0)
        {
            SaveSnapshot(_state);
        }
        ArmTimer();
    }

    private void Decided(long sequenceNr)
    {
        _decidedSequenceNr = Math.Max(_decidedSequenceNr, sequenceNr);
        ArmTimer();
        if (_waitingForFigures.Count == 0)
        {
            return;
        }
        var view = View();
        _waitingForFigures.RemoveAll(w =>
        {
            if (w.AtLeast > _decidedSequenceNr)
            {
                return false;
            }
            w.ReplyTo.Tell(view);
            return true;
        });
    }

    private void ArmTimer()
    {
        var now = _clock.GetUtcNow();
        if (RiskRules.NextReview(_policy, _state, now) is { } at)
        {
            Timers.StartSingleTimer(ReviewTimer, ReviewDue.Instance, at - now);
        }
        else
        {
            Timers.Cancel(ReviewTimer);
        }
    }

    private ExposureView View() => new(
        _strategyId,
        _state.Exposure,
        _state.LastExposureChange,
        _state.Limits,
        _decidedSequenceNr,
        RiskRules.NextReview(_policy, _state, _clock.GetUtcNow()));
}

/// <summary>The risk manager's timer: a limit may lift now.</summary>
public sealed class ReviewDue
{
    public static readonly ReviewDue Instance = new();

    private ReviewDue()
    {
    }
}

/// <summary>Starts a risk manager (its recovery re-arms its timer); a node sends one to every risk manager it knows.</summary>
public sealed record WakeUp(string StrategyId) : IStrategyMessage;
