package io.tradingactors.metrics;

/**
 * How the backtest and live selection scores combine ({@link BlendedScore}; {@code trading-actors.selection.blend}).
 *
 * @param backtestWeight the backtest score's weight in a blend (default 0.7), in [0, 1]
 * @param liveWeight the live score's weight in a blend (default 0.3), in [0, 1]; the two sum to 1, so that a blended
 *     score and a score on one basis alone are on the same scale and rank against each other
 * @param minLiveTrades live trades in the 30-day window from which the live score takes part (default 5), ≥ 1
 */
public record BlendSettings(double backtestWeight, double liveWeight, long minLiveTrades) {

  public static final BlendSettings DEFAULTS = new BlendSettings(0.7, 0.3, 5);

  /** How far from 1 the weights' sum may be: decimal weights such as 0.7 + 0.3 are not exact in binary. */
  public static final double SUM_TOLERANCE = 1e-9;

  public BlendSettings {
    requireFraction("backtest weight", backtestWeight);
    requireFraction("live weight", liveWeight);
    if (Math.abs(backtestWeight + liveWeight - 1.0) > SUM_TOLERANCE) {
      throw new IllegalArgumentException(
          "backtest and live weights must sum to 1, got " + backtestWeight + " + " + liveWeight);
    }
    if (minLiveTrades < 1) {
      throw new IllegalArgumentException("min live trades must be at least 1, got " + minLiveTrades);
    }
  }

  private static void requireFraction(String name, double value) {
    if (!(value >= 0 && value <= 1)) {
      throw new IllegalArgumentException(name + " must be in [0, 1], got " + value);
    }
  }
}
