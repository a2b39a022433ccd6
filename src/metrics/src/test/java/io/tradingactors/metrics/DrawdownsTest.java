package io.tradingactors.metrics;

import static io.tradingactors.metrics.Fixtures.DAY;
import static io.tradingactors.metrics.Fixtures.HOUR;
import static io.tradingactors.metrics.Fixtures.ms;
import static io.tradingactors.metrics.Fixtures.rel;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * Drawdown known answers, worked out by hand in the comments; every case checks {@link Drawdowns} and a
 * {@link DrawdownTracker} fold against the same numbers (and against each other, bit for bit).
 */
class DrawdownsTest {

  private static final long T0 = ms("2025-01-01T00:00:00Z");

  /** {max, current, duration days, days since peak}, asserted equal between batch and tracker. */
  private static double[] drawdowns(long[] times, double[] balances) {
    double[] batch = {
      Drawdowns.maxDrawdown(balances),
      Drawdowns.currentDrawdown(balances),
      Drawdowns.maxDrawdownDurationDays(times, balances),
      Drawdowns.daysSincePeak(times, balances)
    };
    DrawdownTracker t = DrawdownTracker.EMPTY;
    for (int i = 0; i < times.length; i++) {
      t = t.plus(times[i], balances[i]);
    }
    double[] tracker = {t.maxDrawdown(), t.currentDrawdown(), t.maxDrawdownDurationDays(), t.daysSincePeak()};
    assertThat(tracker).isEqualTo(batch);
    assertThat(t.count()).isEqualTo(times.length);
    assertThat(t.initial()).isEqualTo(balances[0]);
    assertThat(t.last()).isEqualTo(balances[balances.length - 1]);
    return batch;
  }

  private static long[] days(double... d) {
    long[] out = new long[d.length];
    for (int i = 0; i < d.length; i++) {
      out[i] = T0 + Math.round(d[i] * DAY);
    }
    return out;
  }

  @Test
  void recoveredAndUnrecoveredDrawdowns() {
    // day:      0    1    2    3    4    6    7
    // balance:  100  90   120  60   90   120  108
    // peak:     100  100  120  120  120  120  120   (the first balance is the first peak)
    // drawdown: 0    .10  0    .50  .25  0    .10
    // spells:   peak day 0 -> recovered day 2 (2 days); peak day 2 -> recovered (at equal) day 6 (4 days);
    //           peak day 6 -> not recovered, last observation day 7 (1 day)
    double[] r = drawdowns(days(0, 1, 2, 3, 4, 6, 7), new double[] {100, 90, 120, 60, 90, 120, 108});
    assertThat(r[0]).isEqualTo(0.5); // 1 - 60/120
    assertThat(r[1]).isCloseTo(0.1, rel(0.1)); // 1 - 108/120
    assertThat(r[2]).isEqualTo(4.0);
    assertThat(r[3]).isEqualTo(1.0); // day 7 - day 6
  }

  @Test
  void anUnrecoveredDrawdownIsTheLongestUpToTheLastObservation() {
    // 100 @ day 0, 110 @ day 1 (peak), 80 @ day 2, 90 @ day 10: still under 110 at the end
    // max = 1 - 80/110 = 3/11; current = 1 - 90/110 = 2/11; duration = 10 - 1 = 9 days; since peak 9 days
    double[] r = drawdowns(days(0, 1, 2, 10), new double[] {100, 110, 80, 90});
    assertThat(r[0]).isCloseTo(3.0 / 11.0, rel(3.0 / 11.0));
    assertThat(r[1]).isCloseTo(2.0 / 11.0, rel(2.0 / 11.0));
    assertThat(r[2]).isEqualTo(9.0);
    assertThat(r[3]).isEqualTo(9.0);
  }

  @Test
  void theFirstBalanceIsTheFirstPeak() {
    // straight down from the start: 100, 90, 80 -> max 1 - 80/100 = 0.2 measured from the first balance,
    // open since day 0: duration 2 days, 2 days since the peak
    double[] r = drawdowns(days(0, 1, 2), new double[] {100, 90, 80});
    assertThat(r[0]).isCloseTo(0.2, rel(0.2));
    assertThat(r[1]).isCloseTo(0.2, rel(0.2));
    assertThat(r[2]).isEqualTo(2.0);
    assertThat(r[3]).isEqualTo(2.0);
  }

  @Test
  void aLongerEarlierSpellBeatsALaterOpenOne() {
    // 100 @0, 95 @1, 100 @5 (recovered: 5 days), 99 @6 (open: 6 -> last obs 7 = 2 days), 99.5 @7
    double[] r = drawdowns(days(0, 1, 5, 6, 7), new double[] {100, 95, 100, 99, 99.5});
    assertThat(r[2]).isEqualTo(5.0);
    assertThat(r[3]).isEqualTo(2.0);
    assertThat(r[0]).isCloseTo(0.05, rel(0.05)); // 1 - 95/100
    assertThat(r[1]).isCloseTo(0.005, rel(0.005)); // 1 - 99.5/100
  }

  @Test
  void durationsAreFractionalDays() {
    // peak at 00:00, dip at 06:00, recovered at 36:00 -> 1.5 days; new peak at 36:00, last obs there -> 0 since peak
    long[] t = {T0, T0 + 6 * HOUR, T0 + 36 * HOUR};
    double[] r = drawdowns(t, new double[] {200, 150, 201});
    assertThat(r[0]).isEqualTo(0.25); // 1 - 150/200
    assertThat(r[1]).isEqualTo(0.0);
    assertThat(r[2]).isEqualTo(1.5);
    assertThat(r[3]).isEqualTo(0.0);
  }

  @Test
  void aPlateauMovesThePeakTimeToItsLastObservation() {
    // 100 @0, 100 @2 (peak reached again), 90 @3, 100 @4: the spell runs from day 2 (last time at the peak) to 4
    double[] r = drawdowns(days(0, 2, 3, 4), new double[] {100, 100, 90, 100});
    assertThat(r[2]).isEqualTo(2.0);
    assertThat(r[3]).isEqualTo(0.0);
  }

  @Test
  void neverBelowAPeakGivesZeros() {
    double[] r = drawdowns(days(0, 1, 3), new double[] {100, 100, 130});
    assertThat(r).containsExactly(0.0, 0.0, 0.0, 0.0);
  }

  @Test
  void aSingleObservation() {
    double[] r = drawdowns(days(0), new double[] {1000});
    assertThat(r).containsExactly(0.0, 0.0, 0.0, 0.0);
  }

  @Test
  void trackerKeepsPeakAndItsTime() {
    DrawdownTracker t = DrawdownTracker.EMPTY.plus(T0, 100).plus(T0 + DAY, 120).plus(T0 + 2 * DAY, 110);
    assertThat(t.peak()).isEqualTo(120.0);
    assertThat(t.peakTimeMs()).isEqualTo(T0 + DAY);
    assertThat(t.underwater()).isTrue();
    assertThat(t.lastTimeMs()).isEqualTo(T0 + 2 * DAY);
    assertThat(DrawdownTracker.EMPTY.count()).isZero();
  }
}
