package io.tradingactors.app.api;

import io.tradingactors.actors.JournalHealth;
import io.tradingactors.actors.performance.StrategyIds;
import io.tradingactors.actors.performance.StrategyPerformanceActor;
import io.tradingactors.actors.performance.StrategyPerformanceActor.BalanceHistory;
import io.tradingactors.actors.risk.RiskManagerActor;
import io.tradingactors.actors.risk.RiskManagerActor.Exposure;
import io.tradingactors.domain.MetricsSnapshot;
import io.tradingactors.domain.event.BalanceUpdated;
import io.tradingactors.domain.event.PerformanceEvent;
import io.tradingactors.domain.event.TradeClosed;
import io.tradingactors.domain.risk.RiskEvent;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentSkipListSet;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;
import org.apache.pekko.Done;
import org.apache.pekko.NotUsed;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.actor.typed.ActorSystem;
import org.apache.pekko.cluster.sharding.typed.javadsl.ClusterSharding;
import org.apache.pekko.cluster.sharding.typed.javadsl.EntityRef;
import java.util.function.BiFunction;
import org.apache.pekko.pattern.StatusReply;
import org.apache.pekko.persistence.jdbc.query.javadsl.JdbcReadJournal;
import org.apache.pekko.persistence.query.PersistenceQuery;
import org.apache.pekko.persistence.typed.PersistenceId;
import org.apache.pekko.stream.javadsl.Sink;
import org.apache.pekko.stream.javadsl.Source;

/**
 * What the routes ask of the actors and the journal, with every failure turned into an {@link ApiProblem}: a write
 * the actor rejects is a 400 naming the field, and a journal that does not answer is a 503 — refused at once while
 * {@link JournalHealth} reports it down, or after {@link #askTimeout} when it stops answering mid-request.
 */
public final class StrategyGateway {

  private final ActorSystem<?> system;
  private final ClusterSharding sharding;
  private final JdbcReadJournal journal;
  private final JournalHealth health;
  private final ApiMetrics metrics;
  private final Duration askTimeout;
  /**
   * Where the continuations of the asks run: the actor system's dispatcher. Pekko's Java API returns Scala's
   * {@code FutureConverters} stages, whose non-async methods ({@code handle}, {@code thenApply}, ...) run on
   * {@link java.util.concurrent.ForkJoinPool#commonPool()}; with 2 cores its parallelism is 1, and
   * {@link java.util.concurrent.CompletableFuture} then starts a new thread for every continuation: a thread per
   * request (docs/benchmarks.md, "HTTP API under load").
   */
  private final Executor continuations;
  /**
   * Every live strategy with events: read from the journal once at start, then kept up to date from the snapshots
   * published after each write (on any node), so that listing strategies does not scan the journal each time.
   */
  private final Set<String> liveStrategies = new ConcurrentSkipListSet<>();
  private final CompletionStage<Done> liveStrategiesLoaded;

  public StrategyGateway(ActorSystem<?> system, JournalHealth health, ApiMetrics metrics, Duration askTimeout) {
    this.system = system;
    this.sharding = ClusterSharding.get(system);
    this.journal =
        PersistenceQuery.get(system).getReadJournalFor(JdbcReadJournal.class, JdbcReadJournal.Identifier());
    this.health = health;
    this.metrics = metrics;
    this.askTimeout = askTimeout;
    this.continuations = system.executionContext();
    this.liveStrategiesLoaded = liveStrategyIdsInJournal().runForeach(liveStrategies::add, system);
  }

  /** A live strategy has (new) events: it belongs in the list from now on. */
  public void strategyActive(String strategyId) {
    if (StrategyIds.runOf(strategyId) == null) {
      liveStrategies.add(strategyId);
    }
  }

  /** The ids of every live strategy with events (backtest runs excluded), sorted. */
  public CompletionStage<List<String>> liveStrategyIds() {
    return liveStrategiesLoaded.thenApplyAsync(done -> List.copyOf(liveStrategies), continuations);
  }

  public CompletionStage<Views.Recorded> recordTrades(String strategyId, List<TradeClosed> trades) {
    return record(strategyId, "trade", trades, StrategyPerformanceActor.RecordTrades::new);
  }

  public CompletionStage<Views.Recorded> recordBalances(String strategyId, List<BalanceUpdated> balances) {
    return record(strategyId, "balance", balances, StrategyPerformanceActor.RecordBalances::new);
  }

  private <E extends PerformanceEvent> CompletionStage<Views.Recorded> record(
      String strategyId,
      String kind,
      List<E> events,
      BiFunction<List<E>, ActorRef<StatusReply<StrategyPerformanceActor.Recorded>>, StrategyPerformanceActor.Command>
          command) {
    requireJournal();
    long started = System.nanoTime();
    CompletionStage<StrategyPerformanceActor.Recorded> write = strategy(strategyId)
        .<StrategyPerformanceActor.Recorded>askWithStatus(replyTo -> command.apply(events, replyTo), askTimeout);
    return answered(write, "the write was not confirmed within " + askTimeout.toSeconds()
            + " s and may or may not be recorded: retry it (a trade id is never recorded twice)")
        .thenApplyAsync(r -> {
          metrics.persisted(kind, r.recorded(), System.nanoTime() - started);
          if (r.recorded() > 0) {
            strategyActive(strategyId);
          }
          return new Views.Recorded(strategyId, r.recorded(), r.duplicates(), r.sequenceNr());
        }, continuations);
  }

