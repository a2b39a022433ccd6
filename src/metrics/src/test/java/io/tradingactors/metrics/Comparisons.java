package io.tradingactors.metrics;

import static org.assertj.core.api.Assertions.assertThat;

/** How incremental results are compared with the batch references. */
final class Comparisons {

  /** The relative tolerance between Welford (incremental) and two-pass (batch) moments. */
  static final double MOMENT_TOLERANCE = 1e-12;

  private Comparisons() {}

  /** Bit-identical, nulls included: {@link Double#equals} compares {@code doubleToLongBits}. */
  static void assertBitIdentical(String name, Double actual, Double expected) {
    assertThat(actual).as(name).isEqualTo(expected);
  }

  /**
   * Null in the same places, otherwise within {@link #MOMENT_TOLERANCE} relative of the larger of the two values and
   * {@code scale}.
   *
   * <p>{@code scale} matters for the Sharpe and Sortino ratios only. Their numerator is a mean of returns of both
   * signs; the rounding error of a sum is relative to the sum of the magnitudes, not to the (possibly much smaller)
   * result, so when gains and losses nearly cancel, a Sharpe ratio of 0.001 carries the absolute error of one of 1.
   * The scale is that magnitude ({@link #cancellationScale}); without cancellation it is about the ratio itself and
   * the comparison is a plain relative one.
   */
  static void assertMomentClose(String name, Double actual, Double expected, double scale) {
    if (expected == null) {
      assertThat(actual).as(name).isNull();
      return;
    }
    assertThat(actual).as(name).isNotNull();
    double magnitude = Math.max(Math.max(Math.abs(actual), Math.abs(expected)), scale);
    assertThat(Math.abs(actual - expected))
        .as("%s: incremental %s vs batch %s", name, actual, expected)
        .isLessThanOrEqualTo(MOMENT_TOLERANCE * magnitude);
  }

  /**
   * √A · mean(|r − c|) / deviation: what a ratio (mean(r) − c) / deviation · √A would be if no term of its mean
   * cancelled another; 0 without returns or deviation.
   */
  static double cancellationScale(double[] r, double c, double deviation, MetricSettings s) {
    if (r.length == 0 || !(deviation > 0)) {
      return 0.0;
    }
    double sum = 0;
    for (double x : r) {
      sum += Math.abs(x - c);
    }
    return sum / r.length / deviation * Math.sqrt(s.periodsPerYear());
  }

  /**
   * The moment-based ratios (volatility, Sharpe, Sortino) within a relative 1e-12 (see {@link #assertMomentClose})
   * and in the same null places; every other field bit-identical. {@code returns} are the daily returns both were
   * computed from, for the cancellation scale.
   */
  static void assertBalanceStatisticsAgree(
      BalanceStatistics incremental, BalanceStatistics batch, double[] returns, MetricSettings s) {
    assertBitIdentical("initial_balance", incremental.initialBalance(), batch.initialBalance());
    assertBitIdentical("current_balance", incremental.currentBalance(), batch.currentBalance());
    assertBitIdentical("peak_balance", incremental.peakBalance(), batch.peakBalance());
    assertBitIdentical("total_return", incremental.totalReturn(), batch.totalReturn());
    assertBitIdentical("cagr", incremental.cagr(), batch.cagr());
    assertMomentClose("annual_volatility", incremental.annualVolatility(), batch.annualVolatility(), 0.0);
    double sharpeScale =
        cancellationScale(returns, s.riskFreePerPeriod(), ReturnStats.sampleStd(returns), s);
    assertMomentClose("sharpe_ratio", incremental.sharpeRatio(), batch.sharpeRatio(), sharpeScale);
    double sortinoScale =
        cancellationScale(returns, s.marPerPeriod(), ReturnStats.downsideDeviation(returns, s.marPerPeriod()), s);
    assertMomentClose("sortino_ratio", incremental.sortinoRatio(), batch.sortinoRatio(), sortinoScale);
    assertBitIdentical("calmar_ratio", incremental.calmarRatio(), batch.calmarRatio());
    assertBitIdentical("var_95", incremental.var95(), batch.var95());
    assertBitIdentical("cvar_95", incremental.cvar95(), batch.cvar95());
    assertBitIdentical("max_drawdown", incremental.maxDrawdown(), batch.maxDrawdown());
    assertBitIdentical("current_drawdown", incremental.currentDrawdown(), batch.currentDrawdown());
    assertBitIdentical(
        "max_drawdown_duration_days", incremental.maxDrawdownDurationDays(), batch.maxDrawdownDurationDays());
    assertBitIdentical("days_since_peak", incremental.daysSincePeak(), batch.daysSincePeak());
  }

  /** As above, the returns derived from the observations. */
  static void assertBalanceStatisticsAgree(
      BalanceStatistics incremental, BalanceStatistics batch, long[] times, double[] balances, MetricSettings s) {
    double[] returns = ReturnStats.simpleReturns(DailyCloses.of(times, balances).closes());
    assertBalanceStatisticsAgree(incremental, batch, returns, s);
  }
}
