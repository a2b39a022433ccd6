package io.tradingactors.metrics;

import static io.tradingactors.metrics.Fixtures.assertRel;
import static io.tradingactors.metrics.Fixtures.rel;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

/**
 * Known answers for the return-based statistics. Small cases are worked out by hand in the comments; the float
 * literals marked "reference" were printed by {@code src/test/resources/reference/balance_reference.py} (Python
 * {@code statistics}, exact rational arithmetic), block "ReturnStatsTest".
 */
class ReturnStatsTest {

  private static final MetricSettings DEFAULTS = MetricSettings.DEFAULTS;
  private static final MetricSettings EQUITIES = new MetricSettings(252, 0.0504, 0.0);

  /** Closes 100, 110, 99, 99, 108.9: returns +10 %, -10 %, 0, +10 %. */
  private static final double[] SMALL_CLOSES = {100.0, 110.0, 99.0, 99.0, 108.9};

  private static final double[] MIXED_RETURNS = {
    0.012, -0.034, 0.0, 0.021, -0.007, 0.0, 0.045, -0.051, 0.003, 0.018,
    -0.022, 0.0, 0.009, -0.013, 0.027, -0.041, 0.006, 0.0, 0.015, -0.002,
    0.031, -0.019, 0.004, 0.0, -0.028, 0.011, 0.008, -0.006, 0.024, -0.015,
    0.002, 0.0, -0.037, 0.019, 0.013, -0.009, 0.005,
  };

  private static double[] smallReturns() {
    return ReturnStats.simpleReturns(SMALL_CLOSES);
  }

  @Test
  void simpleReturnsAreCloseToClose() {
    // 110/100 - 1 = 0.1, 99/110 - 1 = -0.1, 99/99 - 1 = 0, 108.9/99 - 1 = 0.1: n closes -> n - 1 returns
    assertThat(smallReturns()).containsExactly(new double[] {0.1, -0.1, 0.0, 0.1}, within(1e-15));
    assertThat(ReturnStats.simpleReturns(new double[] {100})).isEmpty();
    assertThat(ReturnStats.simpleReturns(new double[0])).isEmpty();
  }

  @Test
  void sharpeWithSampleStdAndSqrt365() {
    // mean = (0.1 - 0.1 + 0 + 0.1) / 4 = 0.025
    // deviations 0.075, -0.125, -0.025, 0.075; squares 0.005625 + 0.015625 + 0.000625 + 0.005625 = 0.0275
    // std (ddof = 1) = sqrt(0.0275 / 3) = 0.0957427107756338; sqrt(365) = 19.1049731745428
    // sharpe = 0.025 / 0.0957427107756338 * 19.1049731745428 = 4.98862342098...   (reference 4.988623420981355)
    assertRel(ReturnStats.sharpe(smallReturns(), DEFAULTS), 4.988623420981355);
    assertThat(ReturnStats.sampleStd(smallReturns())).isCloseTo(Math.sqrt(0.0275 / 3), rel(Math.sqrt(0.0275 / 3)));
    // with ddof = 0 it would be 0.025 / sqrt(0.0275 / 4) * sqrt(365) = 5.76
  }

  @Test
  void sharpeWith252AndARiskFreeRate() {
    // rf per period = 0.0504 / 252 = 0.0002; sqrt(252) = 15.874507866387544
    // sharpe = (0.025 - 0.0002) / 0.0957427107756338 * 15.874507866387544 = 4.1119349128...  (reference)
    assertRel(ReturnStats.sharpe(smallReturns(), EQUITIES), 4.11193491282058);
    assertThat(EQUITIES.riskFreePerPeriod()).isCloseTo(0.0002, rel(0.0002));
  }

  @Test
  void annualVolatility() {
    // 0.0957427107756338 * sqrt(365) = 1.82916192102...; * sqrt(252) = 1.51986841535...   (reference)
    assertRel(ReturnStats.annualVolatility(smallReturns(), DEFAULTS), 1.8291619210264944);
    assertRel(ReturnStats.annualVolatility(smallReturns(), EQUITIES), 1.519868415357067);
  }

  @Test
  void sortinoTakesTheDownsideOverAllReturnsZerosIncluded() {
    // min(r, 0)^2 = 0, 0.01, 0, 0 -> mean over ALL four returns = 0.0025 -> downside deviation 0.05
    // sortino = 0.025 / 0.05 * sqrt(365) = 0.5 * 19.1049731745428 = 9.5524865872714
    // (over the negative returns only it would be 0.025 / 0.1 * sqrt(365) = 4.78; without the zero, 8.27)
    assertRel(ReturnStats.sortino(smallReturns(), DEFAULTS), 9.55248658727142);
    assertRel(ReturnStats.sortino(smallReturns(), EQUITIES), 7.93725393319379); // 0.5 * sqrt(252)
    assertThat(ReturnStats.downsideDeviation(smallReturns(), 0.0)).isCloseTo(0.05, rel(0.05));
  }

