package io.tradingactors.domain.state;

import static org.assertj.core.api.Assertions.assertThat;

import io.tradingactors.metrics.MetricSettings;
import io.tradingactors.metrics.RollingWindows;
import io.tradingactors.metrics.TradeOutcome;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * {@link TradeWindow} is persistent over a shared columnar store: every version keeps its own trades after further
 * appends, drops, forks and compactions; its rolling statistics equal those of the list form.
 */
class TradeWindowTest {

  private static final double[] NO_RETURNS = new double[0];

  private record Version(TradeWindow window, List<RecentTrade> expected) {

    Version plus(long exit, double pnl, Double rr) {
      List<RecentTrade> next = new ArrayList<>(expected);
      next.add(new RecentTrade(exit, pnl, rr));
      return new Version(window.plus(exit, pnl, rr), next);
    }

    Version drop(long upTo) {
      List<RecentTrade> next = new ArrayList<>(expected);
      while (!next.isEmpty() && next.get(0).exitTimeMs() <= upTo) {
        next.remove(0);
      }
      return new Version(window.dropExitedUpTo(upTo), next);
    }

    void check() {
      assertThat(window).containsExactlyElementsOf(expected);
      assertThat(window).isEqualTo(expected);
      assertThat(window.hashCode()).isEqualTo(expected.hashCode());
      List<TradeOutcome> outcomes = new ArrayList<>();
      for (RecentTrade t : expected) {
        outcomes.add(new TradeOutcome(t.exitTimeMs() - 1, t.exitTimeMs(), t.pnl(), 0, 0, t.riskReward()));
      }
      long asOf = expected.isEmpty() ? 0 : expected.get(expected.size() - 1).exitTimeMs();
      for (long window : new long[] {RollingWindows.SEVEN_DAYS_MS, 5_000, 1}) {
        assertThat(this.window.statistics(asOf, window, NO_RETURNS, MetricSettings.DEFAULTS))
            .isEqualTo(RollingWindows.of(outcomes, asOf, window, NO_RETURNS, MetricSettings.DEFAULTS));
      }
    }
  }

  private static Version start() {
    return new Version(TradeWindow.empty(), List.of());
  }

  @Test
  void aSteadyFlowKeepsTheLiveTradesInOrderAndTheStoreWithinOneAndAHalfTimesThem() {
    int live = 100;
    Version v = start();
    for (int i = 0; i < 5_000; i++) {
      v = v.plus(i, i % 3 - 1, i % 4 == 0 ? null : 1.5).drop(i - live);
      assertThat(v.window()).hasSize(Math.min(i + 1, live));
      if (i >= 3 * live) {
        assertThat(v.window().storeCapacity()).isLessThanOrEqualTo(live * 3 / 2 + 2);
      }
    }
    v.check();
    assertThat(v.window().get(0)).isEqualTo(new RecentTrade(4_900, 4_900 % 3 - 1, null));
    assertThat(v.window().get(1)).isEqualTo(new RecentTrade(4_901, 4_901 % 3 - 1, 1.5));
    assertThat(v.window().get(99)).isEqualTo(new RecentTrade(4_999, 4_999 % 3 - 1, 1.5));
  }

  static LongStream seeds() {
    return new SplittableRandom(11_22).longs(25);
  }

  /**
   * A random tree of versions: each step extends or trims a random earlier version (often the newest); at the end
   * every version still holds its own trades and answers its own statistics.
   */
  @ParameterizedTest(name = "seed={0}")
  @MethodSource("seeds")
  void everyVersionOfARandomTreeKeepsItsOwnTrades(long seed) {
    SplittableRandom rnd = new SplittableRandom(seed);
    List<Version> versions = new ArrayList<>();
    versions.add(start());
    long time = 0;
    for (int step = 0; step < 500; step++) {
      Version from =
          rnd.nextInt(4) > 0 ? versions.get(versions.size() - 1) : versions.get(rnd.nextInt(versions.size()));
      time += rnd.nextInt(1_000);
      Version next =
          rnd.nextInt(3) == 0
              ? from.drop(time - 20_000 - rnd.nextInt(20_000))
              : from.plus(time - rnd.nextInt(3_000), Math.round((rnd.nextDouble() - 0.5) * 100), rnd.nextBoolean()
                  ? null : rnd.nextDouble() * 3);
      versions.add(next);
      if (step % 50 == 0) {
        versions.get(rnd.nextInt(versions.size())).check();
      }
    }
    for (Version v : versions) {
      v.check();
    }
  }

  @Test
  void equalsComparesTradesInOrderWithAbsentRiskRewardDistinctFromAnyNumber() {
    TradeWindow a = TradeWindow.empty().plus(1, 10, null).plus(2, -5, 2.0);
    TradeWindow b = TradeWindow.empty();
    for (int i = 0; i < 40; i++) {
      b = b.plus(-100 + i, i, 1.0);
    }
    b = b.plus(1, 10, null).plus(2, -5, 2.0).dropExitedUpTo(0);
    assertThat(b).isEqualTo(a);
    assertThat(b.hashCode()).isEqualTo(a.hashCode());
    assertThat(TradeWindow.of(List.copyOf(a))).isEqualTo(a);
    assertThat(a).isEqualTo(List.of(new RecentTrade(1, 10, null), new RecentTrade(2, -5, 2.0)));
    assertThat(a).isNotEqualTo(TradeWindow.empty().plus(1, 10, 0.0).plus(2, -5, 2.0));
    assertThat(a).isNotEqualTo(TradeWindow.empty().plus(1, 10, null).plus(2, -5, 2.5));
    assertThat(a.dropExitedUpTo(2)).isEqualTo(TradeWindow.empty()).isEmpty();
    assertThat(TradeWindow.empty().storeCapacity()).isZero();
  }
}
