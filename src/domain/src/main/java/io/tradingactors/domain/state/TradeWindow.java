package io.tradingactors.domain.state;

import io.tradingactors.metrics.MetricSettings;
import io.tradingactors.metrics.RollingWindows;
import io.tradingactors.metrics.WindowStatistics;
import java.util.AbstractList;
import java.util.Arrays;
import java.util.List;
import java.util.RandomAccess;

/**
 * The recent trades of the state (those the rolling windows still need), in recording order: an immutable list
 * whose versions share one columnar store of exit times, pnls and R:Rs (24 bytes a trade, no object per trade). The
 * newest version appends in place, an older one that is extended copies first (see {@link ColumnStore}); the dropped
 * head is reclaimed when it reaches half of the live trades, so the store holds at most about 1.5 times the live
 * trades once it has stopped growing.
 *
 * <p>A trade without R:R is held as {@code NaN} in its column (R:R is validated finite before it gets here), and read
 * back as {@code null}. Equal to any list of the same {@link RecentTrade}s in the same order.
 */
public final class TradeWindow extends AbstractList<RecentTrade> implements RandomAccess {

  private static final TradeWindow EMPTY = new TradeWindow(null, 0, 0);
  private static final int PNL = 0;
  private static final int RISK_REWARD = 1;

  private final ColumnStore store;
  private final int start;
  private final int end;

  private TradeWindow(ColumnStore store, int start, int end) {
    this.store = store;
    this.start = start;
    this.end = end;
  }

  public static TradeWindow empty() {
    return EMPTY;
  }

  public static TradeWindow of(List<RecentTrade> trades) {
    TradeWindow w = EMPTY;
    for (RecentTrade t : trades) {
      w = w.plus(t.exitTimeMs(), t.pnl(), t.riskReward());
    }
    return w;
  }

  /** This window with one more trade at the end. */
  public TradeWindow plus(long exitTimeMs, double pnl, Double riskReward) {
    double rr = riskReward == null ? Double.NaN : riskReward;
    if (store == null) {
      return new TradeWindow(ColumnStore.first(2, ColumnStore.MIN_CAPACITY, exitTimeMs, pnl, rr), 0, 1);
    }
    int live = end - start + 1;
    ColumnStore target =
        store.append(
            start,
            end,
            Integer.MAX_VALUE,
            Math.max(ColumnStore.MIN_CAPACITY, live + live / 2),
            exitTimeMs,
            pnl,
            rr);
    return target == store ? new TradeWindow(store, start, end + 1) : new TradeWindow(target, 0, live);
  }

  /** This window without its leading trades that exited at or before {@code timeMs}. */
  public TradeWindow dropExitedUpTo(long timeMs) {
    if (start == end) {
      return this;
    }
    int from = store.firstAfter(start, end, timeMs);
    return from == start ? this : new TradeWindow(store, from, end);
  }

  /** The statistics of {@link RollingWindows#of(long[], double[], double[], int, int, long, long, double[], MetricSettings)}. */
  public WindowStatistics statistics(long asOfMs, long windowMs, double[] lastDailyReturns, MetricSettings s) {
    if (store == null) {
      return RollingWindows.of(
          new long[0], new double[0], new double[0], 0, 0, asOfMs, windowMs, lastDailyReturns, s);
    }
    return store.read(
        start,
        end,
        (times, values, from, to) ->
            RollingWindows.of(
                times, values[PNL], values[RISK_REWARD], from, to, asOfMs, windowMs, lastDailyReturns, s));
  }

  /**
   * The trades of this window that exited in [{@code fromMs}, {@code toMs}): their count and pnl summed in recording
   * order (so every path that asks gets the same bits).
   */
  public PnlSum pnlExitedBetween(long fromMs, long toMs) {
    if (store == null) {
      return new PnlSum(0, 0.0);
    }
    return store.read(
        start,
        end,
        (times, values, from, to) -> {
          int trades = 0;
          double pnl = 0.0;
          for (int i = from; i < to; i++) {
            if (times[i] >= fromMs && times[i] < toMs) {
              trades++;
              pnl += values[PNL][i];
            }
          }
          return new PnlSum(trades, pnl);
        });
  }

  /** A count of trades and the sum of their pnl. */
  public record PnlSum(int trades, double pnl) {}

  @Override
  public RecentTrade get(int index) {
    if (index < 0 || index >= end - start) {
      throw new IndexOutOfBoundsException(index);
    }
    int row = start + index;
    double rr = store.value(RISK_REWARD, row);
    return new RecentTrade(store.time(row), store.value(PNL, row), Double.isNaN(rr) ? null : rr);
  }

  @Override
  public int size() {
    return end - start;
  }

  /** Rows of the store behind this version (for tests of its bounds); 0 for an empty window without one. */
  int storeCapacity() {
    return store == null ? 0 : store.capacity();
  }

  /**
   * Equal to a list of the same trades in the same order (the {@link List} contract); against another window, the
   * columns are compared directly, doubles by bits.
   */
  @Override
  public boolean equals(Object o) {
    if (o == this) {
      return true;
    }
    if (o instanceof TradeWindow w) {
      if (size() != w.size()) {
        return false;
      }
      if (store == w.store && start == w.start || size() == 0) {
        return true;
      }
      return Arrays.equals(store.copyTimes(start, end), w.store.copyTimes(w.start, w.end))
          && Arrays.equals(store.copyValues(PNL, start, end), w.store.copyValues(PNL, w.start, w.end))
          && Arrays.equals(
              store.copyValues(RISK_REWARD, start, end), w.store.copyValues(RISK_REWARD, w.start, w.end));
    }
    return super.equals(o);
  }

  @Override
  public int hashCode() {
    return super.hashCode();
  }
}
