package io.tradingactors.metrics;

import static io.tradingactors.metrics.Fixtures.DAY;
import static io.tradingactors.metrics.Fixtures.HOUR;
import static io.tradingactors.metrics.Fixtures.ms;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * {@link DailyCloseSeries} is persistent: its finalized closes live in a store shared between versions and appended
 * in place only by the version at the tip. An older version must stay valid after a newer one appended, and two
 * versions forked from one parent must not see each other's appends.
 */
class DailyCloseSeriesPersistenceTest {

  private static final long D0 = ms("2025-02-01T10:00:00Z");


  /** One version and the observations that made it. */
  private record Version(DailyCloseSeries series, long[] times, double[] balances) {

    Version plus(long time, double balance) {
      long[] t = Arrays.copyOf(times, times.length + 1);
      double[] b = Arrays.copyOf(balances, balances.length + 1);
      t[times.length] = time;
      b[balances.length] = balance;
      return new Version(series.plus(time, balance), t, b);
    }

    long lastTime() {
      return times.length == 0 ? D0 : times[times.length - 1];
    }

    /** Its answers equal the batch closes and those of a series built afresh, in a line, from the same input. */
    void check() {
      DailyCloses batch = DailyCloses.of(times, balances);
      assertThat(series.closes())
          .as("closes of a version with %d observations", times.length)
          .isEqualTo(batch.closes());
      if (times.length > 0) {
        assertThat(series.firstDay()).isEqualTo(batch.firstDay());
      }
      DailyCloseSeries fresh = DailyCloseSeries.empty(0.0);
      for (int i = 0; i < times.length; i++) {
        fresh = fresh.plus(times[i], balances[i]);
      }
      assertThat(series.moments()).isEqualTo(fresh.moments());
      assertThat(series.sortedReturns()).isEqualTo(fresh.sortedReturns());
      double[] sorted = ReturnStats.simpleReturns(batch.closes());
      Arrays.sort(sorted);
      assertThat(series.sortedReturns()).isEqualTo(sorted);
    }
  }

  private static Version start() {
    return new Version(DailyCloseSeries.empty(0.0), new long[0], new double[0]);
  }

  @Test
  void twoVersionsForkedFromOneParentKeepTheirOwnCloses() {
    // parent: days 0, 1, 2 with closes 100, 101, 102 (day 2 is its current day)
    Version parent = start().plus(D0, 100).plus(D0 + DAY, 101).plus(D0 + 2 * DAY, 102);
    // a: the next day at 110, then two days later at 120 (a gap day forward-filled)
    Version a = parent.plus(D0 + 3 * DAY, 110).plus(D0 + 5 * DAY, 120);
    // b: forked from the same parent after a appended: the next day at 90, then another at 95
    Version b = parent.plus(D0 + 3 * DAY, 90).plus(D0 + 4 * DAY, 95);
    // c: the parent's current day moves again (same day), then it goes on
    Version c = parent.plus(D0 + 2 * DAY + HOUR, 99).plus(D0 + 3 * DAY, 98);
    assertThat(parent.series().closes()).containsExactly(100, 101, 102);
    assertThat(a.series().closes()).containsExactly(100, 101, 102, 110, 110, 120);
    assertThat(b.series().closes()).containsExactly(100, 101, 102, 90, 95);
    assertThat(c.series().closes()).containsExactly(100, 101, 99, 98);
    // appending to the older branches again does not disturb the newer ones, nor the other way round
    Version a2 = a.plus(D0 + 6 * DAY, 121);
    Version b2 = b.plus(D0 + 9 * DAY, 80);
    assertThat(a2.series().closes()).containsExactly(100, 101, 102, 110, 110, 120, 121);
    assertThat(b2.series().closes()).containsExactly(100, 101, 102, 90, 95, 95, 95, 95, 95, 80);
    for (Version v : List.of(parent, a, b, c, a2, b2)) {
      v.check();
    }
    // the sorted returns of the parent are still its own after its children sorted theirs:
    // 102/101 - 1 = 0.0099 < 101/100 - 1 = 0.01
    assertThat(parent.series().sortedReturns()).containsExactly(102.0 / 101 - 1, 101.0 / 100 - 1);
  }

  @Test
  void anOlderVersionAnswersAfterTheTipGrewItsStore() {
    // the tip appends past the initial capacity (16 slots) of the shared store, which then grows
    Version v = start().plus(D0, 100);
    List<Version> history = new ArrayList<>();
    for (int day = 1; day <= 60; day++) {
      v = v.plus(D0 + day * DAY, 100 + day);
      history.add(v);
    }
    for (Version old : history) {
      old.check();
    }
    // and an old version forks after all that
    Version fork = history.get(3).plus(D0 + 5 * DAY, 50);
    fork.check();
    assertThat(fork.series().closes()).containsExactly(100, 101, 102, 103, 104, 50);
    history.get(59).check();
  }

  static Stream<Arguments> trees() {
    SplittableRandom rnd = PropertyCases.random();
    return Stream.generate(() -> Arguments.of(rnd.nextLong())).limit(PropertyCases.TRIES);
  }

  /**
   * A random tree of versions: each step extends a random earlier version (often the newest, often not) by one
   * observation; at the end every version still answers for its own observations.
   */
  @ParameterizedTest(name = "seed={0}")
  @MethodSource("trees")
  void everyVersionOfARandomTreeKeepsItsOwnAnswers(long seed) {
    SplittableRandom rnd = new SplittableRandom(seed);
    List<Version> versions = new ArrayList<>();
    versions.add(start());
    for (int step = 0; step < 300; step++) {
      Version from =
          rnd.nextBoolean() ? versions.get(versions.size() - 1) : versions.get(rnd.nextInt(versions.size()));
      long gap =
          switch (rnd.nextInt(4)) {
            case 0 -> 0;
            case 1 -> rnd.nextLong(6 * HOUR);
            case 2 -> DAY;
            default -> rnd.nextLong(5 * DAY);
          };
      versions.add(from.plus(from.lastTime() + gap, 50 + rnd.nextDouble() * 100));
      if (step % 50 == 0) {
        versions.get(rnd.nextInt(versions.size())).check(); // a check in the middle, too
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
        Version parent = start().plus(D0, 100).plus(D0 + DAY, 100 + round);
        List<Callable<Version>> forks = new ArrayList<>();
        for (int k = 0; k < 2; k++) {
          double base = 200 + 100 * k;
          forks.add(
              () -> {
                Version v = parent;
                for (int day = 2; day < 30; day++) {
                  v = v.plus(D0 + day * DAY, base + day);
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
}
