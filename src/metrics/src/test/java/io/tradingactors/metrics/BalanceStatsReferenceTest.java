package io.tradingactors.metrics;

import static io.tradingactors.metrics.Fixtures.assertRel;
import static io.tradingactors.metrics.Fixtures.balanceStats;
import static io.tradingactors.metrics.Fixtures.ms;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.lang.reflect.RecordComponent;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Every balance statistic of a realistic tick series (several ticks a day, ticks near midnight, non-UTC offsets, gap
 * days) against values printed by {@code src/test/resources/reference/balance_reference.py}, block
 * "BalanceStatsReferenceTest", which computes them from DESIGN §3 with Python's {@code statistics} module. Both the
 * batch {@link BalanceStats} and the accumulators are checked (see {@link Fixtures#balanceStats}).
 */
class BalanceStatsReferenceTest {

  /** The same list as OBSERVATIONS in balance_reference.py, in time order. */
  private static final List<String> TIMES =
      List.of(
          "2025-03-01T09:00:00Z",
          "2025-03-01T23:59:59.999Z",
          "2025-03-02T00:00:00Z",
          "2025-03-02T13:15:00+02:00",
          "2025-03-02T21:00:00-05:00", // 2025-03-03T02:00Z
          "2025-03-03T18:00:00Z",
          "2025-03-06T08:00:00Z", // 03-04 and 03-05 have no observation
          "2025-03-06T22:00:00-03:00", // 2025-03-07T01:00Z
          "2025-03-07T12:00:00Z",
          "2025-03-08T00:00:00.000Z",
          "2025-03-10T06:00:00+09:00", // 2025-03-09T21:00Z
          "2025-03-09T23:59:59.999Z",
          "2025-03-12T10:00:00Z",
          "2025-03-13T10:00:00Z",
          "2025-03-14T10:00:00Z");

  private static final double[] BALANCES = {
    10000, 10150, 10120, 9980, 9900, 10050, 10300, 10100, 9700, 9800, 10350, 10400, 10250, 10500, 10300
  };

  private static long[] times() {
    return TIMES.stream().mapToLong(Fixtures::ms).toArray();
  }

  @Test
  void dailyClosesMatchTheReference() {
    // reference: first day 2025-03-01 (epoch day 20148) and these 14 closes
    DailyCloses d = DailyCloses.of(times(), BALANCES);
    assertThat(d.firstDay()).isEqualTo(20148).isEqualTo(LocalDate.parse("2025-03-01").toEpochDay());
    assertThat(d.closes())
        .containsExactly(
            10150, 9980, 10050, 10050, 10050, 10300, 9700, 9800, 10400, 10400, 10400, 10250, 10500, 10300);
  }

  @Test
  void defaultSettings() {
    BalanceStatistics s = balanceStats(times(), BALANCES, MetricSettings.DEFAULTS);
    assertThat(s.initialBalance()).isEqualTo(10000.0);
    assertThat(s.currentBalance()).isEqualTo(10300.0);
    assertThat(s.peakBalance()).isEqualTo(10500.0);
    assertRel(s.totalReturn(), 0.030000000000000027); // 10300 / 10000 - 1 over the raw observations
    assertRel(s.cagr(), 0.5096740839288916); // (10300 / 10150)^(365 / 13) - 1 over the closes
    assertRel(s.annualVolatility(), 0.5328176518300602);
    assertRel(s.sharpeRatio(), 1.0192181075712599);
    assertRel(s.sortinoRatio(), 1.5730672932342904);
    assertRel(s.calmarRatio(), 8.749405107445972);
    assertRel(s.var95(), 0.03472954230235785);
    assertRel(s.cvar95(), 0.058252427184465994);
    assertRel(s.maxDrawdown(), 0.05825242718446602); // 1 - 9700 / 10300
    assertRel(s.currentDrawdown(), 0.01904761904761905); // 1 - 10300 / 10500
    // peak 10150 at 03-01T23:59:59.999Z, recovered at 03-06T08:00Z: 4 days 8 h 1 ms = 4.333333344907407 days
    assertRel(s.maxDrawdownDurationDays(), 4.333333344907407);
    assertRel(s.daysSincePeak(), 1.0); // peak 10500 at 03-13T10:00Z, last at 03-14T10:00Z
  }

  @Test
  void equitySettingsWithRiskFreeRateAndMar() {
    BalanceStatistics s = balanceStats(times(), BALANCES, new MetricSettings(252, 0.02, 0.01));
    assertRel(s.cagr(), 0.328932496686682);
    assertRel(s.annualVolatility(), 0.4427233646471134);
    assertRel(s.sharpeRatio(), 0.8017032932376422);
    assertRel(s.sortinoRatio(), 1.2709252248741645);
    assertRel(s.calmarRatio(), 5.646674526454707);
    // settings do not touch VaR or drawdowns
    assertRel(s.var95(), 0.03472954230235785);
    assertRel(s.maxDrawdown(), 0.05825242718446602);
  }

  @Test
  void emptyInputIsAllNull() {
    BalanceStatistics s = balanceStats(new long[0], new double[0], MetricSettings.DEFAULTS);
    assertThat(s).isEqualTo(BalanceStatistics.EMPTY);
    for (RecordComponent c : BalanceStatistics.class.getRecordComponents()) {
      assertThat(value(c, BalanceStatistics.EMPTY)).as(c.getName()).isNull();
    }
  }

  @Test
  void oneObservation() {
    long[] t = {ms("2025-03-01T12:00:00Z")};
    BalanceStatistics s = balanceStats(t, new double[] {500}, MetricSettings.DEFAULTS);
    // initial = current = peak, total return 0, no return so no ratio, drawdowns 0 (calmar null: no drawdown)
    assertThat(s)
        .isEqualTo(
            new BalanceStatistics(
                500.0, 500.0, 500.0, 0.0, null, null, null, null, null, null, null, 0.0, 0.0, 0.0, 0.0));
  }

  @Test
  void oneDayOfTicksHasNoReturns() {
    // three ticks on one UTC day: one close, no return -> every return-based value null; drawdowns still measured
    long[] t = {ms("2025-03-01T01:00:00Z"), ms("2025-03-01T02:00:00Z"), ms("2025-03-01T03:00:00Z")};
    BalanceStatistics s = balanceStats(t, new double[] {100, 80, 90}, MetricSettings.DEFAULTS);
    assertThat(s.cagr()).isNull();
    assertThat(s.sharpeRatio()).isNull();
    assertThat(s.sortinoRatio()).isNull();
    assertThat(s.annualVolatility()).isNull();
    assertThat(s.var95()).isNull();
    assertThat(s.cvar95()).isNull();
    assertThat(s.calmarRatio()).isNull();
    assertThat(s.maxDrawdown()).isCloseTo(0.2, Fixtures.rel(0.2)); // 1 - 80 / 100
    assertThat(s.currentDrawdown()).isCloseTo(0.1, Fixtures.rel(0.1)); // 1 - 90 / 100
    assertThat(s.maxDrawdownDurationDays()).isCloseTo(2.0 / 24, Fixtures.rel(2.0 / 24)); // open for 2 h
    assertThat(s.totalReturn()).isCloseTo(-0.1, Fixtures.rel(0.1));
  }

  @Test
  void twoDaysGiveOneReturnAndStillNoRatios() {
    long[] t = {ms("2025-03-01T12:00:00Z"), ms("2025-03-02T12:00:00Z")};
    BalanceStatistics s = balanceStats(t, new double[] {100, 110}, MetricSettings.DEFAULTS);
    assertThat(s.cagr()).isNull();
    assertThat(s.sharpeRatio()).isNull();
    assertThat(s.annualVolatility()).isNull();
    assertThat(s.var95()).isNull();
  }

  @Test
  void noDrawdownGivesNullCalmar() {
    // 100, 101, 102, 103 on consecutive days: cagr defined, max drawdown 0 -> calmar null (not Infinity)
    long d0 = ms("2025-03-01T12:00:00Z");
    long[] t = {d0, d0 + Fixtures.DAY, d0 + 2 * Fixtures.DAY, d0 + 3 * Fixtures.DAY};
    BalanceStatistics s = balanceStats(t, new double[] {100, 101, 102, 103}, MetricSettings.DEFAULTS);
    assertThat(s.maxDrawdown()).isEqualTo(0.0);
    assertThat(s.cagr()).isNotNull().isPositive();
    assertThat(s.calmarRatio()).isNull();
    assertThat(s.sortinoRatio()).isNull(); // no return below 0
    assertThat(s.sharpeRatio()).isNotNull();
  }

  @Test
  void aFlatBalanceHasNullRatiosAndZeroRisk() {
    long d0 = ms("2025-03-01T12:00:00Z");
    long[] t = {d0, d0 + Fixtures.DAY, d0 + 5 * Fixtures.DAY};
    BalanceStatistics s = balanceStats(t, new double[] {100, 100, 100}, MetricSettings.DEFAULTS);
    assertThat(s.sharpeRatio()).isNull();
    assertThat(s.sortinoRatio()).isNull();
    assertThat(s.calmarRatio()).isNull();
    assertThat(s.cagr()).isEqualTo(0.0);
    assertThat(s.annualVolatility()).isEqualTo(0.0);
    Fixtures.assertPositiveZero(s.var95());
    Fixtures.assertPositiveZero(s.cvar95());
  }

  @Test
  void aConstantDailyReturnHasNullSharpeInBothForms() {
    // closes grow by a constant 0.1 a day: returns 0.1 up to rounding, sharpe null, volatility 0 on both paths
    long d0 = ms("2025-03-01T12:00:00Z");
    int n = 40;
    long[] t = new long[n];
    double[] b = new double[n];
    for (int i = 0; i < n; i++) {
      t[i] = d0 + i * Fixtures.DAY;
      b[i] = 100 * Math.pow(1.1, i);
    }
    BalanceStatistics s = balanceStats(t, b, MetricSettings.DEFAULTS);
    assertThat(s.sharpeRatio()).isNull();
    assertThat(s.annualVolatility()).isEqualTo(0.0);
  }

  @Test
  void performanceMetricsCopiesEveryFieldByName() {
    TradeStatistics trades =
        Fixtures.tradeStats(
            List.of(
                Fixtures.trade(0, 3_600_000, 10, 1, 0.5, 2.0),
                Fixtures.trade(0, 7_200_000, -4, 0.25, 0.125, null),
                Fixtures.trade(0, 9_000_000, 0, 0.125, 0, 1.0)));
    BalanceStatistics balances = BalanceStats.of(times(), BALANCES, MetricSettings.DEFAULTS);
    PerformanceMetrics m = PerformanceMetrics.of(trades, balances);
    RecordComponent[] all = PerformanceMetrics.class.getRecordComponents();
    assertThat(all)
        .hasSize(
            TradeStatistics.class.getRecordComponents().length
                + BalanceStatistics.class.getRecordComponents().length);
    for (RecordComponent c : all) {
      Object source = component(TradeStatistics.class, c.getName()) != null
          ? value(component(TradeStatistics.class, c.getName()), trades)
          : value(component(BalanceStatistics.class, c.getName()), balances);
      assertThat(value(c, m)).as(c.getName()).isEqualTo(source);
    }
  }

  @Test
  void settingsAreValidated() {
    assertThat(MetricSettings.DEFAULTS).isEqualTo(new MetricSettings(365, 0.0, 0.0));
    assertThat(new MetricSettings(252, 0.0504, 0.0252).marPerPeriod()).isEqualTo(0.0252 / 252);
    assertThatThrownBy(() -> new MetricSettings(0, 0, 0)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new MetricSettings(365, Double.NaN, 0)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new MetricSettings(365, 0, Double.POSITIVE_INFINITY))
        .isInstanceOf(IllegalArgumentException.class);
  }

  private static RecordComponent component(Class<?> type, String name) {
    for (RecordComponent c : type.getRecordComponents()) {
      if (c.getName().equals(name)) {
        return c;
      }
    }
    return null;
  }

  private static Object value(RecordComponent c, Object record) {
    try {
      return c.getAccessor().invoke(record);
    } catch (ReflectiveOperationException e) {
      throw new AssertionError(e);
    }
  }
}
