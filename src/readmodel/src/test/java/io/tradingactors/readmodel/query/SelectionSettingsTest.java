package io.tradingactors.readmodel.query;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigFactory;
import io.tradingactors.metrics.DriftBand;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** {@link SelectionSettings#from}: the shipped file gives the defaults; every bad value is refused by its key. */
class SelectionSettingsTest {

  private static Config config(String overrides) {
    return ConfigFactory.parseString(overrides)
        .withFallback(ConfigFactory.parseResources("trading-actors.conf"))
        .resolve();
  }

  private static SelectionSettingsException refused(String overrides) {
    return catchThrowableOfType(SelectionSettingsException.class, () -> SelectionSettings.from(config(overrides)));
  }

  @Test
  void theShippedConfigurationIsTheDefaults() {
    assertThat(SelectionSettings.from(config(""))).isEqualTo(SelectionSettings.DEFAULTS);
  }

  @Test
  void valuesAreRead() {
    SelectionSettings s = SelectionSettings.from(config(
        "trading-actors.selection { weights.win-rate = 0.5, caps.avg-rr = 4, blend { backtest = 0.6, live = 0.4,"
            + " min-live-trades = 10 }, query-timeout = 2 s }\n"
            + "trading-actors.compare.drift { sharpe_ratio = null, win_rate { max-drop = 0.1, max-rise = 0.3 } }"));

    assertThat(s.score().winRateWeight()).isEqualTo(0.5);
    assertThat(s.score().avgRrCap()).isEqualTo(4.0);
    assertThat(s.blend().backtestWeight()).isEqualTo(0.6);
    assertThat(s.blend().minLiveTrades()).isEqualTo(10);
    assertThat(s.queryTimeout()).isEqualTo(Duration.ofSeconds(2));
    assertThat(s.drift()).extracting(DriftBand::metric).doesNotContain("sharpe_ratio");
    assertThat(s.drift()).contains(
        new DriftBand("win_rate", DriftBand.Kind.MAX_DROP, 0.1), new DriftBand("win_rate", DriftBand.Kind.MAX_RISE, 0.3));
  }

  @Test
  void everyBadValueIsNamedByItsKeyAllAtOnce() {
    SelectionSettingsException e = refused(
        "trading-actors.selection { weights.win-rate = -0.4, caps.profit-factor = 0, blend.live = 1.5,"
            + " blend.min-live-trades = 2.5, query-timeout = 5 }\n"
            + "trading-actors.compare.drift { winrate { max-drop = 0.1 }, win_rate { max-dorp = 0.1 },"
            + " profit_factor { min-ratio = -1 }, expectancy { min-ratio = lots } }");

    assertThat(e.problems()).anySatisfy(p -> assertThat(p).startsWith("trading-actors.selection.weights.win-rate: "))
        .anySatisfy(p -> assertThat(p).startsWith("trading-actors.selection.caps.profit-factor: must be > 0"))
        .anySatisfy(p -> assertThat(p).startsWith("trading-actors.selection.blend.live: must be in [0, 1]"))
        .anySatisfy(p -> assertThat(p).startsWith("trading-actors.selection.blend.min-live-trades: must be a whole"))
        .anySatisfy(p -> assertThat(p).startsWith("trading-actors.selection.query-timeout: needs a unit"))
        .anySatisfy(p -> assertThat(p).startsWith("trading-actors.compare.drift.winrate: unknown metric"))
        .anySatisfy(p -> assertThat(p).startsWith("trading-actors.compare.drift.win_rate.max-dorp: unknown band kind"))
        .anySatisfy(p -> assertThat(p).startsWith("trading-actors.compare.drift.profit_factor.min-ratio: "))
        .anySatisfy(p -> assertThat(p).startsWith("trading-actors.compare.drift.expectancy.min-ratio: must be a number"));
    assertThat(e.getMessage()).contains("trading-actors.selection.weights.win-rate: must be ≥ 0, got -0.4");
  }

  @Test
  void blendWeightsMustSumToOne() {
    assertThat(refused("trading-actors.selection.blend { backtest = 0.7, live = 0.2 }").problems())
        .singleElement().asString().contains("must sum to 1");
  }

  @Test
  void unknownKeysAreRefusedRatherThanIgnored() {
    assertThat(refused("trading-actors.selection.weights.winrate = 0.4").problems())
        .containsExactly("trading-actors.selection.weights.winrate: unknown key (known: win-rate, profit-factor, avg-rr)");
    assertThat(refused("trading-actors.selection.cap.avg-rr = 4").problems())
        .singleElement().asString().startsWith("trading-actors.selection.cap: unknown key");
  }

  @Test
  void aMissingWeightIsNamed() {
    Config without = config("").withoutPath("trading-actors.selection.weights.avg-rr");
    SelectionSettingsException e =
        catchThrowableOfType(SelectionSettingsException.class, () -> SelectionSettings.from(without));
    assertThat(e.problems()).containsExactly("trading-actors.selection.weights.avg-rr: is missing");
  }
}
