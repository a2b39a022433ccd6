package io.tradingactors.metrics;

import java.util.Arrays;

/**
 * The daily close series built one observation at a time, with the moments of its daily returns, for an immutable
 * state whose memory must not grow with the number of ticks: one double per calendar day, nothing per tick.
 *
 * <p>Days before the current one are final and live in an append-only array shared between versions (appending in
 * place is allowed only to the version at the tip, as in a persistent vector; any other version copies first), so
 * {@link #plus} is O(1) amortised and older versions stay valid. The current day's close is a field of the version:
 * it moves with every tick and is included in every statistic as the last close (n closes → n − 1 returns).
 *
 * <p>Observations must come in non-decreasing time order; an earlier one is treated as belonging to the current day
 * (callers validate order before it gets here, this only keeps the function total).
 */
public final class DailyCloseSeries {

  private final Finalized finalized;
  private final int finalizedCount;
  private final long firstDay;
  private final long currentDay;
  private final double currentClose;
  private final ReturnMoments finalizedMoments;

  private DailyCloseSeries(
      Finalized finalized,
      int finalizedCount,
      long firstDay,
      long currentDay,
      double currentClose,
      ReturnMoments finalizedMoments) {
    this.finalized = finalized;
    this.finalizedCount = finalizedCount;
    this.firstDay = firstDay;
    this.currentDay = currentDay;
    this.currentClose = currentClose;
    this.finalizedMoments = finalizedMoments;
  }

  /** An empty series whose Sortino shortfall is measured against {@code marPerPeriod}. */
  public static DailyCloseSeries empty(double marPerPeriod) {
    return new DailyCloseSeries(new Finalized(), 0, 0, 0, 0.0, ReturnMoments.empty(marPerPeriod));
  }

  /** Rebuilds a series from its closes (e.g. a state snapshot); the last close is the current day's. */
  public static DailyCloseSeries of(long firstDay, double[] closes, double marPerPeriod) {
    DailyCloseSeries s = empty(marPerPeriod);
    for (int i = 0; i < closes.length; i++) {
      s = s.plus((firstDay + i) * Time.MS_PER_DAY, closes[i]);
    }
    return s;
  }

  /** No observation yet; valid balances are &gt; 0, so a zero current close marks the empty series. */
  public boolean isEmpty() {
    return finalizedCount == 0 && currentClose == 0.0;
  }

  /** With one more balance observation. */
  public DailyCloseSeries plus(long timeMs, double balance) {
    long day = Time.utcDay(timeMs);
    if (isEmpty()) {
      return new DailyCloseSeries(finalized, 0, day, day, balance, finalizedMoments);
    }
    if (day <= currentDay) {
      return new DailyCloseSeries(
          finalized, finalizedCount, firstDay, currentDay, balance, finalizedMoments);
    }
    // The current day closes; days without an observation repeat its close (their returns are exactly 0).
    long gapDays = day - currentDay - 1;
    ReturnMoments moments = finalizedMoments;
    if (finalizedCount > 0) {
      moments = moments.plus(currentClose / finalized.get(finalizedCount - 1) - 1.0);
    }
    moments = moments.plusZeros(gapDays);
    int count = Math.toIntExact(finalizedCount + 1 + gapDays);
    Finalized target = finalized.appendFilled(finalizedCount, count, currentClose);
    return new DailyCloseSeries(target, count, firstDay, day, balance, moments);
  }

  /** Number of daily closes, the current day's included. */
  public int closeCount() {
    return isEmpty() ? 0 : finalizedCount + 1;
  }

  /** Number of daily returns: closes − 1 (0 when empty). */
  public int returnCount() {
    return Math.max(0, closeCount() - 1);
  }

  public long firstDay() {
    return firstDay;
  }

  public long currentDay() {
    return currentDay;
  }

  public double firstClose() {
    return finalizedCount > 0 ? finalized.get(0) : currentClose;
  }

  public double lastClose() {
    return currentClose;
  }

  /** A copy of every close, the current day's last. */
  public double[] closes() {
    double[] out = new double[closeCount()];
    finalized.copyTo(out, finalizedCount);
    if (out.length > 0) {
      out[out.length - 1] = currentClose;
    }
    return out;
  }

  /** A copy of the last {@code k} daily returns (fewer when the series is shorter), oldest first. */
  public double[] lastReturns(int k) {
    int n = Math.min(k, returnCount());
    double[] closes = closes();
    double[] out = new double[n];
    for (int i = 0; i < n; i++) {
      int to = closes.length - n + i;
      out[i] = closes[to] / closes[to - 1] - 1.0;
    }
    return out;
  }

