package io.tradingactors.domain.risk;

import static io.tradingactors.domain.fixtures.Events.balance;
import static io.tradingactors.domain.fixtures.Events.trade;
import static org.assertj.core.api.Assertions.assertThat;

import io.tradingactors.domain.DayFigures;
import io.tradingactors.domain.MetricsSnapshot;
import io.tradingactors.domain.backtest.Backtest;
import io.tradingactors.domain.event.PerformanceEvent;
import io.tradingactors.domain.fixtures.Events;
import io.tradingactors.domain.state.PerformanceState;
import io.tradingactors.metrics.MetricSettings;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class RiskInputsTest {

  private static PerformanceState fold(PerformanceEvent... events) {
    return Backtest.fold(List.of(events), MetricSettings.DEFAULTS);
  }

  @Test
  void the_day_opens_at_the_previous_days_close_and_counts_only_trades_exiting_that_day() {
    PerformanceState s = fold(
        balance(1, 10_000),
        balance(20, 10_100),      // day 1's close
        trade("a", 30, -300),     // 2025-03-02 06:00
        balance(31, 9_800),
        trade("late", 23, -50),   // recorded now, but exited on day 1
        trade("b", 40, 120.5));
    DayFigures today = DayFigures.of(s);
    assertThat(today.day()).isEqualTo(LocalDate.parse("2025-03-02"));
    assertThat(today.openingBalance()).isEqualTo(10_100.0);
    assertThat(today.netPnl()).isEqualTo(-300 + 120.5);
    assertThat(today.trades()).isEqualTo(2);
  }

  @Test
  void without_a_balance_today_the_day_opens_at_the_last_one_and_a_history_starting_today_at_its_first() {
    assertThat(DayFigures.of(fold(balance(1, 10_000), balance(2, 9_000), trade("a", 50, -10))).openingBalance())
        .isEqualTo(9_000.0);
    assertThat(DayFigures.of(fold(balance(1, 10_000), balance(2, 9_000))).openingBalance()).isEqualTo(10_000.0);
    assertThat(DayFigures.of(fold(trade("a", 5, -10))).openingBalance()).isNull();
    assertThat(DayFigures.of(fold())).isNull();
  }

  @Test
  void a_gap_of_days_without_balances_opens_at_the_forward_filled_close() {
    PerformanceState s = fold(balance(1, 10_000), balance(30, 9_500), balance(100, 9_900));
    assertThat(DayFigures.of(s).openingBalance()).isEqualTo(9_500.0);
  }

  @Test
  void the_backtests_figures_equal_the_snapshots_after_every_event() {
    List<PerformanceEvent> events = Events.randomSequence(400, 7, 10_000);
    PerformanceState s = PerformanceState.empty(MetricSettings.DEFAULTS);
    long seq = 0;
    for (PerformanceEvent e : events) {
      s = s.apply(e);
      seq++;
      RiskInputs direct = RiskInputs.of(seq, s);
      assertThat(direct).isEqualTo(RiskInputs.of(MetricsSnapshot.of("s", seq, s)));
    }
  }
}
