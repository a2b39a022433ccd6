package io.tradingactors.readmodel.query;

import io.tradingactors.metrics.DriftComparison;
import io.tradingactors.metrics.PerformanceMetrics;
import io.tradingactors.metrics.SelectionScore;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeSet;
import javax.sql.DataSource;

/**
 * The selection queries of the read model (docs/selection.md): a strategy's score, the ranking of every strategy and
 * the comparison of the live track with a backtest run. Plain blocking JDBC over the read model's pool, one read-only
 * transaction per call; the callers run it on threads of their own (the API: {@link SelectionSettings#DISPATCHER}).
 *
 * <p>Where the inputs come from:
 *
 * <ul>
 *   <li>live score: the strategy_performance row of the live track (run {@code ''}), window {@code 30d}: trade_count,
 *       win_rate, profit_factor, avg_rr;
 *   <li>backtest score: the run's performance_metrics {@code all_time} row: total_trades, win_rate, profit_factor,
 *       avg_rr. Without a named run, the strategy's run whose all_time row was updated last (the latest import; on a
 *       tie, the greatest run id);
 *   <li>comparison: the all_time rows of the live track and of the run, every metric of DESIGN §3.
 * </ul>
 *
 * The SQL is plain and unquoted, so it runs unchanged on H2 (where the tables' names are upper case) and PostgreSQL.
 * Thread-safe: it holds nothing but the pool and the settings.
 */
public final class ReadModelQueries {

  private static final String SCORE_COLUMNS = "win_rate, profit_factor, avg_rr";

  private static final String LIVE_WINDOWS =
      "SELECT strategy_id, trade_count, " + SCORE_COLUMNS + " FROM strategy_performance"
          + " WHERE run = '' AND rolling_window = '30d'";

  private static final String BACKTEST_RUNS =
      "SELECT strategy_id, run, total_trades, " + SCORE_COLUMNS + " FROM performance_metrics"
          + " WHERE strategy_id = ? AND period = 'all_time' AND run <> ''";

  /** Every strategy's latest backtest run (one query for the whole ranking, not one per strategy). */
  private static final String LATEST_RUNS =
      "SELECT strategy_id, run, total_trades, " + SCORE_COLUMNS + " FROM ("
          + "SELECT strategy_id, run, total_trades, " + SCORE_COLUMNS + ", ROW_NUMBER() OVER ("
          + "PARTITION BY strategy_id ORDER BY updated_at DESC, run DESC) AS recency"
          + " FROM performance_metrics WHERE period = 'all_time' AND run <> '') runs"
          + " WHERE recency = 1";

  private static final String ANY_ROW =
      "SELECT 1 FROM strategy_performance WHERE strategy_id = ?"
          + " UNION ALL SELECT 1 FROM performance_metrics WHERE strategy_id = ?";

  private static final String ALL_TIME =
      "SELECT " + MetricsRows.COLUMNS + " FROM performance_metrics"
          + " WHERE strategy_id = ? AND run = ? AND period = 'all_time'";

  /** Best first: the highest blended score, strategies without one last, ties by strategy id. */
  static final Comparator<StrategyScore> RANKING =
      Comparator.comparing(StrategyScore::blendedScore, Comparator.nullsLast(Comparator.reverseOrder()))
          .thenComparing(StrategyScore::strategyId);

  private final DataSource dataSource;
  private final SelectionSettings settings;
  private final int timeoutSeconds;

  public ReadModelQueries(DataSource dataSource, SelectionSettings settings) {
    this.dataSource = Objects.requireNonNull(dataSource, "dataSource");
    this.settings = Objects.requireNonNull(settings, "settings");
    // JDBC's query timeout is in whole seconds; round up so that a sub-second setting is not "no timeout" (0).
    this.timeoutSeconds = (int) Math.max(1, (settings.queryTimeout().toMillis() + 999) / 1000);
  }

  public SelectionSettings settings() {
    return settings;
  }

  /**
   * The score of {@code strategyId} against its latest backtest run.
   *
   * @throws NotInReadModelException when the strategy has no row in strategy_performance or performance_metrics
   * @throws SQLException when the database does not answer
   */
  public StrategyScore score(String strategyId) throws SQLException {
    return read(c -> {
      SelectionScore live = liveWindow(c, strategyId);
      BacktestRow run = first(c, BACKTEST_RUNS + " ORDER BY updated_at DESC, run DESC", strategyId);
      if (live == null && run == null && !known(c, strategyId)) {
        throw new NotInReadModelException("strategy '" + strategyId + "' has no rows in the read model");
      }
      return score(strategyId, run, live);
    });
  }

  /**
   * The score of {@code strategyId} against its backtest run {@code backtestRun}.
   *
   * @throws NotInReadModelException when the strategy has no such run
   * @throws SQLException when the database does not answer
   */
  public StrategyScore score(String strategyId, String backtestRun) throws SQLException {
    requireRun(backtestRun);
    return read(c -> {
      BacktestRow run = first(c, BACKTEST_RUNS + " AND run = ?", strategyId, backtestRun);
      if (run == null) {
        throw noRun(strategyId, backtestRun);
      }
      return score(strategyId, run, liveWindow(c, strategyId));
    });
  }

