package io.tradingactors.domain.state;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.tradingactors.domain.backtest.Backtest;
import io.tradingactors.domain.event.PerformanceEvent;
import io.tradingactors.domain.fixtures.Events;
import io.tradingactors.metrics.MetricSettings;
import io.tradingactors.metrics.RollingWindows;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The snapshot memento restores a state equal to the original, which then folds on exactly like it. */
class PerformanceStateMementoTest {

  private static final MetricSettings S = MetricSettings.DEFAULTS;

  @Test
  void aRestoredStateEqualsTheOriginalAndFoldsOnIdentically() throws Exception {
    List<PerformanceEvent> events = Events.randomSequence(1_500, 23, 10_000);
    int cut = events.size() * 2 / 3;
    PerformanceState original = Backtest.fold(events.subList(0, cut), S);
    assertThat(original.recentBalances()).hasSize(PerformanceState.RECENT_BALANCE_POINTS);
    assertThat(original.recentTrades()).isNotEmpty();

    PerformanceStateMemento memento = PerformanceStateMemento.of(original);
    assertThat(memento.recentBalances()).containsExactlyElementsOf(original.recentBalances());
    assertThat(memento.recentTrades()).containsExactlyElementsOf(original.recentTrades());
    PerformanceState restored = memento.toState();
    assertThat(restored).isEqualTo(original);
    assertThat(restored.hashCode()).isEqualTo(original.hashCode());

    // through JSON as well (the actor's serializer writes the same record as CBOR)
    ObjectMapper json = new ObjectMapper();
    PerformanceStateMemento read =
        json.readValue(json.writeValueAsBytes(memento), PerformanceStateMemento.class);
    PerformanceState fromJson = read.toState();
    assertThat(fromJson).isEqualTo(original);

    PerformanceState a = original;
    PerformanceState b = restored;
    PerformanceState c = fromJson;
    for (PerformanceEvent e : events.subList(cut, events.size())) {
      a = a.apply(e);
      b = b.apply(e);
      c = c.apply(e);
    }
    assertThat(b).isEqualTo(a);
    assertThat(c).isEqualTo(a);
    assertThat(b.metrics()).isEqualTo(a.metrics());
    assertThat(b.rolling(RollingWindows.THIRTY_DAYS_MS)).isEqualTo(a.rolling(RollingWindows.THIRTY_DAYS_MS));
    assertThat(a).isEqualTo(Backtest.fold(events, S));
    // the original was not disturbed by the folds that went on from it
    assertThat(PerformanceStateMemento.of(original).toState()).isEqualTo(restored);
  }

  @Test
  void theEmptyStateRoundTrips() {
    PerformanceState empty = PerformanceState.empty(S);
    assertThat(PerformanceStateMemento.of(empty).toState()).isEqualTo(empty);
  }

  @Test
  void aStateDiffersWhenItsRecentPartsDiffer() {
    PerformanceState base = PerformanceState.empty(S).apply(Events.balance(1, 1000));
    assertThat(base.apply(Events.balance(2, 1001))).isNotEqualTo(base.apply(Events.balance(2, 1002)));
    assertThat(base.apply(Events.trade("a", 2, 10))).isNotEqualTo(base.apply(Events.trade("b", 2, 10)));
    assertThat(base.apply(Events.trade("a", 2, 10))).isEqualTo(base.apply(Events.trade("a", 2, 10)));
  }
}
