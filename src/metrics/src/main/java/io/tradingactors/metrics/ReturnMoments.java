package io.tradingactors.metrics;

/**
 * Running moments of a return series for the Sharpe, volatility and Sortino ratios in O(1) per return: Welford's
 * mean and M2 (sum of squared deviations) and the sum of squared shortfalls below the MAR. Immutable.
 *
 * <p>Welford's update does not add in the same order as the two-pass batch formulas of {@link ReturnStats}, so the two
 * agree within a relative 1e-12, not to the last bit (tested).
 */
public record ReturnMoments(long count, double mean, double m2, double shortfallSumSq, double marPerPeriod) {

  public static ReturnMoments empty(double marPerPeriod) {
    return new ReturnMoments(0, 0.0, 0.0, 0.0, marPerPeriod);
  }

  /** With one more return (Welford). */
  public ReturnMoments plus(double r) {
    long n = count + 1;
    double delta = r - mean;
    double nextMean = mean + delta / n;
    double nextM2 = m2 + delta * (r - nextMean);
    double shortfall = Math.min(r - marPerPeriod, 0.0);
    return new ReturnMoments(n, nextMean, nextM2, shortfallSumSq + shortfall * shortfall, marPerPeriod);
  }

  /**
   * With {@code k} more returns of exactly 0 — the days a forward-filled close does not move — in O(1) by Chan et
   * al.'s pairwise merge of a group (k, mean 0, M2 0).
   */
  public ReturnMoments plusZeros(long k) {
    if (k <= 0) {
      return this;
    }
    long n = count + k;
    double delta = -mean;
    double nextMean = mean + delta * k / n;
    double nextM2 = m2 + delta * delta * ((double) count * k / n);
    double shortfall = Math.min(-marPerPeriod, 0.0);
    return new ReturnMoments(n, nextMean, nextM2, shortfallSumSq + k * (shortfall * shortfall), marPerPeriod);
  }

  /** Sample standard deviation (ddof = 1); 0 with fewer than two returns. */
  public double sampleStd() {
    return count < 2 ? 0.0 : Math.sqrt(m2 / (count - 1));
  }

  /** √(mean(min(r − MAR, 0)²)) over all returns; 0 when empty. */
  public double downsideDeviation() {
    return count == 0 ? 0.0 : Math.sqrt(shortfallSumSq / count);
  }
}
