package io.tradingactors.readmodel.testing;

import io.tradingactors.metrics.MetricValues;
import io.tradingactors.metrics.PerformanceMetrics;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.sql.DataSource;

/**
 * Rows written straight into the read model's tables, as the projection would write them, for tests of what reads
 * them (the selection queries, the API's routes). Plain unquoted SQL: it runs on H2 and PostgreSQL alike.
 */
public final class ReadModelRows {

  private static final Set<String> COUNTS =
      Set.of("total_trades", "winning_trades", "losing_trades", "breakeven_trades", "max_consecutive_wins",
          "max_consecutive_losses", "consecutive_wins", "consecutive_losses");

  private ReadModelRows() {}

  /** Deletes every row of the two tables the selection reads. */
  public static void clear(DataSource ds) {
    try (Connection c = ds.getConnection(); Statement st = c.createStatement()) {
      st.executeUpdate("DELETE FROM strategy_performance");
      st.executeUpdate("DELETE FROM performance_metrics");
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  /** The live track's 30-day window row. */
  public static void liveWindow(DataSource ds, String strategyId, long trades, Double winRate, Double profitFactor,
      Double avgRr) {
    window(ds, strategyId, "", "30d", trades, winRate, profitFactor, avgRr);
  }

  /** A strategy_performance row. */
  public static void window(DataSource ds, String strategyId, String run, String window, long trades, Double winRate,
      Double profitFactor, Double avgRr) {
    String sql = "INSERT INTO strategy_performance (strategy_id, run, rolling_window, trade_count, win_rate,"
        + " profit_factor, avg_rr, net_pnl, sharpe, as_of, last_sequence_nr, updated_at)"
        + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";
    OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
    try (Connection c = ds.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
      ps.setString(1, strategyId);
      ps.setString(2, run);
      ps.setString(3, window);
      ps.setLong(4, trades);
      setDouble(ps, 5, winRate);
      setNumeric(ps, 6, profitFactor);
      setDouble(ps, 7, avgRr);
      ps.setDouble(8, 0.0);
      ps.setNull(9, Types.DOUBLE);
      ps.setObject(10, now);
      ps.setLong(11, trades);
      ps.setObject(12, now);
      ps.executeUpdate();
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  /** The all_time performance_metrics row of a track ({@code run} '' for live), last updated at {@code updatedAt}. */
  public static void allTime(DataSource ds, String strategyId, String run, PerformanceMetrics m, Instant updatedAt) {
    List<String> names = MetricValues.NAMES;
    String sql = "INSERT INTO performance_metrics (strategy_id, run, period, period_start, period_end, period_return, "
        + String.join(", ", names) + ", as_of, last_sequence_nr, updated_at) VALUES (?, ?, 'all_time', ?, NULL, NULL"
        + ", ?".repeat(names.size()) + ", ?, ?, ?)";
    Map<String, Double> values = MetricValues.of(m);
    try (Connection c = ds.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
      int i = 1;
      ps.setString(i++, strategyId);
      ps.setString(i++, run);
      ps.setObject(i++, LocalDate.of(1970, 1, 1));
      for (String name : names) {
        Double v = values.get(name);
        if (COUNTS.contains(name)) {
          ps.setLong(i++, v.longValue());
        } else if (name.equals("profit_factor")) {
          setNumeric(ps, i++, v);
        } else {
          setDouble(ps, i++, v);
        }
      }
      ps.setObject(i++, updatedAt.atOffset(ZoneOffset.UTC));
      ps.setLong(i++, m.totalTrades());
      ps.setObject(i, updatedAt.atOffset(ZoneOffset.UTC));
      ps.executeUpdate();
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  /**
   * Metrics with the given score inputs; the rest plausible, with the balance ratios undefined (null) as after a
   * short track.
   */
  public static PerformanceMetrics metrics(long trades, Double winRate, Double profitFactor, Double avgRr) {
    long wins = winRate == null ? 0 : Math.round(winRate * trades);
    return new PerformanceMetrics(trades, wins, trades - wins, 0, winRate, 100.0 * wins, 50.0 * (trades - wins),
        100.0 * wins - 50.0 * (trades - wins), profitFactor, trades == 0 ? null : 10.0, null, null, null, null, null,
        wins, trades - wins, 0, 0, trades == 0 ? null : 2.0, trades, 1.0, 0.5, avgRr, 1000.0, 1100.0, 1200.0, 0.1,
        null, null, null, null, null, null, null, 0.2, 0.05, 3.0, 1.0);
  }

  private static void setDouble(PreparedStatement ps, int index, Double v) throws SQLException {
    if (v == null) {
      ps.setNull(index, Types.DOUBLE);
    } else {
      ps.setDouble(index, v);
    }
  }

  /** NUMERIC(10,4), as the projection writes it: the double's shortest decimal form. */
  private static void setNumeric(PreparedStatement ps, int index, Double v) throws SQLException {
    if (v == null) {
      ps.setNull(index, Types.NUMERIC);
    } else {
      ps.setBigDecimal(index, BigDecimal.valueOf(v));
    }
  }
}
