package io.tradingactors.actors.performance;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import io.tradingactors.actors.CborSerializable;
import io.tradingactors.actors.EventTags;
import io.tradingactors.domain.MetricsSnapshot;
import io.tradingactors.domain.event.BalanceUpdated;
import io.tradingactors.domain.event.EventValidator;
import io.tradingactors.domain.event.PerformanceEvent;
import io.tradingactors.domain.event.TradeClosed;
import io.tradingactors.domain.event.Violation;
import io.tradingactors.domain.state.BalancePoint;
import io.tradingactors.domain.state.PerformanceState;
import io.tradingactors.metrics.MetricSettings;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.actor.typed.ActorSystem;
import org.apache.pekko.actor.typed.Behavior;
import org.apache.pekko.actor.typed.SupervisorStrategy;
import org.apache.pekko.actor.typed.javadsl.ActorContext;
import org.apache.pekko.actor.typed.javadsl.Behaviors;
import org.apache.pekko.cluster.sharding.typed.javadsl.ClusterSharding;
import org.apache.pekko.cluster.sharding.typed.javadsl.Entity;
import org.apache.pekko.cluster.sharding.typed.javadsl.EntityTypeKey;
import org.apache.pekko.pattern.StatusReply;
import org.apache.pekko.persistence.typed.PersistenceId;
import org.apache.pekko.persistence.typed.javadsl.CommandHandlerWithReply;
import org.apache.pekko.persistence.typed.javadsl.EventHandler;
import org.apache.pekko.persistence.typed.javadsl.EventSourcedBehaviorWithEnforcedReplies;
import org.apache.pekko.persistence.typed.javadsl.ReplyEffect;
import org.apache.pekko.persistence.typed.javadsl.RetentionCriteria;
import org.apache.pekko.persistence.typed.javadsl.SignalHandler;
import org.apache.pekko.persistence.typed.RecoveryCompleted;

/**
 * One strategy's performance, event-sourced: it validates commands, persists {@link TradeClosed} and
 * {@link BalanceUpdated} events, folds them with {@link PerformanceState#apply} — nothing else — and publishes a
 * {@link MetricsSnapshot} to its subscribers and its {@link SnapshotListener} (the risk manager) after every persisted
 * batch.
 *
 * <p>A batch is all-or-nothing: one invalid element rejects the whole command and nothing is persisted. A trade id
 * already recorded (or repeated within the batch) is acknowledged and skipped, as is a balance repeating a recent one
 * exactly ({@link PerformanceState#isRecentlyRecorded}): live engines retry. Balances must not go back in time
 * ({@link PerformanceState#checkOrder}).
 */
