package io.tradingactors.actors.risk;

import io.tradingactors.actors.CborSerializable;
import io.tradingactors.actors.EventTags;
import io.tradingactors.domain.MetricsSnapshot;
import io.tradingactors.domain.risk.ExposureChanged;
import io.tradingactors.domain.risk.RiskEvent;
import io.tradingactors.domain.risk.RiskInputs;
import io.tradingactors.domain.risk.RiskLimits;
import io.tradingactors.domain.risk.RiskPolicy;
import io.tradingactors.domain.risk.RiskRules;
import io.tradingactors.domain.risk.RiskState;
import java.time.Clock;
import java.time.Duration;
import java.util.Set;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.CompletionStage;
import org.apache.pekko.Done;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.actor.typed.ActorSystem;
import org.apache.pekko.actor.typed.Behavior;
import org.apache.pekko.actor.typed.SupervisorStrategy;
import org.apache.pekko.actor.typed.javadsl.ActorContext;
import org.apache.pekko.actor.typed.javadsl.Behaviors;
import org.apache.pekko.actor.typed.javadsl.TimerScheduler;
import org.apache.pekko.actor.typed.pubsub.Topic;
import org.apache.pekko.cluster.sharding.typed.ClusterShardingSettings;
import org.apache.pekko.cluster.sharding.typed.javadsl.ClusterSharding;
import org.apache.pekko.cluster.sharding.typed.javadsl.Entity;
import org.apache.pekko.cluster.sharding.typed.javadsl.EntityTypeKey;
import org.apache.pekko.pattern.StatusReply;
import org.apache.pekko.persistence.jdbc.query.javadsl.JdbcReadJournal;
import org.apache.pekko.persistence.query.PersistenceQuery;
import org.apache.pekko.persistence.typed.PersistenceId;
import org.apache.pekko.persistence.typed.RecoveryCompleted;
import org.apache.pekko.persistence.typed.javadsl.CommandHandlerWithReply;
import org.apache.pekko.persistence.typed.javadsl.EventHandler;
import org.apache.pekko.persistence.typed.javadsl.EventSourcedBehaviorWithEnforcedReplies;
import org.apache.pekko.persistence.typed.javadsl.ReplyEffect;
import org.apache.pekko.persistence.typed.javadsl.RetentionCriteria;
import org.apache.pekko.persistence.typed.javadsl.SignalHandler;

/**
 * One strategy's exposure, event-sourced: it receives the strategy's metrics snapshots, decides with
 * {@link RiskRules} (nothing else), persists each decision ({@link ExposureChanged}, or a {@code LimitChanged} when
 * another rule or a halt holds the exposure) and publishes it on the risk topic.
 *
 * <p>Delivery must not leave the exposure stale: snapshots are ordered by their sequence number and an older or
 * repeated one is ignored; after a restart or a move to another node the actor asks its strategy for the latest
 * snapshot; a timer re-decides on the latest figures when a limit could lift without a new snapshot (the end of a
 * cooldown, the UTC midnight after a daily loss). Time comes from the injected {@link Clock}.
 */