  @Test
  void sortinoAgainstAMinimumAcceptableReturn() {
    // MAR 3.65 a year -> 0.01 per day. shortfalls min(r - 0.01, 0): 0, -0.11, -0.01, 0
    // squares 0.0121 + 0.0001 = 0.0122, / 4 = 0.00305 -> downside sqrt(0.00305) = 0.05522680508593630
    // sortino = (0.025 - 0.01) / 0.0552268050859363 * sqrt(365) = 5.18905...
    MetricSettings mar = new MetricSettings(365, 0.0, 3.65);
    double expected = (0.025 - 0.01) / Math.sqrt(0.0122 / 4) * Math.sqrt(365);
    assertThat(ReturnStats.sortino(smallReturns(), mar)).isCloseTo(expected, within(1e-12));
  }

  @Test
  void cagr() {
    // (last / first)^(A / returns) - 1
    // doubling over 365 daily returns with A = 365: 2^1 - 1 = 1
    assertThat(ReturnStats.cagr(100, 200, 365, DEFAULTS)).isEqualTo(1.0);
    // +21 % over two years of days: 1.21^(365/730) - 1 = 1.1 - 1 = 0.1
    assertThat(ReturnStats.cagr(100, 121, 730, DEFAULTS)).isCloseTo(0.1, within(1e-15));
    // -10 % over 126 returns with A = 252: 0.9^2 - 1 = -0.19
    assertThat(ReturnStats.cagr(100, 90, 126, EQUITIES)).isCloseTo(-0.19, within(1e-15));
    // SMALL_CLOSES: 1.089^(365/4) - 1 = 2391.18...   (reference); with A = 252: 1.089^63 - 1 = 214.157...
    assertRel(ReturnStats.cagr(100, 108.9, 4, DEFAULTS), 2391.180950741495);
    assertRel(ReturnStats.cagr(100, 108.9, 4, EQUITIES), 214.15746790375783);
  }

  @Test
  void cagrIsNullWithFewerThanTwoReturns() {
    assertThat(ReturnStats.cagr(100, 110, 1, DEFAULTS)).isNull();
    assertThat(ReturnStats.cagr(100, 100, 0, DEFAULTS)).isNull();
  }

  @Test
  void calmar() {
    // cagr / max_drawdown: 0.3 / 0.15 = 2; -0.2 / 0.4 = -0.5
    assertThat(ReturnStats.calmar(0.3, 0.15)).isCloseTo(2.0, within(1e-15));
    assertThat(ReturnStats.calmar(-0.2, 0.4)).isCloseTo(-0.5, within(1e-15));
    // no drawdown: undefined, null (not Infinity)
    assertThat(ReturnStats.calmar(0.3, 0.0)).isNull();
    assertThat(ReturnStats.calmar(null, 0.1)).isNull();
    assertThat(ReturnStats.calmar(0.1, null)).isNull();
  }

  @Test
  void percentileIsLinearBetweenClosestRanks() {
    double[] sorted = {1, 2, 3, 4};
    assertThat(ReturnStats.percentile(sorted, 0)).isEqualTo(1.0);
    assertThat(ReturnStats.percentile(sorted, 100)).isEqualTo(4.0);
    // rank 0.5 * 3 = 1.5 -> 2 + 0.5 * (3 - 2) = 2.5
    assertThat(ReturnStats.percentile(sorted, 50)).isEqualTo(2.5);
    // rank 0.05 * 3 = 0.15 -> 1 + 0.15 * 1 = 1.15
    assertThat(ReturnStats.percentile(sorted, 5)).isCloseTo(1.15, within(1e-15));
  }

  @Test
  void varAndCvarOn21Values() {
    // -0.10, -0.09, ..., 0.10 (out of order): rank = 0.05 * (21 - 1) = 1 exactly -> 5th percentile = -0.09
    // var = 0.09; cvar = -mean(-0.10, -0.09) = 0.095
    double[] r = new double[21];
    for (int i = 0; i < 21; i++) {
      r[i] = ((i * 8) % 21 - 10) / 100.0; // a permutation of -10..10 hundredths
    }
    assertThat(ReturnStats.var95(r)).isCloseTo(0.09, within(1e-15));
    assertThat(ReturnStats.cvar95(r)).isCloseTo(0.095, within(1e-15));
  }

