package io.tradingactors.domain.state;

import java.util.AbstractList;
import java.util.Arrays;
import java.util.List;
import java.util.RandomAccess;

/**
 * The last {@link #limit()} raw balance observations, oldest first: an immutable list whose versions share one
 * columnar store (epoch-ms times and balances, 16 bytes a point, no object per point). {@link #plus} is O(1)
 * amortised: the newest version appends in place, an older one that is extended copies its points first; when the
 * store has reached twice the limit, the last {@code limit} points move to a fresh store. So the store holds at most
 * {@code 2 × limit} points and older versions stay valid and unchanged.
 *
 * <p>Equal to any list of the same {@link BalancePoint}s in the same order.
 */
public final class BalanceWindow extends AbstractList<BalancePoint> implements RandomAccess {

  private final int limit;
  private final ColumnStore store;
  private final int start;
  private final int end;

  private BalanceWindow(int limit, ColumnStore store, int start, int end) {
    this.limit = limit;
    this.store = store;
    this.start = start;
    this.end = end;
  }

  /** An empty window keeping the last {@code limit} points. */
  public static BalanceWindow empty(int limit) {
    if (limit < 1) {
      throw new IllegalArgumentException("a balance window keeps at least one point, got " + limit);
    }
    return new BalanceWindow(limit, null, 0, 0);
  }

  /** The last {@code limit} of {@code points}, in their order. */
  public static BalanceWindow of(int limit, List<BalancePoint> points) {
    BalanceWindow w = empty(limit);
    for (BalancePoint p : points.subList(Math.max(0, points.size() - limit), points.size())) {
      w = w.plus(p.timeMs(), p.balance());
    }
    return w;
  }

  /** This window with one more point at the end, without its oldest point when it was full. */
  public BalanceWindow plus(long timeMs, double balance) {
    int keepFrom = Math.max(start, end + 1 - limit);
    if (store == null) {
      return new BalanceWindow(
          limit, ColumnStore.first(1, Math.min(ColumnStore.MIN_CAPACITY, 2 * limit), timeMs, balance, 0), 0, 1);
    }
    int maxCapacity = 2 * limit;
    int live = end - keepFrom + 1;
    ColumnStore target =
        store.append(
            keepFrom,
            end,
            maxCapacity,
            Math.min(maxCapacity, Math.max(ColumnStore.MIN_CAPACITY, 2 * live)),
            timeMs,
            balance,
            0);
    if (target == store) {
      return new BalanceWindow(limit, store, keepFrom, end + 1);
    }
    return new BalanceWindow(limit, target, 0, live);
  }

  /** How many points the window keeps. */
  public int limit() {
    return limit;
  }

  public long timeMs(int index) {
    return store.time(start + checked(index));
  }

  public double balance(int index) {
    return store.value(0, start + checked(index));
  }

  @Override
  public BalancePoint get(int index) {
    int row = start + checked(index);
    return new BalancePoint(store.time(row), store.value(0, row));
  }

  @Override
  public int size() {
    return end - start;
  }

  /** Rows of the store behind this version (for tests of its bounds); 0 for an empty window without one. */
  int storeCapacity() {
    return store == null ? 0 : store.capacity();
  }

  /** The times, oldest first (a copy). */
  public long[] times() {
    return store == null ? new long[0] : store.copyTimes(start, end);
  }

  /** The balances, oldest first (a copy). */
  public double[] balances() {
    return store == null ? new double[0] : store.copyValues(0, start, end);
  }

  private int checked(int index) {
    if (index < 0 || index >= end - start) {
      throw new IndexOutOfBoundsException(index);
    }
    return index;
  }

  /**
   * Equal to a list of the same points in the same order (the {@link List} contract); against another window, the
   * columns are compared directly, balances by bits as {@link BalancePoint#equals} does. The limit is not compared.
   */
  @Override
  public boolean equals(Object o) {
    if (o == this) {
      return true;
    }
    if (o instanceof BalanceWindow w) {
      return size() == w.size()
          && (store == w.store && start == w.start
              || Arrays.equals(times(), w.times()) && Arrays.equals(balances(), w.balances()));
    }
    return super.equals(o);
  }

  @Override
  public int hashCode() {
    return super.hashCode();
  }
}
