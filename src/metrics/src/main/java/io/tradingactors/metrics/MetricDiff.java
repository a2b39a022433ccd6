package io.tradingactors.metrics;

/**
 * How far a live metric is from its backtest value.
 *
 * @param absolute live − backtest; null when either is null
 * @param relative (live − backtest) / |backtest|: the change as a fraction of the backtest's magnitude, so a drop is
 *     negative whatever the backtest's sign; null when either is null or the backtest is 0
 */
public record MetricDiff(Double absolute, Double relative) {

  public static MetricDiff of(Double live, Double backtest) {
    if (live == null || backtest == null) {
      return new MetricDiff(null, null);
    }
    double absolute = live - backtest;
    return new MetricDiff(absolute, backtest == 0.0 ? null : absolute / Math.abs(backtest));
  }
}
