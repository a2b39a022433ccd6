package io.tradingactors.domain.backtest;

import io.tradingactors.domain.event.PerformanceEvent;
import io.tradingactors.domain.state.PerformanceState;
import io.tradingactors.metrics.MetricSettings;

/** The backtest path: the same fold the live actor runs, over a whole event sequence, without actors or a database. */
public final class Backtest {

  private Backtest() {}

  public static PerformanceState fold(Iterable<? extends PerformanceEvent> events, MetricSettings settings) {
    PerformanceState state = PerformanceState.empty(settings);
    for (PerformanceEvent e : events) {
      state = state.apply(e);
    }
    return state;
  }
}
