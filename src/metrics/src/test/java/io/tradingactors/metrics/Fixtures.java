package io.tradingactors.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.offset;

import java.time.OffsetDateTime;
import java.util.List;
import org.assertj.core.data.Offset;

/** Helpers shared by the tests: instants from ISO-8601 text, trades, and relative tolerances. */
final class Fixtures {

  static final long HOUR = 3_600_000L;
  static final long DAY = Time.MS_PER_DAY;

  private Fixtures() {}

  /** Epoch milliseconds of an ISO-8601 instant with an offset ("Z", "+02:00", ...). */
  static long ms(String iso) {
    return OffsetDateTime.parse(iso).toInstant().toEpochMilli();
  }

  static TradeOutcome trade(long entryMs, long exitMs, double pnl) {
    return new TradeOutcome(entryMs, exitMs, pnl, 0.0, 0.0, null);
  }

  static TradeOutcome trade(long entryMs, long exitMs, double pnl, double fees, double slippage, Double rr) {
    return new TradeOutcome(entryMs, exitMs, pnl, fees, slippage, rr);
  }

  /** A tolerance of {@code 1e-12} relative to {@code expected} (absolute 1e-300 at zero). */
  static Offset<Double> rel(double expected) {
    return offset(Math.max(Math.abs(expected) * 1e-12, 1e-300));
  }

  /** Asserts {@code actual} is non-null and within {@code 1e-12} relative of {@code expected}. */
  static void assertRel(Double actual, double expected) {
    assertThat(actual).isNotNull();
    assertThat(actual).isCloseTo(expected, rel(expected));
  }

  /** Exactly +0.0: {@code -0.0} equals 0.0 numerically but is written "-0.0" in JSON. */
  static void assertPositiveZero(Double actual) {
    assertThat(actual).isNotNull();
    assertThat(Double.doubleToLongBits(actual)).as("%s is +0.0", actual).isEqualTo(Double.doubleToLongBits(0.0));
  }

  /**
   * Trade statistics by the batch function and by the incremental tally, asserted equal (record equality compares
   * double components bit for bit), so every known answer checks both implementations.
   */
  static TradeStatistics tradeStats(List<TradeOutcome> trades) {
    TradeStatistics batch = TradeStats.of(trades);
    TradeTally tally = TradeTally.EMPTY;
    for (TradeOutcome t : trades) {
      tally = tally.plus(t);
    }
    assertThat(tally.statistics()).isEqualTo(batch);
    return batch;
  }

  /** Balance statistics by the batch reference and by the accumulators, asserted equal where they must be. */
  static BalanceStatistics balanceStats(long[] times, double[] balances, MetricSettings s) {
    BalanceStatistics batch = BalanceStats.of(times, balances, s);
    DrawdownTracker dd = DrawdownTracker.EMPTY;
    DailyCloseSeries daily = DailyCloseSeries.empty(s.marPerPeriod());
    for (int i = 0; i < times.length; i++) {
      dd = dd.plus(times[i], balances[i]);
      daily = daily.plus(times[i], balances[i]);
    }
    BalanceStatistics incremental = BalanceStatistics.of(dd, daily, s);
    Comparisons.assertBalanceStatisticsAgree(incremental, batch, times, balances, s);
    return batch;
  }
}
