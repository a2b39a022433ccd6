package io.tradingactors.metrics;

import static io.tradingactors.metrics.Fixtures.HOUR;
import static io.tradingactors.metrics.Fixtures.ms;
import static io.tradingactors.metrics.Fixtures.trade;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Period breakdown across a year boundary. Closes run from Saturday 2024-12-28 to Tuesday 2025-01-07; ISO weeks start
 * on Monday, so the weeks are 2024-12-23 (Sat, Sun), 2024-12-30 (Mon 12-30 .. Sun 01-05, across New Year) and
 * 2025-01-06.
 */
class PeriodBreakdownTest {

  private static final LocalDate FIRST = LocalDate.parse("2024-12-28");

  //                                         12-28 12-29 12-30 12-31 01-01 01-02 01-03  01-04 01-05 01-06 01-07
  private static final double[] CLOSES = {100, 110, 121, 110, 99, 99, 108.9, 100, 120, 90, 96};

  private static final DailyCloses DAILY = new DailyCloses(FIRST.toEpochDay(), CLOSES);

  private static TradeOutcome exitAt(String iso, double pnl) {
    long exit = ms(iso);
    return trade(exit - HOUR, exit, pnl);
  }

  private static final List<TradeOutcome> TRADES =
      List.of(
          exitAt("2025-01-01T00:30:00+01:00", 10), // = 2024-12-31T23:30Z: 2024, December, week of 12-30
          exitAt("2025-01-01T00:00:00Z", -5), // 2025, January, week of 12-30
          exitAt("2025-01-05T23:59:59.999Z", 0), // Sunday: still the week of 12-30
          exitAt("2025-01-06T00:00:00Z", 7), // Monday: the week of 01-06
          exitAt("2025-01-20T10:00:00Z", -3)); // no daily close in that week or day

  private static LocalDate date(String d) {
    return LocalDate.parse(d);
  }

  @Test
  void isoWeeksStartOnMonday() {
    assertThat(Period.WEEKLY.start(date("2025-01-05"))).isEqualTo(date("2024-12-30")); // Sunday -> previous Monday
    assertThat(Period.WEEKLY.start(date("2025-01-06"))).isEqualTo(date("2025-01-06")); // Monday is its own start
    assertThat(Period.WEEKLY.start(date("2025-01-01"))).isEqualTo(date("2024-12-30")); // across the year boundary
    assertThat(Period.MONTHLY.start(date("2024-02-29"))).isEqualTo(date("2024-02-01"));
    assertThat(Period.YEARLY.start(date("2024-12-31"))).isEqualTo(date("2024-01-01"));
    assertThat(Period.DAILY.start(date("2024-12-31"))).isEqualTo(date("2024-12-31"));
    assertThat(Period.WEEKLY.wireName()).isEqualTo("weekly");
  }

  @Test
  void weekly() {
    List<PeriodRow> rows = PeriodBreakdown.of(Period.WEEKLY, TRADES, DAILY);
    // week 12-23: from the first close 100 to its last close 110 -> +10 %; no trades
    // week 12-30: from the last close before it (110) to its last close (01-05: 120) -> 120/110 - 1 = 1/11;
    //             trades +10, -5, 0: 1 win, 1 loss, net 5, win rate 1/3, profit factor 10 / 5 = 2
    // week 01-06: 96 / 120 - 1 = -0.2; trade +7: win rate 1, profit factor capped
    // week 01-20: no close -> null return; trade -3: win rate 0, profit factor 0
    assertThat(rows)
        .extracting(PeriodRow::start)
        .containsExactly(date("2024-12-23"), date("2024-12-30"), date("2025-01-06"), date("2025-01-20"));
    assertRow(rows.get(0), 0.1, 0, 0, 0, 0.0, null, null);
    assertRow(rows.get(1), 1.0 / 11.0, 3, 1, 1, 5.0, 1.0 / 3.0, 2.0);
    assertRow(rows.get(2), -0.2, 1, 1, 0, 7.0, 1.0, 9999.9999);
    assertRow(rows.get(3), null, 1, 0, 1, -3.0, 0.0, 0.0);
    assertThat(rows).allSatisfy(r -> assertThat(r.period()).isEqualTo(Period.WEEKLY));
  }

