package io.tradingactors.actors;

import static org.assertj.core.api.Assertions.assertThat;

import io.tradingactors.actors.performance.StrategyPerformanceActor;
import io.tradingactors.actors.performance.StrategyPerformanceActor.Command;
import io.tradingactors.actors.performance.StrategyPerformanceActor.Recorded;
import io.tradingactors.actors.testing.BehaviorTestKits;
import io.tradingactors.domain.backtest.Backtest;
import io.tradingactors.domain.event.BalanceUpdated;
import io.tradingactors.domain.event.PerformanceEvent;
import io.tradingactors.domain.event.TradeClosed;
import io.tradingactors.domain.fixtures.Events;
import io.tradingactors.domain.state.PerformanceState;
import io.tradingactors.metrics.MetricSettings;
import java.util.ArrayList;
import java.util.List;
import org.apache.pekko.actor.testkit.typed.javadsl.ActorTestKit;
import org.apache.pekko.pattern.StatusReply;
import org.apache.pekko.persistence.testkit.javadsl.EventSourcedBehaviorTestKit;
import org.apache.pekko.persistence.testkit.javadsl.EventSourcedBehaviorTestKit.CommandResultWithReply;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The behavior on Pekko's persistence testkit: which events a command persists, what it replies, and that commands,
 * events, replies and the state survive serialization with the production bindings (the testkit serializes each).
 */
class StrategyPerformanceActorBehaviorTest {

  private static final ActorTestKit TESTKIT =
      ActorTestKit.create(BehaviorTestKits.config());

  private EventSourcedBehaviorTestKit<Command, PerformanceEvent, PerformanceState> kit;

  @BeforeEach
  void fresh() {
    kit = EventSourcedBehaviorTestKit.create(
        TESTKIT.system(),
        StrategyPerformanceActor.create("unit-1", new StrategyPerformanceActor.Settings(MetricSettings.DEFAULTS, 50)));
    kit.clear();
  }

  @AfterAll
  static void stop() {
    TESTKIT.shutdownTestKit();
  }

  private CommandResultWithReply<Command, PerformanceEvent, PerformanceState, StatusReply<Recorded>> events(
      List<? extends PerformanceEvent> batch) {
    List<PerformanceEvent> copy = new ArrayList<>(batch); // may hold a null element, as a bad client might send
    return kit.runCommand(r -> new StrategyPerformanceActor.RecordEvents(copy, r));
  }

  @Test
  void aBatchPersistsItsEventsInOrderAndTheStateIsTheFold() {
    List<PerformanceEvent> batch = Events.randomSequence(40, 3, 5_000);
    var result = events(batch);
    assertThat(result.reply().getValue()).isEqualTo(new Recorded(batch.size(), 0, batch.size()));
    assertThat(result.events()).isEqualTo(batch);
    assertThat(result.state()).isEqualTo(Backtest.fold(batch, MetricSettings.DEFAULTS));

    kit.restart();
    assertThat(kit.getState()).isEqualTo(Backtest.fold(batch, MetricSettings.DEFAULTS));
  }

  @Test
  void aRetriedBatchOfTradesAndBalancesPersistsNothing() {
    TradeClosed a = Events.trade("a", 1, 10);
    BalanceUpdated b = Events.balance(1, 1_010);
    BalanceUpdated c = Events.balance(2, 1_012);
    events(List.of(a, b, c));

    var retry = events(List.of(a, b, c, a));
    assertThat(retry.hasNoEvents()).isTrue();
    assertThat(retry.reply().getValue()).isEqualTo(new Recorded(0, 4, 3));

    var stale = events(List.of(Events.balance(1, 999))); // older than the last, and not a recorded one
    assertThat(stale.reply().isError()).isTrue();

    var correction = events(List.of(Events.balance(2, 1_011)));
    assertThat(correction.events()).hasSize(1); // same instant, new value: a correction is recorded
  }

  @Test
  void anyInvalidElementRejectsTheWholeBatchNamingEachProblem() {
    events(List.of(Events.balance(5, 1_000)));
    List<PerformanceEvent> batch = new ArrayList<>();
    batch.add(Events.trade("ok", 6, 1));
    batch.add(new BalanceUpdated(Events.T0.plusSeconds(6 * 3600), Double.NaN));
    batch.add(Events.balance(4, 990)); // before the last recorded balance
    batch.add(null);
    var result = events(batch);
    assertThat(result.hasNoEvents()).isTrue();
    assertThat(result.reply().isError()).isTrue();
    assertThat(result.reply().getError().getMessage())
        .contains("events[1].balance")
        .contains("events[2].time")
        .contains("before the last recorded balance time")
        .contains("events[3].is null");
    assertThat(kit.getState().eventCount()).isEqualTo(1);
  }

  @Test
  void subscribersGetTheCurrentSnapshotThenOneAfterEveryPersistedBatch() {
    var probe = TESTKIT.createTestProbe(io.tradingactors.domain.MetricsSnapshot.class);
    kit.runCommand(new StrategyPerformanceActor.Subscribe(probe.ref()));
    assertThat(probe.receiveMessage().sequenceNr()).isZero();
    events(List.of(Events.balance(1, 1_000), Events.trade("t", 2, 5)));
    var published = probe.receiveMessage();
    assertThat(published.sequenceNr()).isEqualTo(2);
    assertThat(published.metrics().totalTrades()).isEqualTo(1);
    events(List.of(Events.trade("t", 2, 5))); // a duplicate persists nothing and publishes nothing
    probe.expectNoMessage(java.time.Duration.ofMillis(200));
  }
}
