package io.tradingactors.domain.state;

import static io.tradingactors.domain.fixtures.Events.balance;
import static io.tradingactors.domain.fixtures.Events.trade;
import static org.assertj.core.api.Assertions.assertThat;

import io.tradingactors.domain.backtest.Backtest;
import io.tradingactors.domain.event.BalanceUpdated;
import io.tradingactors.domain.event.PerformanceEvent;
import io.tradingactors.domain.event.TradeClosed;
import io.tradingactors.domain.fixtures.Events;
import io.tradingactors.metrics.BalanceStats;
import io.tradingactors.metrics.MetricSettings;
import io.tradingactors.metrics.PerformanceMetrics;
import io.tradingactors.metrics.RollingWindows;
import io.tradingactors.metrics.TradeOutcome;
import io.tradingactors.metrics.TradeStats;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class PerformanceStateTest {

  private static final MetricSettings S = MetricSettings.DEFAULTS;

  @Test
  void emptyStateHasZeroCountsAndNullRatios() {
    PerformanceMetrics m = PerformanceState.empty(S).metrics();
    assertThat(m.totalTrades()).isZero();
    assertThat(m.netPnl()).isZero();
    assertThat(m.winRate()).isNull();
    assertThat(m.profitFactor()).isNull();
    assertThat(m.sharpeRatio()).isNull();
    assertThat(m.initialBalance()).isNull();
    assertThat(PerformanceState.empty(S).asOf()).isNull();
  }

  @Test
  void aRetriedTradeIdChangesNothing() {
    PerformanceState once = PerformanceState.empty(S).apply(trade("a", 2, 50));
    PerformanceState twice = once.apply(trade("a", 3, 999));
    assertThat(twice).isSameAs(once);
    assertThat(twice.metrics().netPnl()).isEqualTo(50.0);
    assertThat(twice.hasTrade("a")).isTrue();
    assertThat(twice.hasTrade("b")).isFalse();
  }

  @Test
  void olderVersionsStayValidAfterTheyAreForked() {
    PerformanceState base = PerformanceState.empty(S);
    for (int i = 0; i < 40; i++) {
      base = base.apply(trade("t" + i, 24.0 * i + 2, i % 3 == 0 ? -10 : 20)).apply(balance(24.0 * i + 2, 1000 + i));
    }
    PerformanceState left = base.apply(trade("x", 24.0 * 41, 500)).apply(balance(24.0 * 41, 5000));
    PerformanceState right = base.apply(trade("y", 24.0 * 45, -300)).apply(balance(24.0 * 45, 400));
    // Each branch equals the same branch folded from scratch: no branch wrote into the other's shared arrays.
    List<PerformanceEvent> prefix = new ArrayList<>();
    for (int i = 0; i < 40; i++) {
      prefix.add(trade("t" + i, 24.0 * i + 2, i % 3 == 0 ? -10 : 20));
      prefix.add(balance(24.0 * i + 2, 1000 + i));
    }
    List<PerformanceEvent> l = new ArrayList<>(prefix);
    l.add(trade("x", 24.0 * 41, 500));
    l.add(balance(24.0 * 41, 5000));
    List<PerformanceEvent> r = new ArrayList<>(prefix);
    r.add(trade("y", 24.0 * 45, -300));
    r.add(balance(24.0 * 45, 400));
    assertThat(left.metrics()).isEqualTo(Backtest.fold(l, S).metrics());
    assertThat(right.metrics()).isEqualTo(Backtest.fold(r, S).metrics());
    assertThat(left.hasTrade("y")).isFalse();
    assertThat(right.hasTrade("x")).isFalse();
    assertThat(base.hasTrade("x")).isFalse();
    assertThat(base.daily().closeCount()).isEqualTo(40);
  }

  @Test
  void anOlderBalanceIsRejectedByTheOrderRuleAndAnEqualTimeIsAccepted() {
    PerformanceState s = PerformanceState.empty(S).apply(balance(10, 1000));
    assertThat(s.checkOrder(balance(9, 1000))).hasValueSatisfying(v -> {
      assertThat(v.field()).isEqualTo("time");
      assertThat(v.message()).contains("before the last recorded balance time");
    });
    assertThat(s.checkOrder(balance(10, 1001))).isEmpty();
    assertThat(s.checkOrder(balance(11, 1001))).isEmpty();
  }

  @Test
  void applyStaysTotalForAnUnvalidatedOutOfOrderBalance() {
    PerformanceState s = PerformanceState.empty(S).apply(balance(48, 1000)).apply(balance(24, 900));
    assertThat(s.drawdown().lastTimeMs()).isEqualTo(balance(48, 0).time().toEpochMilli());
    assertThat(s.metrics().currentBalance()).isEqualTo(900.0);
    assertThat(s.daily().closeCount()).isEqualTo(1);
  }

  @Test
  void foldMatchesTheBatchReferenceOnARandomSequence() {
    List<PerformanceEvent> events = Events.randomSequence(2_000, 11, 10_000);
    PerformanceState state = Backtest.fold(events, S);
    List<TradeOutcome> trades = new ArrayList<>();
    List<long[]> times = new ArrayList<>();
    List<Double> balances = new ArrayList<>();
    for (PerformanceEvent e : events) {
      if (e instanceof TradeClosed t) {
        trades.add(new TradeOutcome(t.entryTime().toEpochMilli(), t.exitTime().toEpochMilli(), t.pnl(), t.fees(),
            t.slippage(), t.riskReward()));
      } else {
        BalanceUpdated b = (BalanceUpdated) e;
        times.add(new long[] {b.time().toEpochMilli()});
        balances.add(b.balance());
      }
    }
    assertThat(state.tally().statistics()).isEqualTo(TradeStats.of(trades));
    long[] t = times.stream().mapToLong(a -> a[0]).toArray();
    double[] b = balances.stream().mapToDouble(Double::doubleValue).toArray();
    var reference = BalanceStats.of(t, b, S);
    var m = state.metrics();
    assertThat(m.maxDrawdown()).isEqualTo(reference.maxDrawdown());
    assertThat(m.maxDrawdownDurationDays()).isEqualTo(reference.maxDrawdownDurationDays());
    assertThat(m.var95()).isEqualTo(reference.var95());
    assertThat(m.cvar95()).isEqualTo(reference.cvar95());
    assertThat(m.cagr()).isEqualTo(reference.cagr());
    assertThat(m.sharpeRatio()).isCloseTo(reference.sharpeRatio(), org.assertj.core.data.Percentage.withPercentage(1e-10));
    assertThat(m.sortinoRatio()).isCloseTo(reference.sortinoRatio(), org.assertj.core.data.Percentage.withPercentage(1e-10));
  }

  @Test
  void memoryDoesNotGrowWithBalanceTicks() {
    PerformanceState s = PerformanceState.empty(S);
    for (int i = 0; i < 50_000; i++) {
      s = s.apply(new BalanceUpdated(Events.T0.plusSeconds(i * 10L), 1000 + (i % 100)));
    }
    assertThat(s.recentBalances()).hasSize(PerformanceState.RECENT_BALANCE_POINTS);
    assertThat(s.daily().closeCount()).isEqualTo(6); // 500,000 s ≈ 5.8 days
    assertThat(s.eventCount()).isEqualTo(50_000);
  }

  @Test
  void recentTradesKeepOnlyTheLastThirtyDays() {
    PerformanceState s = PerformanceState.empty(S);
    for (int day = 0; day < 100; day++) {
      s = s.apply(trade("d" + day, 24.0 * day + 12, day % 2 == 0 ? 10 : -5));
    }
    assertThat(s.recentTrades()).hasSize(30);
    assertThat(s.rolling(RollingWindows.SEVEN_DAYS_MS).trades()).isEqualTo(7);
    assertThat(s.rolling(RollingWindows.THIRTY_DAYS_MS).trades()).isEqualTo(30);
    assertThat(s.tradeCount()).isEqualTo(100);
  }
}
