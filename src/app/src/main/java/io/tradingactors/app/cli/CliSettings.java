package io.tradingactors.app.cli;

import io.tradingactors.metrics.MetricSettings;
import io.tradingactors.metrics.Period;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;

/** Option values shared by the commands that compute metrics, checked into exit-code-2 usage errors. */
final class CliSettings {

  private CliSettings() {}

  static MetricSettings metricSettings(CommandSpec spec, int periodsPerYear, double riskFree, double mar) {
    try {
      return new MetricSettings(periodsPerYear, riskFree, mar);
    } catch (IllegalArgumentException e) {
      throw new CommandLine.ParameterException(spec.commandLine(), e.getMessage());
    }
  }

  static List<Period> periods(CommandSpec spec, List<String> names) {
    List<Period> out = new ArrayList<>();
    for (String name : names) {
      try {
        out.add(Period.valueOf(name.trim().toUpperCase(Locale.ROOT)));
      } catch (IllegalArgumentException e) {
        throw new CommandLine.ParameterException(
            spec.commandLine(), "--period: unknown period '" + name + "' (daily, weekly, monthly, yearly)");
      }
    }
    return out;
  }
}
