package io.tradingactors.domain.state;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.apache.commons.codec.digest.MurmurHash3;

/**
 * The trade ids a strategy has recorded, so that a retried trade changes nothing. Immutable. Ids are kept as 128-bit
 * MurmurHash3 digests whatever their length (a false "already recorded" needs two ids colliding on 128 bits: about
 * 1e-26 for a million trades), which is the one part of the state that grows with every trade, by design: 22 to 27
 * bytes a trade as measured from 1,000 to 1,000,000 trades (16 for the digest, the rest for the hash index and the
 * spare room of the arrays). The empty set holds no array; one id takes 184 bytes.
 *
 * <p>Versions share one store: the digests in insertion order (a version of size n holds the first n) and an
 * open-addressing index of their ordinals. Only the version at the store's tip inserts in place; another version
 * copies its own digests first. So {@link #plus} is O(1) amortised and older versions stay correct.
 */
public final class TradeIdSet {

  private static final TradeIdSet EMPTY = new TradeIdSet(null, 0);

  private final Store store;
  private final int size;

  private TradeIdSet(Store store, int size) {
    this.store = store;
    this.size = size;
  }

  public static TradeIdSet empty() {
    return EMPTY;
  }

  /** Rebuilds a set from {@link #digests()}, keeping insertion order (a repeated digest is kept once). */
  public static TradeIdSet fromDigests(long[] digests) {
    int n = digests.length / 2;
    if (n == 0) {
      return EMPTY;
    }
    Store s = Store.sized(n);
    for (int i = 0; i < n; i++) {
      s.add(s.size(), digests[2 * i], digests[2 * i + 1]);
    }
    return new TradeIdSet(s, s.size());
  }

  public int size() {
    return size;
  }

  public boolean contains(String tradeId) {
    if (size == 0) {
      return false;
    }
    long[] h = digest(tradeId);
    int ordinal = store.ordinalOf(h[0], h[1]);
    return ordinal >= 0 && ordinal < size;
  }

  /** This set with {@code tradeId}; the same set when it is already in. */
  public TradeIdSet plus(String tradeId) {
    long[] h = digest(tradeId);
    if (size == 0) {
      Store s = Store.sized(1);
      s.add(0, h[0], h[1]);
      return new TradeIdSet(s, 1);
    }
    Store target = store.add(size, h[0], h[1]);
    return target == null ? this : new TradeIdSet(target, size + 1);
  }

  /** The digests in insertion order, two longs per id: the form a state snapshot stores. */
  public long[] digests() {
    return size == 0 ? new long[0] : store.digests(size);
  }

  private static long[] digest(String tradeId) {
    return MurmurHash3.hash128x64(tradeId.getBytes(StandardCharsets.UTF_8));
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof TradeIdSet other
        && size == other.size
        && (store == other.store || Arrays.equals(digests(), other.digests()));
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(digests());
  }

  /**
   * The digests of ordinals 0, 1, … (hi at 2i, lo at 2i + 1) and a linear-probing index over them. An index slot is 0
   * when free, else the ordinal + 1 in its low bits and, in the bits the ordinal cannot need, a fingerprint of the
   * digest, so a probe rarely reads a digest that does not match. The home slot comes from the high half of the
   * digest by a multiply-shift, so the index need not be a power of two; it is kept at most 4/5 full and rebuilt at
   * twice the entries when it would be fuller. The digests grow by a quarter.
   */
  private static final class Store {
    private long[] digests;
    private int[] slots;
    private int ordinalMask;
    private int used;

    private Store(int idCapacity, int slotCapacity) {
      digests = new long[2 * idCapacity];
      setSlots(slotCapacity);
    }

    /** An empty store with room for {@code n} ids. */
    static Store sized(int n) {
      return new Store(Math.max(4, n), slotCapacityFor(n));
    }

    private static int slotCapacityFor(int n) {
      return Math.max(8, 2 * n);
    }

    synchronized int size() {
      return used;
    }

    synchronized int ordinalOf(long hi, long lo) {
      int found = probe(hi, lo);
      return found >= 0 ? found : -1;
    }

    /**
     * Adds the digest as ordinal {@code size} after the version of that size: returns {@code null} when that version
     * already holds it, this store when the version is its tip (inserting in place), else a fresh store with the
     * version's digests and the new one.
     */
    synchronized Store add(int size, long hi, long lo) {
      int found = probe(hi, lo);
      if (found >= 0 && found < size) {
        return null;
      }
      if (used == size && found < 0) {
        if (2 * size == digests.length) {
          digests = Arrays.copyOf(digests, 2 * (size + Math.max(4, size / 4)));
        }
        if ((long) (size + 1) * 5 > (long) slots.length * 4) {
          setSlots(slotCapacityFor(size + 1));
          reindex(size);
          found = probe(hi, lo);
        }
        put(-found - 1, size, hi, lo);
        return this;
      }
      Store fresh = new Store(size + 1 + Math.max(4, (size + 1) / 4), slotCapacityFor(size + 1));
      System.arraycopy(digests, 0, fresh.digests, 0, 2 * size);
      fresh.reindex(size);
      fresh.put(-fresh.probe(hi, lo) - 1, size, hi, lo);
      return fresh;
    }

    synchronized long[] digests(int size) {
      return Arrays.copyOf(digests, 2 * size);
    }

    /** The ordinal of the digest if the store holds it, else −(free slot where it would go) − 1. */
    private int probe(long hi, long lo) {
      int[] s = slots;
      int mask = ordinalMask;
      int fingerprint = (int) (lo >>> 32) & ~mask;
      int i = home(hi, s.length);
      while (true) {
        int e = s[i];
        if (e == 0) {
          return -i - 1;
        }
        if ((e & ~mask) == fingerprint) {
          int ordinal = (e & mask) - 1;
          if (digests[2 * ordinal] == hi && digests[2 * ordinal + 1] == lo) {
            return ordinal;
          }
        }
        if (++i == s.length) {
          i = 0;
        }
      }
    }

    private static int home(long hi, int slotCount) {
      return (int) (((hi >>> 32) * slotCount) >>> 32);
    }

    private void put(int slot, int ordinal, long hi, long lo) {
      slots[slot] = ((int) (lo >>> 32) & ~ordinalMask) | (ordinal + 1);
      digests[2 * ordinal] = hi;
      digests[2 * ordinal + 1] = lo;
      used = ordinal + 1;
    }

    private void setSlots(int capacity) {
      slots = new int[capacity];
      // ordinal + 1 < capacity (the index is never full), so it fits the bits of the capacity
      ordinalMask = -1 >>> Integer.numberOfLeadingZeros(capacity);
    }

    /** Indexes ordinals [0, count) of the digests into the (empty) slots. */
    private void reindex(int count) {
      for (int ordinal = 0; ordinal < count; ordinal++) {
        long hi = digests[2 * ordinal];
        long lo = digests[2 * ordinal + 1];
        int i = home(hi, slots.length);
        while (slots[i] != 0) {
          if (++i == slots.length) {
            i = 0;
          }
        }
        slots[i] = ((int) (lo >>> 32) & ~ordinalMask) | (ordinal + 1);
      }
      used = count;
    }
  }
}