  /** The latest snapshot; a 404 when the strategy has recorded nothing. */
  public CompletionStage<MetricsSnapshot> snapshot(String strategyId) {
    return ask(strategy(strategyId), StrategyPerformanceActor.GetSnapshot::new)
        .thenApplyAsync(s -> {
          if (s.sequenceNr() == 0) {
            throw ApiProblem.notFound("strategy '" + strategyId + "' has no recorded trades or balances");
          }
          return s;
        }, continuations);
  }

  public CompletionStage<BalanceHistory> balanceHistory(String strategyId) {
    return snapshot(strategyId)
        .thenComposeAsync(s -> ask(strategy(strategyId), StrategyPerformanceActor.GetBalanceHistory::new),
            continuations);
  }

  public CompletionStage<Exposure> exposure(String strategyId) {
    return ask(risk(strategyId), RiskManagerActor.GetExposure::new);
  }

  public CompletionStage<Exposure> halt(String strategyId, String reason) {
    return operatorCommand(strategyId, replyTo -> new RiskManagerActor.Halt(reason, replyTo));
  }

  public CompletionStage<Exposure> resume(String strategyId, String reason) {
    return operatorCommand(strategyId, replyTo -> new RiskManagerActor.Resume(reason, replyTo));
  }

  private CompletionStage<Exposure> operatorCommand(
      String strategyId, Function<ActorRef<StatusReply<Exposure>>, RiskManagerActor.Command> command) {
    requireJournal();
    return answered(risk(strategyId).<Exposure>askWithStatus(command::apply, askTimeout),
        "the command was not confirmed within " + askTimeout.toSeconds()
            + " s and may or may not be recorded: retry it");
  }

  /** The strategy's persisted risk decisions, oldest first, read from the journal. */
  public CompletionStage<List<Views.RiskEventView>> riskEvents(String strategyId) {
    return riskEventsAfter(strategyId, 0).runWith(Sink.seq(), system);
  }

  /** The risk decisions persisted after {@code sequenceNr}, as the journal holds them now. */
  public Source<Views.RiskEventView, NotUsed> riskEventsAfter(String strategyId, long sequenceNr) {
    return journal
        .currentEventsByPersistenceId(riskPersistenceId(strategyId), sequenceNr + 1, Long.MAX_VALUE)
        .filter(env -> env.event() instanceof RiskEvent)
        .map(env -> Views.RiskEventView.of(strategyId, env.sequenceNr(), (RiskEvent) env.event()));
  }

  private Source<String, NotUsed> liveStrategyIdsInJournal() {
    String prefix = StrategyPerformanceActor.ENTITY_TYPE_KEY.name() + PersistenceId.DefaultSeparator();
    return journal.currentPersistenceIds()
        .filter(pid -> pid.startsWith(prefix))
        .map(pid -> pid.substring(prefix.length()))
        .filter(id -> StrategyIds.runOf(id) == null);
  }

  /** The ids of every strategy with a risk decision in the journal. */
  public Source<String, NotUsed> strategiesWithRiskEvents() {
    String prefix = RiskManagerActor.ENTITY_TYPE_KEY.name() + PersistenceId.DefaultSeparator();
    return journal.currentPersistenceIds()
        .filter(pid -> pid.startsWith(prefix))
        .map(pid -> pid.substring(prefix.length()));
  }

  /** A 503 now, rather than a write that waits for its timeout, while the journal is known to be down. */
  private void requireJournal() {
    if (!health.isUp()) {
      throw ApiProblem.unavailable("the journal database does not answer; nothing was recorded: retry later ("
          + health.status().problem() + ")");
    }
  }

  private <C, T> CompletionStage<T> ask(EntityRef<C> entity, Function<ActorRef<T>, C> command) {
    return answered(entity.<T>ask(command::apply, askTimeout), "the strategy did not answer within "
        + askTimeout.toSeconds() + " s (its journal may be unavailable): retry later");
  }

  /**
   * An ask's answer, continued on the dispatcher, with its failure turned into an {@link ApiProblem}
   * ({@code timeoutMessage} for a 503 when it timed out).
   */
  private <T> CompletionStage<T> answered(CompletionStage<T> reply, String timeoutMessage) {
    return reply.handleAsync((value, failure) -> {
      if (failure != null) {
        throw translate(failure, timeoutMessage);
      }
      return value;
    }, continuations);
  }

  private static RuntimeException translate(Throwable failure, String timeoutMessage) {
    Throwable cause = failure instanceof CompletionException && failure.getCause() != null
        ? failure.getCause()
        : failure;
    if (cause instanceof ApiProblem problem) {
      return problem;
    }
    if (cause instanceof StatusReply.ErrorMessage rejected) {
      return ApiProblem.invalidInput(rejected.getMessage());
    }
    if (cause instanceof TimeoutException) {
      return ApiProblem.unavailable(timeoutMessage);
    }
    return new CompletionException(cause);
  }

  private EntityRef<StrategyPerformanceActor.Command> strategy(String strategyId) {
    return sharding.entityRefFor(StrategyPerformanceActor.ENTITY_TYPE_KEY, strategyId);
  }

  private EntityRef<RiskManagerActor.Command> risk(String strategyId) {
    return sharding.entityRefFor(RiskManagerActor.ENTITY_TYPE_KEY, strategyId);
  }

  private static String riskPersistenceId(String strategyId) {
    return PersistenceId.of(RiskManagerActor.ENTITY_TYPE_KEY.name(), strategyId).id();
  }
}
