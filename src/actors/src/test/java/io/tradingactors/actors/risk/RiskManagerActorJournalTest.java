package io.tradingactors.actors.risk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigFactory;
import io.tradingactors.actors.TradingActorsNode;
import io.tradingactors.actors.performance.StrategyPerformanceActor;
import io.tradingactors.actors.performance.StrategyPerformanceActor.Recorded;
import io.tradingactors.actors.risk.RiskManagerActor.Exposure;
import io.tradingactors.actors.risk.RiskManagerActor.RiskNotice;
import io.tradingactors.actors.testing.ManualClock;
import io.tradingactors.actors.testing.TestJournals;
import io.tradingactors.actors.testing.TestJournals.Backend;
import io.tradingactors.domain.MetricsSnapshot;
import io.tradingactors.domain.backtest.Backtest;
import io.tradingactors.domain.event.BalanceUpdated;
import io.tradingactors.domain.event.PerformanceEvent;
import io.tradingactors.domain.event.Side;
import io.tradingactors.domain.event.TradeClosed;
import io.tradingactors.domain.risk.ExposureChanged;
import io.tradingactors.domain.risk.LimitChanged;
import io.tradingactors.domain.risk.RiskEvent;
import io.tradingactors.metrics.MetricSettings;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletionException;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.pekko.actor.testkit.typed.javadsl.TestProbe;
import org.apache.pekko.actor.typed.pubsub.Topic;
import org.apache.pekko.cluster.sharding.typed.javadsl.ClusterSharding;
import org.apache.pekko.cluster.sharding.typed.javadsl.EntityRef;
import org.apache.pekko.persistence.jdbc.query.javadsl.JdbcReadJournal;
import org.apache.pekko.persistence.query.PersistenceQuery;
import org.apache.pekko.stream.javadsl.Sink;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The sharded risk manager on a real journal (H2 file and PostgreSQL), driven the way production drives it: trades and
 * balances into the strategy actor, snapshots from there to the risk manager, decisions observed on the risk topic.
 * Time is a {@link ManualClock}; where a test moves it past a cooldown it sends the {@code Review} the actor's timer
 * would send at that moment (one test lets the real timer fire).
 */
class RiskManagerActorJournalTest {

  private static final Duration T = Duration.ofSeconds(20);
  private static final Duration QUIET = Duration.ofMillis(300);
  private static final Instant START = Instant.parse("2025-03-03T10:00:00Z");
  private static final Duration COOLDOWN = Duration.ofMinutes(30);

  @TempDir Path dataDir;

  private final ManualClock clock = new ManualClock(START);
  private final AtomicInteger tradeIds = new AtomicInteger();

  /** A node, a strategy and a subscriber to the risk topic. */
  private final class Live implements AutoCloseable {
    final TradingActorsNode node;
    final String id;
    final TestProbe<RiskNotice> notices;

    Live(Config config, Clock clock, String id) {
      this.node = TradingActorsNode.start(config, clock);
      this.id = id;
      this.notices = TestProbe.create(node.system());
      node.riskTopic().tell(Topic.subscribe(notices.ref()));
    }

    EntityRef<StrategyPerformanceActor.Command> strategy() {
      return strategy(id);
    }

    EntityRef<StrategyPerformanceActor.Command> strategy(String entityId) {
      return ClusterSharding.get(node.system()).entityRefFor(StrategyPerformanceActor.ENTITY_TYPE_KEY, entityId);
    }

    EntityRef<RiskManagerActor.Command> risk() {
      return ClusterSharding.get(node.system()).entityRefFor(RiskManagerActor.ENTITY_TYPE_KEY, id);
    }

    /** A trade of {@code pnl} exiting now (the clock's time), recorded and acknowledged. */
    Recorded trade(double pnl) {
      return trade(id, pnl);
    }

    Recorded trade(String entityId, double pnl) {
      Instant exit = clock.instant();
      TradeClosed t = new TradeClosed("t" + tradeIds.incrementAndGet(), "BTCUSDT", Side.LONG,
          exit.minusSeconds(600), exit, 100, 101, 1, pnl, 0.1, 0.0, null, null, null);
      return strategy(entityId)
          .<Recorded>askWithStatus(r -> new StrategyPerformanceActor.RecordTrades(List.of(t), r), T)
          .toCompletableFuture().join();
    }

    Recorded balance(double balance) {
      BalanceUpdated b = new BalanceUpdated(clock.instant(), balance);
      return strategy().<Recorded>askWithStatus(r -> new StrategyPerformanceActor.RecordBalances(List.of(b), r), T)
          .toCompletableFuture().join();
    }

    Exposure exposure() {
      return risk().<Exposure>ask(RiskManagerActor.GetExposure::new, T).toCompletableFuture().join();
    }

