package io.tradingactors.metrics;

import java.util.Arrays;

/**
 * Risk and return ratios over a series of periodic (daily) simple returns, DESIGN §3. Each has a batch form over an
 * array (two-pass, textbook order: the reference) and a finishing form over moments that the incremental
 * {@link ReturnMoments} feeds. Undefined answers are {@code null}: fewer than two returns, a zero deviation, a zero
 * drawdown.
 */
public final class ReturnStats {

  /** Fewer returns than this and every return-based statistic is undefined. */
  public static final int MIN_RETURNS = 2;

  private ReturnStats() {}

  /** Arithmetic mean, summed in order; 0 for an empty array. */
  public static double mean(double[] r) {
    if (r.length == 0) {
      return 0.0;
    }
    double sum = 0;
    for (double x : r) {
      sum += x;
    }
    return sum / r.length;
  }

  /** Sample standard deviation (ddof = 1), two-pass; 0 for fewer than two values. */
  public static double sampleStd(double[] r) {
    if (r.length < 2) {
      return 0.0;
    }
    double m = mean(r);
    double ss = 0;
    for (double x : r) {
      double d = x - m;
      ss += d * d;
    }
    return Math.sqrt(ss / (r.length - 1));
  }

  /** Downside deviation √(mean(min(r − mar, 0)²)) over <em>all</em> returns (zeros count); 0 when empty. */
  public static double downsideDeviation(double[] r, double marPerPeriod) {
    if (r.length == 0) {
      return 0.0;
    }
    double ss = 0;
    for (double x : r) {
      double d = Math.min(x - marPerPeriod, 0.0);
      ss += d * d;
    }
    return Math.sqrt(ss / r.length);
  }

  /** Sharpe = (mean(r) − rf/A) / std(r, ddof=1) · √A; null with fewer than two returns or zero deviation. */
  public static Double sharpe(double[] r, MetricSettings s) {
    return sharpe(r.length, mean(r), sampleStd(r), s);
  }

  public static Double sharpe(long n, double mean, double sampleStd, MetricSettings s) {
    if (n < MIN_RETURNS || isZeroDeviation(sampleStd, mean)) {
      return null;
    }
    return (mean - s.riskFreePerPeriod()) / sampleStd * Math.sqrt(s.periodsPerYear());
  }

  /**
   * A deviation that is only rounding noise: a constant return c sums to a mean a few ulps off c, which leaves a
   * deviation near 1e-16·|c| instead of 0. Anything at or below 1e-12 of the mean (or exactly 0) is taken as zero,
   * so a flat series gives null, not a ratio of 10^15.
   */
  public static boolean isZeroDeviation(double deviation, double mean) {
    return !(deviation > 0) || deviation <= 1e-12 * Math.abs(mean);
  }

  /**
   * Annual volatility = std(r, ddof=1) · √A; null with fewer than two returns. A flat or constant-return series gives
   * exactly 0: its computed deviation is rounding noise ({@link #isZeroDeviation}), the same noise for which the
   * Sharpe ratio is null, and the batch and incremental forms would otherwise disagree (two-pass leaves ~1e-16, Welford
   * exactly 0).
   */
  public static Double annualVolatility(double[] r, MetricSettings s) {
    return annualVolatility(r.length, mean(r), sampleStd(r), s);
  }

  public static Double annualVolatility(long n, double mean, double sampleStd, MetricSettings s) {
    if (n < MIN_RETURNS) {
      return null;
    }
    return isZeroDeviation(sampleStd, mean) ? 0.0 : sampleStd * Math.sqrt(s.periodsPerYear());
  }

  /**
   * Sortino = (mean(r) − MAR/A) / √(mean(min(r − MAR/A, 0)²)) · √A, the downside deviation taken over all returns;
   * null with fewer than two returns or no return below MAR.
   */
  public static Double sortino(double[] r, MetricSettings s) {
    return sortino(r.length, mean(r), downsideDeviation(r, s.marPerPeriod()), s);
  }

  public static Double sortino(long n, double mean, double downsideDeviation, MetricSettings s) {
    if (n < MIN_RETURNS || !(downsideDeviation > 0)) {
      return null;
    }
    return (mean - s.marPerPeriod()) / downsideDeviation * Math.sqrt(s.periodsPerYear());
  }

  /**
   * CAGR = (last close / first close)^(A / number of returns) − 1; null with fewer than two returns (one day's
   * change compounded over a year says nothing).
   */
  public static Double cagr(double firstClose, double lastClose, long returns, MetricSettings s) {
    if (returns < MIN_RETURNS || !(firstClose > 0) || !(lastClose > 0)) {
      return null;
    }
    return Math.pow(lastClose / firstClose, (double) s.periodsPerYear() / returns) - 1.0;
  }

