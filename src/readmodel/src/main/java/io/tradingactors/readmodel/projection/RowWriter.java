package io.tradingactors.readmodel.projection;

import io.tradingactors.domain.risk.ExposureChanged;
import io.tradingactors.metrics.MetricValues;
import io.tradingactors.metrics.PerformanceMetrics;
import io.tradingactors.metrics.WindowStatistics;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Writes {@link Rows} with one batched statement per table, in the projection's transaction. Inserting a row that is
 * already there changes nothing, so replaying the journal into existing tables is safe. On PostgreSQL (where a
 * cluster of nodes shares the tables) an upsert replaces a row only with one from the same or a later journal
 * position, so a stale writer (a projection instance that lost its slice to another node and has not noticed yet)
 * cannot move a row back in time; the embedded H2 database serves one node, so its MERGE needs no such guard.
 */
public class RowWriter {

  /** The metric columns of performance_metrics: named as DESIGN §3, in the order {@link #bindMetrics} binds them. */
  static final List<String> METRIC_COLUMNS = MetricValues.NAMES;

  private static final List<String> WINDOW_KEY = List.of("strategy_id", "run", "rolling_window");
  private static final List<String> WINDOW_VALUES =
      List.of("trade_count", "win_rate", "profit_factor", "avg_rr", "net_pnl", "sharpe", "as_of", "last_sequence_nr",
          "updated_at");
  private static final List<String> PERIOD_KEY = List.of("strategy_id", "run", "period", "period_start");
  private static final List<String> HISTORY_COLUMNS =
      List.of("strategy_id", "run", "sequence_nr", "recorded_at", "cause", "trade_id", "balance", "peak_balance",
          "drawdown", "max_drawdown", "total_return", "net_pnl", "sharpe_ratio", "sortino_ratio", "calmar_ratio");
  private static final List<String> RISK_COLUMNS =
      List.of("strategy_id", "sequence_nr", "occurred_at", "exposure_from", "exposure_to", "rule", "reason",
          "snapshot_sequence_nr");

  private final String upsertWindow;
  private final String upsertPeriod;
  private final String insertHistory;
  private final String insertRisk;

  public RowWriter(String dialect) {
    List<String> periodValues = new ArrayList<>(List.of("period_end", "period_return"));
    periodValues.addAll(METRIC_COLUMNS);
    periodValues.addAll(List.of("as_of", "last_sequence_nr", "updated_at"));
    boolean postgres = "postgres".equals(dialect);
    if (!postgres && !"h2".equals(dialect)) {
      throw new IllegalArgumentException("read model dialect must be h2 or postgres, got " + dialect);
    }
    upsertWindow = postgres
        ? Sql.postgresUpsert("strategy_performance", WINDOW_KEY, WINDOW_VALUES)
        : Sql.h2Merge("strategy_performance", concat(WINDOW_KEY, WINDOW_VALUES), WINDOW_KEY);
    upsertPeriod = postgres
        ? Sql.postgresUpsert("performance_metrics", PERIOD_KEY, periodValues)
        : Sql.h2Merge("performance_metrics", concat(PERIOD_KEY, periodValues), PERIOD_KEY);
    insertHistory = postgres
        ? Sql.postgresInsertIfAbsent("account_history", HISTORY_COLUMNS, List.of("strategy_id", "run", "sequence_nr"))
        : Sql.h2Merge("account_history", HISTORY_COLUMNS, List.of("strategy_id", "run", "sequence_nr"));
    insertRisk = postgres
        ? Sql.postgresInsertIfAbsent("risk_events", RISK_COLUMNS, List.of("strategy_id", "sequence_nr"))
        : Sql.h2Merge("risk_events", RISK_COLUMNS, List.of("strategy_id", "sequence_nr"));
  }

  /** Writes every row; {@code now} is what updated_at says. */
  public void write(Connection c, Rows rows, Instant now) throws SQLException {
    if (!rows.windows().isEmpty()) {
      try (PreparedStatement ps = c.prepareStatement(upsertWindow)) {
        for (Rows.WindowRow r : rows.windows()) {
          WindowStatistics w = r.stats();
          int p = key(ps, r.track(), 1);
          ps.setString(p++, r.window());
          ps.setLong(p++, w.trades());
          p = setDouble(ps, p, w.winRate());
          p = setProfitFactor(ps, p, w.profitFactor());
          p = setDouble(ps, p, w.avgRr());
          ps.setDouble(p++, w.netPnl());
          p = setDouble(ps, p, w.sharpe());
          p = setTime(ps, p, r.asOf());
          ps.setLong(p++, r.sequenceNr());
          setTime(ps, p, now);
          ps.addBatch();
        }
        ps.executeBatch();
      }
    }
    if (!rows.periods().isEmpty()) {
      try (PreparedStatement ps = c.prepareStatement(upsertPeriod)) {
        for (Rows.PeriodRow r : rows.periods()) {
          int p = key(ps, r.track(), 1);
          ps.setString(p++, r.period());
          ps.setDate(p++, Date.valueOf(r.periodStart()));
          if (r.periodEnd() == null) {
            ps.setNull(p++, Types.DATE);
          } else {
            ps.setDate(p++, Date.valueOf(r.periodEnd()));
          }
          p = setDouble(ps, p, r.periodReturn());
          p = bindMetrics(ps, p, r.metrics());
          p = setTime(ps, p, r.asOf());
          ps.setLong(p++, r.sequenceNr());
          setTime(ps, p, now);
          ps.addBatch();
        }
        ps.executeBatch();
      }
    }
    if (!rows.history().isEmpty()) {
      try (PreparedStatement ps = c.prepareStatement(insertHistory)) {
        for (Rows.HistoryRow r : rows.history()) {
          PerformanceMetrics m = r.metrics();
          int p = key(ps, r.track(), 1);
          ps.setLong(p++, r.sequenceNr());
          p = setTime(ps, p, r.recordedAt());
          ps.setString(p++, r.cause());
          ps.setString(p++, r.tradeId());
          p = setDouble(ps, p, m.currentBalance());
          p = setDouble(ps, p, m.peakBalance());
          p = setDouble(ps, p, m.currentDrawdown());
          p = setDouble(ps, p, m.maxDrawdown());
          p = setDouble(ps, p, m.totalReturn());
          ps.setDouble(p++, m.netPnl());
          p = setDouble(ps, p, m.sharpeRatio());
          p = setDouble(ps, p, m.sortinoRatio());
          setDouble(ps, p, m.calmarRatio());
          ps.addBatch();
        }
        ps.executeBatch();
      }
    }
    if (!rows.risk().isEmpty()) {
      try (PreparedStatement ps = c.prepareStatement(insertRisk)) {
        for (Rows.RiskRow r : rows.risk()) {
          ExposureChanged e = r.event();
          ps.setString(1, r.strategyId());
          ps.setLong(2, r.sequenceNr());
          setTime(ps, 3, e.at());
          ps.setDouble(4, e.from());
          ps.setDouble(5, e.to());
          ps.setString(6, e.rule());
          ps.setString(7, e.reason());
          ps.setLong(8, e.snapshotSequenceNr());
          ps.addBatch();
        }
        ps.executeBatch();
      }
    }
  }