    /** The next published decision, which must be an exposure change to {@code to} by {@code rule}. */
    ExposureChanged expectExposure(double to, String rule) {
      RiskNotice n = notices.expectMessageClass(RiskNotice.class, T);
      assertThat(n.strategyId()).isEqualTo(id);
      assertThat(n.event()).isInstanceOf(ExposureChanged.class);
      ExposureChanged e = (ExposureChanged) n.event();
      assertThat(e.to()).as("exposure after %s", e.reason()).isEqualTo(to);
      assertThat(e.rule()).isEqualTo(rule);
      return e;
    }

    void review() {
      risk().tell(RiskManagerActor.Review.INSTANCE);
    }

    @Override
    public void close() {
      node.close();
    }
  }

  @ParameterizedTest
  @EnumSource(Backend.class)
  void consecutiveLossesCutDownTheLadderAndWinsAfterTheCooldownLiftItStepByStep(Backend backend) {
    try (Live live = new Live(TestJournals.config(backend, dataDir), clock, "ladder")) {
      // A backtest run of the same strategy is never traded: its losses reach no risk manager.
      for (int i = 0; i < 3; i++) {
        live.trade("ladder@bt-1", -10);
      }
      live.notices.expectNoMessage(QUIET);
      live.trade(-10);
      live.trade(-10);
      live.notices.expectNoMessage(QUIET);
      live.trade(-10);
      ExposureChanged first = live.expectExposure(0.5, "consecutive_losses");
      // The whole chain: the trade's snapshot (sequence 3) is what the decision names, with its figures.
      assertThat(first.snapshotSequenceNr()).isEqualTo(3);
      assertThat(first.figures().consecutiveLosses()).isEqualTo(3);
      assertThat(first.at()).isEqualTo(START);
      live.trade(-10);
      live.trade(-10);
      live.expectExposure(0.25, "consecutive_losses");
      live.trade(-10);
      live.trade(-10);
      clock.advance(Duration.ofMinutes(5));
      Instant lastCut = clock.instant();
      live.trade(-10);
      live.expectExposure(0.0, "consecutive_losses");

      // Two wins within the cooldown lift nothing; the exposure says when it will look again.
      clock.advance(Duration.ofMinutes(10));
      live.trade(25);
      live.trade(25);
      live.notices.expectNoMessage(QUIET);
      Exposure held = live.exposure();
      assertThat(held.exposure()).isEqualTo(0.0);
      assertThat(held.nextReviewAt()).isEqualTo(lastCut.plus(COOLDOWN));

      // At the end of the cooldown the timer's review spends those two wins: one step.
      clock.set(lastCut.plus(COOLDOWN));
      live.review();
      live.expectExposure(0.25, "consecutive_losses");
      live.trade(25);
      live.notices.expectNoMessage(QUIET);
      live.trade(25);
      live.expectExposure(0.5, "consecutive_losses");
      live.trade(25);
      live.trade(25);
      ExposureChanged full = live.expectExposure(1.0, "consecutive_losses");
      assertThat(full.from()).isEqualTo(0.5);
      assertThat(live.exposure().nextReviewAt()).isNull();
    }
  }

  @ParameterizedTest
  @EnumSource(Backend.class)
  void theDrawdownLadderCutsAt10And20PercentAndLiftsEachRung2PointsBelowIt(Backend backend) {
    try (Live live = new Live(TestJournals.config(backend, dataDir), clock, "drawdown")) {
      live.balance(10_000);
      live.balance(8_900);
      live.expectExposure(0.5, "drawdown");
      clock.advance(Duration.ofMinutes(1));
      live.balance(7_900);
      ExposureChanged zero = live.expectExposure(0.0, "drawdown");
      assertThat(zero.figures().currentDrawdown()).isEqualTo(1 - 7_900 / 10_000.0);

      clock.advance(COOLDOWN);
      live.balance(8_100); // 19%: below the 20% rung, not below 18%
      live.notices.expectNoMessage(QUIET);
      live.balance(8_300); // 17%
      live.expectExposure(0.5, "drawdown");
      live.balance(9_150); // 8.5%
      live.notices.expectNoMessage(QUIET);
      live.balance(9_300); // 7%
      live.expectExposure(1.0, "drawdown");
    }
  }

