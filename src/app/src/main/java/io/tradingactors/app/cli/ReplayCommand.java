package io.tradingactors.app.cli;

import io.tradingactors.actors.TradingActorsNode;
import io.tradingactors.actors.performance.StrategyIds;
import io.tradingactors.actors.replay.JournalReplay;
import io.tradingactors.domain.backtest.Report;
import io.tradingactors.domain.backtest.ReportBuilder;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code replay}: metrics rebuilt from the journal alone — every event read back through Persistence Query and
 * folded by the same builder as {@code report}, no snapshots, no actors — so it prints what {@code report} prints
 * for the same events, bit for bit.
 */
@Command(
    name = "replay",
    mixinStandardHelpOptions = true,
    description = "Rebuild metrics from the journal alone; the same output as report (--all: one per strategy).")
public final class ReplayCommand implements Callable<Integer> {

  @Spec CommandLine.Model.CommandSpec spec;

  @CommandLine.ArgGroup(exclusive = true)
  Which which;

  static final class Which {
    @Option(names = "--strategy", required = true, paramLabel = "ID",
        description = "One strategy, or one backtest run as ID@RUN.")
    String strategy;

    @Option(names = "--all", required = true,
        description = "Every strategy and backtest run in the journal (the default); --json prints an array.")
    boolean all;
  }

  @Mixin NodeOptions node;

  @Mixin MetricOptions output;

  @Override
  public Integer call() throws Exception {
    var settings = output.settings();
    var breakdown = output.breakdown();
    var config = node.existingJournal();
    String one = which == null ? null : which.strategy;
    List<Report> reports = new ArrayList<>();
    try (TradingActorsNode n = TradingActorsNode.start(config)) {
      JournalReplay journal = new JournalReplay(n.system());
      List<String> ids = one != null ? List.of(one) : journal.strategyIds().toCompletableFuture().join();
      for (String id : ids) {
        long total = journal.eventCount(id).toCompletableFuture().join();
        if (total == 0 && one != null) {
          throw new CommandLine.ParameterException(
              spec.commandLine(), "--strategy: no events for '" + id + "' in the journal");
        }
        // The risk rules this node would apply to the strategy (its --config), at each event's time.
        ReportBuilder builder =
            new ReportBuilder(id, settings, n.riskPolicies().forStrategy(StrategyIds.strategyOf(id)));
        try (Progress progress = Progress.start("replay " + id, total, node.noProgress)) {
          journal.replay(id, e -> {
            builder.add(e);
            progress.stepBy(1);
          }).toCompletableFuture().join();
        }
        reports.add(builder.build(breakdown));
      }
    }
    if (reports.isEmpty()) {
      spec.commandLine().getErr().println("the journal holds no strategy");
      if (output.json) {
        output.print(reports, true);
      }
      return ExitCodes.OK;
    }
    output.print(reports, one == null);
    return ExitCodes.OK;
  }
}
