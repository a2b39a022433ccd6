package io.tradingactors.metrics;

/**
 * Drawdown figures over every balance observation in time order (DESIGN §3), as whole-array functions: the reference
 * for {@link DrawdownTracker}. The first balance is the first peak; drawdowns are positive fractions of the running
 * peak. All functions need at least one observation.
 */
public final class Drawdowns {

  private Drawdowns() {}

  /** max over observations of 1 − balance / running peak; 0 when the balance never fell below a peak. */
  public static double maxDrawdown(double[] balances) {
    double peak = balances[0];
    double max = 0.0;
    for (double b : balances) {
      if (b >= peak) {
        peak = b;
      } else {
        max = Math.max(max, 1.0 - b / peak);
      }
    }
    return max;
  }

  /** 1 − last balance / peak of all observations; 0 at a peak. */
  public static double currentDrawdown(double[] balances) {
    double peak = balances[0];
    for (double b : balances) {
      peak = Math.max(peak, b);
    }
    double last = balances[balances.length - 1];
    return last >= peak ? 0.0 : 1.0 - last / peak;
  }

  /**
   * The longest time, in days, from a peak to the first later observation at or above it (its recovery), or to the
   * last observation when the last drawdown has not recovered; 0 when the balance never fell below a peak. A peak's
   * time is the last time the running peak was reached.
   */
  public static double maxDrawdownDurationDays(long[] timesMs, double[] balances) {
    double peak = balances[0];
    long peakTime = timesMs[0];
    boolean underwater = false;
    long longest = 0;
    for (int i = 0; i < balances.length; i++) {
      if (balances[i] >= peak) {
        if (underwater) {
          longest = Math.max(longest, timesMs[i] - peakTime);
          underwater = false;
        }
        peak = balances[i];
        peakTime = timesMs[i];
      } else {
        underwater = true;
      }
    }
    if (underwater) {
      longest = Math.max(longest, timesMs[timesMs.length - 1] - peakTime);
    }
    return Time.days(longest);
  }

  /** Days from the last time the running peak was reached to the last observation. */
  public static double daysSincePeak(long[] timesMs, double[] balances) {
    double peak = balances[0];
    long peakTime = timesMs[0];
    for (int i = 0; i < balances.length; i++) {
      if (balances[i] >= peak) {
        peak = balances[i];
        peakTime = timesMs[i];
      }
    }
    return Time.days(timesMs[timesMs.length - 1] - peakTime);
  }
}
