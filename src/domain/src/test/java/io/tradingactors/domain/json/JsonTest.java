package io.tradingactors.domain.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import io.tradingactors.domain.MetricsSnapshot;
import io.tradingactors.domain.backtest.Backtest;
import io.tradingactors.domain.fixtures.Events;
import io.tradingactors.metrics.MetricSettings;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class JsonTest {

  /** DESIGN §3, in order: the public contract of the "metrics" object. */
  static final List<String> DESIGN_KEYS = List.of(
      "total_trades", "winning_trades", "losing_trades", "breakeven_trades", "win_rate", "gross_profit",
      "gross_loss", "net_pnl", "profit_factor", "expectancy", "expectancy_ratio", "avg_win", "avg_loss",
      "largest_win", "largest_loss", "max_consecutive_wins", "max_consecutive_losses", "consecutive_wins",
      "consecutive_losses", "avg_trade_duration_hours", "trades_per_day", "total_fees", "total_slippage", "avg_rr",
      "initial_balance", "current_balance", "peak_balance", "total_return", "cagr", "annual_volatility",
      "sharpe_ratio", "sortino_ratio", "calmar_ratio", "var_95", "cvar_95", "max_drawdown", "current_drawdown",
      "max_drawdown_duration_days", "days_since_peak");

  @Test
  void snapshotJsonCarriesExactlyTheDesignKeysInOrder() throws Exception {
    var state = Backtest.fold(Events.randomSequence(50, 3, 10_000), MetricSettings.DEFAULTS);
    JsonNode json = Json.mapper().valueToTree(MetricsSnapshot.of("s1", 7, state));
    List<String> keys = new ArrayList<>();
    json.get("metrics").fieldNames().forEachRemaining(keys::add);
    assertThat(keys).containsExactlyElementsOf(DESIGN_KEYS);
    assertThat(json.get("strategy_id").asText()).isEqualTo("s1");
    assertThat(json.get("sequence_nr").asLong()).isEqualTo(7);
    assertThat(json.get("as_of").asText()).endsWith("Z");
    assertThat(json.has("rolling_7d")).isTrue();
    assertThat(json.has("rolling_30d")).isTrue();
  }

  @Test
  void undefinedRatiosAreJsonNullNeverNaN() throws Exception {
    var empty = Backtest.fold(List.of(), MetricSettings.DEFAULTS);
    String text = Json.mapper().writeValueAsString(MetricsSnapshot.of("s", 0, empty));
    JsonNode metrics = Json.mapper().readTree(text).get("metrics");
    assertThat(metrics.get("sharpe_ratio").isNull()).isTrue();
    assertThat(metrics.get("win_rate").isNull()).isTrue();
    assertThat(metrics.get("total_trades").asLong()).isZero();
    assertThat(text).doesNotContain("NaN").doesNotContain("Infinity");
  }

  @Test
  void nonFiniteNumbersAreRejectedOnInput() {
    assertThatThrownBy(() -> Json.mapper().readTree("{\"balance\": NaN}")).hasMessageContaining("NaN");
  }

  @Test
  void wireNamingBreaksBeforeDigits() {
    WireNaming naming = new WireNaming();
    assertThat(naming.translate("var95")).isEqualTo("var_95");
    assertThat(naming.translate("rolling30d")).isEqualTo("rolling_30d");
    assertThat(naming.translate("maxDrawdownDurationDays")).isEqualTo("max_drawdown_duration_days");
  }
}
