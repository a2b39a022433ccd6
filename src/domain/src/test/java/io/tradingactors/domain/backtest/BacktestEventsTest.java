package io.tradingactors.domain.backtest;

import static io.tradingactors.domain.fixtures.Events.balance;
import static io.tradingactors.domain.fixtures.Events.trade;
import static org.assertj.core.api.Assertions.assertThat;

import io.tradingactors.domain.event.BalanceUpdated;
import io.tradingactors.domain.event.PerformanceEvent;
import io.tradingactors.domain.event.TradeClosed;
import java.util.List;
import org.junit.jupiter.api.Test;

class BacktestEventsTest {

  @Test
  void mergesByTimeWithTradesBeforeBalancesAtTheSameInstant() {
    TradeClosed late = trade("late", 5, 10);
    TradeClosed early = trade("early", 2, -4);
    BalanceUpdated atLate = balance(5, 1006);
    BalanceUpdated first = balance(0, 1000);
    List<PerformanceEvent> events = BacktestEvents.merge(List.of(late, early), List.of(atLate, first));
    assertThat(events).containsExactly(first, early, late, atLate);
  }

  @Test
  void derivesBalancesFromTheInitialBalanceAndCumulativePnlInExitOrder() {
    TradeClosed a = trade("a", 3, 100);
    TradeClosed b = trade("b", 2, -50);
    List<PerformanceEvent> events = BacktestEvents.withDerivedBalances(List.of(a, b), 1000);
    assertThat(events).containsExactly(
        new BalanceUpdated(b.entryTime(), 1000), b, new BalanceUpdated(b.exitTime(), 950),
        a, new BalanceUpdated(a.exitTime(), 1050));
  }

  @Test
  void noTradesGiveNoDerivedBalances() {
    assertThat(BacktestEvents.withDerivedBalances(List.of(), 1000)).isEmpty();
  }
}
