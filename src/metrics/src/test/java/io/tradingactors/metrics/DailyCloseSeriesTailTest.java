package io.tradingactors.metrics;

import static io.tradingactors.metrics.Fixtures.DAY;
import static io.tradingactors.metrics.Fixtures.HOUR;
import static io.tradingactors.metrics.Fixtures.ms;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * {@link DailyCloseSeries#lowestSortedReturns()}: the series keeps only its lowest returns between days, yet VaR 95 and
 * CVaR 95 from them are bit-identical to those of the full sort, including when many returns tie at the percentile
 * (flat days), when the provisional return crosses the kept tail during the day, and for values a validated input
 * never has.
 */
class DailyCloseSeriesTailTest {

  private static final long D0 = ms("2025-01-01T12:00:00Z");

  /** The prefix is a prefix of the full sort, and VaR and CVaR from it are those of the full sort, bit for bit. */
  private static void check(DailyCloseSeries series) {
    double[] full = series.sortedReturns();
    double[] lowest = series.lowestSortedReturns();
    int n = series.returnCount();
    assertThat(full).hasSize(n);
    assertThat(lowest.length).isLessThanOrEqualTo(n);
    for (int i = 0; i < lowest.length; i++) {
      assertThat(Double.doubleToLongBits(lowest[i]))
          .as("lowest[%d] of %d", i, n)
          .isEqualTo(Double.doubleToLongBits(full[i])); // NaNs of any payload alike
    }
    assertThat(ReturnStats.valueAtRiskSortedPrefix(lowest, n)).isEqualTo(ReturnStats.valueAtRiskSorted(full));
    assertThat(ReturnStats.expectedShortfallSortedPrefix(lowest, n))
        .isEqualTo(ReturnStats.expectedShortfallSorted(full));
  }

  @Test
  void onlyAboutTheLowestFivePercentAreKeptForALongSeries() {
    SplittableRandom rnd = new SplittableRandom(5);
    DailyCloseSeries s = DailyCloseSeries.empty(0.0);
    double balance = 1000;
    for (int day = 0; day < 2_000; day++) {
      balance *= 1 + (rnd.nextDouble() - 0.5) * 0.04;
      s = s.plus(D0 + day * DAY, balance);
      if (day % 97 == 0) {
        check(s);
      }
    }
    check(s);
    int n = s.returnCount();
    assertThat(s.lowestSortedReturns().length).isBetween(n / 20, n / 20 + 4);
  }

  @Test
  void aFlatSeriesTiesEveryReturnAtThePercentile() {
    DailyCloseSeries s = DailyCloseSeries.empty(0.0);
    for (int day = 0; day < 300; day++) {
      s = s.plus(D0 + day * DAY, 1000);
      check(s);
    }
    // every return is 0 and the tail takes them all
    assertThat(s.lowestSortedReturns()).hasSize(299).containsOnly(0.0);
    assertThat(ReturnStats.expectedShortfallSortedPrefix(s.lowestSortedReturns(), 299)).isEqualTo(0.0);
  }

  @Test
  void gapDaysTieAtTheBoundaryOfTheTail() {
    // a few losing days among many flat (forward-filled) ones: the 5th percentile falls on the zeros
    DailyCloseSeries s = DailyCloseSeries.empty(0.0);
    double balance = 1000;
    long t = D0;
    for (int k = 0; k < 40; k++) {
      balance *= k % 3 == 0 ? 0.99 : 1.01;
      s = s.plus(t, balance);
      check(s);
      t += (k % 5 == 0 ? 12 : 1) * DAY; // every fifth step leaves 11 flat days
    }
    check(s);
  }

  @Test
  void theProvisionalReturnCrossesTheKeptTailDuringTheDay() {
    SplittableRandom rnd = new SplittableRandom(9);
    DailyCloseSeries s = DailyCloseSeries.empty(0.0);
    double balance = 1000;
    for (int day = 0; day < 200; day++) {
      balance *= 1 + (rnd.nextDouble() - 0.5) * 0.02;
      s = s.plus(D0 + day * DAY, balance);
    }
    // ticks within the next day from a 20% loss to a 20% gain, and exactly onto kept values
    long today = D0 + 200 * DAY;
    double last = s.lastClose();
    DailyCloseSeries before = s.plus(today, last);
    double[] kept = before.lowestSortedReturns();
    for (int i = 0; i <= 400; i++) {
      s = s.plus(today + i * 1_000L, last * (0.8 + i * 0.001));
      check(s);
    }
    for (double r : kept) {
      check(before.plus(today + HOUR, last * (1 + r)));
    }
  }

  @Test
  void olderVersionsAnswerAfterNewerOnesMovedTheMemo() {
    SplittableRandom rnd = new SplittableRandom(13);
    DailyCloseSeries s = DailyCloseSeries.empty(0.0);
    List<DailyCloseSeries> versions = new ArrayList<>();
    double balance = 1000;
    for (int day = 0; day < 300; day++) {
      balance *= 1 + (rnd.nextDouble() - 0.5) * 0.03;
      s = s.plus(D0 + day * DAY, balance);
      versions.add(s);
      check(s);
    }
    for (int i = versions.size() - 1; i >= 0; i -= 7) {
      check(versions.get(i));
      check(versions.get(i).plus(D0 + 400 * DAY, 50)); // a fork far below
    }
  }

  @Test
  void valuesAValidatedInputNeverHasFallBackToTheFullSort() {
    double[][] cases = {
      {100, 100, Double.NaN, 100, 90, 80, 100, 100},
      {100, Double.POSITIVE_INFINITY, 100, 50, 100},
      {100, -100, 100, 0.0, 100, -0.0, 100},
      {100, 0.0, 0.0, 0.0, 0.0, 100},
    };
    for (double[] balances : cases) {
      for (int repeat = 1; repeat <= 30; repeat += 29) {
        DailyCloseSeries s = DailyCloseSeries.empty(0.0);
        long t = D0;
        for (int r = 0; r < repeat; r++) {
          for (double b : balances) {
            s = s.plus(t, b);
            t += DAY;
            check(s);
            check(s.plus(t - DAY + HOUR, Double.NaN));
            check(s.plus(t - DAY + HOUR, -0.0));
          }
        }
      }
    }
  }
}
