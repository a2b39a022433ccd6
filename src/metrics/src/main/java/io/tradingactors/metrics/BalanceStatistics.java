package io.tradingactors.metrics;

/**
 * Balance statistics of DESIGN §3, in its key order. Every field is {@code null} without a balance observation;
 * return-based ratios are {@code null} with fewer than two daily returns (see {@link ReturnStats}).
 *
 * <p>{@code total_return} = current / initial − 1 over raw observations. Drawdowns are positive fractions over raw
 * observations; durations are fractional days.
 */
public record BalanceStatistics(
    Double initialBalance,
    Double currentBalance,
    Double peakBalance,
    Double totalReturn,
    Double cagr,
    Double annualVolatility,
    Double sharpeRatio,
    Double sortinoRatio,
    Double calmarRatio,
    Double var95,
    Double cvar95,
    Double maxDrawdown,
    Double currentDrawdown,
    Double maxDrawdownDurationDays,
    Double daysSincePeak) {

  public static final BalanceStatistics EMPTY =
      new BalanceStatistics(
          null, null, null, null, null, null, null, null, null, null, null, null, null, null, null);

  /**
   * The statistics from running accumulators: raw-observation drawdowns and the daily series with its moments. The
   * live fold's form; {@link BalanceStats#of} is the whole-array reference.
   */
  public static BalanceStatistics of(DrawdownTracker dd, DailyCloseSeries daily, MetricSettings s) {
    if (dd.count() == 0) {
      return EMPTY;
    }
    ReturnMoments m = daily.moments();
    double[] lowest = daily.lowestSortedReturns();
    int returns = daily.returnCount();
    Double cagr = ReturnStats.cagr(daily.firstClose(), daily.lastClose(), daily.returnCount(), s);
    return new BalanceStatistics(
        dd.initial(),
        dd.last(),
        dd.peak(),
        dd.last() / dd.initial() - 1.0,
        cagr,
        ReturnStats.annualVolatility(m.count(), m.mean(), m.sampleStd(), s),
        ReturnStats.sharpe(m.count(), m.mean(), m.sampleStd(), s),
        ReturnStats.sortino(m.count(), m.mean(), m.downsideDeviation(), s),
        ReturnStats.calmar(cagr, dd.maxDrawdown()),
        ReturnStats.valueAtRiskSortedPrefix(lowest, returns),
        ReturnStats.expectedShortfallSortedPrefix(lowest, returns),
        dd.maxDrawdown(),
        dd.currentDrawdown(),
        dd.maxDrawdownDurationDays(),
        dd.daysSincePeak());
  }
}
