package io.tradingactors.app.cli;

import io.tradingactors.domain.backtest.BacktestInput;
import io.tradingactors.domain.backtest.ReportBuilder;
import io.tradingactors.domain.risk.RiskPolicy;
import io.tradingactors.domain.event.PerformanceEvent;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code report}: the backtest path — files folded by the same fold as the live actor, no actors, no database. */
@Command(
    name = "report",
    mixinStandardHelpOptions = true,
    description = "Print the metrics of a backtest's trades (and balances) without actors or a database.")
public final class ReportCommand implements Callable<Integer> {

  @Mixin BacktestFiles files;

  @Mixin MetricOptions output;

  @Option(names = "--strategy", paramLabel = "ID",
      description = "The strategy to report when the trades file holds several (strategy_id column).")
  String strategy;

  @Override
  public Integer call() throws Exception {
    var settings = output.settings();
    var breakdown = output.breakdown();
    BacktestInput input = files.load(strategy);
    ReportBuilder builder = new ReportBuilder(input.strategyId(), settings, RiskPolicy.DEFAULTS);
    for (PerformanceEvent e : input.events()) {
      builder.add(e);
    }
    output.print(List.of(builder.build(breakdown)), false);
    return ExitCodes.OK;
  }
}
