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
 * <p>Memory: 8 bytes per calendar day (plus up to a quarter spare), and for VaR and CVaR the lowest 5% or so of the
 * finalized returns, sorted once per day count and shared, rather than every return.
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

  /**
   * The close of UTC day {@code day} (epoch day), forward-filled like every close; defined from {@link #firstDay()} to
   * {@link #currentDay()} of a non-empty series.
   */
  public double closeOf(long day) {
    if (isEmpty() || day < firstDay || day > currentDay) {
      throw new IllegalArgumentException("day " + day + " is outside " + firstDay + ".." + currentDay);
    }
    return day == currentDay ? currentClose : finalized.get(Math.toIntExact(day - firstDay));
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
    double[] closes = new double[n + 1];
    if (n > 0) {
      // the last n + 1 closes: the last n finalized ones and the current day's
      finalized.copyRange(finalizedCount - n, closes, n);
      closes[n] = currentClose;
    }
    double[] out = new double[n];
    for (int i = 0; i < n; i++) {
      out[i] = closes[i + 1] / closes[i] - 1.0;
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

  /** Every daily return sorted ascending, the provisional one included (a fresh sort of all of them). */
  public double[] sortedReturns() {
    if (finalizedCount == 0) {
      return new double[0];
    }
    double[] out = new double[finalizedCount];
    double[] closes = closes();
    for (int i = 1; i < closes.length; i++) {
      out[i - 1] = closes[i] / closes[i - 1] - 1.0;
    }
    Arrays.sort(out);
    return out;
  }

  /**
   * The lowest daily returns, sorted ascending, the provisional one included: a prefix of {@link #sortedReturns()}
   * that holds every return VaR 95 and CVaR 95 read ({@link ReturnStats#valueAtRiskSortedPrefix} and
   * {@link ReturnStats#expectedShortfallSortedPrefix} with {@link #returnCount()}), so they are bit-identical to the
   * full sort's. Only about the lowest 5% of the finalized returns are kept between calls (memoised per day count),
   * not every return; the provisional one is merged in by binary search.
   */
  public double[] lowestSortedReturns() {
    if (finalizedCount == 0) {
      return new double[0];
    }
    int n = finalizedCount;
    double provisional = currentClose / finalized.get(finalizedCount - 1) - 1.0;
    Tail tail = finalized.tail(finalizedCount);
    double[] low = tail.lowest;
    double[] prefix;
    // does the provisional return sort within the kept returns (or are all the finalized returns kept)?
    boolean within =
        !tail.hasNext && tail.repeats == 0
            || low.length > 0 && Double.compare(provisional, low[low.length - 1]) <= 0;
    int kept = low.length + tail.repeats;
    prefix = new double[within ? kept + 1 : kept];
    System.arraycopy(low, 0, prefix, 0, low.length);
    if (tail.repeats > 0) {
      Arrays.fill(prefix, low.length, kept, low[low.length - 1]);
    }
    if (within) {
      int at = Arrays.binarySearch(prefix, 0, kept, provisional);
      if (at < 0) {
        at = -at - 1;
      }
      System.arraycopy(prefix, at, prefix, at + 1, kept - at);
      prefix[at] = provisional;
    }
    if (prefix.length == n || n < ReturnStats.MIN_RETURNS) {
      return prefix;
    }
    // The returns after the prefix: the first finalized one after it, and the provisional one if it sorts later.
    // Both must lie above the 5th percentile for the prefix to hold the whole tail; with valid (finite, positive)
    // closes they always do, and anything else is answered by the full sort.
    boolean enough = ReturnStats.percentileUpperIndex(n, ReturnStats.VAR_PERCENTILE) < prefix.length;
    if (enough) {
      double q = ReturnStats.percentileOfPrefix(prefix, n, ReturnStats.VAR_PERCENTILE);
      enough = (!tail.hasNext || tail.next > q) && (within || provisional > q);
    }
    return enough ? prefix : sortedReturns();
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
      store.values = finalizedCloses.clone();
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
   * written; slots below it are never rewritten, which is what makes sharing safe. It starts with no room (a fresh
   * strategy holds no array) and grows by a quarter: one close a day needs no faster growth.
   */
  private static final class Finalized {
    private static final double[] NONE = new double[0];

    private double[] values = NONE;
    private int used;
    private Tail tail;
    private int tailFor = -1;

    synchronized double get(int i) {
      return values[i];
    }

    synchronized void copyTo(double[] out, int count) {
      System.arraycopy(values, 0, out, 0, count);
    }

    synchronized void copyRange(int from, double[] out, int count) {
      System.arraycopy(values, from, out, 0, count);
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
        target.values = Arrays.copyOf(values, grown(newCount));
      } else if (values.length < newCount) {
        values = Arrays.copyOf(values, Math.max(newCount, grown(values.length)));
      }
      Arrays.fill(target.values, count, newCount, close);
      target.used = newCount;
      return target;
    }

    private static int grown(int capacity) {
      return capacity + Math.max(4, capacity / 4);
    }

    /**
     * The lowest returns between the first {@code count} closes; memoised for the latest count asked (a new count
     * comes once a day). Keeps {@code floor(5% · (count − 1)) + 3} of them, which reaches past the index the 5th
     * percentile of count returns reads (the provisional one included), plus how many returns after them repeat the
     * last one and the first return after those.
     */
    synchronized Tail tail(int count) {
      if (tailFor != count) {
        int f = count - 1;
        double[] r = new double[f];
        for (int i = 1; i < count; i++) {
          r[i - 1] = values[i] / values[i - 1] - 1.0;
        }
        Arrays.sort(r);
        int k = Math.min(f, ReturnStats.percentileUpperIndex(f + 1, ReturnStats.VAR_PERCENTILE) + 2);
        int repeats = 0;
        while (k > 0 && k + repeats < f && Double.compare(r[k + repeats], r[k - 1]) == 0) {
          repeats++;
        }
        int after = k + repeats;
        tail = new Tail(Arrays.copyOf(r, k), repeats, after < f, after < f ? r[after] : 0.0);
        tailFor = count;
      }
      return tail;
    }
  }

  /**
   * The lowest finalized returns, sorted; {@code repeats} more returns equal to the last of them follow, then
   * {@code next} if {@code hasNext}.
   */
  private record Tail(double[] lowest, int repeats, boolean hasNext, double next) {}
}