  @Test
  void varAndCvarOn10Values() {
    // sorted: -0.05, -0.03, -0.02, -0.01, 0, 0.01, 0.02, 0.03, 0.04, 0.05
    // rank = 0.05 * 9 = 0.45 -> -0.05 + 0.45 * (-0.03 - -0.05) = -0.05 + 0.009 = -0.041 -> var 0.041
    // at or below -0.041: only -0.05 -> cvar 0.05
    double[] r = {0.02, -0.01, 0.05, -0.05, 0.0, 0.03, -0.03, 0.01, 0.04, -0.02};
    assertThat(ReturnStats.var95(r)).isCloseTo(0.041, within(1e-15));
    assertThat(ReturnStats.cvar95(r)).isCloseTo(0.05, within(1e-15));
  }

  @Test
  void cvarTakesEveryReturnAtOrBelowThePercentileTiesIncluded() {
    // 21 values: -0.08, three at -0.04, seventeen at 0.01. rank 1 -> percentile = -0.04 (var 0.04)
    // at or below -0.04: -0.08, -0.04, -0.04, -0.04 -> mean -0.05 -> cvar 0.05
    // (strictly below would give 0.08; the two ranks up to the percentile 0.06)
    double[] r = new double[21];
    Arrays.fill(r, 0.01);
    r[3] = -0.04;
    r[9] = -0.08;
    r[11] = -0.04;
    r[20] = -0.04;
    assertThat(ReturnStats.var95(r)).isCloseTo(0.04, within(1e-15));
    assertThat(ReturnStats.cvar95(r)).isCloseTo(0.05, within(1e-15));
  }

  @Test
  void varAndCvarOf37MixedReturns() {
    // sorted starts -0.051, -0.041, -0.037: rank 0.05 * 36 = 1.8 -> -0.041 + 0.8 * 0.004 = -0.0378
    // at or below: -0.051, -0.041 -> cvar 0.046. Reference: p5 -0.0378, var 0.0378, cvar 0.046
    assertThat(ReturnStats.var95(MIXED_RETURNS)).isCloseTo(0.0378, within(1e-15));
    assertThat(ReturnStats.cvar95(MIXED_RETURNS)).isCloseTo(0.046, within(1e-15));
    // reference (Python statistics): sharpe -0.27544395828755136, sortino -0.36418076229755414,
    // volatility 0.3939585902996289
    assertRel(ReturnStats.sharpe(MIXED_RETURNS, DEFAULTS), -0.27544395828755136);
    assertRel(ReturnStats.sortino(MIXED_RETURNS, DEFAULTS), -0.36418076229755414);
    assertRel(ReturnStats.annualVolatility(MIXED_RETURNS, DEFAULTS), 0.3939585902996289);
  }

  @Test
  void varIsNegativeWhenTheTailIsAGain() {
    // sorted 0.01, 0.02: rank 0.05 -> 0.01 + 0.05 * 0.01 = 0.0105 -> var -0.0105; cvar -0.01
    assertThat(ReturnStats.var95(new double[] {0.02, 0.01})).isCloseTo(-0.0105, within(1e-15));
    assertThat(ReturnStats.cvar95(new double[] {0.02, 0.01})).isCloseTo(-0.01, within(1e-15));
  }

  @Test
  void varOfSortedInputEqualsVarOfUnsorted() {
    double[] sorted = MIXED_RETURNS.clone();
    Arrays.sort(sorted);
    assertThat(ReturnStats.valueAtRiskSorted(sorted)).isEqualTo(ReturnStats.var95(MIXED_RETURNS));
    assertThat(ReturnStats.expectedShortfallSorted(sorted)).isEqualTo(ReturnStats.cvar95(MIXED_RETURNS));
  }

  @Test
  void everyReturnStatisticIsNullWithFewerThanTwoReturns() {
    for (double[] r : new double[][] {{}, {0.05}}) {
      assertThat(ReturnStats.sharpe(r, DEFAULTS)).isNull();
      assertThat(ReturnStats.sortino(r, DEFAULTS)).isNull();
      assertThat(ReturnStats.annualVolatility(r, DEFAULTS)).isNull();
      assertThat(ReturnStats.var95(r)).isNull();
      assertThat(ReturnStats.cvar95(r)).isNull();
    }
    assertThat(ReturnStats.mean(new double[0])).isEqualTo(0.0);
  }

  @Test
  void aFlatSeriesHasNoSharpeNoSortinoAndZeroRisk() {
    // closes 100, 100, 100, 100: returns 0, 0, 0 -> std 0, no shortfall: sharpe and sortino undefined (null)
    double[] r = ReturnStats.simpleReturns(new double[] {100, 100, 100, 100});
    assertThat(ReturnStats.sharpe(r, DEFAULTS)).isNull();
    assertThat(ReturnStats.sortino(r, DEFAULTS)).isNull();
    // volatility is a measure, not a ratio: 0; VaR and CVaR 0 (and +0.0, not -0.0 printed as "-0.0" in JSON)
    Fixtures.assertPositiveZero(ReturnStats.annualVolatility(r, DEFAULTS));
    Fixtures.assertPositiveZero(ReturnStats.var95(r));
    Fixtures.assertPositiveZero(ReturnStats.cvar95(r));
  }

