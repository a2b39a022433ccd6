package io.tradingactors.metrics;

/**
 * The daily close series of DESIGN §3 built from a whole array of balance observations: the last balance of each UTC
 * calendar day, forward-filled over days without one, from the day of the first balance to the day of the last.
 *
 * @param firstDay the UTC day (days since the epoch) of {@code closes[0]}
 * @param closes one close per calendar day, consecutive days
 */
public record DailyCloses(long firstDay, double[] closes) {

  /** Observations must be in non-decreasing time order; an empty input gives no closes. */
  public static DailyCloses of(long[] timesMs, double[] balances) {
    if (timesMs.length == 0) {
      return new DailyCloses(0, new double[0]);
    }
    long firstDay = Time.utcDay(timesMs[0]);
    long lastDay = Time.utcDay(timesMs[timesMs.length - 1]);
    double[] closes = new double[Math.toIntExact(lastDay - firstDay + 1)];
    int filled = 0;
    double close = balances[0];
    for (int i = 0; i < timesMs.length; i++) {
      int dayIndex = (int) (Time.utcDay(timesMs[i]) - firstDay);
      while (filled < dayIndex) {
        closes[filled++] = close;
      }
      close = balances[i];
    }
    closes[filled] = close;
    return new DailyCloses(firstDay, closes);
  }
}
