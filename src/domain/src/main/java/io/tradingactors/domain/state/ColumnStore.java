package io.tradingactors.domain.state;

import java.util.Arrays;

/**
 * The rows of a recent window, as columns of primitives (one {@code long} time column and a few {@code double}
 * columns), shared by the immutable versions of that window like a persistent vector: a version is a row range
 * {@code [start, end)} of a store. Only the version whose {@code end} is the store's high-water mark (its tip) appends
 * in place; any other version copies its live rows into a fresh store first. Rows below the high-water mark are never
 * rewritten, so every version stays valid, and an append is O(1) amortised.
 *
 * <p>The dead head (rows below the oldest version still growing) is reclaimed by compaction: when the tip is full and
 * the store has reached its maximum capacity, or its dead rows are at least half of the live ones, the live rows move
 * to a fresh store; otherwise the store grows by half. Every access holds the store's monitor: two versions forked
 * from one tip on two threads cannot both append in place, and a reader never sees a half-grown array.
 */
final class ColumnStore {

  /** Smallest capacity a store is given, so that a fresh strategy holds a few bytes, not a few kilobytes. */
  static final int MIN_CAPACITY = 4;

  private long[] times;
  private final double[][] values;
  private int used;

  private ColumnStore(int valueColumns, int capacity) {
    times = new long[capacity];
    values = new double[valueColumns][capacity];
  }

  /** A store holding one row: the first of a window. */
  static ColumnStore first(int valueColumns, int capacity, long time, double v0, double v1) {
    ColumnStore s = new ColumnStore(valueColumns, Math.max(1, capacity));
    s.write(0, time, v0, v1);
    return s;
  }

  synchronized int capacity() {
    return times.length;
  }

  synchronized long time(int row) {
    return times[row];
  }

  synchronized double value(int column, int row) {
    return values[column][row];
  }

  /**
   * Appends a row after the version whose rows {@code [keepFrom, end)} stay live (rows below {@code keepFrom} are
   * dropped by the new version), and returns the store holding it: this one when that version is the tip and there
   * is room (growing up to {@code maxCapacity}), else a fresh store of {@code freshCapacity} rows with the live rows
   * at {@code [0, end − keepFrom)} and the new one after them. The caller tells which by comparing the result with
   * this store. Column {@code v1} is ignored by a one-column store.
   */
  synchronized ColumnStore append(
      int keepFrom, int end, int maxCapacity, int freshCapacity, long time, double v0, double v1) {
    int live = end - keepFrom;
    if (used == end) {
      if (end == times.length && end < maxCapacity && keepFrom < (live + 1) / 2) {
        resize(Math.min(maxCapacity, Math.max(MIN_CAPACITY, end + end / 2)));
      }
      if (end < times.length) {
        write(end, time, v0, v1);
        return this;
      }
    }
    ColumnStore fresh = new ColumnStore(values.length, Math.max(live + 1, freshCapacity));
    System.arraycopy(times, keepFrom, fresh.times, 0, live);
    for (int c = 0; c < values.length; c++) {
      System.arraycopy(values[c], keepFrom, fresh.values[c], 0, live);
    }
    fresh.write(live, time, v0, v1);
    return fresh;
  }

  /** The first row in {@code [from, end)} whose time is after {@code timeMs}, or {@code end}. */
  synchronized int firstAfter(int from, int end, long timeMs) {
    int i = from;
    while (i < end && times[i] <= timeMs) {
      i++;
    }
    return i;
  }

  /** Reads rows {@code [from, end)} with the columns themselves, under the store's monitor (no copy). */
  synchronized <R> R read(int from, int end, RowReader<R> reader) {
    return reader.read(times, values, from, end);
  }

  /** A copy of rows {@code [from, end)} of the time column. */
  synchronized long[] copyTimes(int from, int end) {
    return Arrays.copyOfRange(times, from, end);
  }

  /** A copy of rows {@code [from, end)} of a value column. */
  synchronized double[] copyValues(int column, int from, int end) {
    return Arrays.copyOfRange(values[column], from, end);
  }

  private void write(int row, long time, double v0, double v1) {
    times[row] = time;
    values[0][row] = v0;
    if (values.length > 1) {
      values[1][row] = v1;
    }
    used = row + 1;
  }

  private void resize(int capacity) {
    times = Arrays.copyOf(times, capacity);
    for (int c = 0; c < values.length; c++) {
      values[c] = Arrays.copyOf(values[c], capacity);
    }
  }

  /** Access to rows {@code [from, to)} of the columns; must not keep or change them. */
  interface RowReader<R> {
    R read(long[] times, double[][] values, int from, int to);
  }
}
