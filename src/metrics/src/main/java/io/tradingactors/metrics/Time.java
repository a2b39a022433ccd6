package io.tradingactors.metrics;

/** Millisecond arithmetic shared by the metrics: UTC calendar days and fractional days/hours. */
public final class Time {

  public static final long MS_PER_DAY = 86_400_000L;
  public static final double MS_PER_HOUR = 3_600_000.0;

  private Time() {}

  /** The UTC calendar day (days since 1970-01-01) that contains the instant; floors for times before 1970. */
  public static long utcDay(long epochMs) {
    return Math.floorDiv(epochMs, MS_PER_DAY);
  }

  /** A duration in fractional days. */
  public static double days(long durationMs) {
    return durationMs / (double) MS_PER_DAY;
  }
}
