package io.tradingactors.domain.state;

import java.util.AbstractList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Predicate;

/**
 * An immutable list that grows at the end and shrinks from the front, for the bounded "recent" parts of the state
 * (trades of the last 30 days, the last raw balance points). Versions share one array: a version may append in
 * place only when it is the tip of that array, otherwise it copies, so every version stays valid and an append costs
 * O(1) amortised. Dropped heads are reclaimed by compacting once they outnumber the live elements.
 */
public final class RecentList<T> extends AbstractList<T> {

  private static final RecentList<Object> EMPTY = new RecentList<>(new Store(), 0, 0);

  private final Store store;
  private final int start;
  private final int end;

  private RecentList(Store store, int start, int end) {
    this.store = store;
    this.start = start;
    this.end = end;
  }

  @SuppressWarnings("unchecked")
  public static <T> RecentList<T> empty() {
    return (RecentList<T>) EMPTY;
  }

  public static <T> RecentList<T> of(List<T> items) {
    RecentList<T> out = empty();
    for (T item : items) {
      out = out.plus(item);
    }
    return out;
  }

  /** This list with {@code item} at the end. */
  public RecentList<T> plus(T item) {
    Store target = store.append(start, end, item);
    if (target == store) {
      return new RecentList<>(store, start, end + 1);
    }
    return new RecentList<>(target, 0, end - start + 1);
  }

  /** This list without its leading elements that match {@code stale}. */
  public RecentList<T> dropWhile(Predicate<? super T> stale) {
    int from = start;
    while (from < end && stale.test(get(from - start))) {
      from++;
    }
    return from == start ? this : new RecentList<>(store, from, end);
  }

  /** This list without its oldest elements beyond the newest {@code max}. */
  public RecentList<T> keepLast(int max) {
    int size = end - start;
    return size <= max ? this : new RecentList<>(store, end - max, end);
  }

  @Override
  @SuppressWarnings("unchecked")
  public T get(int index) {
    if (index < 0 || index >= end - start) {
      throw new IndexOutOfBoundsException(index);
    }
    return (T) store.get(start + index);
  }

  @Override
  public int size() {
    return end - start;
  }

  /** The shared array; slots below {@code used} are never rewritten. */
  private static final class Store {
    private Object[] items = new Object[8];
    private int used;

    synchronized Object get(int i) {
      return items[i];
    }

    /**
     * Appends after the version [start, end): in place when that version is the tip and the dead head is small,
     * else into a fresh store holding only the live elements.
     */
    synchronized Store append(int start, int end, Object item) {
      if (used == end && start <= Math.max(64, end - start)) {
        if (items.length == end) {
          items = Arrays.copyOf(items, Math.max(8, end * 2));
        }
        items[end] = item;
        used = end + 1;
        return this;
      }
      int live = end - start;
      Store fresh = new Store();
      fresh.items = new Object[Math.max(8, (live + 1) * 2)];
      System.arraycopy(items, start, fresh.items, 0, live);
      fresh.items[live] = item;
      fresh.used = live + 1;
      return fresh;
    }
  }
}
