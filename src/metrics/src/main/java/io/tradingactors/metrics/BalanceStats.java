package io.tradingactors.metrics;

/**
 * Balance statistics of a whole series at once, with the two-pass formulas of {@link ReturnStats}: the reference that
 * {@link BalanceStatistics#of(DrawdownTracker, DailyCloseSeries, MetricSettings)} is tested against. Drawdowns,
 * closes, CAGR and VaR agree to the last bit; the moment-based ratios within a relative 1e-12.
 */
public final class BalanceStats {

  private BalanceStats() {}

  /** Observations in non-decreasing time order. */
  public static BalanceStatistics of(long[] timesMs, double[] balances, MetricSettings s) {
    if (balances.length == 0) {
      return BalanceStatistics.EMPTY;
    }
    double[] closes = DailyCloses.of(timesMs, balances).closes();
    double[] r = ReturnStats.simpleReturns(closes);
    double first = balances[0];
    double last = balances[balances.length - 1];
    double peak = first;
    for (double b : balances) {
      peak = Math.max(peak, b);
    }
    double maxDd = Drawdowns.maxDrawdown(balances);
    Double cagr = ReturnStats.cagr(closes[0], closes[closes.length - 1], r.length, s);
    return new BalanceStatistics(
        first,
        last,
        peak,
        last / first - 1.0,
        cagr,
        ReturnStats.annualVolatility(r, s),
        ReturnStats.sharpe(r, s),
        ReturnStats.sortino(r, s),
        ReturnStats.calmar(cagr, maxDd),
        ReturnStats.var95(r),
        ReturnStats.cvar95(r),
        maxDd,
        Drawdowns.currentDrawdown(balances),
        Drawdowns.maxDrawdownDurationDays(timesMs, balances),
        Drawdowns.daysSincePeak(timesMs, balances));
  }
}
