package io.tradingactors.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import io.tradingactors.domain.backtest.BacktestInput;
import io.tradingactors.domain.backtest.Backtest;
import io.tradingactors.domain.backtest.Report;
import io.tradingactors.domain.backtest.ReportBuilder;
import io.tradingactors.domain.risk.RiskEvent;
import io.tradingactors.domain.risk.RiskPolicy;
import io.tradingactors.domain.json.Json;
import io.tradingactors.metrics.MetricSettings;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class ReportCommandTest {

  static final Path SAMPLE_TRADES = Path.of("../../examples/sample-trades.csv");
  static final Path SAMPLE_BALANCES = Path.of("../../examples/sample-balances.csv");

  @TempDir Path dir;

  record Run(int exit, String out, String err) {}

  static Run run(String... args) {
    CommandLine cl = TradingActorsCommand.commandLine();
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    cl.setOut(new PrintWriter(out));
    cl.setErr(new PrintWriter(err));
    int exit = cl.execute(args);
    return new Run(exit, out.toString(), err.toString());
  }

  @Test
  void jsonReportOfTheSampleEqualsTheFoldOfTheSameEvents() throws Exception {
    Run r = run("report", "--trades", SAMPLE_TRADES.toString(), "--balances", SAMPLE_BALANCES.toString(), "--json");
    assertThat(r.exit()).as(r.err()).isZero();
    JsonNode json = Json.mapper().readTree(r.out());
    var expected = Backtest.fold(
        BacktestInput.load(SAMPLE_TRADES, SAMPLE_BALANCES, null, null).events(), MetricSettings.DEFAULTS).metrics();
    JsonNode metrics = json.get("metrics");
    assertThat(metrics.get("total_trades").asLong()).isEqualTo(expected.totalTrades()).isEqualTo(250);
    // Bit-identical after the JSON round trip: Jackson prints the shortest repr that reads back to the same double.
    assertThat(metrics.get("sharpe_ratio").doubleValue()).isEqualTo(expected.sharpeRatio());
    assertThat(metrics.get("max_drawdown").doubleValue()).isEqualTo(expected.maxDrawdown());
    assertThat(metrics.get("net_pnl").doubleValue()).isEqualTo(expected.netPnl());
    List<String> keys = new ArrayList<>();
    metrics.fieldNames().forEachRemaining(keys::add);
    assertThat(keys).contains("var_95", "cvar_95", "profit_factor", "max_drawdown_duration_days").hasSize(39);
    assertThat(json.get("periods").get("monthly")).isNotEmpty();
  }

  @Test
  void jsonReportShowsWhenTheLiveRiskRulesWouldHaveCutExposure() throws Exception {
    Run r = run("report", "--trades", SAMPLE_TRADES.toString(), "--balances", SAMPLE_BALANCES.toString(), "--json");
    assertThat(r.exit()).as(r.err()).isZero();
    JsonNode json = Json.mapper().readTree(r.out());
    ReportBuilder expected = new ReportBuilder(null, MetricSettings.DEFAULTS, RiskPolicy.DEFAULTS);
    BacktestInput.load(SAMPLE_TRADES, SAMPLE_BALANCES, null, null).events().forEach(expected::add);
    Report report = expected.build(List.of());
    assertThat(report.riskEvents()).isNotEmpty();
    String expectedEvents = Json.mapper().writerFor(new TypeReference<List<RiskEvent>>() {})
        .writeValueAsString(report.riskEvents());
    assertThat(json.get("risk_events")).isEqualTo(Json.mapper().readTree(expectedEvents));
    assertThat(json.get("exposure").doubleValue()).isEqualTo(report.exposure());
    JsonNode first = json.get("risk_events").get(0);
    assertThat(first.get("type").asText()).isIn("exposure_changed", "limit_changed");
    assertThat(first.get("figures").has("consecutive_losses")).isTrue();
    assertThat(first.get("limits").has("last_cut_at")).isTrue();
  }

  @Test
  void aRiskPolicyFileChangesTheDecisionsAndABadOneExitsTwoNamingTheKey() throws Exception {
    Path strict = dir.resolve("strict.conf");
    Files.writeString(strict, "trading-actors.risk.default {\n"
        + "  consecutive-losses.ladder = [{at = 1, exposure = 0.5}]\n"
        + "  recovery { cooldown = 0 seconds, wins-per-step = 1 }\n}\n");
    Run strictRun = run("report", "--trades", SAMPLE_TRADES.toString(), "--risk-policy", strict.toString(), "--json");
    Run defaultRun = run("report", "--trades", SAMPLE_TRADES.toString(), "--json");
    assertThat(strictRun.exit()).as(strictRun.err()).isZero();
    int strictCount = Json.mapper().readTree(strictRun.out()).get("risk_events").size();
    int defaultCount = Json.mapper().readTree(defaultRun.out()).get("risk_events").size();
    assertThat(strictCount).isGreaterThan(defaultCount);

    Path bad = dir.resolve("bad.conf");
    Files.writeString(bad, "trading-actors.risk.default.drawdown.hysteresys = 0.01\n");
    Run badRun = run("report", "--trades", SAMPLE_TRADES.toString(), "--risk-policy", bad.toString());
    assertThat(badRun.exit()).isEqualTo(2);
    assertThat(badRun.err()).contains("trading-actors.risk.default.drawdown.hysteresys: unknown key");
    assertThat(badRun.out()).isEmpty();

    Run missing = run("report", "--trades", SAMPLE_TRADES.toString(), "--risk-policy", "no-such.conf");
    assertThat(missing.exit()).isEqualTo(2);
    assertThat(missing.err()).contains("--risk-policy: no such file: no-such.conf");
  }

  @Test
  void textReportNamesTheMetrics() {
    Run r = run("report", "--trades", SAMPLE_TRADES.toString(), "--balances", SAMPLE_BALANCES.toString());
    assertThat(r.exit()).isZero();
    assertThat(r.out()).contains("sharpe_ratio", "max_drawdown", "win_rate", "Monthly:", "Exposure after the last event:");
  }

  @Test
  void withoutBalancesTheInitialBalanceDerivesThem() throws Exception {
    Run r = run("report", "--trades", SAMPLE_TRADES.toString(), "--initial-balance", "10000", "--json");
    assertThat(r.exit()).as(r.err()).isZero();
    JsonNode m = Json.mapper().readTree(r.out()).get("metrics");
    assertThat(m.get("initial_balance").doubleValue()).isEqualTo(10_000.0);
    assertThat(m.get("current_balance").doubleValue())
        .isCloseTo(10_000.0 + m.get("net_pnl").doubleValue(), org.assertj.core.data.Offset.offset(1e-6));
  }

  @Test
  void withoutAnyBalanceTheBalanceMetricsAreNull() throws Exception {
    Run r = run("report", "--trades", SAMPLE_TRADES.toString(), "--json");
    assertThat(r.exit()).isZero();
    JsonNode m = Json.mapper().readTree(r.out()).get("metrics");
    assertThat(m.get("sharpe_ratio").isNull()).isTrue();
    assertThat(m.get("initial_balance").isNull()).isTrue();
    assertThat(m.get("total_trades").asLong()).isEqualTo(250);
  }

  @Test
  void aBadRowExitsTwoNamingFileLineAndField() throws Exception {
    Path bad = dir.resolve("bad.csv");
    Files.writeString(bad,
        "trade_id,symbol,side,entry_time,exit_time,entry_price,exit_price,quantity,pnl,fees,slippage\n"
            + "t1,BTC,long,2025-01-01T00:00:00Z,2025-01-01T01:00:00Z,100,101,1,1,0,0\n"
            + "t2,BTC,long,2025-01-01T00:00:00Z,2025-01-01T01:00:00Z,100,101,1,NaN,0,0\n");
    Run r = run("report", "--trades", bad.toString());
    assertThat(r.exit()).isEqualTo(2);
    assertThat(r.err()).contains("bad.csv:3").contains("pnl");
    assertThat(r.out()).isEmpty();
  }

  @Test
  void aNegativeBalanceExitsTwo() throws Exception {
    Path balances = dir.resolve("balances.csv");
    Files.writeString(balances, "time,balance\n2025-01-01T00:00:00Z,1000\n2025-01-02T00:00:00Z,-5\n");
    Run r = run("report", "--trades", SAMPLE_TRADES.toString(), "--balances", balances.toString());
    assertThat(r.exit()).isEqualTo(2);
    assertThat(r.err()).contains("balances.csv:3").contains("balance");
  }

  @Test
  void badUsageExitsTwo() {
    assertThat(run("report").exit()).isEqualTo(2);
    assertThat(run("report", "--trades", SAMPLE_TRADES.toString(), "--periods-per-year", "0").exit()).isEqualTo(2);
    assertThat(run("report", "--trades", SAMPLE_TRADES.toString(), "--period", "fortnightly").exit()).isEqualTo(2);
    Run both = run("report", "--trades", SAMPLE_TRADES.toString(), "--balances", SAMPLE_BALANCES.toString(),
        "--initial-balance", "5");
    assertThat(both.exit()).isEqualTo(2);
    assertThat(both.err()).contains("initial_balance");
  }

  @Test
  void aMissingFileExitsTwoNamingIt() {
    Run r = run("report", "--trades", dir.resolve("nope.csv").toString());
    assertThat(r.exit()).isEqualTo(2);
    assertThat(r.err()).contains("nope.csv");
  }
}