  private static List<String> concat(List<String> a, List<String> b) {
    List<String> all = new ArrayList<>(a);
    all.addAll(b);
    return all;
  }

  private static int key(PreparedStatement ps, Track track, int p) throws SQLException {
    ps.setString(p, track.strategyId());
    ps.setString(p + 1, track.run());
    return p + 2;
  }

  /** Binds {@link #METRIC_COLUMNS} from {@code p}; returns the next parameter index. */
  static int bindMetrics(PreparedStatement ps, int p, PerformanceMetrics m) throws SQLException {
    ps.setLong(p++, m.totalTrades());
    ps.setLong(p++, m.winningTrades());
    ps.setLong(p++, m.losingTrades());
    ps.setLong(p++, m.breakevenTrades());
    p = setDouble(ps, p, m.winRate());
    ps.setDouble(p++, m.grossProfit());
    ps.setDouble(p++, m.grossLoss());
    ps.setDouble(p++, m.netPnl());
    p = setProfitFactor(ps, p, m.profitFactor());
    p = setDouble(ps, p, m.expectancy());
    p = setDouble(ps, p, m.expectancyRatio());
    p = setDouble(ps, p, m.avgWin());
    p = setDouble(ps, p, m.avgLoss());
    p = setDouble(ps, p, m.largestWin());
    p = setDouble(ps, p, m.largestLoss());
    ps.setLong(p++, m.maxConsecutiveWins());
    ps.setLong(p++, m.maxConsecutiveLosses());
    ps.setLong(p++, m.consecutiveWins());
    ps.setLong(p++, m.consecutiveLosses());
    p = setDouble(ps, p, m.avgTradeDurationHours());
    ps.setDouble(p++, m.tradesPerDay());
    ps.setDouble(p++, m.totalFees());
    ps.setDouble(p++, m.totalSlippage());
    p = setDouble(ps, p, m.avgRr());
    p = setDouble(ps, p, m.initialBalance());
    p = setDouble(ps, p, m.currentBalance());
    p = setDouble(ps, p, m.peakBalance());
    p = setDouble(ps, p, m.totalReturn());
    p = setDouble(ps, p, m.cagr());
    p = setDouble(ps, p, m.annualVolatility());
    p = setDouble(ps, p, m.sharpeRatio());
    p = setDouble(ps, p, m.sortinoRatio());
    p = setDouble(ps, p, m.calmarRatio());
    p = setDouble(ps, p, m.var95());
    p = setDouble(ps, p, m.cvar95());
    p = setDouble(ps, p, m.maxDrawdown());
    p = setDouble(ps, p, m.currentDrawdown());
    p = setDouble(ps, p, m.maxDrawdownDurationDays());
    return setDouble(ps, p, m.daysSincePeak());
  }

  private static int setDouble(PreparedStatement ps, int p, Double v) throws SQLException {
    if (v == null) {
      ps.setNull(p, Types.DOUBLE);
    } else {
      ps.setDouble(p, v);
    }
    return p + 1;
  }

  /** NUMERIC(10,4): DESIGN §3's cap (9999.9999) always fits; rounded half-up, as a person reads 4 decimals. */
  static int setProfitFactor(PreparedStatement ps, int p, Double v) throws SQLException {
    if (v == null) {
      ps.setNull(p, Types.NUMERIC);
    } else {
      ps.setBigDecimal(p, profitFactorColumn(v));
    }
    return p + 1;
  }

  public static BigDecimal profitFactorColumn(double profitFactor) {
    return BigDecimal.valueOf(profitFactor).setScale(4, RoundingMode.HALF_UP);
  }

  private static int setTime(PreparedStatement ps, int p, Instant t) throws SQLException {
    if (t == null) {
      ps.setNull(p, Types.TIMESTAMP_WITH_TIMEZONE);
    } else {
      ps.setObject(p, t.atOffset(java.time.ZoneOffset.UTC));
    }
    return p + 1;
  }
}
