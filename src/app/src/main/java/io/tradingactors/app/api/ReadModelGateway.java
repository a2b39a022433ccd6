package io.tradingactors.app.api;

import io.tradingactors.readmodel.query.Comparison;
import io.tradingactors.readmodel.query.NotInReadModelException;
import io.tradingactors.readmodel.query.ReadModelQueries;
import io.tradingactors.readmodel.query.SelectionSettings;
import io.tradingactors.readmodel.query.StrategyScore;
import java.sql.SQLException;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executor;
import org.apache.pekko.actor.typed.ActorSystem;
import org.apache.pekko.actor.typed.DispatcherSelector;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What the selection routes (score, ranking, compare) ask of the read model, with every failure turned into an
 * {@link ApiProblem}: what is not in the read model is a 404, a database that fails or does not answer within the
 * query timeout is a 503 (the log has the details, the reply none).
 *
 * <p>The queries are blocking JDBC. They run on their own dispatcher ({@link SelectionSettings#DISPATCHER}), never on
 * the actor system's threads, whose few threads (one a core) would stall every route and actor while a query waits
 * for the database; nor on {@link java.util.concurrent.ForkJoinPool#commonPool()}, which on 2 cores starts a thread
 * per task (see {@link StrategyGateway}). Their results are continued on the actor system's dispatcher.
 */
final class ReadModelGateway {

  private static final Logger LOG = LoggerFactory.getLogger(ReadModelGateway.class);

  private final ReadModelQueries queries;
  private final Executor blocking;
  private final Executor continuations;

  private ReadModelGateway(ReadModelQueries queries, Executor blocking, Executor continuations) {
    this.queries = queries;
    this.blocking = blocking;
    this.continuations = continuations;
  }

  /** The routes served from {@code queries}, on the dispatcher of the node's configuration. */
  static ReadModelGateway of(ActorSystem<?> system, ReadModelQueries queries) {
    Objects.requireNonNull(queries, "queries");
    return new ReadModelGateway(
        queries,
        system.dispatchers().lookup(DispatcherSelector.fromConfig(SelectionSettings.DISPATCHER)),
        system.executionContext());
  }

  /** A node without the read model: the routes answer 503 rather than pretend there is nothing to rank. */
  static ReadModelGateway notConfigured() {
    return new ReadModelGateway(null, null, null);
  }

  /** The score of a strategy against {@code backtestRun}, or its latest run when null. */
  CompletionStage<StrategyScore> score(String strategyId, String backtestRun) {
    return query(q -> backtestRun == null ? q.score(strategyId) : q.score(strategyId, backtestRun));
  }

  CompletionStage<List<StrategyScore>> ranking(int limit) {
    return query(q -> q.ranking(limit));
  }

  CompletionStage<Comparison> compare(String strategyId, String backtestRun) {
    return query(q -> q.compare(strategyId, backtestRun));
  }

  @FunctionalInterface
  private interface Query<T> {
    T run(ReadModelQueries queries) throws SQLException;
  }

  private <T> CompletionStage<T> query(Query<T> query) {
    if (queries == null) {
      return CompletableFuture.failedFuture(ApiProblem.unavailable(
          "the read model is not configured on this node: score, ranking and compare are unavailable"));
    }
    return CompletableFuture.supplyAsync(() -> {
      try {
        return query.run(queries);
      } catch (SQLException e) {
        throw new CompletionException(e);
      }
    }, blocking).handleAsync((value, failure) -> {
      if (failure != null) {
        throw translate(failure);
      }
      return value;
    }, continuations);
  }

  private static RuntimeException translate(Throwable failure) {
    Throwable cause = failure instanceof CompletionException && failure.getCause() != null
        ? failure.getCause()
        : failure;
    if (cause instanceof NotInReadModelException missing) {
      return ApiProblem.notFound(missing.getMessage());
    }
    if (cause instanceof SQLException sql) {
      LOG.warn("a read-model query failed", sql);
      return ApiProblem.unavailable("the read model's database did not answer: retry later");
    }
    return new CompletionException(cause);
  }
}
