package io.tradingactors.tests;

import static io.tradingactors.tests.BitIdentical.assertIdentical;
import static org.assertj.core.api.Assertions.assertThat;

import com.typesafe.config.Config;
import io.tradingactors.actors.TradingActorsNode;
import io.tradingactors.actors.performance.StrategyPerformanceActor;
import io.tradingactors.actors.performance.StrategyPerformanceActor.Recorded;
import io.tradingactors.actors.replay.JournalReplay;
import io.tradingactors.actors.testing.TestJournals;
import io.tradingactors.domain.MetricsSnapshot;
import io.tradingactors.domain.event.PerformanceEvent;
import io.tradingactors.domain.state.PerformanceState;
import io.tradingactors.metrics.MetricSettings;
import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.io.TempDir;

/**
 * A million events (950k balance ticks, 50k trades) through the live actor on the PostgreSQL journal, then replayed and
 * recovered: identical to the batch fold, and the heap after the first quarter does not grow with the rest (the state
 * keeps days and recent points, not events; nothing on the way holds events).
 *
 * <p>It takes 8–10 minutes on the 2-core machine (most of it the plugin's read path during replay), so it runs on
 * request: {@code mvn -B verify -pl tests -am -Dtrading-actors.large-tests=true -Dtest=MillionEventsTest
 * -Dsurefire.failIfNoSpecifiedTests=false}.
 */
@EnabledIfSystemProperty(named = "trading-actors.large-tests", matches = "true")
class MillionEventsTest {

  private static final int EVENTS = 1_000_000;
  private static final int BATCH = 1_000;
  /** What may legitimately grow over 750k events: 37.5k trade-id digests (~1 MB), ~520 daily closes, caches. */
  private static final long MAX_GROWTH_BYTES = 16L << 20;

  @TempDir Path dataDir;

  @Test
  void aMillionEventsStayBitIdenticalInBoundedMemory() {
    String id = "million";
    Config config = TestJournals.postgres(dataDir);
    SyntheticTrading source = new SyntheticTrading(17);
    PerformanceState batch = PerformanceState.empty(MetricSettings.DEFAULTS);
    MetricsSnapshot live;
    long heapAtQuarter = 0;
    long heapAtEnd;
    try (TradingActorsNode node = TradingActorsNode.start(config)) {
      var entity = Journals.entity(node, id);
      for (int sent = 0; sent < EVENTS; sent += BATCH) {
        List<PerformanceEvent> events = source.next(BATCH);
        for (PerformanceEvent e : events) {
          batch = batch.apply(e);
        }
        Recorded r = entity
            .<Recorded>askWithStatus(ref -> new StrategyPerformanceActor.RecordEvents(events, ref), Journals.ASK)
            .toCompletableFuture()
            .join();
        assertThat(r.recorded()).isEqualTo(BATCH);
        if (sent + BATCH == EVENTS / 4) {
          heapAtQuarter = usedHeapAfterGc();
        }
      }
      live = Journals.snapshot(node, id);
      heapAtEnd = usedHeapAfterGc();
    }
    MetricsSnapshot expected = MetricsSnapshot.of(id, EVENTS, batch);
    assertIdentical("live", expected, live);
    System.out.printf("heap after GC: %,d B at 250k events, %,d B at 1M%n", heapAtQuarter, heapAtEnd);
    assertThat(heapAtEnd - heapAtQuarter).as("heap growth over 750k events").isLessThan(MAX_GROWTH_BYTES);

    try (TradingActorsNode node = TradingActorsNode.start(config)) {
      PerformanceState[] replayed = {PerformanceState.empty(MetricSettings.DEFAULTS)};
      long read = new JournalReplay(node.system())
          .replay(id, e -> replayed[0] = replayed[0].apply(e))
          .toCompletableFuture()
          .join();
      assertThat(read).isEqualTo(EVENTS);
      assertIdentical("replay", expected, MetricsSnapshot.of(id, read, replayed[0]));
      assertIdentical("recovered", expected, Journals.snapshot(node, id));
    }
  }

  private static long usedHeapAfterGc() {
    var memory = ManagementFactory.getMemoryMXBean();
    for (int i = 0; i < 3; i++) {
      System.gc();
    }
    return memory.getHeapMemoryUsage().getUsed();
  }
}
