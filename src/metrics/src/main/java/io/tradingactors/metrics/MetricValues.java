package io.tradingactors.metrics;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The metrics of a {@link PerformanceMetrics} by their DESIGN §3 names, for code that treats every metric alike (the
 * drift comparison, its configuration). Counts become doubles; an undefined value stays null.
 */
public final class MetricValues {

  /** Every metric name of DESIGN §3, in the order of its lists (and of {@link PerformanceMetrics}'s components). */
  public static final List<String> NAMES =
      List.of(
          "total_trades", "winning_trades", "losing_trades", "breakeven_trades", "win_rate", "gross_profit",
          "gross_loss", "net_pnl", "profit_factor", "expectancy", "expectancy_ratio", "avg_win", "avg_loss",
          "largest_win", "largest_loss", "max_consecutive_wins", "max_consecutive_losses", "consecutive_wins",
          "consecutive_losses", "avg_trade_duration_hours", "trades_per_day", "total_fees", "total_slippage",
          "avg_rr", "initial_balance", "current_balance", "peak_balance", "total_return", "cagr",
          "annual_volatility", "sharpe_ratio", "sortino_ratio", "calmar_ratio", "var_95", "cvar_95", "max_drawdown",
          "current_drawdown", "max_drawdown_duration_days", "days_since_peak");

  private MetricValues() {}

  /** Each metric of {@code m} under its name, in {@link #NAMES} order. */
  public static Map<String, Double> of(PerformanceMetrics m) {
    Double[] values = {
      (double) m.totalTrades(), (double) m.winningTrades(), (double) m.losingTrades(), (double) m.breakevenTrades(),
      m.winRate(), m.grossProfit(), m.grossLoss(), m.netPnl(), m.profitFactor(), m.expectancy(),
      m.expectancyRatio(), m.avgWin(), m.avgLoss(), m.largestWin(), m.largestLoss(),
      (double) m.maxConsecutiveWins(), (double) m.maxConsecutiveLosses(), (double) m.consecutiveWins(),
      (double) m.consecutiveLosses(), m.avgTradeDurationHours(), m.tradesPerDay(), m.totalFees(),
      m.totalSlippage(), m.avgRr(), m.initialBalance(), m.currentBalance(), m.peakBalance(), m.totalReturn(),
      m.cagr(), m.annualVolatility(), m.sharpeRatio(), m.sortinoRatio(), m.calmarRatio(), m.var95(), m.cvar95(),
      m.maxDrawdown(), m.currentDrawdown(), m.maxDrawdownDurationDays(), m.daysSincePeak()
    };
    Map<String, Double> out = new LinkedHashMap<>();
    for (int i = 0; i < NAMES.size(); i++) {
      out.put(NAMES.get(i), values[i]);
    }
    return out;
  }
}
