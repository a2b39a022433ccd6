package io.tradingactors.metrics;

/**
 * Running peak and drawdown over balance observations in time order, O(1) per observation, immutable. Agrees with
 * {@link Drawdowns} to the last bit: it performs the same comparisons and the same single division.
 *
 * @param count observations so far
 * @param initial the first balance
 * @param last the latest balance
 * @param lastTimeMs the latest observation time
 * @param peak the running peak (the first balance is the first peak)
 * @param peakTimeMs the last time the running peak was reached
 * @param maxDrawdown max of 1 − balance / running peak so far
 * @param underwater whether the latest observation is below the peak
 * @param longestRecoveredMs longest peak-to-recovery time among drawdowns that have recovered
 */
public record DrawdownTracker(
    long count,
    double initial,
    double last,
    long lastTimeMs,
    double peak,
    long peakTimeMs,
    double maxDrawdown,
    boolean underwater,
    long longestRecoveredMs) {

  public static final DrawdownTracker EMPTY = new DrawdownTracker(0, 0, 0, 0, 0, 0, 0, false, 0);

  public DrawdownTracker plus(long timeMs, double balance) {
    if (count == 0) {
      return new DrawdownTracker(1, balance, balance, timeMs, balance, timeMs, 0.0, false, 0);
    }
    if (balance >= peak) {
      long longest = underwater ? Math.max(longestRecoveredMs, timeMs - peakTimeMs) : longestRecoveredMs;
      return new DrawdownTracker(
          count + 1, initial, balance, timeMs, balance, timeMs, maxDrawdown, false, longest);
    }
    double drawdown = 1.0 - balance / peak;
    return new DrawdownTracker(
        count + 1,
        initial,
        balance,
        timeMs,
        peak,
        peakTimeMs,
        Math.max(maxDrawdown, drawdown),
        true,
        longestRecoveredMs);
  }

  public double currentDrawdown() {
    return last >= peak ? 0.0 : 1.0 - last / peak;
  }

  /** Longest peak-to-recovery time in days, counting an unrecovered drawdown up to the latest observation. */
  public double maxDrawdownDurationDays() {
    long open = underwater ? lastTimeMs - peakTimeMs : 0;
    return Time.days(Math.max(longestRecoveredMs, open));
  }

  public double daysSincePeak() {
    return Time.days(lastTimeMs - peakTimeMs);
  }
}