  @Test
  void periodReturnsChainTheCloses() {
    // (1 + 0.1) * (1 + 1/11) * (1 - 0.2) = 1.1 * 12/11 * 0.8 = 0.96 = last close 96 / first close 100
    for (Period p : Period.values()) {
      double product = 1.0;
      for (PeriodRow r : PeriodBreakdown.of(p, TRADES, DAILY)) {
        if (r.periodReturn() != null) {
          product *= 1.0 + r.periodReturn();
        }
      }
      assertThat(product).as(p.name()).isCloseTo(0.96, within(1e-12));
    }
  }

  @Test
  void yearlyAndMonthlySplitAtNewYearInUtc() {
    // 2024: from 100 to the 12-31 close 110 -> +10 %; the trade exiting 00:30 at +01:00 is still 2024 in UTC
    // 2025: from 110 to 96 -> 96/110 - 1 = -0.12727...; trades -5, 0, +7, -3: 1 win, 2 losses, net -1,
    //       win rate 1/4, profit factor 7 / 8 = 0.875
    for (Period p : List.of(Period.YEARLY, Period.MONTHLY)) {
      List<PeriodRow> rows = PeriodBreakdown.of(p, TRADES, DAILY);
      assertThat(rows).hasSize(2);
      assertThat(rows.get(0).start()).isEqualTo(p == Period.YEARLY ? date("2024-01-01") : date("2024-12-01"));
      assertThat(rows.get(1).start()).isEqualTo(date("2025-01-01"));
      assertRow(rows.get(0), 0.1, 1, 1, 0, 10.0, 1.0, 9999.9999);
      assertRow(rows.get(1), 96.0 / 110.0 - 1.0, 4, 1, 2, -1.0, 0.25, 0.875);
    }
  }

  @Test
  void daily() {
    List<PeriodRow> rows = PeriodBreakdown.of(Period.DAILY, TRADES, DAILY);
    // eleven days with a close, plus 01-20 with only a trade
    assertThat(rows).hasSize(12);
    // the first period measures from the first close: 100 / 100 - 1 = 0
    assertThat(rows.get(0).periodReturn()).isEqualTo(0.0);
    assertThat(rows.get(1).periodReturn()).isCloseTo(0.1, within(1e-15)); // 110 / 100 - 1
    assertThat(rows.get(3).periodReturn()).isCloseTo(-1.0 / 11.0, within(1e-15)); // 12-31: 110 / 121 - 1
    assertThat(rows.get(5).periodReturn()).isEqualTo(0.0); // 01-02: 99 / 99 - 1
    assertRow(rows.get(3), -1.0 / 11.0, 1, 1, 0, 10.0, 1.0, 9999.9999);
    assertRow(rows.get(4), 99.0 / 110.0 - 1.0, 1, 0, 1, -5.0, 0.0, 0.0);
    assertRow(rows.get(8), 120.0 / 100.0 - 1.0, 1, 0, 0, 0.0, 0.0, 0.0); // 01-05: a breakeven only
    assertThat(rows.get(11).start()).isEqualTo(date("2025-01-20"));
    assertThat(rows.get(11).periodReturn()).isNull();
  }

  @Test
  void noClosesAndNoTradesGiveNoRows() {
    assertThat(PeriodBreakdown.of(Period.WEEKLY, List.of(), new DailyCloses(0, new double[0]))).isEmpty();
  }

  private static void assertRow(
      PeriodRow r,
      Double periodReturn,
      long trades,
      long wins,
      long losses,
      double net,
      Double winRate,
      Double profitFactor) {
    if (periodReturn == null) {
      assertThat(r.periodReturn()).as("return of %s", r.start()).isNull();
    } else {
      assertThat(r.periodReturn()).as("return of %s", r.start()).isCloseTo(periodReturn, within(1e-15));
    }
    assertThat(r.trades()).as("trades of %s", r.start()).isEqualTo(trades);
    assertThat(r.winningTrades()).isEqualTo(wins);
    assertThat(r.losingTrades()).isEqualTo(losses);
    assertThat(r.netPnl()).isEqualTo(net);
    if (winRate == null) {
      assertThat(r.winRate()).isNull();
    } else {
      assertThat(r.winRate()).isCloseTo(winRate, within(1e-15));
    }
    assertThat(r.profitFactor()).isEqualTo(profitFactor);
  }
}
