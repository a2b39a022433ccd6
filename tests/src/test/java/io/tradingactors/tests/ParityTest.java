package io.tradingactors.tests;

import static io.tradingactors.tests.BitIdentical.assertIdentical;
import static org.assertj.core.api.Assertions.assertThat;

import com.typesafe.config.Config;
import io.tradingactors.actors.TradingActorsNode;
import io.tradingactors.actors.performance.StrategyPerformanceActor;
import io.tradingactors.actors.performance.StrategyPerformanceActor.Recorded;
import io.tradingactors.actors.replay.JournalReplay;
import io.tradingactors.actors.testing.TestJournals;
import io.tradingactors.actors.testing.TestJournals.Backend;
import io.tradingactors.domain.MetricsSnapshot;
import io.tradingactors.domain.backtest.Report;
import io.tradingactors.domain.backtest.ReportBuilder;
import io.tradingactors.domain.risk.RiskPolicy;
import io.tradingactors.domain.event.PerformanceEvent;
import io.tradingactors.domain.event.TradeClosed;
import io.tradingactors.domain.fixtures.Events;
import io.tradingactors.metrics.MetricSettings;
import io.tradingactors.metrics.Period;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.apache.pekko.actor.testkit.typed.javadsl.TestProbe;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The same events through (1) the batch fold of {@code report}, (2) the live sharded actor, (3) {@code replay} from
 * the journal, and (4) an actor recovered from the journal with and without a snapshot give identical results, double
 * for double, on H2 and on PostgreSQL.
 */
class ParityTest {

  private static final List<Period> PERIODS = List.of(Period.DAILY, Period.MONTHLY);

  @TempDir Path dataDir;

  @ParameterizedTest
  @EnumSource(Backend.class)
  void batchLiveReplayAndRecoveredSnapshotsAreBitIdentical(Backend backend) throws Exception {
    String id = "parity@run-1";
    List<PerformanceEvent> events = Events.randomSequence(240, 20260522L, 25_000);
    ReportBuilder batch = new ReportBuilder(id, MetricSettings.DEFAULTS, RiskPolicy.DEFAULTS);
    events.forEach(batch::add);
    Report expectedReport = batch.build(PERIODS);
    MetricsSnapshot expected = MetricsSnapshot.of(id, events.size(), batch.state());

    Config config = Journals.withSnapshotEvery(TestJournals.config(backend, dataDir), 64);
    MetricsSnapshot live;
    Report replayed;
    try (TradingActorsNode node = TradingActorsNode.start(config)) {
      var entity = Journals.entity(node, id);
      TestProbe<MetricsSnapshot> subscriber = TestProbe.create(node.system());
      entity.tell(new StrategyPerformanceActor.Subscribe(subscriber.ref()));
      subscriber.expectMessageClass(MetricsSnapshot.class, Journals.ASK); // the current one, on subscribing

      SplittableRandom rnd = new SplittableRandom(5);
      int published = 0;
      for (int from = 0; from < events.size(); ) {
        int to = Math.min(events.size(), from + 1 + rnd.nextInt(rnd.nextBoolean() ? 1 : 60));
        Recorded r = record(entity, events.subList(from, to));
        assertThat(r.recorded()).isEqualTo(to - from);
        published++;
        // a live engine's retry of the batch's trades: acknowledged, nothing recorded
        List<PerformanceEvent> retry = new ArrayList<>(events.subList(from, to));
        retry.removeIf(e -> !(e instanceof TradeClosed));
        if (!retry.isEmpty() && rnd.nextInt(4) == 0) {
          Recorded again = record(entity, retry);
          assertThat(again.recorded()).isZero();
          assertThat(again.duplicates()).isEqualTo(retry.size());
        }
        from = to;
      }
      live = Journals.snapshot(node, id);
      MetricsSnapshot lastPublished = null;
      for (int i = 0; i < published; i++) {
        lastPublished = subscriber.expectMessageClass(MetricsSnapshot.class, Journals.ASK);
      }
      assertIdentical("published", live, lastPublished);

      ReportBuilder fromJournal = new ReportBuilder(id, MetricSettings.DEFAULTS, RiskPolicy.DEFAULTS);
      long read = new JournalReplay(node.system()).replay(id, fromJournal::add).toCompletableFuture().join();
      assertThat(read).isEqualTo(events.size());
      replayed = fromJournal.build(PERIODS);
    }
    assertIdentical("live", expected, live);
    assertIdentical("replay", expectedReport, replayed);

    assertThat(Journals.count(config, "SELECT COUNT(*) FROM \"snapshot\"")).isPositive();
    try (TradingActorsNode node = TradingActorsNode.start(config)) {
      assertIdentical("recovered from a snapshot", expected, Journals.snapshot(node, id));
    }
    Journals.update(config, "DELETE FROM \"snapshot\"");
    try (TradingActorsNode node = TradingActorsNode.start(config)) {
      assertIdentical("recovered from events alone", expected, Journals.snapshot(node, id));
    }
  }

  private static Recorded record(
      org.apache.pekko.cluster.sharding.typed.javadsl.EntityRef<StrategyPerformanceActor.Command> entity,
      List<PerformanceEvent> batch) {
    List<PerformanceEvent> copy = List.copyOf(batch);
    return entity
        .<Recorded>askWithStatus(r -> new StrategyPerformanceActor.RecordEvents(copy, r), Journals.ASK)
        .toCompletableFuture()
        .join();
  }
}
