package io.tradingactors.actors;

import static org.assertj.core.api.Assertions.assertThat;

import io.tradingactors.actors.performance.StrategyPerformanceActor;
import io.tradingactors.actors.performance.StrategyPerformanceActor.Recorded;
import io.tradingactors.domain.MetricsSnapshot;
import io.tradingactors.domain.backtest.Backtest;
import io.tradingactors.domain.event.BalanceUpdated;
import io.tradingactors.domain.event.PerformanceEvent;
import io.tradingactors.domain.event.TradeClosed;
import io.tradingactors.domain.fixtures.Events;
import io.tradingactors.metrics.MetricSettings;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletionException;
import org.apache.pekko.cluster.sharding.typed.javadsl.ClusterSharding;
import org.apache.pekko.cluster.sharding.typed.javadsl.EntityRef;
import io.tradingactors.actors.testing.TestJournals;
import io.tradingactors.actors.testing.TestJournals.Backend;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.api.io.TempDir;

/** The sharded actor on a real journal (H2 file and PostgreSQL): persists, deduplicates, rejects, and recovers bit-identically. */
class StrategyPerformanceActorJournalTest {

  private static final Duration T = Duration.ofSeconds(20);

  @TempDir Path dataDir;

  private static EntityRef<StrategyPerformanceActor.Command> ref(TradingActorsNode node, String id) {
    return ClusterSharding.get(node.system()).entityRefFor(StrategyPerformanceActor.ENTITY_TYPE_KEY, id);
  }

  private static Recorded record(EntityRef<StrategyPerformanceActor.Command> ref, List<PerformanceEvent> batch) {
    List<TradeClosed> trades = batch.stream().filter(TradeClosed.class::isInstance).map(TradeClosed.class::cast)
        .toList();
    List<BalanceUpdated> balances = batch.stream().filter(BalanceUpdated.class::isInstance)
        .map(BalanceUpdated.class::cast).toList();
    Recorded last = null;
    if (!trades.isEmpty()) {
      last = ref.<Recorded>askWithStatus(r -> new StrategyPerformanceActor.RecordTrades(trades, r), T)
          .toCompletableFuture().join();
    }
    if (!balances.isEmpty()) {
      last = ref.<Recorded>askWithStatus(r -> new StrategyPerformanceActor.RecordBalances(balances, r), T)
          .toCompletableFuture().join();
    }
    return last;
  }

  private static MetricsSnapshot snapshot(EntityRef<StrategyPerformanceActor.Command> ref) {
    return ref.<MetricsSnapshot>ask(StrategyPerformanceActor.GetSnapshot::new, T).toCompletableFuture().join();
  }

  @ParameterizedTest
  @EnumSource(Backend.class)
  void persistsDeduplicatesAndRecoversIdenticalMetricsAfterARestart(Backend backend) {
    List<PerformanceEvent> events = Events.randomSequence(300, 5, 10_000);
    var config = TestJournals.config(backend, dataDir);
    MetricsSnapshot live;
    try (TradingActorsNode node = TradingActorsNode.start(config)) {
      var strategy = ref(node, "momentum-1");
      // One event per command keeps the time order of trades and balances exactly as the batch fold sees it.
      for (PerformanceEvent e : events) {
        record(strategy, List.of(e));
      }
      Recorded retry = record(strategy, List.of(events.get(1)));
      assertThat(retry.recorded()).isZero();
      assertThat(retry.duplicates()).isEqualTo(1);
      live = snapshot(strategy);
    }
    var expected = Backtest.fold(events, MetricSettings.DEFAULTS).metrics();
    assertThat(live.metrics()).isEqualTo(expected);
    assertThat(live.sequenceNr()).isEqualTo(events.size());

    try (TradingActorsNode node = TradingActorsNode.start(config)) {
      MetricsSnapshot recovered = snapshot(ref(node, "momentum-1"));
      assertThat(recovered.metrics()).isEqualTo(expected);
      assertThat(recovered.sequenceNr()).isEqualTo(live.sequenceNr());
    }
  }

  @ParameterizedTest
  @EnumSource(Backend.class)
  void anInvalidBatchIsRejectedWholeAndPersistsNothing(Backend backend) {
    try (TradingActorsNode node = TradingActorsNode.start(TestJournals.config(backend, dataDir))) {
      var strategy = ref(node, "s2");
      var ok = Events.trade("a", 2, 10);
      var bad = Events.trade("b", Events.T0.plusSeconds(7200), Events.T0, 5); // exit before entry
      try {
        strategy.<Recorded>askWithStatus(
            r -> new StrategyPerformanceActor.RecordTrades(List.of(ok, bad), r), T).toCompletableFuture().join();
        throw new AssertionError("expected a rejection");
      } catch (CompletionException e) {
        assertThat(e.getCause().getMessage()).contains("trades[1].exit_time");
      }
      record(strategy, List.of(Events.balance(1, 1000)));
      try {
        record(strategy, List.of(Events.balance(0.5, 1000)));
        throw new AssertionError("expected an out-of-order rejection");
      } catch (CompletionException e) {
        assertThat(e.getCause().getMessage()).contains("before the last recorded balance time");
      }
      MetricsSnapshot s = snapshot(strategy);
      assertThat(s.metrics().totalTrades()).isZero();
      assertThat(s.sequenceNr()).isEqualTo(1);
    }
  }
}
