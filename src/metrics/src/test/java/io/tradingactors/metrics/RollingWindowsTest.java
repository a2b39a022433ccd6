package io.tradingactors.metrics;

import static io.tradingactors.metrics.Fixtures.DAY;
import static io.tradingactors.metrics.Fixtures.HOUR;
import static io.tradingactors.metrics.Fixtures.ms;
import static io.tradingactors.metrics.Fixtures.trade;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Trailing windows: trades with exit time in (as_of - window, as_of], and the Sharpe of the last daily returns. */
class RollingWindowsTest {

  private static final long AS_OF = ms("2025-04-15T12:00:00Z");

  private static WindowStatistics window(List<TradeOutcome> trades, long windowMs, double[] lastReturns) {
    return RollingWindows.of(trades, AS_OF, windowMs, lastReturns, MetricSettings.DEFAULTS);
  }

  private static TradeOutcome exitAt(long exitMs, double pnl, Double rr) {
    return trade(exitMs - HOUR, exitMs, pnl, 0, 0, rr);
  }

  @Test
  void aTradeExactlySevenDaysOldIsOutAndOneMillisecondYoungerIsIn() {
    List<TradeOutcome> trades =
        List.of(
            exitAt(AS_OF - 7 * DAY - 1, 700, 9.0), // older than the window: out
            exitAt(AS_OF - 7 * DAY, 1000, 9.0), // exactly seven days old: out
            exitAt(AS_OF - 7 * DAY + 1, 30, 2.0), // one millisecond younger: in
            exitAt(AS_OF, -10, null), // at as_of: in
            exitAt(AS_OF + 1, 500, 9.0)); // after as_of: out
    WindowStatistics w = window(trades, RollingWindows.SEVEN_DAYS_MS, new double[0]);
    // in: +30 and -10 -> 2 trades, win rate 1/2, profit factor 30 / 10 = 3, net 20, avg_rr over the one with rr: 2
    assertThat(w).isEqualTo(new WindowStatistics(2, 0.5, 3.0, 2.0, 20.0, null));
  }

  @Test
  void thirtyDayWindow() {
    List<TradeOutcome> trades =
        List.of(
            exitAt(AS_OF - 30 * DAY, 1000, null), // exactly thirty days old: out
            exitAt(AS_OF - 29 * DAY, 40, null),
            exitAt(AS_OF - 8 * DAY, 0, null),
            exitAt(AS_OF - HOUR, 20, null));
    WindowStatistics w = window(trades, RollingWindows.THIRTY_DAYS_MS, new double[0]);
    // 3 trades: wins 40 and 20, one breakeven in the total: win rate 2/3; no loss -> profit factor cap; no rr -> null
    assertThat(w.trades()).isEqualTo(3);
    assertThat(w.winRate()).isCloseTo(2.0 / 3.0, within(1e-15));
    assertThat(w.profitFactor()).isEqualTo(9999.9999);
    assertThat(w.avgRr()).isNull();
    assertThat(w.netPnl()).isEqualTo(60.0);
    assertThat(RollingWindows.THIRTY_DAYS_MS).isEqualTo(30L * 86_400_000L);
    assertThat(RollingWindows.SEVEN_DAYS_MS).isEqualTo(7L * 86_400_000L);
  }

  @Test
  void anEmptyWindow() {
    WindowStatistics w = window(List.of(exitAt(AS_OF - 8 * DAY, 5, null)), RollingWindows.SEVEN_DAYS_MS, new double[0]);
    assertThat(w).isEqualTo(new WindowStatistics(0, null, null, null, 0.0, null));
  }

  @Test
  void rollingSharpeOfTheLastThirtyReturns() {
    // 41 closes, 40 returns: ten of +50 % first, then ten cycles of +10 %, -10 %, +10 %. Only the LAST thirty
    // returns form the cycles, so only a window over the last thirty has this Sharpe:
    // mean = 1/30; deviations 1/15, -2/15, 1/15 -> squares 1/225 + 4/225 + 1/225 = 6/225 a cycle, 60/225 = 4/15 in all
    // std = sqrt((4/15) / 29) = 2 / sqrt(435); sharpe = (1/30) / (2 / sqrt(435)) * sqrt(365) = sqrt(435 * 365) / 60
    double[] closes = new double[41];
    closes[0] = 100;
    for (int i = 1; i <= 10; i++) {
      closes[i] = closes[i - 1] * 1.5;
    }
    double[] cycle = {1.1, 0.9, 1.1};
    for (int i = 11; i <= 40; i++) {
      closes[i] = closes[i - 1] * cycle[(i - 11) % 3];
    }
    double[] last = RollingWindows.lastReturns(closes, RollingWindows.SHARPE_RETURNS);
    assertThat(last).hasSize(30);
    assertThat(last[0]).isCloseTo(0.1, within(1e-12));
    assertThat(last[1]).isCloseTo(-0.1, within(1e-12));
    assertThat(last[29]).isCloseTo(0.1, within(1e-12));
    double expected = Math.sqrt(435.0 * 365.0) / 60.0; // 6.6411...
    WindowStatistics w = window(List.of(), RollingWindows.SEVEN_DAYS_MS, last);
    assertThat(w.sharpe()).isCloseTo(expected, Fixtures.rel(expected));
    // the daily series hands out the same last returns
    DailyCloseSeries series = DailyCloseSeries.of(20_000, closes, 0.0);
    assertThat(series.lastReturns(RollingWindows.SHARPE_RETURNS)).isEqualTo(last);
  }

  @Test
  void fewerReturnsThanTheWindowTakesAllOfThem() {
    double[] last = RollingWindows.lastReturns(new double[] {100, 110, 99}, RollingWindows.SHARPE_RETURNS);
    assertThat(last).containsExactly(new double[] {0.1, -0.1}, within(1e-15));
    assertThat(RollingWindows.lastReturns(new double[] {100}, 30)).isEmpty();
    // one return: no Sharpe
    WindowStatistics w = window(List.of(), RollingWindows.SEVEN_DAYS_MS, new double[] {0.1});
    assertThat(w.sharpe()).isNull();
  }
}
