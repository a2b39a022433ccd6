package io.tradingactors.bench.readmodel;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.HdrHistogram.Histogram;

/**
 * What the database itself takes for the projection's work, with plain JDBC on a connection of its own: the query
 * the read journal polls for a tag, the journal-sequence actor's query, and one transaction of upserts into the read
 * model's own tables shaped like the projection's for a group of events. Run on the idle node after the load, so the
 * journal has its full size.
 */
final class ProjectionFloor {

  /**
   * pekko-persistence-jdbc 1.1.1's events-by-tag query (ReadJournalQueries.eventsByTag: the journal joined to its
   * tags, the tag, ordering after the offset and up to the highest gap-free ordering, ordered, limited to
   * max-buffer-size), every column read as the read journal reads it.
   */
  static final String TAG_QUERY = "SELECT j.\"ordering\", j.\"persistence_id\", j.\"sequence_number\", j.\"deleted\", "
      + "j.\"writer\", j.\"write_timestamp\", j.\"adapter_manifest\", j.\"event_payload\", j.\"event_ser_id\", "
      + "j.\"event_ser_manifest\", j.\"meta_payload\", j.\"meta_ser_id\", j.\"meta_ser_manifest\" "
      + "FROM \"event_journal\" j JOIN \"event_tag\" t ON j.\"ordering\" = t.\"event_id\" "
      + "WHERE j.\"deleted\" = FALSE AND t.\"tag\" = ? AND j.\"ordering\" > ? AND j.\"ordering\" <= ? "
      + "ORDER BY j.\"ordering\" LIMIT ?";

  /** The journal-sequence actor's query (JournalSequenceActor: the orderings after the highest it knows). */
  static final String SEQUENCE_QUERY =
      "SELECT \"ordering\" FROM \"event_journal\" WHERE \"ordering\" > ? ORDER BY \"ordering\" LIMIT ?";

  /** One measured figure: latencies in microseconds, and what else it counted (rows a query returned). */
  record Figure(Histogram micros, long rows) {}

  private final Connection c;
  private final boolean postgres;

  ProjectionFloor(Connection c, boolean postgres) {
    this.c = c;
    this.postgres = postgres;
  }

  long maxOrdering() throws SQLException {
    try (Statement st = c.createStatement();
        ResultSet rs = st.executeQuery("SELECT MAX(\"ordering\") FROM \"event_journal\"")) {
      rs.next();
      return rs.getLong(1);
    }
  }

