package io.tradingactors.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.SplittableRandom;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.provider.Arguments;

/** The selection score's formula, worked by hand with the default weights 0.40 / 0.35 / 0.25 and caps 3 and 5. */
class SelectionScoreTest {

  private static final SelectionScoreSettings D = SelectionScoreSettings.DEFAULTS;

  @Test
  void everyPartOfAPlainScore() {
    // win_rate 0.6, pf 1.5, avg_rr 2: 0.4·0.6 + 0.35·(1.5/3) + 0.25·(2/5) = 0.24 + 0.175 + 0.1 = 0.515
    SelectionScore s = SelectionScore.of(20, 0.6, 1.5, 2.0, D);

    assertThat(s.trades()).isEqualTo(20);
    assertThat(s.profitFactorCapped()).isCloseTo(0.5, within(1e-15));
    assertThat(s.avgRrCapped()).isCloseTo(0.4, within(1e-15));
    assertThat(s.winRateTerm()).isCloseTo(0.24, within(1e-15));
    assertThat(s.profitFactorTerm()).isCloseTo(0.175, within(1e-15));
    assertThat(s.avgRrTerm()).isCloseTo(0.1, within(1e-15));
    assertThat(s.score()).isCloseTo(0.515, within(1e-15));
  }

  @Test
  void aProfitFactorAboveTheCapScoresAsTheCap() {
    SelectionScore ten = SelectionScore.of(10, 0.5, 10.0, 1.0, D);
    SelectionScore three = SelectionScore.of(10, 0.5, 3.0, 1.0, D);
    SelectionScore noLosses = SelectionScore.of(10, 1.0, TradeStatistics.PROFIT_FACTOR_CAP, 1.0, D);

    assertThat(ten.profitFactor()).isEqualTo(10.0);
    assertThat(ten.profitFactorCapped()).isEqualTo(1.0);
    assertThat(ten.profitFactorTerm()).isEqualTo(0.35);
    assertThat(ten.score()).isEqualTo(three.score());
    assertThat(noLosses.profitFactorCapped()).isEqualTo(1.0);
  }

  @Test
  void avgRrIsFlooredAtZeroAndCappedAtFive() {
    assertThat(SelectionScore.of(4, 0.5, 1.0, 12.0, D).avgRrCapped()).isEqualTo(1.0);
    assertThat(SelectionScore.of(4, 0.5, 1.0, 5.0, D).avgRrTerm()).isEqualTo(0.25);
    assertThat(SelectionScore.of(4, 0.5, 1.0, -2.0, D).avgRrCapped()).isEqualTo(0.0);
    assertThat(SelectionScore.of(4, 0.5, 1.0, -2.0, D).avgRrTerm()).isEqualTo(0.0);
  }

  @Test
  void noTradesIsNoScoreNotZero() {
    SelectionScore s = SelectionScore.of(0, null, null, null, D);

    assertThat(s.score()).isNull();
    assertThat(s.winRateTerm()).isNull();
    assertThat(s.profitFactorTerm()).isNull();
    assertThat(s.avgRrTerm()).isNull();
    assertThat(s.profitFactorCapped()).isNull();
  }

  @Test
  void aMissingAvgRrContributesZeroAndShowsAsNull() {
    // 0.4·0.5 + 0.35·(1.5/3) = 0.2 + 0.175
    SelectionScore s = SelectionScore.of(8, 0.5, 1.5, null, D);

    assertThat(s.avgRr()).isNull();
    assertThat(s.avgRrCapped()).isNull();
    assertThat(s.avgRrTerm()).isEqualTo(0.0);
    assertThat(s.score()).isCloseTo(0.375, within(1e-15));
  }

  @Test
  void weightsAndCapsComeFromTheSettings() {
    SelectionScoreSettings pfOnly = new SelectionScoreSettings(0, 1, 0, 2, 5);
    assertThat(SelectionScore.of(3, 0.9, 1.0, 4.0, pfOnly).score()).isEqualTo(0.5);
  }

  @Test
  void settingsRefuseNegativeWeightsAndNonPositiveCaps() {
    assertThatThrownBy(() -> new SelectionScoreSettings(-0.1, 0.35, 0.25, 3, 5))
        .hasMessageContaining("win_rate weight");
    assertThatThrownBy(() -> new SelectionScoreSettings(0.4, 0.35, 0.25, 0, 5))
        .hasMessageContaining("profit_factor cap");
    assertThatThrownBy(() -> new SelectionScoreSettings(0.4, 0.35, 0.25, 3, -1))
        .hasMessageContaining("avg_rr cap");
    assertThatThrownBy(() -> new SelectionScoreSettings(0.4, Double.NaN, 0.25, 3, 5))
        .hasMessageContaining("profit_factor weight");
  }

  static Stream<Arguments> seeds() {
    SplittableRandom rnd = PropertyCases.random();
    return Stream.generate(() -> Arguments.of(rnd.nextLong())).limit(PropertyCases.TRIES);
  }

  /** With weights summing to 1 a score is in [0, 1], and more of any input never lowers it. */
  @ParameterizedTest(name = "seed={0}")
  @MethodSource("seeds")
  void defaultScoresLieInZeroOneAndAreMonotoneInEachInput(long seed) {
    SplittableRandom rnd = new SplittableRandom(seed);
    double wr = rnd.nextDouble();
    double pf = rnd.nextDouble() < 0.1 ? TradeStatistics.PROFIT_FACTOR_CAP : rnd.nextDouble() * 8;
    Double rr = rnd.nextDouble() < 0.2 ? null : rnd.nextDouble() * 12 - 2;
    double score = SelectionScore.of(10, wr, pf, rr, D).score();

    assertThat(score).isBetween(0.0, 1.0);
    double up = rnd.nextDouble();
    assertThat(SelectionScore.of(10, Math.min(1, wr + up), pf, rr, D).score()).isGreaterThanOrEqualTo(score);
    assertThat(SelectionScore.of(10, wr, pf + up, rr, D).score()).isGreaterThanOrEqualTo(score);
    if (rr != null) {
      assertThat(SelectionScore.of(10, wr, pf, rr + up, D).score()).isGreaterThanOrEqualTo(score);
    }
  }
}
