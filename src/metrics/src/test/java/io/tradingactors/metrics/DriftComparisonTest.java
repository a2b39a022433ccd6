package io.tradingactors.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.tradingactors.metrics.DriftBand.Kind;
import java.lang.reflect.RecordComponent;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Differences and drift bands of a live track against a backtest run. */
class DriftComparisonTest {

  @Test
  void absoluteAndRelativeDifferences() {
    MetricDiff drop = MetricDiff.of(0.45, 0.6);
    assertThat(drop.absolute()).isCloseTo(-0.15, within(1e-15));
    assertThat(drop.relative()).isCloseTo(-0.25, within(1e-15));

    // relative to |backtest|: a live value worse than a negative backtest is a negative change
    MetricDiff negative = MetricDiff.of(-3.0, -2.0);
    assertThat(negative.absolute()).isEqualTo(-1.0);
    assertThat(negative.relative()).isEqualTo(-0.5);

    assertThat(MetricDiff.of(1.0, 0.0)).isEqualTo(new MetricDiff(1.0, null));
    assertThat(MetricDiff.of(null, 2.0)).isEqualTo(new MetricDiff(null, null));
    assertThat(MetricDiff.of(2.0, null)).isEqualTo(new MetricDiff(null, null));
  }

  @Test
  void maxDropFlagsOnlyBelowTheEdge() {
    DriftBand band = new DriftBand("win_rate", Kind.MAX_DROP, 0.15);
    assertThat(band.breached(0.34, 0.5)).isTrue();
    // exactly 15 points: on the edge, inside (0.5 − 0.15 is 0.35000000000000003 in doubles)
    assertThat(band.breached(0.35, 0.5)).isFalse();
    assertThat(band.breached(0.45, 0.6)).isFalse();
    assertThat(band.breached(0.9, 0.5)).isFalse();
  }

  @Test
  void maxRiseFlagsOnlyAboveTheEdge() {
    DriftBand band = new DriftBand("trades_per_day", Kind.MAX_RISE, 2.0);
    assertThat(band.breached(5.5, 3.0)).isTrue();
    assertThat(band.breached(5.0, 3.0)).isFalse();
    assertThat(band.breached(0.1, 3.0)).isFalse();
  }

  @Test
  void minRatioFlagsOnlyBelowTheEdge() {
    DriftBand band = new DriftBand("profit_factor", Kind.MIN_RATIO, 0.5);
    assertThat(band.breached(0.9, 2.0)).isTrue();
    assertThat(band.breached(1.0, 2.0)).isFalse();
    assertThat(band.breached(3.0, 2.0)).isFalse();
    // backtest 0: live below 0 only
    assertThat(band.breached(0.0, 0.0)).isFalse();
  }

  @Test
  void maxRatioFlagsOnlyAboveTheEdge() {
    DriftBand band = new DriftBand("max_drawdown", Kind.MAX_RATIO, 1.5);
    assertThat(band.breached(0.31, 0.2)).isTrue();
    // 0.2 · 1.5 is 0.30000000000000004 in doubles; 0.3 is on the edge
    assertThat(band.breached(0.3, 0.2)).isFalse();
    assertThat(band.breached(0.1, 0.2)).isFalse();
    // a backtest that never drew down: any live drawdown is drift
    assertThat(band.breached(0.01, 0.0)).isTrue();
  }

  @Test
  void ratioBandsAreNotCheckedAgainstANegativeBacktest() {
    DriftBand band = new DriftBand("expectancy", Kind.MIN_RATIO, 0.5);
    // −2 · 0.5 = −1 would flag a live value equal to the backtest's
    assertThat(band.breached(-2.0, -2.0)).isFalse();
    assertThat(band.breached(-50.0, -2.0)).isFalse();
  }

  @Test
  void aNullOnEitherSideIsNeverDrift() {
    for (Kind kind : Kind.values()) {
      DriftBand band = new DriftBand("sharpe_ratio", kind, 0.5);
      assertThat(band.breached(null, 1.0)).as(kind.toString()).isFalse();
      assertThat(band.breached(1.0, null)).as(kind.toString()).isFalse();
    }
  }

  @Test
  void bandsRefuseUnknownMetricsAndBadLimits() {
    assertThatThrownBy(() -> new DriftBand("winrate", Kind.MAX_DROP, 0.1)).hasMessageContaining("'winrate'");
    assertThatThrownBy(() -> new DriftBand("win_rate", Kind.MAX_DROP, -0.1)).hasMessageContaining("max-drop");
    assertThatThrownBy(() -> new DriftBand("win_rate", Kind.MIN_RATIO, 0)).hasMessageContaining("min-ratio");
  }

