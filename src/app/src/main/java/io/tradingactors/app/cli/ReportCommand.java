package io.tradingactors.app.cli;

import io.tradingactors.domain.backtest.BacktestInput;
import io.tradingactors.domain.backtest.Report;
import io.tradingactors.domain.backtest.ReportBuilder;
import io.tradingactors.domain.event.PerformanceEvent;
import io.tradingactors.domain.json.Json;
import io.tradingactors.metrics.MetricSettings;
import io.tradingactors.metrics.Period;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code report}: the backtest path — files folded by the same fold as the live actor, no actors, no database. */
@Command(
    name = "report",
    mixinStandardHelpOptions = true,
    description = "Print the metrics of a backtest's trades (and balances) without actors or a database.")
public final class ReportCommand implements Callable<Integer> {

  @Spec picocli.CommandLine.Model.CommandSpec spec;

  @Option(names = "--trades", required = true, paramLabel = "FILE",
      description = "Trades: CSV with a header row, or JSON Lines (DESIGN §2).")
  Path trades;

  @Option(names = "--balances", paramLabel = "FILE",
      description = "Balances: CSV time,balance or JSON Lines. Without it, balances are derived from"
          + " --initial-balance plus cumulative pnl.")
  Path balances;

  @Option(names = "--initial-balance", paramLabel = "X",
      description = "Starting balance when no balances file is given.")
  Double initialBalance;

  @Option(names = "--periods-per-year", paramLabel = "N", defaultValue = "365",
      description = "Annualisation factor A (default ${DEFAULT-VALUE}; 252 for equities).")
  int periodsPerYear;

  @Option(names = "--risk-free-rate", paramLabel = "R", defaultValue = "0",
      description = "Annual risk-free rate for the Sharpe ratio, a fraction (default ${DEFAULT-VALUE}).")
  double riskFreeRate;

  @Option(names = "--mar", paramLabel = "R", defaultValue = "0",
      description = "Annual minimum acceptable return for the Sortino ratio, a fraction (default ${DEFAULT-VALUE}).")
  double mar;

  @Option(names = "--strategy", paramLabel = "ID",
      description = "The strategy to report when the trades file holds several (strategy_id column).")
  String strategy;

  @Option(names = "--period", paramLabel = "P", split = ",", defaultValue = "monthly",
      description = "Period breakdown(s): daily, weekly, monthly, yearly (default ${DEFAULT-VALUE}).")
  List<String> periods;

  @Option(names = "--json", description = "Print JSON: {\"metrics\": {…}, …} with the keys of DESIGN §3.")
  boolean json;

  @Override
  public Integer call() throws Exception {
    MetricSettings settings = CliSettings.metricSettings(spec, periodsPerYear, riskFreeRate, mar);
    List<Period> breakdown = CliSettings.periods(spec, periods);
    BacktestInput input = BacktestInput.load(trades, balances, initialBalance, strategy);
    ReportBuilder builder = new ReportBuilder(input.strategyId(), settings);
    for (PerformanceEvent e : input.events()) {
      builder.add(e);
    }
    Report report = builder.build(breakdown);
    PrintWriter out = spec.commandLine().getOut();
    if (json) {
      out.println(Json.mapper().writerWithDefaultPrettyPrinter().writeValueAsString(report));
    } else {
      out.print(ReportText.render(report));
    }
    out.flush();
    return ExitCodes.OK;
  }
}
