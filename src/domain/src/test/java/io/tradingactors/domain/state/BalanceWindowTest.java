package io.tradingactors.domain.state;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * {@link BalanceWindow} is persistent over a shared columnar store: every version keeps its own last N points after
 * further appends, forks and compactions, and the store stays within 2 × N points.
 */
class BalanceWindowTest {

  /** A version and the points it must hold, kept in a plain list. */
  private record Version(BalanceWindow window, List<BalancePoint> expected) {

    Version plus(long time, double balance) {
      List<BalancePoint> next = new ArrayList<>(expected);
      next.add(new BalancePoint(time, balance));
      if (next.size() > window.limit()) {
        next.remove(0);
      }
      return new Version(window.plus(time, balance), next);
    }

    void check() {
      assertThat(window).containsExactlyElementsOf(expected);
      assertThat(window.size()).isEqualTo(expected.size());
      for (int i = 0; i < expected.size(); i++) {
        assertThat(window.timeMs(i)).isEqualTo(expected.get(i).timeMs());
        assertThat(window.balance(i)).isEqualTo(expected.get(i).balance());
      }
      assertThat(window.times()).containsExactly(expected.stream().mapToLong(BalancePoint::timeMs).toArray());
      assertThat(window.balances()).containsExactly(expected.stream().mapToDouble(BalancePoint::balance).toArray());
      assertThat(window).isEqualTo(expected);
      assertThat(window.hashCode()).isEqualTo(expected.hashCode());
      assertThat(window.storeCapacity()).isLessThanOrEqualTo(2 * window.limit());
    }
  }

  private static Version start(int limit) {
    return new Version(BalanceWindow.empty(limit), List.of());
  }

  @Test
  void compactionKeepsExactlyTheLastNInOrderAndTheStoreWithinTwiceN() {
    int n = 8;
    BalanceWindow w = BalanceWindow.empty(n);
    for (int i = 0; i < 100; i++) {
      w = w.plus(1_000L * i, 100.0 + i);
      int size = Math.min(i + 1, n);
      assertThat(w).hasSize(size);
      assertThat(w.times()).containsExactly(LongStream.rangeClosed(i + 1 - size, i).map(k -> 1_000L * k).toArray());
      assertThat(w.get(0)).isEqualTo(new BalancePoint(1_000L * (i + 1 - size), 100.0 + i + 1 - size));
      assertThat(w.get(size - 1)).isEqualTo(new BalancePoint(1_000L * i, 100.0 + i));
      assertThat(w.storeCapacity()).isBetween(size, 2 * n);
    }
  }

  @Test
  void anOlderVersionIsUnchangedAfterTheTipAppendedAndCompactedManyTimes() {
    Version v = start(16);
    List<Version> history = new ArrayList<>();
    for (int i = 0; i < 200; i++) {
      v = v.plus(60_000L * i, 1_000 + i % 37);
      history.add(v);
    }
    for (Version old : history) {
      old.check();
    }
    // old versions fork: each keeps its own points, and the tip is not disturbed
    Version fork = history.get(20).plus(1, 5.0).plus(2, 6.0);
    Version forkOfTip = history.get(199).plus(10_000_000L, 7.0);
    Version tipAgain = history.get(199).plus(10_000_000L, 8.0);
    for (Version check : List.of(fork, forkOfTip, tipAgain, history.get(20), history.get(199))) {
      check.check();
    }
    assertThat(fork.window().get(15)).isEqualTo(new BalancePoint(2, 6.0));
    assertThat(forkOfTip.window().get(15).balance()).isEqualTo(7.0);
    assertThat(tipAgain.window().get(15).balance()).isEqualTo(8.0);
  }

  static LongStream seeds() {
    return new SplittableRandom(20251122).longs(25);
  }

