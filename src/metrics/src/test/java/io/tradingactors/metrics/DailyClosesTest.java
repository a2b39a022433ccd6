package io.tradingactors.metrics;

import static io.tradingactors.metrics.Fixtures.ms;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;

/**
 * The daily close series: last balance of each UTC day, forward-filled, first day to last day. Each case checks the
 * batch {@link DailyCloses} and the incremental {@link DailyCloseSeries} against the same hand-made answer.
 */
class DailyClosesTest {

  private static long epochDay(String date) {
    return LocalDate.parse(date).toEpochDay();
  }

  /** Closes by both implementations, asserted identical; returns the batch result. */
  private static DailyCloses closes(long[] times, double[] balances) {
    DailyCloses batch = DailyCloses.of(times, balances);
    DailyCloseSeries series = DailyCloseSeries.empty(0.0);
    for (int i = 0; i < times.length; i++) {
      series = series.plus(times[i], balances[i]);
    }
    assertThat(series.closes()).isEqualTo(batch.closes());
    assertThat(series.closeCount()).isEqualTo(batch.closes().length);
    assertThat(series.returnCount()).isEqualTo(Math.max(0, batch.closes().length - 1));
    if (times.length > 0) {
      assertThat(series.firstDay()).isEqualTo(batch.firstDay());
      assertThat(series.currentDay()).isEqualTo(batch.firstDay() + batch.closes().length - 1);
      assertThat(series.firstClose()).isEqualTo(batch.closes()[0]);
      assertThat(series.lastClose()).isEqualTo(batch.closes()[batch.closes().length - 1]);
    }
    return batch;
  }

  @Test
  void lastBalanceOfEachUtcDayWithOffsetsConvertedAndGapsForwardFilled() {
    long[] t = {
      ms("2025-03-01T09:00:00Z"),
      ms("2025-03-01T23:59:59.999Z"), // last instant of 03-01: the close of 03-01
      ms("2025-03-02T00:00:00Z"), // first instant of 03-02
      ms("2025-03-02T12:00:00Z"), // close of 03-02
      ms("2025-03-04T01:00:00+02:00"), // = 2025-03-03T23:00Z: local date 03-04 but UTC day 03-03
      ms("2025-03-04T23:30:00-05:00"), // = 2025-03-05T04:30Z: local date 03-04 but UTC day 03-05
    };
    double[] b = {1000, 1010, 1020, 1005, 1030, 990};
    DailyCloses d = closes(t, b);
    assertThat(d.firstDay()).isEqualTo(epochDay("2025-03-01"));
    // 03-01: 1010, 03-02: 1005, 03-03: 1030, 03-04: no observation -> 1030 forward-filled, 03-05: 990
    assertThat(d.closes()).containsExactly(1010, 1005, 1030, 1030, 990);
  }

  @Test
  void aLongGapRepeatsTheLastClose() {
    long[] t = {ms("2025-01-30T10:00:00Z"), ms("2025-02-03T10:00:00Z")};
    DailyCloses d = closes(t, new double[] {50, 60});
    // 01-30 .. 02-03 is five days: 50 then three filled days then 60
    assertThat(d.closes()).containsExactly(50, 50, 50, 50, 60);
  }

  @Test
  void severalTicksInOneDayGiveOneClose() {
    long[] t = {ms("2025-06-01T00:00:00Z"), ms("2025-06-01T08:00:00Z"), ms("2025-06-01T23:59:59.999Z")};
    DailyCloses d = closes(t, new double[] {10, 11, 12});
    assertThat(d.firstDay()).isEqualTo(epochDay("2025-06-01"));
    assertThat(d.closes()).containsExactly(12);
  }

  @Test
  void equalTimesKeepTheLaterObservation() {
    long t = ms("2025-06-01T12:00:00Z");
    DailyCloses d = closes(new long[] {t, t, t + Time.MS_PER_DAY}, new double[] {10, 11, 12});
    assertThat(d.closes()).containsExactly(11, 12);
  }

  @Test
  void emptyInputHasNoCloses() {
    DailyCloses d = closes(new long[0], new double[0]);
    assertThat(d.closes()).isEmpty();
    DailyCloseSeries empty = DailyCloseSeries.empty(0.0);
    assertThat(empty.isEmpty()).isTrue();
    assertThat(empty.returnCount()).isZero();
    assertThat(empty.sortedReturns()).isEmpty();
    assertThat(empty.lastReturns(30)).isEmpty();
    assertThat(empty.moments().count()).isZero();
  }

  @Test
  void utcDayBoundaries() {
    assertThat(Time.utcDay(0)).isZero();
    assertThat(Time.utcDay(86_399_999)).isZero();
    assertThat(Time.utcDay(86_400_000)).isEqualTo(1);
    assertThat(Time.utcDay(-1)).isEqualTo(-1); // 1969-12-31T23:59:59.999Z
    assertThat(Time.utcDay(ms("2025-03-04T23:30:00-05:00"))).isEqualTo(epochDay("2025-03-05"));
    assertThat(Time.days(36 * 3_600_000L)).isEqualTo(1.5);
  }

  @Test
  void returnsOfTheSeriesIncludeTheProvisionalDay() {
    // closes 100, 110, 99 (the last one is the current day's, still moving): returns 0.1, -0.1
    long t0 = ms("2025-05-01T12:00:00Z");
    long day = Time.MS_PER_DAY;
    DailyCloseSeries s =
        DailyCloseSeries.empty(0.0).plus(t0, 100).plus(t0 + day, 110).plus(t0 + 2 * day, 120).plus(t0 + 2 * day, 99);
    assertThat(s.closes()).containsExactly(100, 110, 99);
    assertThat(s.lastReturns(5)).containsExactly(110.0 / 100 - 1, 99.0 / 110 - 1);
    assertThat(s.lastReturns(1)).containsExactly(99.0 / 110 - 1);
    assertThat(s.sortedReturns()).containsExactly(99.0 / 110 - 1, 110.0 / 100 - 1);
    assertThat(s.moments().count()).isEqualTo(2);
  }

  @Test
  void rebuildingFromClosesGivesTheSameSeries() {
    double[] closes = {100, 101, 101, 99, 104};
    long first = epochDay("2024-12-30");
    DailyCloseSeries s = DailyCloseSeries.of(first, closes, 0.0);
    assertThat(s.firstDay()).isEqualTo(first);
    assertThat(s.closes()).containsExactly(closes);
    assertThat(s.returnCount()).isEqualTo(4);
  }
}