  /** The ordering after which {@code rows} events of {@code tag} remain (so a poll from it returns them). */
  long offsetBehindTip(String tag, int rows) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement(
        "SELECT \"event_id\" FROM \"event_tag\" WHERE \"tag\" = ? ORDER BY \"event_id\" DESC LIMIT 1 OFFSET ?")) {
      ps.setString(1, tag);
      ps.setInt(2, rows);
      try (ResultSet rs = ps.executeQuery()) {
        return rs.next() ? rs.getLong(1) : 0;
      }
    }
  }

  /** The tag query from {@code offset} up to {@code maxOrdering}, {@code samples} times; rows read in all. */
  Figure tagQuery(String tag, long offset, long maxOrdering, int limit, int warmup, int samples) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement(TAG_QUERY)) {
      ps.setString(1, tag);
      ps.setLong(2, offset);
      ps.setLong(3, maxOrdering);
      ps.setInt(4, limit);
      // the columns the read journal decodes, so the rows cross the wire as they would for it
      return timed(ps, warmup, samples, rs -> {
        rs.getLong(1);
        rs.getString(2);
        rs.getLong(3);
        rs.getLong(6);
        rs.getBytes(8);
        rs.getInt(9);
        rs.getString(10);
      });
    }
  }

  /** The journal-sequence actor's query from {@code from}, batch {@code limit}. */
  Figure sequenceQuery(long from, int limit, int warmup, int samples) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement(SEQUENCE_QUERY)) {
      ps.setLong(1, from);
      ps.setInt(2, limit);
      return timed(ps, warmup, samples, rs -> rs.getLong(1));
    }
  }

  /** Reads one row of a timed query. */
  @FunctionalInterface
  private interface RowReader {
    void read(ResultSet rs) throws SQLException;
  }

  /** Runs {@code ps} warmup + samples times, timing the samples (µs) and counting the rows they read. */
  private static Figure timed(PreparedStatement ps, int warmup, int samples, RowReader reader) throws SQLException {
    Histogram h = new Histogram(3);
    long rows = 0;
    for (int i = 0; i < warmup + samples; i++) {
      long s = System.nanoTime();
      long n = 0;
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          reader.read(rs);
          n++;
        }
      }
      long t = System.nanoTime() - s;
      if (i >= warmup) {
        h.recordValue(Math.max(1, t / 1_000));
        rows += n;
      }
    }
    return new Figure(h, rows);
  }

  /**
   * The database's plan of the tag query from {@code offset}, compact (PostgreSQL: the plan nodes and the execution
   * time of EXPLAIN ANALYZE, with the parameters bound, as the custom plan and as the generic plan a prepared statement
   * may switch to; H2: its EXPLAIN ANALYZE).
   */
  String explainTagQuery(String tag, long offset, long maxOrdering, int limit) throws SQLException {
    StringBuilder out = new StringBuilder();
    try (Statement st = c.createStatement()) {
      if (!postgres) {
        String q = TAG_QUERY.replaceFirst("\\?", "'" + tag + "'").replaceFirst("\\?", Long.toString(offset))
            .replaceFirst("\\?", Long.toString(maxOrdering)).replaceFirst("\\?", Integer.toString(limit));
        try (ResultSet rs = st.executeQuery("EXPLAIN ANALYZE " + q)) {
          while (rs.next()) {
            out.append(rs.getString(1).replaceAll("\\s+", " ").trim());
          }
        }
        return out.toString();
      }
      String prepared = TAG_QUERY;
      for (int i = 1; i <= 4; i++) {
        prepared = prepared.replaceFirst("\\?", "\\$" + i);
      }
      st.execute("PREPARE lag_tag_query(text, bigint, bigint, int) AS " + prepared);
      try {
        for (String mode : List.of("force_custom_plan", "force_generic_plan")) {
          st.execute("SET plan_cache_mode = " + mode);
          out.append(out.length() == 0 ? "" : " || ").append(mode.replace("force_", "")).append(": ");
          try (ResultSet rs = st.executeQuery("EXPLAIN (ANALYZE) EXECUTE lag_tag_query('" + tag + "', " + offset
              + ", " + maxOrdering + ", " + limit + ")")) {
            StringBuilder plan = new StringBuilder();
            while (rs.next()) {
              String line = rs.getString(1);
              if (line.contains("->") || plan.length() == 0 || line.startsWith("Execution Time")) {
                plan.append(plan.length() == 0 ? "" : " / ").append(line.replace("->", "").trim()
                    .replaceAll("\\(cost=[^)]*\\) ", ""));
              }
            }
            out.append(plan);
          }
        }
      } finally {
        st.execute("RESET plan_cache_mode");
        st.execute("DEALLOCATE lag_tag_query");
      }
    }
    return out.toString();
  }

  // ---- one transaction of the projection ----------------------------------------------------------------------

  /** A read-model table as the database describes it: its columns in order, its primary key. */
  private record Table(String name, List<String> columns, Map<String, Integer> types, List<String> key) {}

  private static final List<String> PERIODS = List.of("daily", "weekly", "monthly", "yearly", "all_time");

  /**
   * Transactions like the projection's for a group of {@code strategies} strategies' events: per strategy its two
   * strategy_performance rows (7d, 30d) and five performance_metrics rows (daily, weekly, monthly, yearly, all_time)
   * upserted, {@code historyRows} new account_history rows, then the offset row updated (pekko-projection-jdbc
   * updates its offset row, inserting only the first time), then the commit. Upserts as the read model writes them
   * (PostgreSQL: INSERT … ON CONFLICT DO UPDATE … WHERE last_sequence_nr <= EXCLUDED.last_sequence_nr; H2: MERGE …
   * KEY), one batched statement per table; every column bound. Rows of strategies "floor-…", deleted afterwards.
   *
   * @return [0] the whole transaction, [1] the commit alone, in microseconds
   */
  Histogram[] groupTransaction(int strategies, int historyRows, int warmup, int samples) throws SQLException {
    Table windows = table("strategy_performance");
    Table periods = table("performance_metrics");
    Table history = table("account_history");
    String upsertWindows = upsert(windows, true);
    String upsertPeriods = upsert(periods, true);
    String insertHistory = upsert(history, false);
    String offsetTable = "\"pekko_projection_offset_store\"";
    String updateOffset = "UPDATE " + offsetTable + " SET \"current_offset\" = ?, \"manifest\" = ?, \"mergeable\" = ?, "
        + "\"last_updated\" = ? WHERE \"projection_name\" = ? AND \"projection_key\" = ?";
    String projection = "floor-" + strategies;
    boolean autoCommit = c.getAutoCommit();
    try (Statement st = c.createStatement()) {
      st.executeUpdate("INSERT INTO " + offsetTable + " (\"projection_name\", \"projection_key\", \"current_offset\", "
          + "\"manifest\", \"mergeable\", \"last_updated\") VALUES ('" + projection + "', 'performance-0', '0', 'SEQ', "
          + "FALSE, 0)");
    }
    Histogram total = new Histogram(3);
    Histogram commit = new Histogram(3);
    c.setAutoCommit(false);
    try (PreparedStatement w = c.prepareStatement(upsertWindows);
        PreparedStatement p = c.prepareStatement(upsertPeriods);
        PreparedStatement h = c.prepareStatement(insertHistory);
        PreparedStatement o = c.prepareStatement(updateOffset)) {
      long seq = 0;
      for (int i = 0; i < warmup + samples; i++) {
        seq += 100;
        long s = System.nanoTime();
        for (int k = 0; k < strategies; k++) {
          String id = projection + "-" + k;
          for (String window : List.of("7d", "30d")) {
            bind(w, windows, id, seq, window, null, 0);
            w.addBatch();
          }
          for (String period : PERIODS) {
            bind(p, periods, id, seq, null, period, 0);
            p.addBatch();
          }
        }
        for (int r = 0; r < historyRows; r++) {
          bind(h, history, projection + "-" + (r % strategies), seq, null, null, r);
          h.addBatch();
        }
        w.executeBatch();
        p.executeBatch();
        if (historyRows > 0) {
          h.executeBatch();
        }
        o.setString(1, Long.toString(seq));
        o.setString(2, "SEQ");
        o.setBoolean(3, false);
        o.setLong(4, System.currentTimeMillis());
        o.setString(5, projection);
        o.setString(6, "performance-0");
        o.executeUpdate();
        long beforeCommit = System.nanoTime();
        c.commit();
        long end = System.nanoTime();
        if (i >= warmup) {
          total.recordValue(Math.max(1, (end - s) / 1_000));
          commit.recordValue(Math.max(1, (end - beforeCommit) / 1_000));
        }
      }
    } finally {
      c.rollback();
      c.setAutoCommit(autoCommit);
    }
    try (Statement st = c.createStatement()) {
      for (Table t : List.of(windows, periods, history)) {
        st.executeUpdate("DELETE FROM " + quote(t.name()) + " WHERE " + quote(column(t, "strategy_id"))
            + " LIKE 'floor-%'");
      }
      st.executeUpdate("DELETE FROM " + offsetTable + " WHERE \"projection_name\" = '" + projection + "'");
    }
    return new Histogram[] {total, commit};
  }

  private Table table(String name) throws SQLException {
    DatabaseMetaData md = c.getMetaData();
    for (String n : List.of(name, name.toUpperCase(java.util.Locale.ROOT))) {
      List<String> columns = new ArrayList<>();
      Map<String, Integer> types = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
      try (ResultSet rs = md.getColumns(null, null, n, null)) {
        TreeMap<Integer, String> ordered = new TreeMap<>();
        while (rs.next()) {
          String schema = rs.getString("TABLE_SCHEM");
          if (schema != null && schema.equalsIgnoreCase("information_schema")) {
            continue;
          }
          ordered.put(rs.getInt("ORDINAL_POSITION"), rs.getString("COLUMN_NAME"));
          types.put(rs.getString("COLUMN_NAME"), rs.getInt("DATA_TYPE"));
        }
        columns.addAll(ordered.values());
      }
      if (columns.isEmpty()) {
        continue;
      }
      TreeMap<Integer, String> key = new TreeMap<>();
      try (ResultSet rs = md.getPrimaryKeys(null, null, n)) {
        while (rs.next()) {
          key.put(rs.getInt("KEY_SEQ"), rs.getString("COLUMN_NAME"));
        }
      }
      return new Table(n, columns, types, new ArrayList<>(key.values()));
    }
    throw new IllegalStateException("no table " + name + " in the read model's database");
  }

  private static String column(Table t, String name) {
    return t.columns().stream().filter(c -> c.equalsIgnoreCase(name)).findFirst().orElseThrow();
  }

  private static String quote(String identifier) {
    return "\"" + identifier + "\"";
  }

  /** The read model's statement for the table: an upsert guarded by last_sequence_nr, or insert-if-absent. */
  private String upsert(Table t, boolean update) {
    List<String> cols = t.columns().stream().map(ProjectionFloor::quote).toList();
    List<String> key = t.key().stream().map(ProjectionFloor::quote).toList();
    String marks = String.join(", ", Collections.nCopies(cols.size(), "?"));
    if (!postgres) {
      return "MERGE INTO " + quote(t.name()) + " (" + String.join(", ", cols) + ") KEY (" + String.join(", ", key)
          + ") VALUES (" + marks + ")";
    }
    String insert = "INSERT INTO " + quote(t.name()) + " (" + String.join(", ", cols) + ") VALUES (" + marks + ")"
        + " ON CONFLICT (" + String.join(", ", key) + ") ";
    if (!update) {
      return insert + "DO NOTHING";
    }
    List<String> sets = new ArrayList<>();
    for (String col : cols) {
      if (!key.contains(col)) {
        sets.add(col + " = EXCLUDED." + col);
      }
    }
    return insert + "DO UPDATE SET " + String.join(", ", sets) + " WHERE " + quote(t.name()) + "."
        + quote(column(t, "last_sequence_nr")) + " <= EXCLUDED." + quote(column(t, "last_sequence_nr"));
  }

  /** Binds a plausible value to every column: the key from the arguments, the rest by type. */
  private static void bind(PreparedStatement ps, Table t, String strategy, long seq, String window, String period,
      int historyIndex) throws SQLException {
    int i = 1;
    for (String col : t.columns()) {
      String name = col.toLowerCase(java.util.Locale.ROOT);
      Object v = switch (name) {
        case "strategy_id" -> strategy;
        case "run" -> "";
        case "rolling_window" -> window;
        case "period" -> period;
        case "period_start" -> period.equals("all_time") ? LocalDate.EPOCH : LocalDate.of(2025, 1, 1);
        case "period_end" -> period.equals("all_time") ? null : LocalDate.of(2025, 1, 2);
        case "sequence_nr" -> seq + historyIndex;
        case "last_sequence_nr" -> seq;
        case "cause" -> historyIndex % 2 == 0 ? "balance" : "trade";
        case "trade_id" -> historyIndex % 2 == 0 ? null : "t-" + seq + "-" + historyIndex;
        default -> byType(t.types().get(col), seq);
      };
      ps.setObject(i++, v);
    }
  }

  private static Object byType(int type, long seq) {
    return switch (type) {
      case java.sql.Types.BIGINT, java.sql.Types.INTEGER, java.sql.Types.SMALLINT -> seq % 1000;
      case java.sql.Types.NUMERIC, java.sql.Types.DECIMAL -> new BigDecimal("1.2345");
      case java.sql.Types.DATE -> LocalDate.of(2025, 1, 1);
      case java.sql.Types.TIMESTAMP, java.sql.Types.TIMESTAMP_WITH_TIMEZONE ->
          OffsetDateTime.of(2025, 1, 1, 0, 0, 0, 0, ZoneOffset.UTC).plusSeconds(seq);
      case java.sql.Types.BOOLEAN, java.sql.Types.BIT -> Boolean.FALSE;
      case java.sql.Types.VARCHAR, java.sql.Types.CHAR, java.sql.Types.LONGVARCHAR -> "x";
      default -> 0.123456789 + seq * 1e-9; // DOUBLE PRECISION
    };
  }
}
