package io.tradingactors.actors.serialization;

import static org.assertj.core.api.Assertions.assertThat;

import com.typesafe.config.ConfigFactory;
import io.tradingactors.domain.backtest.Backtest;
import io.tradingactors.domain.event.PerformanceEvent;
import io.tradingactors.domain.fixtures.Events;
import io.tradingactors.domain.state.PerformanceState;
import io.tradingactors.metrics.MetricSettings;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.apache.pekko.actor.ActorSystem;
import org.apache.pekko.actor.ExtendedActorSystem;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** A state snapshot (memento v1 as CBOR) restores a state equal to the original, which folds on identically. */
class PerformanceStateSerializerTest {

  private static ActorSystem system;
  private static PerformanceStateSerializer serializer;

  @BeforeAll
  static void start() {
    system = ActorSystem.create("serializer-test", ConfigFactory.parseString("pekko.actor.provider = local"));
    serializer = new PerformanceStateSerializer((ExtendedActorSystem) system);
  }

  @AfterAll
  static void stop() throws Exception {
    system.terminate();
    system.getWhenTerminated().toCompletableFuture().get(20, TimeUnit.SECONDS);
  }

  private static PerformanceState roundTrip(PerformanceState state) throws Exception {
    byte[] bytes = serializer.toBinary(state);
    return (PerformanceState) serializer.fromBinary(bytes, serializer.manifest(state));
  }

  @Test
  void aFoldedStateRoundTripsExactly() throws Exception {
    List<PerformanceEvent> events = Events.randomSequence(1_000, 17, 10_000);
    int cut = events.size() - 200;
    PerformanceState state = Backtest.fold(events.subList(0, cut), MetricSettings.DEFAULTS);
    assertThat(state.recentBalances()).hasSize(PerformanceState.RECENT_BALANCE_POINTS);
    PerformanceState back = roundTrip(state);
    assertThat(back).isEqualTo(state);
    assertThat(back.metrics()).isEqualTo(state.metrics());
    assertThat(List.copyOf(back.recentBalances())).isEqualTo(List.copyOf(state.recentBalances()));
    assertThat(List.copyOf(back.recentTrades())).isEqualTo(List.copyOf(state.recentTrades()));
    PerformanceState a = state;
    PerformanceState b = back;
    for (PerformanceEvent e : events.subList(cut, events.size())) {
      a = a.apply(e);
      b = b.apply(e);
    }
    assertThat(b).isEqualTo(a);
    assertThat(roundTrip(b)).isEqualTo(a);
  }

  @Test
  void theEmptyStateRoundTrips() throws Exception {
    PerformanceState empty = PerformanceState.empty(MetricSettings.DEFAULTS);
    assertThat(roundTrip(empty)).isEqualTo(empty);
  }
}