  /** Moments of every daily return, the provisional one into the current day included. */
  public ReturnMoments moments() {
    if (finalizedCount == 0) {
      return finalizedMoments;
    }
    return finalizedMoments.plus(currentClose / finalized.get(finalizedCount - 1) - 1.0);
  }

  /**
   * Every daily return sorted ascending, the provisional one included; for VaR and CVaR. The finalized returns are
   * sorted once per day count and shared; the provisional one is inserted by binary search.
   */
  public double[] sortedReturns() {
    if (finalizedCount == 0) {
      return new double[0];
    }
    double[] base = finalized.sortedReturns(finalizedCount);
    double provisional = currentClose / finalized.get(finalizedCount - 1) - 1.0;
    int at = Arrays.binarySearch(base, provisional);
    if (at < 0) {
      at = -at - 1;
    }
    double[] out = new double[base.length + 1];
    System.arraycopy(base, 0, out, 0, at);
    out[at] = provisional;
    System.arraycopy(base, at, out, at + 1, base.length - at);
    return out;
  }

  /**
   * Restores a series exactly as {@link #finalizedCloses()}, {@link #currentDay()}, {@link #lastClose()} and
   * {@link #finalizedMoments()} described it. Re-adding the closes one by one would not do: gap days entered the
   * moments through a pairwise merge, and a replay would round differently.
   */
  public static DailyCloseSeries restore(
      long firstDay, double[] finalizedCloses, long currentDay, double currentClose, ReturnMoments finalizedMoments) {
    Finalized store = new Finalized();
    if (finalizedCloses.length > 0) {
      store.values = Arrays.copyOf(finalizedCloses, Math.max(16, finalizedCloses.length));
      store.used = finalizedCloses.length;
    }
    return new DailyCloseSeries(
        store, finalizedCloses.length, firstDay, currentDay, currentClose, finalizedMoments);
  }

  /** A copy of the closes of the days before the current one. */
  public double[] finalizedCloses() {
    double[] out = new double[finalizedCount];
    finalized.copyTo(out, finalizedCount);
    return out;
  }

  /** Moments of the returns between finalized days only (without the provisional return into today). */
  public ReturnMoments finalizedMoments() {
    return finalizedMoments;
  }

  @Override
  public boolean equals(Object o) {
    if (!(o instanceof DailyCloseSeries s)) {
      return false;
    }
    return firstDay == s.firstDay
        && currentDay == s.currentDay
        && Double.compare(currentClose, s.currentClose) == 0
        && finalizedMoments.equals(s.finalizedMoments)
        && Arrays.equals(finalizedCloses(), s.finalizedCloses());
  }

  @Override
  public int hashCode() {
    return Long.hashCode(firstDay) * 31 + Long.hashCode(currentDay) * 17 + Double.hashCode(currentClose);
  }

  /**
   * The append-only store of finalized closes shared by versions. {@code used} is how far the tip version has
   * written; slots below it are never rewritten, which is what makes sharing safe.
   */
  private static final class Finalized {
    private double[] values = new double[16];
    private int used;
    private double[] sorted;
    private int sortedFor = -1;

    synchronized double get(int i) {
      return values[i];
    }

    synchronized void copyTo(double[] out, int count) {
      System.arraycopy(values, 0, out, 0, count);
    }

    /**
     * Writes {@code close} into slots [count, newCount) and returns the store holding them: this one when the version
     * at {@code count} is its tip, else a private copy of the first {@code count} slots. Atomic, so two versions that
     * fork from the same tip cannot both append in place.
     */
    synchronized Finalized appendFilled(int count, int newCount, double close) {
      Finalized target = this;
      if (used != count) {
        target = new Finalized();
        target.values = Arrays.copyOf(values, Math.max(16, newCount));
      } else if (values.length < newCount) {
        values = Arrays.copyOf(values, Math.max(newCount, values.length * 2));
      }
      Arrays.fill(target.values, count, newCount, close);
      target.used = newCount;
      return target;
    }

    /** Returns between the first {@code count} closes, sorted; memoised for the latest count asked. */
    synchronized double[] sortedReturns(int count) {
      if (sortedFor != count) {
        double[] r = new double[count - 1];
        for (int i = 1; i < count; i++) {
          r[i - 1] = values[i] / values[i - 1] - 1.0;
        }
        Arrays.sort(r);
        sorted = r;
        sortedFor = count;
      }
      return sorted;
    }
  }
}
