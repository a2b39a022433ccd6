package io.tradingactors.app.cli;

import com.fasterxml.jackson.core.type.TypeReference;
import io.tradingactors.domain.backtest.Report;
import io.tradingactors.domain.risk.ExposureChanged;
import io.tradingactors.domain.risk.RiskEvent;
import io.tradingactors.domain.json.Json;
import io.tradingactors.metrics.PeriodRow;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/** The human-readable form of a {@link Report}: the same names as the JSON, fractions shown as percentages. */
final class ReportText {

  /** Metrics that are fractions in JSON and read better as percentages on a terminal. */
  private static final Set<String> FRACTIONS =
      Set.of("win_rate", "total_return", "cagr", "annual_volatility", "var_95", "cvar_95", "max_drawdown",
          "current_drawdown");

  private ReportText() {}

  static String render(Report r) {
    StringBuilder out = new StringBuilder();
    out.append("Strategy: ").append(r.strategyId() == null ? "(unnamed)" : r.strategyId()).append('\n');
    out.append(String.format(Locale.ROOT, "Events:   %d trades, %d balance observations, as of %s%n",
        r.trades(), r.balances(), r.asOf() == null ? "-" : r.asOf()));
    out.append(String.format(Locale.ROOT, "Settings: A=%d, risk-free %s, MAR %s%n%n",
        r.settings().periodsPerYear(), r.settings().riskFreeRate(), r.settings().minimumAcceptableReturn()));
    Map<String, Object> metrics =
        Json.mapper().convertValue(r.metrics(), new TypeReference<LinkedHashMap<String, Object>>() {});
    out.append("Metric                        Value\n");
    out.append("----------------------------  -------------------\n");
    metrics.forEach((name, value) ->
        out.append(String.format(Locale.ROOT, "%-28s  %s%n", name, format(name, value))));
    out.append('\n');
    out.append(String.format(Locale.ROOT, "Last 7 days:  %s%n", window(r.rolling7d())));
    out.append(String.format(Locale.ROOT, "Last 30 days: %s%n", window(r.rolling30d())));
    r.periods().forEach((name, rows) -> out.append(periodTable(name, rows)));
    out.append(riskTable(r));
    return out.toString();
  }

  /** The risk decisions the live rules would have taken, each on one line, and the exposure they leave. */
  private static String riskTable(Report r) {
    StringBuilder out = new StringBuilder();
    out.append(String.format(Locale.ROOT, "%nExposure after the last event: %s (%d risk decision%s)%n",
        r.exposure(), r.riskEvents().size(), r.riskEvents().size() == 1 ? "" : "s"));
    for (RiskEvent e : r.riskEvents()) {
      String move = e instanceof ExposureChanged x
          ? String.format(Locale.ROOT, "exposure %s -> %s", x.from(), x.to())
          : "limit only";
      out.append(String.format(Locale.ROOT, "  %s  %-22s %s%n", e.at(), move, e.reason()));
    }
    return out.toString();
  }

  private static String window(io.tradingactors.metrics.WindowStatistics w) {
    return String.format(Locale.ROOT, "%d trades, win rate %s, profit factor %s, net pnl %.2f, sharpe (30 d) %s",
        w.trades(), pct(w.winRate()), num(w.profitFactor()), w.netPnl(), num(w.sharpe()));
  }

  private static String periodTable(String name, List<PeriodRow> rows) {
    StringBuilder out = new StringBuilder();
    out.append('\n').append(Character.toUpperCase(name.charAt(0))).append(name.substring(1)).append(":\n");
    out.append("Start        Return     Trades  Win rate  Net pnl        Profit factor\n");
    for (PeriodRow p : rows) {
      out.append(String.format(Locale.ROOT, "%-12s %-10s %6d  %-8s  %-13.2f  %s%n",
          p.start(), pct(p.periodReturn()), p.trades(), pct(p.winRate()), p.netPnl(), num(p.profitFactor())));
    }
    return out.toString();
  }

  private static String format(String name, Object value) {
    if (value == null) {
      return "n/a";
    }
    if (value instanceof Number n && FRACTIONS.contains(name)) {
      return pct(n.doubleValue());
    }
    if (value instanceof Double || value instanceof Float) {
      return String.format(Locale.ROOT, "%.4f", ((Number) value).doubleValue());
    }
    return String.valueOf(value);
  }

  private static String pct(Double v) {
    return v == null ? "n/a" : String.format(Locale.ROOT, "%.2f%%", v * 100);
  }

  private static String num(Double v) {
    return v == null ? "n/a" : String.format(Locale.ROOT, "%.4f", v);
  }
}