  /**
   * Every strategy with a live window or a backtest run, best first ({@link #RANKING}), at most {@code limit}. Two
   * queries whatever the number of strategies; the scores are computed here, so every strategy's rows are read.
   */
  public List<StrategyScore> ranking(int limit) throws SQLException {
    if (limit < 1) {
      throw new IllegalArgumentException("limit must be at least 1, got " + limit);
    }
    return read(c -> {
      Map<String, SelectionScore> live = new HashMap<>();
      try (PreparedStatement ps = prepare(c, LIVE_WINDOWS); ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          live.put(rs.getString("strategy_id"), liveScore(rs));
        }
      }
      Map<String, BacktestRow> runs = new HashMap<>();
      try (PreparedStatement ps = prepare(c, LATEST_RUNS); ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          runs.put(rs.getString("strategy_id"), backtestRow(rs));
        }
      }
      TreeSet<String> strategies = new TreeSet<>(live.keySet());
      strategies.addAll(runs.keySet());
      List<StrategyScore> scores = new ArrayList<>(strategies.size());
      for (String id : strategies) {
        scores.add(score(id, runs.get(id), live.get(id)));
      }
      scores.sort(RANKING);
      return List.copyOf(scores.subList(0, Math.min(limit, scores.size())));
    });
  }

  /**
   * The live track's all_time metrics against the run's, with the configured drift bands.
   *
   * @throws NotInReadModelException when the strategy has no such run
   * @throws SQLException when the database does not answer
   */
  public Comparison compare(String strategyId, String backtestRun) throws SQLException {
    requireRun(backtestRun);
    return read(c -> {
      PerformanceMetrics backtest = allTime(c, strategyId, backtestRun);
      if (backtest == null) {
        throw noRun(strategyId, backtestRun);
      }
      PerformanceMetrics live = allTime(c, strategyId, "");
      return new Comparison(strategyId, backtestRun, live, backtest,
          DriftComparison.of(live, backtest, settings.drift()));
    });
  }

  // ---- pieces ---------------------------------------------------------------------------------------------------

  /** A backtest run's score inputs. */
  private record BacktestRow(String run, SelectionScore score) {}

  private StrategyScore score(String strategyId, BacktestRow run, SelectionScore live) {
    return StrategyScore.of(
        strategyId, run == null ? null : run.run(), run == null ? null : run.score(), live, settings.blend());
  }

  private SelectionScore liveWindow(Connection c, String strategyId) throws SQLException {
    try (PreparedStatement ps = prepare(c, LIVE_WINDOWS + " AND strategy_id = ?")) {
      ps.setString(1, strategyId);
      try (ResultSet rs = ps.executeQuery()) {
        return rs.next() ? liveScore(rs) : null;
      }
    }
  }

  private SelectionScore liveScore(ResultSet rs) throws SQLException {
    return SelectionScore.of(rs.getLong("trade_count"), MetricsRows.nullableDouble(rs, "win_rate"),
        MetricsRows.numeric(rs, "profit_factor"), MetricsRows.nullableDouble(rs, "avg_rr"), settings.score());
  }

  private BacktestRow backtestRow(ResultSet rs) throws SQLException {
    return new BacktestRow(rs.getString("run"), SelectionScore.of(rs.getLong("total_trades"),
        MetricsRows.nullableDouble(rs, "win_rate"), MetricsRows.numeric(rs, "profit_factor"),
        MetricsRows.nullableDouble(rs, "avg_rr"), settings.score()));
  }

  private BacktestRow first(Connection c, String sql, String... parameters) throws SQLException {
    try (PreparedStatement ps = prepare(c, sql)) {
      ps.setMaxRows(1);
      for (int i = 0; i < parameters.length; i++) {
        ps.setString(i + 1, parameters[i]);
      }
      try (ResultSet rs = ps.executeQuery()) {
        return rs.next() ? backtestRow(rs) : null;
      }
    }
  }

  private boolean known(Connection c, String strategyId) throws SQLException {
    try (PreparedStatement ps = prepare(c, ANY_ROW)) {
      ps.setMaxRows(1);
      ps.setString(1, strategyId);
      ps.setString(2, strategyId);
      try (ResultSet rs = ps.executeQuery()) {
        return rs.next();
      }
    }
  }

  private PerformanceMetrics allTime(Connection c, String strategyId, String run) throws SQLException {
    try (PreparedStatement ps = prepare(c, ALL_TIME)) {
      ps.setString(1, strategyId);
      ps.setString(2, run);
      try (ResultSet rs = ps.executeQuery()) {
        return rs.next() ? MetricsRows.metrics(rs) : null;
      }
    }
  }

  private PreparedStatement prepare(Connection c, String sql) throws SQLException {
    PreparedStatement ps = c.prepareStatement(sql);
    ps.setQueryTimeout(timeoutSeconds);
    return ps;
  }

  private static NotInReadModelException noRun(String strategyId, String run) {
    return new NotInReadModelException(
        "strategy '" + strategyId + "' has no backtest run '" + run + "' in the read model");
  }

  // '' is the live track's run: asking for it as a backtest would compare the live track with itself.
  private static void requireRun(String backtestRun) {
    if (backtestRun == null || backtestRun.isEmpty()) {
      throw new IllegalArgumentException("a backtest run id is required, got " + backtestRun);
    }
  }

  @FunctionalInterface
  private interface Work<T> {
    T apply(Connection c) throws SQLException;
  }

  /**
   * {@code work} in one read-only transaction at REPEATABLE READ, so that the several statements of one answer (the
   * live window and the run of a score, the two halves of the ranking) see the same commit of the projection.
   */
  private <T> T read(Work<T> work) throws SQLException {
    try (Connection c = dataSource.getConnection()) {
      c.setAutoCommit(false);
      c.setReadOnly(true);
      c.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
      try {
        T result = work.apply(c);
        c.commit();
        return result;
      } catch (SQLException | RuntimeException e) {
        try {
          c.rollback();
        } catch (SQLException rollback) {
          e.addSuppressed(rollback);
        }
        throw e;
      }
    }
  }
}