  @Test
  void kindsByTheirConfigurationNames() {
    assertThat(Arrays.stream(Kind.values()).map(Kind::configName))
        .containsExactly("max-drop", "max-rise", "min-ratio", "max-ratio");
    assertThat(Kind.ofConfigName("min-ratio")).isEqualTo(Kind.MIN_RATIO);
    assertThat(Kind.ofConfigName("min_ratio")).isNull();
  }

  @Test
  void theComparisonDiffsEveryMetricAndListsTheDriftedOnesInDesignOrder() {
    PerformanceMetrics backtest = metrics(0.6, 2.0, 10.0, 1.5, 0.2);
    // win_rate −20 points, profit_factor ×0.4, expectancy ×0.5 (edge), sharpe ×2, drawdown ×2
    PerformanceMetrics live = metrics(0.4, 0.8, 5.0, 3.0, 0.4);

    DriftComparison c = DriftComparison.of(live, backtest, DriftBand.DEFAULTS);

    assertThat(c.diff().keySet()).containsExactlyElementsOf(MetricValues.NAMES);
    assertThat(c.diff().get("win_rate").absolute()).isCloseTo(-0.2, within(1e-15));
    assertThat(c.diff().get("total_trades")).isEqualTo(new MetricDiff(0.0, 0.0));
    assertThat(c.diff().get("cagr")).isEqualTo(new MetricDiff(null, null));
    assertThat(c.drift()).containsExactly("win_rate", "profit_factor", "max_drawdown");
  }

  @Test
  void withoutALiveTrackEveryDiffIsNullAndNothingDrifts() {
    DriftComparison c = DriftComparison.of(null, metrics(0.6, 2.0, 10.0, 1.5, 0.2), DriftBand.DEFAULTS);
    assertThat(c.diff().values()).allMatch(d -> d.absolute() == null && d.relative() == null);
    assertThat(c.drift()).isEmpty();
  }

  @Test
  void aMetricWithTwoBandsIsListedOnce() {
    List<DriftBand> both = List.of(new DriftBand("win_rate", Kind.MAX_DROP, 0.01),
        new DriftBand("win_rate", Kind.MIN_RATIO, 0.9));
    assertThat(DriftComparison.of(metrics(0.1, 1, 1, 1, 0.1), metrics(0.6, 1, 1, 1, 0.1), both).drift())
        .containsExactly("win_rate");
  }

  /** The names are DESIGN §3's, in the order of PerformanceMetrics' components, which is what the JSON shows. */
  @Test
  void metricNamesFollowThePerformanceMetricsRecord() {
    List<String> components = Arrays.stream(PerformanceMetrics.class.getRecordComponents())
        .map(RecordComponent::getName)
        .map(n -> n.replaceAll("([A-Z])", "_$1").replaceAll("([a-z])([0-9])", "$1_$2").toLowerCase())
        .toList();
    assertThat(MetricValues.NAMES).containsExactlyElementsOf(components);

    // every position carries its own value: distinct inputs come out under their own names
    PerformanceMetrics m = new PerformanceMetrics(1, 2, 3, 4, 5.0, 6, 7, 8, 9.0, 10.0, 11.0, 12.0, 13.0, 14.0, 15.0,
        16, 17, 18, 19, 20.0, 21, 22, 23, 24.0, 25.0, 26.0, 27.0, 28.0, 29.0, 30.0, 31.0, 32.0, 33.0, 34.0, 35.0,
        36.0, 37.0, 38.0, 39.0);
    List<Double> values = List.copyOf(MetricValues.of(m).values());
    for (int i = 0; i < values.size(); i++) {
      assertThat(values.get(i)).as(MetricValues.NAMES.get(i)).isEqualTo(i + 1.0);
    }
  }

  private static PerformanceMetrics metrics(
      double winRate, double profitFactor, double expectancy, double sharpe, double maxDrawdown) {
    return new PerformanceMetrics(10, 6, 4, 0, winRate, 100, 50, 50, profitFactor, expectancy, null, null, null,
        null, null, 3, 2, 1, 0, 2.0, 1.0, 1.0, 0.5, null, 1000.0, 1050.0, 1100.0, 0.05, null, null, sharpe, null,
        null, null, null, maxDrawdown, 0.1, 3.0, 2.0);
  }
}
