package io.tradingactors.app.cli;

import io.tradingactors.actors.TradingActorsNode;
import io.tradingactors.actors.performance.StrategyIds;
import io.tradingactors.actors.performance.StrategyPerformanceActor;
import io.tradingactors.actors.performance.StrategyPerformanceActor.BalanceHistory;
import io.tradingactors.actors.performance.StrategyPerformanceActor.Recorded;
import io.tradingactors.domain.backtest.BacktestInput;
import io.tradingactors.domain.event.BalanceUpdated;
import io.tradingactors.domain.event.PerformanceEvent;
import io.tradingactors.domain.event.TradeClosed;
import io.tradingactors.domain.state.BalancePoint;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletionException;
import org.apache.pekko.cluster.sharding.typed.javadsl.ClusterSharding;
import org.apache.pekko.cluster.sharding.typed.javadsl.EntityRef;
import org.apache.pekko.pattern.StatusReply;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code import}: a backtest's trades and balances persisted through the sharded actors, in time order and in
 * batches. Idempotent and resumable: trades already recorded are acknowledged by id, and balances before the last
 * recorded balance are skipped as already there, so importing the same files twice changes nothing and importing a
 * longer file adds only what is new.
 */
@Command(
    name = "import",
    mixinStandardHelpOptions = true,
    description = "Persist a backtest's trades and balances through the strategy's actor (idempotent by trade id).")
public final class ImportCommand implements Callable<Integer> {

  /** Long enough for a batch to wait behind a slow database; an ask beyond it fails the import (exit 1). */
  private static final Duration BATCH_TIMEOUT = Duration.ofSeconds(60);

  @Spec CommandLine.Model.CommandSpec spec;

  @Option(names = "--strategy", required = true, paramLabel = "ID",
      description = "The strategy (1–64 of [A-Za-z0-9._-]); also selects its rows of a file with strategy_id.")
  String strategy;

  @Option(names = "--backtest", paramLabel = "RUN",
      description = "Journal the events as this backtest run of the strategy (persistence id strategy@RUN),"
          + " never mixed with its live events.")
  String run;

  @Mixin BacktestFiles files;

  @Mixin NodeOptions node;

  @Option(names = "--batch-size", paramLabel = "N", defaultValue = "1000",
      description = "Events per command, each persisted atomically (default ${DEFAULT-VALUE}, at most 10000).")
  int batchSize;

  @Override
  public Integer call() throws Exception {
    checkIds();
    if (batchSize < 1 || batchSize > 10_000) {
      throw new CommandLine.ParameterException(spec.commandLine(), "--batch-size: must be 1..10000, got " + batchSize);
    }
    var config = node.config();
    BacktestInput input = files.load(strategy);
    String entityId = StrategyIds.entityId(strategy, run);
    try (TradingActorsNode n = TradingActorsNode.start(config)) {
      EntityRef<StrategyPerformanceActor.Command> entity =
          ClusterSharding.get(n.system()).entityRefFor(StrategyPerformanceActor.ENTITY_TYPE_KEY, entityId);
      List<PerformanceEvent> events = input.events();
      long resumeAfter = lastBalanceTime(entity);
      List<PerformanceEvent> toSend = new ArrayList<>(events.size());
      long skippedBalances = 0;
      for (PerformanceEvent e : events) {
        if (e instanceof BalanceUpdated b && b.time().toEpochMilli() < resumeAfter) {
          skippedBalances++;
        } else {
          toSend.add(e);
        }
      }
      long recorded = 0;
      long duplicates = skippedBalances;
      long sequenceNr = 0;
      try (Progress progress = Progress.start("import " + entityId, events.size(), node.noProgress)) {
        progress.stepBy(skippedBalances);
        for (int from = 0; from < toSend.size(); from += batchSize) {
          List<PerformanceEvent> batch = toSend.subList(from, Math.min(toSend.size(), from + batchSize));
          Recorded r = send(entity, List.copyOf(batch), from);
          recorded += r.recorded();
          duplicates += r.duplicates();
          sequenceNr = r.sequenceNr();
          progress.stepBy(batch.size());
        }
      }
      long trades = events.stream().filter(TradeClosed.class::isInstance).count();
      PrintWriter out = spec.commandLine().getOut();
      out.printf(
          "imported %s: %d trades and %d balances read, %d events recorded, %d already recorded; journal at %d%n",
          entityId, trades, events.size() - trades, recorded, duplicates, sequenceNr);
      out.flush();
    }
    return ExitCodes.OK;
  }

  private void checkIds() {
    if (!StrategyIds.isValid(strategy)) {
      throw new CommandLine.ParameterException(
          spec.commandLine(), "--strategy: must be 1–64 characters of [A-Za-z0-9._-], got '" + strategy + "'");
    }
    if (run != null && !StrategyIds.isValid(run)) {
      throw new CommandLine.ParameterException(
          spec.commandLine(), "--backtest: must be 1–64 characters of [A-Za-z0-9._-], got '" + run + "'");
    }
  }

  /** Where balances resume: the last recorded balance time (events before it are already in the journal). */
  private static long lastBalanceTime(EntityRef<StrategyPerformanceActor.Command> entity) {
    BalanceHistory history =
        entity.<BalanceHistory>ask(StrategyPerformanceActor.GetBalanceHistory::new, BATCH_TIMEOUT)
            .toCompletableFuture()
            .join();
    List<BalancePoint> recent = history.recent();
    return recent.isEmpty() ? Long.MIN_VALUE : recent.get(recent.size() - 1).timeMs();
  }

  private static Recorded send(
      EntityRef<StrategyPerformanceActor.Command> entity, List<PerformanceEvent> batch, int offset) {
    try {
      return entity
          .<Recorded>askWithStatus(r -> new StrategyPerformanceActor.RecordEvents(batch, r), BATCH_TIMEOUT)
          .toCompletableFuture()
          .join();
    } catch (CompletionException e) {
      if (e.getCause() instanceof StatusReply.ErrorMessage rejected) {
        throw new RejectedInputException(
            "events " + offset + ".." + (offset + batch.size() - 1) + " rejected: " + rejected.getMessage());
      }
      throw e;
    }
  }
}
