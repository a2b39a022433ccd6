package io.tradingactors.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

/** The blend rule of {@link BlendedScore}: 0.7 · backtest + 0.3 · live from 5 live trades, one basis otherwise. */
class BlendedScoreTest {

  private static final BlendSettings D = BlendSettings.DEFAULTS;

  @Test
  void fiveLiveTradesBlendFourDoNot() {
    BlendedScore four = BlendedScore.of(0.6, 0.2, 4, D);
    BlendedScore five = BlendedScore.of(0.6, 0.2, 5, D);

    assertThat(four.basis()).isEqualTo(ScoreBasis.BACKTEST);
    assertThat(four.score()).isEqualTo(0.6);
    assertThat(four.backtestWeight()).isEqualTo(1.0);
    assertThat(four.liveWeight()).isEqualTo(0.0);

    // 0.7 · 0.6 + 0.3 · 0.2 = 0.42 + 0.06
    assertThat(five.basis()).isEqualTo(ScoreBasis.BLENDED);
    assertThat(five.score()).isCloseTo(0.48, within(1e-15));
    assertThat(five.backtestWeight()).isEqualTo(0.7);
    assertThat(five.liveWeight()).isEqualTo(0.3);
  }

  @Test
  void withoutABacktestTheLiveScoreAloneFromTheMinimumOfLiveTrades() {
    BlendedScore five = BlendedScore.of(null, 0.35, 5, D);
    assertThat(five.basis()).isEqualTo(ScoreBasis.LIVE);
    assertThat(five.score()).isEqualTo(0.35);
    assertThat(five.backtestWeight()).isEqualTo(0.0);
    assertThat(five.liveWeight()).isEqualTo(1.0);

    BlendedScore four = BlendedScore.of(null, 0.95, 4, D);
    assertThat(four.basis()).isEqualTo(ScoreBasis.NONE);
    assertThat(four.score()).isNull();
  }

  @Test
  void aBacktestWithNoLiveTradesIsTheBacktestAlone() {
    BlendedScore none = BlendedScore.of(0.5, null, 0, D);
    assertThat(none.basis()).isEqualTo(ScoreBasis.BACKTEST);
    assertThat(none.score()).isEqualTo(0.5);
  }

  @Test
  void neitherScoreIsNull() {
    BlendedScore none = BlendedScore.of(null, null, 0, D);

    assertThat(none.score()).isNull();
    assertThat(none.basis()).isEqualTo(ScoreBasis.NONE);
    assertThat(none.backtestWeight()).isZero();
    assertThat(none.liveWeight()).isZero();
  }

  @Test
  void theThresholdAndWeightsComeFromTheSettings() {
    BlendSettings halfAfterTwo = new BlendSettings(0.5, 0.5, 2);
    assertThat(BlendedScore.of(0.8, 0.4, 2, halfAfterTwo).score()).isCloseTo(0.6, within(1e-15));
    assertThat(BlendedScore.of(0.8, 0.4, 1, halfAfterTwo).basis()).isEqualTo(ScoreBasis.BACKTEST);
  }

  @Test
  void settingsRefuseWeightsOutsideZeroOneOrNotSummingToOne() {
    assertThatThrownBy(() -> new BlendSettings(1.2, -0.2, 5)).hasMessageContaining("backtest weight");
    assertThatThrownBy(() -> new BlendSettings(0.7, 0.7, 5)).hasMessageContaining("sum to 1");
    assertThatThrownBy(() -> new BlendSettings(0.7, 0.3, 0)).hasMessageContaining("min live trades");
  }
}