  @ParameterizedTest
  @EnumSource(Backend.class)
  void theDailyLossLimitHoldsUntilTheNextUtcDayAndTheCooldownAfterIt(Backend backend) {
    clock.set(Instant.parse("2025-03-03T23:00:00Z"));
    try (Live live = new Live(TestJournals.config(backend, dataDir), clock, "daily")) {
      live.balance(10_000);
      clock.set(Instant.parse("2025-03-03T23:50:00Z"));
      live.trade(-400);
      live.notices.expectNoMessage(QUIET);
      live.trade(-100.01); // −500.01 today: past −5% of the day's opening 10,000
      ExposureChanged cut = live.expectExposure(0.0, "daily_loss");
      assertThat(cut.figures().dayOpeningBalance()).isEqualTo(10_000.0);
      assertThat(cut.figures().dayNetPnl()).isEqualTo(-500.01);
      assertThat(live.exposure().nextReviewAt()).isEqualTo(Instant.parse("2025-03-04T00:00:00Z"));

      // Midnight: a new day, but the cooldown of the 23:50 cut runs until 00:20.
      clock.set(Instant.parse("2025-03-04T00:00:00Z"));
      live.review();
      live.notices.expectNoMessage(QUIET);
      assertThat(live.exposure().nextReviewAt()).isEqualTo(Instant.parse("2025-03-04T00:20:00Z"));
      clock.set(Instant.parse("2025-03-04T00:20:00Z"));
      live.review();
      ExposureChanged lifted = live.expectExposure(1.0, "daily_loss");
      assertThat(lifted.reason()).isEqualTo("daily_loss 0 -> 1: a new UTC day began (2025-03-04)");
      // The new day is measured from its own opening: yesterday's loss no longer counts.
      live.balance(9_450);
      live.notices.expectNoMessage(QUIET);
      assertThat(live.exposure().exposure()).isEqualTo(1.0);
    }
  }

  @ParameterizedTest
  @EnumSource(Backend.class)
  void anOperatorsHaltOverridesEveryRuleUntilResumed(Backend backend) {
    try (Live live = new Live(TestJournals.config(backend, dataDir), clock, "override")) {
      assertThatThrownBy(() -> live.risk().<Exposure>askWithStatus(r -> new RiskManagerActor.Halt(" ", r), T)
          .toCompletableFuture().join())
          .isInstanceOf(CompletionException.class).hasMessageContaining("reason: required");

      Exposure halted = live.risk().<Exposure>askWithStatus(r -> new RiskManagerActor.Halt("desk review", r), T)
          .toCompletableFuture().join();
      assertThat(halted.exposure()).isEqualTo(0.0);
      assertThat(halted.reason()).isEqualTo("manual_halt 1 -> 0: halted by an operator: desk review");
      live.expectExposure(0.0, "manual_halt");
      // Halting again changes nothing and publishes nothing.
      live.risk().<Exposure>askWithStatus(r -> new RiskManagerActor.Halt("again", r), T).toCompletableFuture().join();

      // The rules keep moving underneath: three losses cut their limit, published as a limit change.
      live.trade(-10);
      live.trade(-10);
      live.trade(-10);
      RiskNotice limit = live.notices.expectMessageClass(RiskNotice.class, T);
      assertThat(limit.event()).isInstanceOf(LimitChanged.class);
      assertThat(limit.event().rule()).isEqualTo("consecutive_losses");
      assertThat(limit.event().limits().consecutiveLosses()).isEqualTo(0.5);
      // Two wins after the cooldown lift that limit, but not the halt.
      clock.advance(COOLDOWN);
      live.trade(10);
      live.trade(10);
      assertThat(live.notices.expectMessageClass(RiskNotice.class, T).event()).isInstanceOf(LimitChanged.class);
      assertThat(live.exposure().exposure()).isEqualTo(0.0);
      live.trade(-10);
      live.trade(-10);
      live.trade(-10); // cut again while halted
      assertThat(live.notices.expectMessageClass(RiskNotice.class, T).event()).isInstanceOf(LimitChanged.class);

      Exposure resumed = live.risk().<Exposure>askWithStatus(r -> new RiskManagerActor.Resume("reviewed", r), T)
          .toCompletableFuture().join();
      assertThat(resumed.exposure()).isEqualTo(0.5); // what the rules allow now
      live.expectExposure(0.5, "manual_halt");
    }
  }

  @ParameterizedTest
  @EnumSource(Backend.class)
  void aRestartInTheMiddleOfACooldownKeepsTheCutAndItsCooldown(Backend backend) {
    Config config = TestJournals.config(backend, dataDir);
    try (Live live = new Live(config, clock, "restart")) {
      live.trade(-10);
      live.trade(-10);
      live.trade(-10);
      live.expectExposure(0.5, "consecutive_losses");
    }
    clock.advance(Duration.ofMinutes(10));
    try (Live live = new Live(config, clock, "restart")) {
      Exposure recovered = live.exposure();
      assertThat(recovered.exposure()).isEqualTo(0.5);
      assertThat(recovered.rule()).isEqualTo("consecutive_losses");
      assertThat(recovered.since()).isEqualTo(START);
      assertThat(recovered.nextReviewAt()).isEqualTo(START.plus(COOLDOWN));
      live.trade(10);
      live.trade(10); // within the cooldown: nothing yet
      live.notices.expectNoMessage(QUIET);
      clock.set(START.plus(COOLDOWN));
      live.review();
      live.expectExposure(1.0, "consecutive_losses");
    }
    // Restarted once more after the cooldown: the risk manager learns the latest figures by asking its strategy, so
    // the next win counts on top of them and the exposure stays where the journal left it.
    clock.advance(Duration.ofHours(1));
    try (Live live = new Live(config, clock, "restart")) {
      assertThat(live.exposure().exposure()).isEqualTo(1.0);
      assertThat(live.exposure().nextReviewAt()).isNull();
    }
  }

