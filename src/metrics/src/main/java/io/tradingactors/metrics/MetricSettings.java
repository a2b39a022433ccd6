package io.tradingactors.metrics;

/**
 * The conventions that are configuration rather than definition (DESIGN §3).
 *
 * @param periodsPerYear annualisation factor A: 365 by default (crypto trades every day), 252 for equities
 * @param riskFreeRate annual risk-free rate subtracted from returns in the Sharpe ratio, as a fraction (default 0);
 *     applied per period as {@code riskFreeRate / periodsPerYear}
 * @param minimumAcceptableReturn annual MAR of the Sortino ratio, as a fraction (default 0); per period {@code MAR / A}
 */
public record MetricSettings(int periodsPerYear, double riskFreeRate, double minimumAcceptableReturn) {

  public static final MetricSettings DEFAULTS = new MetricSettings(365, 0.0, 0.0);

  public MetricSettings {
    if (periodsPerYear < 1) {
      throw new IllegalArgumentException("periods_per_year must be at least 1, got " + periodsPerYear);
    }
    if (!Double.isFinite(riskFreeRate)) {
      throw new IllegalArgumentException("risk_free_rate must be finite, got " + riskFreeRate);
    }
    if (!Double.isFinite(minimumAcceptableReturn)) {
      throw new IllegalArgumentException("minimum_acceptable_return must be finite, got " + minimumAcceptableReturn);
    }
  }

  /** Risk-free return per period (per day with the default A). */
  public double riskFreePerPeriod() {
    return riskFreeRate / periodsPerYear;
  }

  /** Minimum acceptable return per period. */
  public double marPerPeriod() {
    return minimumAcceptableReturn / periodsPerYear;
  }
}