  /**
   * A random tree of versions: each step extends a random earlier version (often the newest, often not) by one
   * point; at the end every version still holds its own last N points.
   */
  @ParameterizedTest(name = "seed={0}")
  @MethodSource("seeds")
  void everyVersionOfARandomTreeKeepsItsOwnPoints(long seed) {
    SplittableRandom rnd = new SplittableRandom(seed);
    int limit = 1 + rnd.nextInt(12);
    List<Version> versions = new ArrayList<>();
    versions.add(start(limit));
    for (int step = 0; step < 400; step++) {
      Version from =
          rnd.nextInt(4) > 0 ? versions.get(versions.size() - 1) : versions.get(rnd.nextInt(versions.size()));
      versions.add(from.plus(step * 1_000L + rnd.nextInt(1_000), 50 + rnd.nextDouble() * 100));
      if (step % 50 == 0) {
        versions.get(rnd.nextInt(versions.size())).check();
      }
    }
    for (Version v : versions) {
      v.check();
    }
  }

  @Test
  void forksFromOneParentOnTwoThreads() throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(2);
    try {
      for (int round = 0; round < 200; round++) {
        Version parent = start(8);
        for (int i = 0; i < 10 + round % 7; i++) {
          parent = parent.plus(i, 100 + round);
        }
        Version p = parent;
        List<Callable<Version>> forks = new ArrayList<>();
        for (int k = 0; k < 2; k++) {
          double base = 200 + 100 * k;
          forks.add(
              () -> {
                Version v = p;
                for (int i = 0; i < 30; i++) {
                  v = v.plus(100 + i, base + i);
                }
                return v;
              });
        }
        for (Future<Version> f : pool.invokeAll(forks)) {
          f.get().check();
        }
        parent.check();
      }
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void equalsComparesThePointsInOrderAndBalancesByBits() {
    BalanceWindow a = BalanceWindow.empty(4).plus(1, 10).plus(2, 20).plus(3, 30);
    // the same points through another history: more points, compactions, a fork
    BalanceWindow b = BalanceWindow.empty(4);
    for (int i = 0; i < 50; i++) {
      b = b.plus(-i, i);
    }
    b = b.plus(0, 0).plus(1, 10).plus(2, 20).plus(3, 30);
    BalanceWindow b3 = BalanceWindow.of(3, List.copyOf(b));
    assertThat(b3).isEqualTo(a);
    assertThat(b3.hashCode()).isEqualTo(a.hashCode());
    assertThat(a).isEqualTo(List.of(new BalancePoint(1, 10), new BalancePoint(2, 20), new BalancePoint(3, 30)));
    assertThat(a).isNotEqualTo(BalanceWindow.empty(4).plus(1, 10).plus(2, 20).plus(3, 31));
    assertThat(a).isNotEqualTo(BalanceWindow.empty(4).plus(1, 10).plus(2, 20).plus(4, 30));
    assertThat(a).isNotEqualTo(BalanceWindow.empty(4).plus(1, 10).plus(2, 20));
    assertThat(BalanceWindow.empty(4).plus(1, 0.0)).isNotEqualTo(BalanceWindow.empty(4).plus(1, -0.0));
    assertThat(BalanceWindow.empty(4)).isEqualTo(BalanceWindow.empty(9)).isEqualTo(List.of());
  }

  @Test
  void ofKeepsTheLastLimitPointsAndAnEmptyWindowHoldsNoStore() {
    List<BalancePoint> points = new ArrayList<>();
    for (int i = 0; i < 10; i++) {
      points.add(new BalancePoint(i, i * 1.5));
    }
    assertThat(BalanceWindow.of(4, points)).containsExactlyElementsOf(points.subList(6, 10));
    assertThat(BalanceWindow.of(40, points)).containsExactlyElementsOf(points);
    assertThat(BalanceWindow.empty(128).storeCapacity()).isZero();
    assertThat(BalanceWindow.empty(128).plus(1, 1).storeCapacity()).isEqualTo(ColumnStore.MIN_CAPACITY);
    assertThatThrownBy(() -> BalanceWindow.empty(0)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> BalanceWindow.empty(3).plus(1, 1).get(1)).isInstanceOf(IndexOutOfBoundsException.class);
  }
}
