package io.tradingactors.metrics;

import static io.tradingactors.metrics.Comparisons.assertBalanceStatisticsAgree;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The incremental accumulators (what the live fold keeps in its state) against the whole-array functions (the
 * reference), on long random series from {@link RandomSeries}. Everything is compared at some fourteen prefixes of
 * each series (the first three, ten spread out, the full length), so the invariants hold all along the fold and not
 * only at its end.
 *
 * <p>Trade statistics, drawdowns, daily closes, CAGR, VaR and CVaR must be bit-identical; the moment-based ratios
 * (volatility, Sharpe, Sortino) within a relative 1e-12 (Welford versus two-pass summation).
 *
 * <p>Each property runs {@link PropertyCases#TRIES} cases; a case is a seed (and a size), shown in the test's name, so
 * a failure is reproduced by {@code RandomSeries.of(seed, size)}. See {@link PropertyCases} for why this is a plain
 * JUnit harness.
 */
class IncrementalEqualsBatchTest {

  static Stream<Arguments> longSeries() {
    return PropertyCases.seedsAndSizes(1000, 4000);
  }

  static Stream<Arguments> shortSeries() {
    return PropertyCases.seedsAndSizes(0, 40);
  }

  static Stream<Arguments> longSeriesWithSettings() {
    return PropertyCases.seedsSizesAndChoices(1000, 4000, 4);
  }

  static Stream<Arguments> shortSeriesWithSettings() {
    return PropertyCases.seedsSizesAndChoices(0, 30, 4);
  }

  /**
   * Prefix lengths at which the accumulators are compared: the first three, about ten spread over the series, and
   * the full length.
   */
  private static boolean checkpoint(int count, int total) {
    return count <= 3 || count == total || count % Math.max(1, total / 10) == 0;
  }

  private static void assertBits(String name, double actual, double expected) {
    assertThat(Double.doubleToLongBits(actual))
        .as("%s: incremental %s vs batch %s", name, actual, expected)
        .isEqualTo(Double.doubleToLongBits(expected));
  }

  /** Same length and the same bits at every index; reports the first index that differs. */
  private static void assertBits(String name, double[] actual, double[] expected) {
    assertThat(actual).as(name).hasSameSizeAs(expected);
    int i = Arrays.mismatch(actual, expected); // compares Double.doubleToLongBits, element by element
    if (i >= 0) {
      assertBits(name + "[" + i + "]", actual[i], expected[i]);
    }
  }

  // ---------------------------------------------------------------------------------------------------- trades

  @ParameterizedTest(name = PropertyCases.NAME)
  @MethodSource("longSeries")
  void tradeTallyEqualsTradeStatsBitForBit(long seed, int size) {
    tallyAgainstBatch(RandomSeries.trades(seed, size));
  }

  @ParameterizedTest(name = PropertyCases.NAME)
  @MethodSource("shortSeries")
  void tradeTallyEqualsTradeStatsOnShortLists(long seed, int size) {
    tallyAgainstBatch(RandomSeries.trades(seed, size));
  }

  private static void tallyAgainstBatch(List<TradeOutcome> trades) {
    TradeTally tally = TradeTally.EMPTY;
    assertThat(tally.statistics()).isEqualTo(TradeStats.of(List.of()));
    for (int i = 0; i < trades.size(); i++) {
      tally = tally.plus(trades.get(i));
      if (checkpoint(i + 1, trades.size())) {
        // record equality compares every double component by Double.compare, i.e. bit for bit
        assertThat(tally.statistics()).as("after %d trades", i + 1).isEqualTo(TradeStats.of(trades.subList(0, i + 1)));
      }
    }
  }

  // ---------------------------------------------------------------------------------------------------- balances

  @ParameterizedTest(name = PropertyCases.NAME)
  @MethodSource("longSeries")
  void drawdownTrackerEqualsDrawdownsBitForBit(long seed, int size) {
    RandomSeries s = RandomSeries.of(seed, size);
    DrawdownTracker dd = DrawdownTracker.EMPTY;
    for (int i = 0; i < size; i++) {
      dd = dd.plus(s.times[i], s.balances[i]);
      if (checkpoint(i + 1, size)) {
        long[] t = Arrays.copyOf(s.times, i + 1);
        double[] b = Arrays.copyOf(s.balances, i + 1);
        assertBits("max_drawdown", dd.maxDrawdown(), Drawdowns.maxDrawdown(b));
        assertBits("current_drawdown", dd.currentDrawdown(), Drawdowns.currentDrawdown(b));
        assertBits(
            "max_drawdown_duration_days", dd.maxDrawdownDurationDays(), Drawdowns.maxDrawdownDurationDays(t, b));
        assertBits("days_since_peak", dd.daysSincePeak(), Drawdowns.daysSincePeak(t, b));
        assertBits("peak", dd.peak(), Arrays.stream(b).max().orElseThrow());
      }
    }
  }

  @ParameterizedTest(name = PropertyCases.NAME)
  @MethodSource("longSeries")
  void dailyCloseSeriesEqualsDailyClosesBitForBit(long seed, int size) {
    RandomSeries s = RandomSeries.of(seed, size);
    DailyCloseSeries series = DailyCloseSeries.empty(0.0);
    for (int i = 0; i < size; i++) {
      series = series.plus(s.times[i], s.balances[i]);
      if (checkpoint(i + 1, size)) {
        DailyCloses batch = DailyCloses.of(Arrays.copyOf(s.times, i + 1), Arrays.copyOf(s.balances, i + 1));
        assertThat(series.firstDay()).isEqualTo(batch.firstDay());
        assertBits("closes", series.closes(), batch.closes());
        assertThat(series.returnCount()).isEqualTo(batch.closes().length - 1);
      }
    }
  }

  @ParameterizedTest(name = PropertyCases.NAME)
  @MethodSource("longSeries")
  void varAndCvarFromTheSeriesEqualTheBatchBitForBit(long seed, int size) {
    RandomSeries s = RandomSeries.of(seed, size);
    DailyCloseSeries series = DailyCloseSeries.empty(0.0);
    for (int i = 0; i < size; i++) {
      series = series.plus(s.times[i], s.balances[i]);
      if (checkpoint(i + 1, size)) {
        double[] r =
            ReturnStats.simpleReturns(
                DailyCloses.of(Arrays.copyOf(s.times, i + 1), Arrays.copyOf(s.balances, i + 1)).closes());
        double[] sortedBatch = r.clone();
        Arrays.sort(sortedBatch);
        double[] sorted = series.sortedReturns();
        assertBits("sorted returns", sorted, sortedBatch);
        assertThat(ReturnStats.valueAtRiskSorted(sorted)).isEqualTo(ReturnStats.var95(r));
        assertThat(ReturnStats.expectedShortfallSorted(sorted)).isEqualTo(ReturnStats.cvar95(r));
        // what the state keeps: the lowest returns only, a prefix of the sort, giving the same bits
        double[] lowest = series.lowestSortedReturns();
        assertBits("lowest sorted returns", lowest, Arrays.copyOf(sortedBatch, lowest.length));
        assertThat(ReturnStats.valueAtRiskSortedPrefix(lowest, r.length)).isEqualTo(ReturnStats.var95(r));
        assertThat(ReturnStats.expectedShortfallSortedPrefix(lowest, r.length)).isEqualTo(ReturnStats.cvar95(r));
      }
    }
  }

  @ParameterizedTest(name = PropertyCases.NAME_WITH_CHOICE)
  @MethodSource("longSeriesWithSettings")
  void balanceStatisticsFromAccumulatorsAgreeWithBalanceStats(long seed, int size, int settingsChoice) {
    balancesAgainstBatch(RandomSeries.of(seed, size), settings(settingsChoice));
  }

  @ParameterizedTest(name = PropertyCases.NAME_WITH_CHOICE)
  @MethodSource("shortSeriesWithSettings")
  void balanceStatisticsAgreeOnShortSeries(long seed, int size, int settingsChoice) {
    balancesAgainstBatch(RandomSeries.of(seed, size), settings(settingsChoice));
  }

  private static MetricSettings settings(int choice) {
    return switch (choice) {
      case 0 -> MetricSettings.DEFAULTS;
      case 1 -> new MetricSettings(252, 0.0, 0.0);
      case 2 -> new MetricSettings(365, 0.045, 0.02);
      default -> new MetricSettings(252, 0.03, -0.01);
    };
  }

  private static void balancesAgainstBatch(RandomSeries s, MetricSettings settings) {
    int size = s.times.length;
    DrawdownTracker dd = DrawdownTracker.EMPTY;
    DailyCloseSeries series = DailyCloseSeries.empty(settings.marPerPeriod());
    assertThat(BalanceStatistics.of(dd, series, settings))
        .isEqualTo(BalanceStats.of(new long[0], new double[0], settings))
        .isEqualTo(BalanceStatistics.EMPTY);
    for (int i = 0; i < size; i++) {
      dd = dd.plus(s.times[i], s.balances[i]);
      series = series.plus(s.times[i], s.balances[i]);
      if (checkpoint(i + 1, size)) {
        BalanceStatistics incremental = BalanceStatistics.of(dd, series, settings);
        long[] t = Arrays.copyOf(s.times, i + 1);
        double[] b = Arrays.copyOf(s.balances, i + 1);
        assertBalanceStatisticsAgree(incremental, BalanceStats.of(t, b, settings), t, b, settings);
      }
    }
  }

  static Stream<Arguments> constantReturns() {
    // every daily move from -30 to +30 basis points, 0 included, each over a random number of days
    SplittableRandom rnd = PropertyCases.random();
    return Stream.iterate(-30, bp -> bp <= 30, bp -> bp + 1).map(bp -> Arguments.of(2 + rnd.nextInt(400), bp));
  }

  @ParameterizedTest(name = "days={0}, basis points={1}")
  @MethodSource("constantReturns")
  void aConstantDailyReturnGivesTheSameAnswersOnBothPaths(int days, int basisPoints) {
    // a balance that moves by the same fraction every day: the deviation is rounding noise on both paths
    double factor = 1 + basisPoints / 10_000.0;
    long[] t = new long[days];
    double[] b = new double[days];
    double balance = 1000;
    for (int i = 0; i < days; i++) {
      t[i] = 1_700_000_000_000L + i * Time.MS_PER_DAY;
      b[i] = balance;
      balance *= factor;
    }
    DrawdownTracker dd = DrawdownTracker.EMPTY;
    DailyCloseSeries series = DailyCloseSeries.empty(0.0);
    for (int i = 0; i < days; i++) {
      dd = dd.plus(t[i], b[i]);
      series = series.plus(t[i], b[i]);
    }
    BalanceStatistics batch = BalanceStats.of(t, b, MetricSettings.DEFAULTS);
    assertBalanceStatisticsAgree(
        BalanceStatistics.of(dd, series, MetricSettings.DEFAULTS), batch, t, b, MetricSettings.DEFAULTS);
    if (days > 2) {
      assertThat(batch.sharpeRatio()).isNull();
      assertThat(batch.annualVolatility()).isEqualTo(0.0);
    }
  }

  // ---------------------------------------------------------------------------------------------------- moments

  static Stream<Arguments> zeroRuns() {
    SplittableRandom rnd = PropertyCases.random();
    return Stream.generate(
            () -> Arguments.of(rnd.nextLong(), rnd.nextInt(301), rnd.nextLong(5001), rnd.nextInt(5) - 2))
        .limit(PropertyCases.TRIES);
  }

  @ParameterizedTest(name = "seed={0}, returns before={1}, zeros={2}, mar choice={3}")
  @MethodSource("zeroRuns")
  void plusZerosEqualsThatManySingleZeros(long seed, int before, long zeros, int marChoice) {
    double mar = marChoice * 0.0005;
    ReturnMoments start = ReturnMoments.empty(mar);
    for (double r : RandomSeries.returns(seed, before)) {
      start = start.plus(r);
    }
    ReturnMoments oneByOne = start;
    for (long k = 0; k < zeros; k++) {
      oneByOne = oneByOne.plus(0.0);
    }
    ReturnMoments merged = start.plusZeros(zeros);
    assertThat(merged.count()).isEqualTo(oneByOne.count());
    assertThat(merged.marPerPeriod()).isEqualTo(mar);
    assertClose("mean", merged.mean(), oneByOne.mean());
    assertClose("m2", merged.m2(), oneByOne.m2());
    assertClose("shortfallSumSq", merged.shortfallSumSq(), oneByOne.shortfallSumSq());
    assertClose("sampleStd", merged.sampleStd(), oneByOne.sampleStd());
    assertClose("downsideDeviation", merged.downsideDeviation(), oneByOne.downsideDeviation());
  }

  static Stream<Arguments> returnSeries() {
    return PropertyCases.seedsAndSizes(2, 4000);
  }

  @ParameterizedTest(name = PropertyCases.NAME)
  @MethodSource("returnSeries")
  void welfordMomentsAgreeWithTwoPassStatistics(long seed, int size) {
    double[] r = RandomSeries.returns(seed, size);
    // an annual MAR of 0, 7.3 % or 14.6 % and a risk-free rate of 0 or 3.65 %
    SplittableRandom rnd = new SplittableRandom(seed);
    MetricSettings s = new MetricSettings(365, rnd.nextInt(2) * 0.0365, rnd.nextInt(3) * 0.073);
    double mar = s.marPerPeriod();
    ReturnMoments m = ReturnMoments.empty(mar);
    for (double x : r) {
      m = m.plus(x);
    }
    assertThat(m.count()).isEqualTo(size);
    assertClose("sample std", m.sampleStd(), ReturnStats.sampleStd(r));
    assertClose("downside deviation", m.downsideDeviation(), ReturnStats.downsideDeviation(r, mar));
    Comparisons.assertMomentClose(
        "sharpe",
        ReturnStats.sharpe(m.count(), m.mean(), m.sampleStd(), s),
        ReturnStats.sharpe(r, s),
        Comparisons.cancellationScale(r, s.riskFreePerPeriod(), ReturnStats.sampleStd(r), s));
    Comparisons.assertMomentClose(
        "sortino",
        ReturnStats.sortino(m.count(), m.mean(), m.downsideDeviation(), s),
        ReturnStats.sortino(r, s),
        Comparisons.cancellationScale(r, mar, ReturnStats.downsideDeviation(r, mar), s));
  }

  private static void assertClose(String name, double actual, double expected) {
    double scale = Math.max(Math.abs(actual), Math.abs(expected));
    assertThat(Math.abs(actual - expected))
        .as("%s: %s vs %s", name, actual, expected)
        .isLessThanOrEqualTo(Comparisons.MOMENT_TOLERANCE * scale);
  }
}