public final class RiskManagerActor
    extends EventSourcedBehaviorWithEnforcedReplies<RiskManagerActor.Command, RiskEvent, RiskState> {

  public static final EntityTypeKey<Command> ENTITY_TYPE_KEY = EntityTypeKey.create(Command.class, "risk");

  /** Longest accepted operator reason: it is persisted with the decision. */
  public static final int MAX_REASON_LENGTH = 500;

  // ---- protocol -------------------------------------------------------------------------------------------------

  public sealed interface Command extends CborSerializable
      permits Evaluate, Review, Halt, Resume, GetExposure {}

  /** A snapshot of the strategy's metrics: published after each persisted batch, or the answer to our request. */
  public record Evaluate(MetricsSnapshot snapshot) implements Command {}

  /** Re-decide on the latest figures: the timer's message at the end of a cooldown or at a UTC midnight. */
  public enum Review implements Command {
    INSTANCE
  }

  /** An operator's halt: exposure 0 until resumed, whatever the rules say. */
  public record Halt(String reason, ActorRef<StatusReply<Exposure>> replyTo) implements Command {}

  /** Lifts an operator's halt; exposure returns to what the rules allow. */
  public record Resume(String reason, ActorRef<StatusReply<Exposure>> replyTo) implements Command {}

  public record GetExposure(ActorRef<Exposure> replyTo) implements Command {}

  /**
   * The current exposure and why.
   *
   * @param strategyId the strategy
   * @param exposure the multiplier: 1 full size, 0 halted
   * @param rule the rule behind it; null while it has never moved from 1
   * @param since when it last moved; null if never
   * @param reason why, in words; null if it never moved
   * @param figures the snapshot figures of that decision; null if none
   * @param limits every rule's current limit
   * @param lastSnapshotSequenceNr the newest snapshot evaluated (0 before any)
   * @param nextReviewAt when a limit could next lift without a new snapshot; null when nothing is held down
   */
  public record Exposure(
      String strategyId,
      double exposure,
      String rule,
      Instant since,
      String reason,
      RiskInputs figures,
      RiskLimits limits,
      long lastSnapshotSequenceNr,
      Instant nextReviewAt)
      implements CborSerializable {}

  /**
   * A persisted decision as published on the risk topic.
   *
   * @param strategyId the strategy
   * @param sequenceNr the decision's sequence number in the strategy's risk journal
   * @param event the decision
   */
  public record RiskNotice(String strategyId, long sequenceNr, RiskEvent event) implements CborSerializable {}

  /** How the risk manager asks a strategy for its latest snapshot (wired to the sharded strategy actor). */
  @FunctionalInterface
  public interface SnapshotSource {
    void requestLatest(String strategyId, ActorRef<MetricsSnapshot> replyTo);
  }

  /**
   * @param policies the policy of each strategy
   * @param clock the time decisions are taken at
   * @param snapshots where to ask for a strategy's latest snapshot after a (re)start
   * @param topic where decisions are published (subscribers: the API's stream, tests)
   */
  public record Settings(
      RiskPolicies policies, Clock clock, SnapshotSource snapshots, ActorRef<Topic.Command<RiskNotice>> topic) {}

  // ---- sharding -------------------------------------------------------------------------------------------------

  /**
   * Registers the entity with Cluster Sharding on this node. Risk managers are never passivated: one holding a limit
   * down waits on a timer (a cooldown, a midnight) that must fire although its strategy, cut to 0, sends nothing; and
   * each is small (its state is a handful of numbers).
   */
  public static void initSharding(ActorSystem<?> system, Settings settings) {
    ClusterSharding.get(system)
        .init(
            Entity.of(ENTITY_TYPE_KEY, ctx -> create(ctx.getEntityId(), settings))
                .withSettings(ClusterShardingSettings.create(system).withNoPassivationStrategy()));
  }

  /**
   * Starts every risk manager that has ever decided (one per {@code risk|…} persistence id in the journal), so that
   * after a node's start each pending timer runs again and each asks its strategy for the latest snapshot, without
   * waiting for a message that a halted strategy would never send. Completes when all were told.
   */
  public static CompletionStage<Done> wakeAll(ActorSystem<?> system) {
    String prefix = ENTITY_TYPE_KEY.name() + PersistenceId.DefaultSeparator();
    ClusterSharding sharding = ClusterSharding.get(system);
    return PersistenceQuery.get(system)
        .getReadJournalFor(JdbcReadJournal.class, JdbcReadJournal.Identifier())
        .currentPersistenceIds()
        .filter(pid -> pid.startsWith(prefix))
        .runForeach(
            pid -> sharding.entityRefFor(ENTITY_TYPE_KEY, pid.substring(prefix.length())).tell(Review.INSTANCE),
            system);
  }

  public static Behavior<Command> create(String strategyId, Settings settings) {
    return Behaviors.withTimers(
        timers -> Behaviors.setup(ctx -> new RiskManagerActor(ctx, timers, strategyId, settings)));
  }

  // ---- behavior -------------------------------------------------------------------------------------------------

  private static final String REVIEW_TIMER = "review";

  private final ActorContext<Command> context;
  private final TimerScheduler<Command> timers;
  private final String strategyId;
  private final Settings settings;
  private final RiskPolicy policy;
  /** The newest snapshot figures seen since this incarnation started (not persisted: asked for after a restart). */
  private RiskInputs latest;
  private final Set<String> tags;

  private RiskManagerActor(
      ActorContext<Command> context, TimerScheduler<Command> timers, String strategyId, Settings settings) {
    super(
        PersistenceId.of(ENTITY_TYPE_KEY.name(), strategyId),
        // A failed write stops the entity; it restarts (recovering, then asking for the latest snapshot) once the
        // database answers.
        SupervisorStrategy.restartWithBackoff(Duration.ofMillis(200), Duration.ofSeconds(10), 0.2));
    this.context = context;
    this.timers = timers;
    this.strategyId = strategyId;
    this.settings = settings;
    this.policy = settings.policies().forStrategy(strategyId);
    this.tags = Set.of(EventTags.tagFor(context.getSystem(), EventTags.RISK, persistenceId().id()));
  }

  /** Every decision carries its slice's tag: the read model's projection reads the journal by tag. */
  @Override
  public Set<String> tagsFor(RiskEvent event) {
    return tags;
  }

  @Override
  public RiskState emptyState() {
    return RiskState.INITIAL;
  }

  /** Decisions accumulate for as long as a strategy trades; a snapshot bounds what a restart replays. */
  @Override
  public RetentionCriteria retentionCriteria() {
    return RetentionCriteria.snapshotEvery(100, 2);
  }

  @Override
  public CommandHandlerWithReply<Command, RiskEvent, RiskState> commandHandler() {
    return newCommandHandlerWithReplyBuilder()
        .forAnyState()
        .onCommand(Evaluate.class, this::onEvaluate)
        .onCommand(Review.class, (state, cmd) -> onReview(state))
        .onCommand(Halt.class, (state, cmd) -> onOverride(state, cmd.reason(), cmd.replyTo(), true))
        .onCommand(Resume.class, (state, cmd) -> onOverride(state, cmd.reason(), cmd.replyTo(), false))
        .onCommand(GetExposure.class, (state, cmd) -> Effect().reply(cmd.replyTo(), view(state)))
        .build();
  }

  private ReplyEffect<RiskEvent, RiskState> onEvaluate(RiskState state, Evaluate cmd) {
    RiskInputs in = RiskInputs.of(cmd.snapshot());
    // Older than a decision already taken, or not newer than one already seen: a late or repeated delivery. The
    // snapshot of the last decision itself is taken once after a restart, to know the latest figures again.
    boolean stale =
        in.sequenceNr() < state.lastSnapshotSequenceNr()
            || (latest != null && in.sequenceNr() <= latest.sequenceNr())
            || in.asOf() == null;
    if (stale) {
      return Effect().noReply();
    }
    latest = in;
    return decide(state, RiskRules.evaluate(policy, state, in, settings.clock().instant()));
  }

  private ReplyEffect<RiskEvent, RiskState> onReview(RiskState state) {
    if (latest == null) {
      return Effect().noReply(); // the latest snapshot was asked for; it is decided on when it arrives
    }
    return decide(state, RiskRules.evaluate(policy, state, latest, settings.clock().instant()));
  }

  private ReplyEffect<RiskEvent, RiskState> decide(RiskState state, Optional<RiskEvent> decision) {
    if (decision.isEmpty()) {
      scheduleReview(state);
      return Effect().noReply();
    }
    return Effect()
        .persist(decision.get())
        .thenRun(after -> {
          publish(decision.get());
          scheduleReview(after);
        })
        .thenNoReply();
  }

  private ReplyEffect<RiskEvent, RiskState> onOverride(
      RiskState state, String reason, ActorRef<StatusReply<Exposure>> replyTo, boolean halt) {
    if (reason == null || reason.isBlank()) {
      return Effect().reply(replyTo, StatusReply.error("reason: required, say why"));
    }
    if (reason.length() > MAX_REASON_LENGTH) {
      return Effect().reply(replyTo,
          StatusReply.error("reason: " + reason.length() + " characters, at most " + MAX_REASON_LENGTH));
    }
    Instant now = settings.clock().instant();
    Optional<RiskEvent> decision =
        halt ? RiskRules.halt(state, reason, latest, now) : RiskRules.resume(state, reason, latest, now);
    if (decision.isEmpty()) {
      return Effect().reply(replyTo, StatusReply.success(view(state))); // already halted / not halted
    }
    return Effect()
        .persist(decision.get())
        .thenRun(after -> publish(decision.get()))
        .thenReply(replyTo, after -> StatusReply.success(view(after)));
  }

  /** Tells the risk topic a decision that has just been persisted (the journal's sequence number is its own). */
  private void publish(RiskEvent decision) {
    settings.topic().tell(Topic.publish(new RiskNotice(strategyId, lastSequenceNumber(context), decision)));
  }

  private void scheduleReview(RiskState state) {
    Instant now = settings.clock().instant();
    Optional<Instant> next = RiskRules.nextReview(policy, state, now);
    if (next.isPresent()) {
      timers.startSingleTimer(REVIEW_TIMER, Review.INSTANCE, Duration.between(now, next.get()));
    } else {
      timers.cancel(REVIEW_TIMER);
    }
  }

  private Exposure view(RiskState state) {
    ExposureChanged last = state.lastExposureChange();
    long seen = Math.max(state.lastSnapshotSequenceNr(), latest == null ? 0 : latest.sequenceNr());
    return new Exposure(
        strategyId,
        state.exposure(),
        last == null ? null : last.rule(),
        last == null ? null : last.at(),
        last == null ? null : last.reason(),
        last == null ? null : last.figures(),
        state.limits(),
        seen,
        RiskRules.nextReview(policy, state, settings.clock().instant()).orElse(null));
  }

  @Override
  public EventHandler<RiskState, RiskEvent> eventHandler() {
    return (state, event) -> state.apply(event);
  }

  @Override
  public SignalHandler<RiskState> signalHandler() {
    return newSignalHandlerBuilder()
        .onSignal(RecoveryCompleted.instance(), state -> {
          // Snapshots may have been published while this entity was stopped or moving: ask for the latest.
          settings.snapshots().requestLatest(
              strategyId, context.messageAdapter(MetricsSnapshot.class, Evaluate::new));
          scheduleReview(state);
        })
        .build();
  }
}
