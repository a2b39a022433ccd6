package io.tradingactors.readmodel.projection;

import io.tradingactors.metrics.PerformanceMetrics;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BooleanSupplier;
import javax.sql.DataSource;

/** Reads the read model's tables back for the tests, metric columns as the fold's records. */
final class TableRows {

  private final DataSource ds;

  TableRows(DataSource ds) {
    this.ds = ds;
  }

  record PeriodMetrics(String period, LocalDate start, LocalDate end, Double periodReturn, PerformanceMetrics m,
      long sequenceNr) {}

  record Window(long trades, Double winRate, Double profitFactor, Double avgRr, double netPnl, Double sharpe,
      long sequenceNr) {}

  List<PeriodMetrics> periods(String strategy, String run, String period) {
    return query(
        "SELECT * FROM performance_metrics WHERE strategy_id = ? AND run = ? AND period = ? ORDER BY period_start",
        rs -> new PeriodMetrics(rs.getString("period"), rs.getObject("period_start", LocalDate.class),
            rs.getObject("period_end", LocalDate.class), dbl(rs, "period_return"), metrics(rs),
            rs.getLong("last_sequence_nr")),
        strategy, run, period);
  }

  Window window(String strategy, String run, String window) {
    List<Window> rows = query(
        "SELECT * FROM strategy_performance WHERE strategy_id = ? AND run = ? AND rolling_window = ?",
        rs -> new Window(rs.getLong("trade_count"), dbl(rs, "win_rate"), pf(rs), dbl(rs, "avg_rr"),
            rs.getDouble("net_pnl"), dbl(rs, "sharpe"), rs.getLong("last_sequence_nr")),
        strategy, run, window);
    return rows.isEmpty() ? null : rows.get(0);
  }

  long count(String sql, Object... args) {
    return query(sql, rs -> rs.getLong(1), args).get(0);
  }

  /** Polls until {@code done}; fails the test after {@code timeout}. */
  static void await(Duration timeout, String what, BooleanSupplier done) throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (!done.getAsBoolean()) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("timed out after " + timeout + " waiting for " + what);
      }
      Thread.sleep(100);
    }
  }

  interface RowMapper<T> {
    T map(ResultSet rs) throws SQLException;
  }

  <T> List<T> query(String sql, RowMapper<T> mapper, Object... args) {
    try (Connection c = ds.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
      for (int i = 0; i < args.length; i++) {
        ps.setObject(i + 1, args[i]);
      }
      List<T> out = new ArrayList<>();
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          out.add(mapper.map(rs));
        }
      }
      return out;
    } catch (SQLException e) {
      throw new IllegalStateException(sql + ": " + e.getMessage(), e);
    }
  }

  static PerformanceMetrics metrics(ResultSet rs) throws SQLException {
    return new PerformanceMetrics(
        rs.getLong("total_trades"), rs.getLong("winning_trades"), rs.getLong("losing_trades"),
        rs.getLong("breakeven_trades"), dbl(rs, "win_rate"), rs.getDouble("gross_profit"),
        rs.getDouble("gross_loss"), rs.getDouble("net_pnl"), pf(rs), dbl(rs, "expectancy"),
        dbl(rs, "expectancy_ratio"), dbl(rs, "avg_win"), dbl(rs, "avg_loss"), dbl(rs, "largest_win"),
        dbl(rs, "largest_loss"), rs.getLong("max_consecutive_wins"), rs.getLong("max_consecutive_losses"),
        rs.getLong("consecutive_wins"), rs.getLong("consecutive_losses"), dbl(rs, "avg_trade_duration_hours"),
        rs.getDouble("trades_per_day"), rs.getDouble("total_fees"), rs.getDouble("total_slippage"),
        dbl(rs, "avg_rr"), dbl(rs, "initial_balance"), dbl(rs, "current_balance"), dbl(rs, "peak_balance"),
        dbl(rs, "total_return"), dbl(rs, "cagr"), dbl(rs, "annual_volatility"), dbl(rs, "sharpe_ratio"),
        dbl(rs, "sortino_ratio"), dbl(rs, "calmar_ratio"), dbl(rs, "var_95"), dbl(rs, "cvar_95"),
        dbl(rs, "max_drawdown"), dbl(rs, "current_drawdown"), dbl(rs, "max_drawdown_duration_days"),
        dbl(rs, "days_since_peak"));
  }

  static Double dbl(ResultSet rs, String column) throws SQLException {
    double v = rs.getDouble(column);
    return rs.wasNull() ? null : v;
  }

  static Double pf(ResultSet rs) throws SQLException {
    BigDecimal v = rs.getBigDecimal("profit_factor");
    return v == null ? null : v.doubleValue();
  }
}
