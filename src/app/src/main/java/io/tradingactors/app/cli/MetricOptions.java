package io.tradingactors.app.cli;

import io.tradingactors.domain.backtest.Report;
import io.tradingactors.domain.json.Json;
import io.tradingactors.metrics.MetricSettings;
import io.tradingactors.metrics.Period;
import java.io.PrintWriter;
import java.util.List;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** The conventions and output options of the commands that print metrics ({@code report}, {@code replay}). */
final class MetricOptions {

  @Spec(Spec.Target.MIXEE)
  CommandSpec spec;

  @Option(names = "--periods-per-year", paramLabel = "N", defaultValue = "365",
      description = "Annualisation factor A (default ${DEFAULT-VALUE}; 252 for equities).")
  int periodsPerYear;

  @Option(names = "--risk-free-rate", paramLabel = "R", defaultValue = "0",
      description = "Annual risk-free rate for the Sharpe ratio, a fraction (default ${DEFAULT-VALUE}).")
  double riskFreeRate;

  @Option(names = "--mar", paramLabel = "R", defaultValue = "0",
      description = "Annual minimum acceptable return for the Sortino ratio, a fraction (default ${DEFAULT-VALUE}).")
  double mar;

  @Option(names = "--period", paramLabel = "P", split = ",", defaultValue = "monthly",
      description = "Period breakdown(s): daily, weekly, monthly, yearly (default ${DEFAULT-VALUE}).")
  List<String> periods;

  @Option(names = "--json", description = "Print JSON: {\"metrics\": {…}, …} with the keys of DESIGN §3.")
  boolean json;

  MetricSettings settings() {
    return CliSettings.metricSettings(spec, periodsPerYear, riskFreeRate, mar);
  }

  List<Period> breakdown() {
    return CliSettings.periods(spec, periods);
  }

  /** Prints reports as text, or as JSON: one report as an object, several as an array. */
  void print(List<Report> reports, boolean asArray) throws Exception {
    PrintWriter out = spec.commandLine().getOut();
    if (json) {
      Object value = asArray ? reports : reports.get(0);
      out.println(Json.mapper().writerWithDefaultPrettyPrinter().writeValueAsString(value));
    } else {
      for (Report r : reports) {
        out.print(ReportText.render(r));
      }
    }
    out.flush();
  }
}