  @Test
  void aConstantReturnGivesNullSharpeNotTenToTheFifteen() {
    // 0.1 a day, 100 times: the summed mean is a few ulps off 0.1, so the two-pass std is ~1e-16, not 0;
    // mean / std * sqrt(365) would be ~1e16. The deviation is rounding noise: sharpe null, volatility 0.
    double[] r = new double[100];
    Arrays.fill(r, 0.1);
    assertThat(ReturnStats.sampleStd(r)).isPositive(); // the noise this test is about
    assertThat(ReturnStats.sharpe(r, DEFAULTS)).isNull();
    assertThat(ReturnStats.annualVolatility(r, DEFAULTS)).isEqualTo(0.0);
    // the incremental moments agree
    ReturnMoments m = ReturnMoments.empty(0.0);
    for (double x : r) {
      m = m.plus(x);
    }
    assertThat(ReturnStats.sharpe(m.count(), m.mean(), m.sampleStd(), DEFAULTS)).isNull();
    assertThat(ReturnStats.annualVolatility(m.count(), m.mean(), m.sampleStd(), DEFAULTS)).isEqualTo(0.0);
    // a constant loss has a downside deviation, so sortino is defined: -0.007 / 0.007 * sqrt(365) = -sqrt(365)
    double[] loss = new double[10];
    Arrays.fill(loss, -0.007);
    assertThat(ReturnStats.sortino(loss, DEFAULTS)).isCloseTo(-Math.sqrt(365), rel(Math.sqrt(365)));
    assertThat(ReturnStats.sharpe(loss, DEFAULTS)).isNull();
  }

  @Test
  void zeroDeviationTest() {
    assertThat(ReturnStats.isZeroDeviation(0.0, 0.0)).isTrue();
    assertThat(ReturnStats.isZeroDeviation(1e-17, 0.01)).isTrue();
    assertThat(ReturnStats.isZeroDeviation(1e-10, 0.01)).isFalse();
    assertThat(ReturnStats.isZeroDeviation(Double.NaN, 0.01)).isTrue();
  }

  @Test
  void returnMomentsOfTheSmallSeries() {
    ReturnMoments m = ReturnMoments.empty(0.0);
    for (double x : smallReturns()) {
      m = m.plus(x);
    }
    // mean 0.025, std sqrt(0.0275 / 3), downside 0.05 (see above)
    assertThat(m.count()).isEqualTo(4);
    assertThat(m.mean()).isCloseTo(0.025, within(1e-15));
    assertThat(m.sampleStd()).isCloseTo(Math.sqrt(0.0275 / 3), rel(Math.sqrt(0.0275 / 3)));
    assertThat(m.downsideDeviation()).isCloseTo(0.05, rel(0.05));
  }

  @Test
  void returnMomentsWithZeros() {
    // 0.1, -0.1 then two zero days: mean 0; squares of deviations 0.01 + 0.01 + 0 + 0 = 0.02 -> std sqrt(0.02 / 3)
    // downside: 0.01 / 4 -> 0.05
    ReturnMoments m = ReturnMoments.empty(0.0).plus(0.1).plus(-0.1).plusZeros(2);
    assertThat(m.count()).isEqualTo(4);
    assertThat(m.mean()).isEqualTo(0.0);
    assertThat(m.sampleStd()).isCloseTo(Math.sqrt(0.02 / 3), rel(Math.sqrt(0.02 / 3)));
    assertThat(m.downsideDeviation()).isCloseTo(0.05, rel(0.05));
    assertThat(m.plusZeros(0)).isSameAs(m);
    // zeros into an empty set of moments
    ReturnMoments zeros = ReturnMoments.empty(0.0).plusZeros(3);
    assertThat(zeros.count()).isEqualTo(3);
    assertThat(zeros.mean()).isEqualTo(0.0);
    assertThat(zeros.sampleStd()).isEqualTo(0.0);
    // empty and single-return moments have no deviation
    assertThat(ReturnMoments.empty(0.0).sampleStd()).isEqualTo(0.0);
    assertThat(ReturnMoments.empty(0.0).downsideDeviation()).isEqualTo(0.0);
    assertThat(ReturnMoments.empty(0.0).plus(0.3).sampleStd()).isEqualTo(0.0);
  }
}
