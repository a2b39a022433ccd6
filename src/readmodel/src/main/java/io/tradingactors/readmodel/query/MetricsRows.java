package io.tradingactors.readmodel.query;

import io.tradingactors.metrics.MetricValues;
import io.tradingactors.metrics.PerformanceMetrics;
import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;

/**
 * Reading the read model's metric columns back: a NULL is an undefined value (a null, never 0), and a profit factor,
 * stored as NUMERIC(10,4), comes back through {@link BigDecimal} so no driver's idea of a NUMERIC-to-double conversion
 * decides its value.
 */
final class MetricsRows {

  /** The columns of a performance_metrics row that hold DESIGN §3's metrics, in §3 order. */
  static final String COLUMNS = String.join(", ", MetricValues.NAMES);

  private MetricsRows() {}

  static Double nullableDouble(ResultSet rs, String column) throws SQLException {
    double v = rs.getDouble(column);
    return rs.wasNull() ? null : v;
  }

  static Double numeric(ResultSet rs, String column) throws SQLException {
    BigDecimal v = rs.getBigDecimal(column);
    return v == null ? null : v.doubleValue();
  }

  /** The metrics of the current row, which holds at least {@link #COLUMNS}. */
  static PerformanceMetrics metrics(ResultSet rs) throws SQLException {
    return new PerformanceMetrics(
        rs.getLong("total_trades"),
        rs.getLong("winning_trades"),
        rs.getLong("losing_trades"),
        rs.getLong("breakeven_trades"),
        nullableDouble(rs, "win_rate"),
        rs.getDouble("gross_profit"),
        rs.getDouble("gross_loss"),
        rs.getDouble("net_pnl"),
        numeric(rs, "profit_factor"),
        nullableDouble(rs, "expectancy"),
        nullableDouble(rs, "expectancy_ratio"),
        nullableDouble(rs, "avg_win"),
        nullableDouble(rs, "avg_loss"),
        nullableDouble(rs, "largest_win"),
        nullableDouble(rs, "largest_loss"),
        rs.getLong("max_consecutive_wins"),
        rs.getLong("max_consecutive_losses"),
        rs.getLong("consecutive_wins"),
        rs.getLong("consecutive_losses"),
        nullableDouble(rs, "avg_trade_duration_hours"),
        rs.getDouble("trades_per_day"),
        rs.getDouble("total_fees"),
        rs.getDouble("total_slippage"),
        nullableDouble(rs, "avg_rr"),
        nullableDouble(rs, "initial_balance"),
        nullableDouble(rs, "current_balance"),
        nullableDouble(rs, "peak_balance"),
        nullableDouble(rs, "total_return"),
        nullableDouble(rs, "cagr"),
        nullableDouble(rs, "annual_volatility"),
        nullableDouble(rs, "sharpe_ratio"),
        nullableDouble(rs, "sortino_ratio"),
        nullableDouble(rs, "calmar_ratio"),
        nullableDouble(rs, "var_95"),
        nullableDouble(rs, "cvar_95"),
        nullableDouble(rs, "max_drawdown"),
        nullableDouble(rs, "current_drawdown"),
        nullableDouble(rs, "max_drawdown_duration_days"),
        nullableDouble(rs, "days_since_peak"));
  }
}