  /** Calmar = cagr / max_drawdown; null when cagr is undefined or there was no drawdown. */
  public static Double calmar(Double cagr, Double maxDrawdown) {
    if (cagr == null || maxDrawdown == null || !(maxDrawdown > 0)) {
      return null;
    }
    return cagr / maxDrawdown;
  }

  /** The percentile of value-at-risk: VaR 95 and CVaR 95 look at the 5th percentile of returns. */
  public static final double VAR_PERCENTILE = 5.0;

  /**
   * The p-th percentile (0–100) of ascending-sorted values by linear interpolation between closest ranks
   * (rank = p/100 · (n − 1), NumPy's default "linear" method). The array must be non-empty.
   */
  public static double percentile(double[] sorted, double p) {
    return percentileOfPrefix(sorted, sorted.length, p);
  }

  /**
   * {@link #percentile} of {@code n} ascending-sorted values of which only the first ones are given: the prefix must
   * reach index {@link #percentileUpperIndex}{@code (n, p)}.
   */
  public static double percentileOfPrefix(double[] prefix, int n, double p) {
    double rank = p / 100.0 * (n - 1);
    int lo = (int) Math.floor(rank);
    int hi = Math.min(lo + 1, n - 1);
    double frac = rank - lo;
    return prefix[lo] + (prefix[hi] - prefix[lo]) * frac;
  }

  /** The highest index of the sorted values that {@link #percentile} reads for {@code n} values. */
  public static int percentileUpperIndex(int n, double p) {
    double rank = p / 100.0 * (n - 1);
    return Math.min((int) Math.floor(rank) + 1, n - 1);
  }

  /** VaR 95 = −(5th percentile of returns, linear interpolation); positive for a loss; null with fewer than two. */
  public static Double var95(double[] r) {
    return valueAtRiskSorted(sortedCopy(r));
  }

  /** VaR 95 of returns already sorted ascending. */
  public static Double valueAtRiskSorted(double[] sorted) {
    return valueAtRiskSortedPrefix(sorted, sorted.length);
  }

  /**
   * VaR 95 of {@code n} returns sorted ascending of which {@code prefix} holds the lowest: at least up to index
   * {@link #percentileUpperIndex}{@code (n, 5)}.
   */
  public static Double valueAtRiskSortedPrefix(double[] prefix, int n) {
    if (n < MIN_RETURNS) {
      return null;
    }
    return negate(percentileOfPrefix(prefix, n, VAR_PERCENTILE));
  }

  /** CVaR 95 = −mean of the returns at or below the 5th percentile; positive for losses; null with fewer than two. */
  public static Double cvar95(double[] r) {
    return expectedShortfallSorted(sortedCopy(r));
  }

  /** CVaR 95 of returns already sorted ascending; the tail is summed from the worst return up. */
  public static Double expectedShortfallSorted(double[] sorted) {
    return expectedShortfallSortedPrefix(sorted, sorted.length);
  }

  /**
   * CVaR 95 of {@code n} returns sorted ascending of which {@code prefix} holds the lowest: at least up to index
   * {@link #percentileUpperIndex}{@code (n, 5)}, and every return the tail takes (when the prefix is shorter than
   * {@code n}, the first return after it must be above the 5th percentile).
   */
  public static Double expectedShortfallSortedPrefix(double[] prefix, int n) {
    if (n < MIN_RETURNS) {
      return null;
    }
    double q = percentileOfPrefix(prefix, n, VAR_PERCENTILE);
    double sum = 0;
    int count = 0;
    for (double x : prefix) {
      if (x > q) {
        break;
      }
      sum += x;
      count++;
    }
    // The smallest return is always <= the interpolated 5th percentile, so count >= 1.
    return negate(sum / count);
  }

  /**
   * −x, but +0.0 for a zero: unary minus turns the 0 of a flat series into −0.0, which is numerically 0 yet written
   * "-0.0" in JSON. {@code 0.0 - x} is exactly −x for every other value.
   */
  private static double negate(double x) {
    return 0.0 - x;
  }

  /** Close-to-close simple returns: n closes give n − 1 returns. */
  public static double[] simpleReturns(double[] closes) {
    if (closes.length < 2) {
      return new double[0];
    }
    double[] r = new double[closes.length - 1];
    for (int i = 1; i < closes.length; i++) {
      r[i - 1] = closes[i] / closes[i - 1] - 1.0;
    }
    return r;
  }

  private static double[] sortedCopy(double[] r) {
    double[] copy = Arrays.copyOf(r, r.length);
    Arrays.sort(copy);
    return copy;
  }
}