public final class StrategyPerformanceActor
    extends EventSourcedBehaviorWithEnforcedReplies<
        StrategyPerformanceActor.Command, PerformanceEvent, PerformanceState> {

  public static final EntityTypeKey<Command> ENTITY_TYPE_KEY =
      EntityTypeKey.create(Command.class, "strategy");

  // ---- protocol -------------------------------------------------------------------------------------------------

  public sealed interface Command extends CborSerializable
      permits RecordTrades, RecordBalances, RecordEvents, GetSnapshot, GetBalanceHistory, Subscribe, Unsubscribe {}

  /** Record closed trades; replies after they are persisted. */
  public record RecordTrades(List<TradeClosed> trades, ActorRef<StatusReply<Recorded>> replyTo)
      implements Command {}

  /** Record balance observations (non-decreasing times); replies after they are persisted. */
  public record RecordBalances(List<BalanceUpdated> balances, ActorRef<StatusReply<Recorded>> replyTo)
      implements Command {}

  /**
   * Record trades and balances interleaved in the order they happened (a backtest import): the fold sees exactly
   * the order the batch path sees. Replies after they are persisted.
   */
  public record RecordEvents(
      // Between nodes each element carries its type; the journal's own event format is unaffected.
      @JsonTypeInfo(use = JsonTypeInfo.Id.NAME, include = JsonTypeInfo.As.WRAPPER_OBJECT)
          @JsonSubTypes({
            @JsonSubTypes.Type(value = TradeClosed.class, name = "trade"),
            @JsonSubTypes.Type(value = BalanceUpdated.class, name = "balance")
          })
          List<PerformanceEvent> events,
      ActorRef<StatusReply<Recorded>> replyTo)
      implements Command {}

  public record GetSnapshot(ActorRef<MetricsSnapshot> replyTo) implements Command {}

  public record GetBalanceHistory(ActorRef<BalanceHistory> replyTo) implements Command {}

  /** Receive every snapshot from now on, starting with the current one. */
  public record Subscribe(ActorRef<MetricsSnapshot> subscriber) implements Command {}

  public record Unsubscribe(ActorRef<MetricsSnapshot> subscriber) implements Command {}

  /**
   * The acknowledgement of a write.
   *
   * @param recorded elements persisted by this command
   * @param duplicates trades skipped because their id was already recorded
   * @param sequenceNr the journal position after the command
   */
  public record Recorded(int recorded, int duplicates, long sequenceNr) implements CborSerializable {}

  /** Daily closes (one per UTC day from the first) and the most recent raw observations. */
  public record BalanceHistory(long firstDay, double[] dailyCloses, List<BalancePoint> recent)
      implements CborSerializable {}

  // ---- sharding -------------------------------------------------------------------------------------------------

  /** Registers the entity with Cluster Sharding on this node. */
  public static void initSharding(ActorSystem<?> system, Settings settings) {
    ClusterSharding.get(system)
        .init(
            Entity.of(ENTITY_TYPE_KEY, ctx -> create(ctx.getEntityId(), settings)));
  }

  public static Behavior<Command> create(String entityId, Settings settings) {
    return Behaviors.setup(ctx -> new StrategyPerformanceActor(ctx, entityId, settings));
  }

  /**
   * @param metrics the conventions folded into a fresh state
   * @param snapshotEvery a state snapshot every this many events (recovery reads a snapshot plus a tail)
   * @param listener told every snapshot of a live track (not of a backtest run) published after a persisted batch (the
   *     node forwards them to the risk manager); {@link SnapshotListener#NONE} for none
   */
  public record Settings(MetricSettings metrics, int snapshotEvery, SnapshotListener listener) {
    public static final Settings DEFAULTS = new Settings(MetricSettings.DEFAULTS, 1_000);

    public Settings(MetricSettings metrics, int snapshotEvery) {
      this(metrics, snapshotEvery, SnapshotListener.NONE);
    }

    public Settings withListener(SnapshotListener l) {
      return new Settings(metrics, snapshotEvery, l);
    }
  }

  /** Receives each snapshot published after a persisted batch, on the entity's thread: it must only send messages. */
  @FunctionalInterface
  public interface SnapshotListener {
    SnapshotListener NONE = snapshot -> {};

    void published(MetricsSnapshot snapshot);
  }

  // ---- behavior -------------------------------------------------------------------------------------------------

  private final ActorContext<Command> context;
  private final String entityId;
  private final Settings settings;
  private final Set<ActorRef<MetricsSnapshot>> subscribers = new HashSet<>();
  private final boolean tellsListener;
  private final Set<String> tags;
  private MetricsSnapshot latest;

  private StrategyPerformanceActor(ActorContext<Command> context, String entityId, Settings settings) {
    super(
        PersistenceId.of(ENTITY_TYPE_KEY.name(), entityId),
        // A failed write stops the entity; it restarts (recovering from the journal) once the database answers.
        SupervisorStrategy.restartWithBackoff(Duration.ofMillis(200), Duration.ofSeconds(10), 0.2));
    this.context = context;
    this.entityId = entityId;
    this.settings = settings;
    // A backtest run (id@run) is never traded, so its snapshots are not the listener's (the risk manager's) business.
    this.tellsListener = settings.listener() != SnapshotListener.NONE && StrategyIds.runOf(entityId) == null;
    this.tags = Set.of(EventTags.tagFor(context.getSystem(), EventTags.PERFORMANCE, persistenceId().id()));
  }

  /** Every event carries its slice's tag: the read model's projection reads the journal by tag. */
  @Override
  public Set<String> tagsFor(PerformanceEvent event) {
    return tags;
  }

  @Override
  public PerformanceState emptyState() {
    return PerformanceState.empty(settings.metrics());
  }

  @Override
  public RetentionCriteria retentionCriteria() {
    return RetentionCriteria.snapshotEvery(settings.snapshotEvery(), 2);
  }

  @Override
  public CommandHandlerWithReply<Command, PerformanceEvent, PerformanceState> commandHandler() {
    return newCommandHandlerWithReplyBuilder()
        .forAnyState()
        .onCommand(RecordTrades.class, (state, cmd) -> record(state, "trades", cmd.trades(), cmd.replyTo()))
        .onCommand(RecordBalances.class, (state, cmd) -> record(state, "balances", cmd.balances(), cmd.replyTo()))
        .onCommand(RecordEvents.class, (state, cmd) -> record(state, "events", cmd.events(), cmd.replyTo()))
        .onCommand(GetSnapshot.class, (state, cmd) -> Effect().reply(cmd.replyTo(), snapshot(state)))
        .onCommand(GetBalanceHistory.class, (state, cmd) -> Effect().reply(cmd.replyTo(), history(state)))
        .onCommand(Subscribe.class, this::onSubscribe)
        .onCommand(Unsubscribe.class, (state, cmd) -> {
          subscribers.remove(cmd.subscriber());
          return Effect().noReply();
        })
        .build();
  }

  /**
   * Validates a batch in order against the current state and persists what is new with one {@code persistAll}, or
   * rejects the whole batch naming every problem ("trades[3].exit_time: …"). A trade id already recorded or repeated
   * in the batch, and a balance repeating a recent one exactly, are acknowledged as duplicates and not persisted.
   */
  private ReplyEffect<PerformanceEvent, PerformanceState> record(
      PerformanceState state,
      String list,
      List<? extends PerformanceEvent> batch,
      ActorRef<StatusReply<Recorded>> replyTo) {
    List<String> problems = new ArrayList<>();
    List<PerformanceEvent> toPersist = new ArrayList<>(batch == null ? 0 : batch.size());
    Set<String> tradeIdsInBatch = new HashSet<>();
    PerformanceState balancesSoFar = state; // the balance order rule sees the batch's own earlier balances
    int duplicates = 0;
    int size = batch == null ? 0 : batch.size();
    for (int i = 0; i < size; i++) {
      PerformanceEvent e = batch.get(i);
      String where = at(list, i, size);
      if (e == null) {
        problems.add(where + "is null");
        continue;
      }
      List<Violation> violations = EventValidator.validate(e);
      if (!violations.isEmpty()) {
        violations.forEach(v -> problems.add(where + v));
      } else if (e instanceof TradeClosed t) {
        if (state.hasTrade(t.tradeId()) || !tradeIdsInBatch.add(t.tradeId())) {
          duplicates++;
        } else {
          toPersist.add(t);
        }
      } else {
        BalanceUpdated b = (BalanceUpdated) e;
        Optional<Violation> order = balancesSoFar.checkOrder(b);
        if (balancesSoFar.isRecentlyRecorded(b)) {
          duplicates++;
        } else if (order.isPresent()) {
          problems.add(where + order.get());
        } else {
          balancesSoFar = balancesSoFar.apply(b);
          toPersist.add(b);
        }
      }
    }
    return persistOrReject(replyTo, problems, toPersist, duplicates);
  }

  private ReplyEffect<PerformanceEvent, PerformanceState> persistOrReject(
      ActorRef<StatusReply<Recorded>> replyTo, List<String> problems, List<PerformanceEvent> events, int duplicates) {
    if (!problems.isEmpty()) {
      return Effect().reply(replyTo, StatusReply.error(String.join("; ", problems)));
    }
    if (events.isEmpty()) {
      return Effect().reply(replyTo, StatusReply.success(new Recorded(0, duplicates, lastSequenceNumber(context))));
    }
    return Effect()
        .persist(events)
        .thenRun(this::publish)
        .thenReply(
            replyTo,
            after -> StatusReply.success(new Recorded(events.size(), duplicates, lastSequenceNumber(context))));
  }

  private ReplyEffect<PerformanceEvent, PerformanceState> onSubscribe(PerformanceState state, Subscribe cmd) {
    subscribers.add(cmd.subscriber());
    cmd.subscriber().tell(snapshot(state));
    return Effect().noReply();
  }

  private void publish(PerformanceState state) {
    if (subscribers.isEmpty() && !tellsListener) {
      return;
    }
    MetricsSnapshot s = snapshot(state);
    for (ActorRef<MetricsSnapshot> subscriber : subscribers) {
      subscriber.tell(s);
    }
    if (tellsListener) {
      settings.listener().published(s);
    }
  }

  /**
   * The snapshot at the current journal position, computed once per position: the state changes only with the
   * sequence number, and reads (the API's GET, the risk manager's requests) outnumber writes.
   */
  private MetricsSnapshot snapshot(PerformanceState state) {
    long sequenceNr = lastSequenceNumber(context);
    if (latest == null || latest.sequenceNr() != sequenceNr) {
      latest = MetricsSnapshot.of(entityId, sequenceNr, state);
    }
    return latest;
  }

  private static BalanceHistory history(PerformanceState state) {
    return new BalanceHistory(
        state.daily().firstDay(), state.daily().closes(), List.copyOf(state.recentBalances()));
  }

  /** "trades[3]." for a batch, "" for a single element, so a one-element error reads like a field error. */
  private static String at(String list, int index, int size) {
    return size == 1 ? "" : list + "[" + index + "].";
  }

  @Override
  public EventHandler<PerformanceState, PerformanceEvent> eventHandler() {
    return (state, event) -> state.apply(event);
  }

  @Override
  public SignalHandler<PerformanceState> signalHandler() {
    return newSignalHandlerBuilder()
        .onSignal(RecoveryCompleted.instance(), state -> context.getLog().debug(
            "strategy {} recovered: {} events, seq {}", entityId, state.eventCount(), lastSequenceNumber(context)))
        .build();
  }

  /** How long an ask to this entity may wait; a journal slower than this answers as unavailable. */
  public static final Duration ASK_TIMEOUT = Duration.ofSeconds(5);
}
