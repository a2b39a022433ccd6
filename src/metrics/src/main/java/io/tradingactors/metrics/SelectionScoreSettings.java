package io.tradingactors.metrics;

/**
 * The weights and caps of the selection score ({@link SelectionScore}; {@code trading-actors.selection} in
 * hocon/trading-actors.conf, docs/selection.md).
 *
 * <p>The weights need not sum to 1: they scale every strategy's score alike, so the ranking does not change. With
 * the defaults (summing to 1, each part within [0, 1]) a score lies in [0, 1].
 *
 * @param winRateWeight w_wr, the weight of win_rate (default 0.40); ≥ 0
 * @param profitFactorWeight w_pf, the weight of the capped, normalised profit factor (default 0.35); ≥ 0
 * @param avgRrWeight w_rr, the weight of the capped, normalised average reward:risk (default 0.25); ≥ 0
 * @param profitFactorCap cap_pf: a profit factor above it scores as it (default 3); &gt; 0
 * @param avgRrCap cap_rr: an avg_rr above it scores as it (default 5); &gt; 0
 */
public record SelectionScoreSettings(
    double winRateWeight, double profitFactorWeight, double avgRrWeight, double profitFactorCap, double avgRrCap) {

  public static final SelectionScoreSettings DEFAULTS = new SelectionScoreSettings(0.40, 0.35, 0.25, 3.0, 5.0);

  public SelectionScoreSettings {
    requireWeight("win_rate weight", winRateWeight);
    requireWeight("profit_factor weight", profitFactorWeight);
    requireWeight("avg_rr weight", avgRrWeight);
    requireCap("profit_factor cap", profitFactorCap);
    requireCap("avg_rr cap", avgRrCap);
  }

  private static void requireWeight(String name, double value) {
    if (!Double.isFinite(value) || value < 0) {
      throw new IllegalArgumentException(name + " must be a finite number ≥ 0, got " + value);
    }
  }

  // A cap divides the capped value: 0 would divide by zero, a negative cap would invert the order of strategies.
  private static void requireCap(String name, double value) {
    if (!Double.isFinite(value) || value <= 0) {
      throw new IllegalArgumentException(name + " must be a finite number > 0, got " + value);
    }
  }
}
