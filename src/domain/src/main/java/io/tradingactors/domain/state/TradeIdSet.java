package io.tradingactors.domain.state;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.apache.commons.codec.digest.MurmurHash3;

/**
 * The trade ids a strategy has recorded, so that a retried trade changes nothing. Immutable; memory is about 30
 * bytes per recorded trade whatever the id's length: ids are kept as 128-bit MurmurHash3 digests (a false "already
 * recorded" needs two ids colliding on 128 bits: about 1e-26 for a million trades).
 *
 * <p>Versions share one open-addressing table whose entries carry their insertion ordinal; a version of size n
 * contains exactly the entries with ordinal &lt; n. Only the tip version inserts in place; another version copies
 * its own entries first. So {@link #plus} is O(1) amortised and older versions stay correct.
 */
public final class TradeIdSet {

  private static final TradeIdSet EMPTY = new TradeIdSet(new Table(16), 0);

  private final Table table;
  private final int size;

  private TradeIdSet(Table table, int size) {
    this.table = table;
    this.size = size;
  }

  public static TradeIdSet empty() {
    return EMPTY;
  }

  /** Rebuilds a set from {@link #digests()}, keeping insertion order. */
  public static TradeIdSet fromDigests(long[] digests) {
    TradeIdSet s = empty();
    for (int i = 0; i + 1 < digests.length; i += 2) {
      s = s.plusDigest(digests[i], digests[i + 1]);
    }
    return s;
  }

  public int size() {
    return size;
  }

  public boolean contains(String tradeId) {
    long[] h = digest(tradeId);
    int ordinal = table.ordinalOf(h[0], h[1]);
    return ordinal >= 0 && ordinal < size;
  }

  /** This set with {@code tradeId}; the same set when it is already in. */
  public TradeIdSet plus(String tradeId) {
    long[] h = digest(tradeId);
    return plusDigest(h[0], h[1]);
  }

  private TradeIdSet plusDigest(long hi, long lo) {
    int ordinal = table.ordinalOf(hi, lo);
    if (ordinal >= 0 && ordinal < size) {
      return this;
    }
    return new TradeIdSet(table.insert(size, hi, lo), size + 1);
  }

  /** The digests in insertion order, two longs per id: the form a state snapshot stores. */
  public long[] digests() {
    return table.digests(size);
  }

  private static long[] digest(String tradeId) {
    return MurmurHash3.hash128x64(tradeId.getBytes(StandardCharsets.UTF_8));
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof TradeIdSet other && Arrays.equals(digests(), other.digests());
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(digests());
  }

  /** Linear-probing table of (hi, lo, ordinal); ordinal −1 marks a free slot. Kept at most 3/4 full. */
  private static final class Table {
    private long[] hi;
    private long[] lo;
    private int[] ordinal;
    private int used;

    Table(int capacity) {
      hi = new long[capacity];
      lo = new long[capacity];
      ordinal = new int[capacity];
      Arrays.fill(ordinal, -1);
    }

    synchronized int ordinalOf(long h, long l) {
      int mask = ordinal.length - 1;
      for (int i = (int) h & mask; ordinal[i] >= 0; i = (i + 1) & mask) {
        if (hi[i] == h && lo[i] == l) {
          return ordinal[i];
        }
      }
      return -1;
    }

    /** Inserts as ordinal {@code size} into this table when the version of that size is its tip, else into a copy. */
    synchronized Table insert(int size, long h, long l) {
      Table target = this;
      if (used != size || (size + 1) * 4 > ordinal.length * 3) {
        target = new Table(Integer.highestOneBit(Math.max(16, (size + 1) * 2)) * 2);
        for (int i = 0; i < ordinal.length; i++) {
          if (ordinal[i] >= 0 && ordinal[i] < size) {
            target.put(hi[i], lo[i], ordinal[i]);
          }
        }
      }
      target.put(h, l, size);
      target.used = size + 1;
      return target;
    }

    private void put(long h, long l, int ord) {
      int mask = ordinal.length - 1;
      int i = (int) h & mask;
      while (ordinal[i] >= 0) {
        i = (i + 1) & mask;
      }
      hi[i] = h;
      lo[i] = l;
      ordinal[i] = ord;
    }

    synchronized long[] digests(int size) {
      long[] out = new long[size * 2];
      for (int i = 0; i < ordinal.length; i++) {
        if (ordinal[i] >= 0 && ordinal[i] < size) {
          out[ordinal[i] * 2] = hi[i];
          out[ordinal[i] * 2 + 1] = lo[i];
        }
      }
      return out;
    }
  }
}
