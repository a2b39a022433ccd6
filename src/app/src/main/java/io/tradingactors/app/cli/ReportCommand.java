package io.tradingactors.app.cli;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigException;
import com.typesafe.config.ConfigFactory;
import io.tradingactors.actors.risk.RiskPolicies;
import io.tradingactors.domain.backtest.BacktestInput;
import io.tradingactors.domain.backtest.ReportBuilder;
import io.tradingactors.domain.event.PerformanceEvent;
import io.tradingactors.domain.risk.RiskPolicy;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code report}: the backtest path — files folded by the same fold as the live actor, no actors, no database. */
@Command(
    name = "report",
    mixinStandardHelpOptions = true,
    description = "Print the metrics of a backtest's trades (and balances) without actors or a database.")
public final class ReportCommand implements Callable<Integer> {

  @Spec CommandSpec spec;

  @Mixin BacktestFiles files;

  @Mixin MetricOptions output;

  @Option(names = "--strategy", paramLabel = "ID",
      description = "The strategy to report when the trades file holds several (strategy_id column).")
  String strategy;

  @Option(names = "--risk-policy", paramLabel = "FILE",
      description = "A HOCON file with a trading-actors.risk block (the format of hocon/risk-policy.conf) for the"
          + " exposure and risk_events of the report; default: the bundled policy.")
  Path riskPolicy;

  @Override
  public Integer call() throws Exception {
    var settings = output.settings();
    var breakdown = output.breakdown();
    BacktestInput input = files.load(strategy);
    ReportBuilder builder = new ReportBuilder(input.strategyId(), settings, riskPolicy(input.strategyId()));
    for (PerformanceEvent e : input.events()) {
      builder.add(e);
    }
    output.print(List.of(builder.build(breakdown)), false);
    return ExitCodes.OK;
  }

  /** The policy the live node would apply to {@code strategyId} (the default one for a file without an id). */
  private RiskPolicy riskPolicy(String strategyId) {
    Config bundled = ConfigFactory.parseResources("risk-policy.conf");
    Config config = bundled;
    if (riskPolicy != null) {
      if (!Files.isRegularFile(riskPolicy)) {
        throw new CommandLine.ParameterException(
            spec.commandLine(), "--risk-policy: no such file: " + riskPolicy);
      }
      try {
        config = ConfigFactory.parseFile(riskPolicy.toFile()).withFallback(bundled);
      } catch (ConfigException e) {
        throw new CommandLine.ParameterException(
            spec.commandLine(), "--risk-policy: " + riskPolicy + ": " + e.getMessage());
      }
    }
    RiskPolicies policies = RiskPolicies.load(config.resolve());
    return strategyId == null ? policies.defaultPolicy() : policies.forStrategy(strategyId);
  }
}
