package io.tradingactors.tests;

import static io.tradingactors.tests.BitIdentical.assertIdentical;
import static org.assertj.core.api.Assertions.assertThat;

import io.tradingactors.actors.TradingActorsNode;
import io.tradingactors.actors.performance.StrategyPerformanceActor;
import io.tradingactors.actors.performance.StrategyPerformanceActor.Recorded;
import io.tradingactors.actors.risk.RiskManagerActor;
import io.tradingactors.actors.risk.RiskManagerActor.Exposure;
import io.tradingactors.actors.risk.RiskPolicies;
import io.tradingactors.actors.testing.ManualClock;
import io.tradingactors.actors.testing.TestJournals;
import io.tradingactors.actors.testing.TestJournals.Backend;
import io.tradingactors.domain.backtest.Report;
import io.tradingactors.domain.backtest.ReportBuilder;
import io.tradingactors.domain.event.BalanceUpdated;
import io.tradingactors.domain.event.PerformanceEvent;
import io.tradingactors.domain.event.Side;
import io.tradingactors.domain.event.TradeClosed;
import io.tradingactors.domain.fixtures.Events;
import io.tradingactors.domain.risk.RiskEvent;
import io.tradingactors.metrics.MetricSettings;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import org.apache.pekko.cluster.sharding.typed.javadsl.ClusterSharding;
import org.apache.pekko.cluster.sharding.typed.javadsl.EntityRef;
import org.apache.pekko.persistence.jdbc.query.javadsl.JdbcReadJournal;
import org.apache.pekko.persistence.query.PersistenceQuery;
import org.apache.pekko.stream.javadsl.Sink;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The risk decisions of the live path equal those the backtest path ({@code report}) shows for the same events, field
 * by field and doubles by their bits: the live node decides at its clock's time, set here to each event's time, and
 * the reviews its timer would run (ends of cooldowns, UTC midnights) are sent when due, as the timer would.
 */
class RiskParityTest {

  private static final Duration ASK = Duration.ofSeconds(20);

  @TempDir Path dataDir;

  @ParameterizedTest
  @EnumSource(Backend.class)
  void liveRiskEventsInTheJournalEqualTheBacktestsOnes(Backend backend) {
    List<PerformanceEvent> events = new ArrayList<>(Events.randomSequence(120, 23, 10_000));
    events.addAll(badDays(events));
    String id = "risk-parity";

    ReportBuilder batch = new ReportBuilder(id, MetricSettings.DEFAULTS, RiskPolicies.DEFAULTS.forStrategy(id));
    ManualClock clock = new ManualClock(Events.T0);
    List<RiskEvent> live;
    double liveExposure;
    try (TradingActorsNode node = TradingActorsNode.start(TestJournals.config(backend, dataDir), clock)) {
      ClusterSharding sharding = ClusterSharding.get(node.system());
      EntityRef<StrategyPerformanceActor.Command> strategy =
          sharding.entityRefFor(StrategyPerformanceActor.ENTITY_TYPE_KEY, id);
      EntityRef<RiskManagerActor.Command> risk = sharding.entityRefFor(RiskManagerActor.ENTITY_TYPE_KEY, id);
      for (PerformanceEvent e : events) {
        batch.add(e);
        Instant asOf = batch.state().asOf();
        // The timer's reviews that fall due before this event, each at its own time.
        for (Exposure x = exposure(risk); x.nextReviewAt() != null && !x.nextReviewAt().isAfter(asOf);
            x = exposure(risk)) {
          clock.set(x.nextReviewAt());
          risk.tell(RiskManagerActor.Review.INSTANCE);
        }
        clock.set(asOf);
        record(strategy, e);
        // The snapshot reaches the risk manager before the next ask (through the same shard region, sent before the
        // write's reply), so the next answer comes after its decision.
      }
      liveExposure = exposure(risk).exposure();
      JdbcReadJournal journal =
          PersistenceQuery.get(node.system()).getReadJournalFor(JdbcReadJournal.class, JdbcReadJournal.Identifier());
      live = journal.currentEventsByPersistenceId("risk|" + id, 0, Long.MAX_VALUE)
          .map(envelope -> (RiskEvent) envelope.event())
          .runWith(Sink.seq(), node.system())
          .toCompletableFuture().join();
    }

    Report expected = batch.build(List.of());
    assertThat(expected.riskEvents()).extracting(RiskEvent::rule)
        .contains("consecutive_losses", "drawdown", "daily_loss");
    assertIdentical("risk_events", expected.riskEvents(), live);
    assertThat(liveExposure).isEqualTo(expected.exposure());
  }

  /** Two days after the random history: a 6% loss in one day (daily limit, drawdown) and a small recovery. */
  private static List<PerformanceEvent> badDays(List<PerformanceEvent> before) {
    Instant last = Instant.EPOCH;
    double balance = 0;
    for (PerformanceEvent e : before) {
      if (e instanceof BalanceUpdated b) {
        last = b.time().isAfter(last) ? b.time() : last;
        balance = b.balance();
      } else if (((TradeClosed) e).exitTime().isAfter(last)) {
        last = ((TradeClosed) e).exitTime();
      }
    }
    Instant day = last.truncatedTo(ChronoUnit.DAYS).plus(Duration.ofDays(2)).plus(Duration.ofHours(10));
    double loss = Math.round(balance * 0.06 * 100) / 100.0;
    double dip = Math.round(balance * 0.06 * 100) / 100.0;
    return List.of(
        new BalanceUpdated(day, balance),
        trade("bad-1", day.plus(Duration.ofHours(1)), -loss),
        new BalanceUpdated(day.plus(Duration.ofHours(1)), balance - loss),
        new BalanceUpdated(day.plus(Duration.ofHours(5)), balance - loss - dip), // ~12% below the day's open
        trade("good-1", day.plus(Duration.ofHours(30)), 20),
        new BalanceUpdated(day.plus(Duration.ofHours(30)), balance - loss - dip + 20),
        trade("good-2", day.plus(Duration.ofHours(31)), 20),
        new BalanceUpdated(day.plus(Duration.ofHours(31)), balance - loss - dip + 40));
  }

  private static TradeClosed trade(String id, Instant exit, double pnl) {
    return new TradeClosed(id, "BTCUSDT", Side.LONG, exit.minus(Duration.ofMinutes(30)), exit, 100, 101, 1, pnl, 0.5,
        0.1, null, null, null);
  }

  private static void record(EntityRef<StrategyPerformanceActor.Command> strategy, PerformanceEvent e) {
    Recorded r = e instanceof TradeClosed t
        ? strategy.<Recorded>askWithStatus(
            to -> new StrategyPerformanceActor.RecordTrades(List.of(t), to), ASK).toCompletableFuture().join()
        : strategy.<Recorded>askWithStatus(
            to -> new StrategyPerformanceActor.RecordBalances(List.of((BalanceUpdated) e), to), ASK)
            .toCompletableFuture().join();
    assertThat(r.recorded()).as("every event is new").isEqualTo(1);
  }

  private static Exposure exposure(EntityRef<RiskManagerActor.Command> risk) {
    return risk.<Exposure>ask(RiskManagerActor.GetExposure::new, ASK).toCompletableFuture().join();
  }
}