  @ParameterizedTest
  @EnumSource(Backend.class)
  void olderAndRepeatedSnapshotsNeverOverrideANewerOne(Backend backend) {
    try (Live live = new Live(TestJournals.config(backend, dataDir), clock, "ordering")) {
      live.risk().tell(new RiskManagerActor.Evaluate(losses(live.id, 5, 3)));
      live.expectExposure(0.5, "consecutive_losses");
      live.risk().tell(new RiskManagerActor.Evaluate(losses(live.id, 4, 8))); // older, though worse
      live.risk().tell(new RiskManagerActor.Evaluate(losses(live.id, 5, 8))); // same sequence number again
      live.notices.expectNoMessage(QUIET);
      assertThat(live.exposure().exposure()).isEqualTo(0.5);
      assertThat(live.exposure().lastSnapshotSequenceNr()).isEqualTo(5);
      live.risk().tell(new RiskManagerActor.Evaluate(losses(live.id, 6, 5)));
      live.expectExposure(0.25, "consecutive_losses");
    }
  }

  @ParameterizedTest
  @EnumSource(Backend.class)
  void theTimerLiftsALimitWhenTheCooldownEndsWithoutAnotherSnapshotEvenAfterARestart(Backend backend) {
    // Real time here: a strategy whose policy has a two-second cooldown, so that the actor's own timer must fire; and
    // idle entities passivated after 300 ms, so that a risk manager left waiting would lose its timer.
    Config config = ConfigFactory.parseString(
        "trading-actors.risk.strategies { \"fast.1\" { recovery.cooldown = 2 seconds } }\n"
            + "pekko.cluster.sharding.passivation.default-idle-strategy.idle-entity.timeout = 300 ms")
        .withFallback(TestJournals.config(backend, dataDir)).resolve();
    try (Live live = new Live(config, Clock.systemUTC(), "fast.1")) {
      live.trade(-10);
      live.trade(-10);
      live.trade(-10);
      live.expectExposure(0.5, "consecutive_losses");
      live.trade(10);
      live.trade(10); // counted when the cooldown ends, by the timer's review
      live.expectExposure(1.0, "consecutive_losses");

      live.trade(-10);
      live.trade(-10);
      live.trade(-10);
      live.expectExposure(0.5, "consecutive_losses");
      live.trade(10);
      live.trade(10);
    }
    // Stopped within the cooldown. On the next start nothing addresses the risk manager, yet the lift is journaled:
    // the node starts every risk manager of its journal, which asks its strategy for the latest figures.
    try (TradingActorsNode node = TradingActorsNode.start(config)) {
      JdbcReadJournal journal =
          PersistenceQuery.get(node.system()).getReadJournalFor(JdbcReadJournal.class, JdbcReadJournal.Identifier());
      Instant deadline = Instant.now().plus(T);
      RiskEvent last = null;
      while (Instant.now().isBefore(deadline)) {
        List<RiskEvent> events = journal.currentEventsByPersistenceId("risk|fast.1", 0, Long.MAX_VALUE)
            .map(e -> (RiskEvent) e.event()).runWith(Sink.seq(), node.system()).toCompletableFuture().join();
        last = events.get(events.size() - 1);
        if (events.size() == 4) {
          break;
        }
        Thread.sleep(100);
      }
      assertThat(last).isInstanceOf(ExposureChanged.class);
      assertThat(((ExposureChanged) last).to()).isEqualTo(1.0);
    } catch (InterruptedException e) {
      throw new AssertionError(e);
    }
  }

  /** A snapshot at sequence {@code seq} of a strategy that has just lost {@code n} trades in a row. */
  private MetricsSnapshot losses(String id, long seq, int n) {
    List<PerformanceEvent> events = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      Instant exit = START.plusSeconds(i);
      events.add(new TradeClosed("l" + i, "X", Side.SHORT, exit.minusSeconds(60), exit, 1, 1, 1, -1, 0, 0, null,
          null, null));
    }
    return MetricsSnapshot.of(id, seq, Backtest.fold(events, MetricSettings.DEFAULTS));
  }
}
