package io.tradingactors.bench.readmodel;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Comparator;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;

/**
 * What PostgreSQL was busy with during a phase: pg_stat_activity sampled on a connection of its own, the active
 * sessions of the benchmark's database counted by what they ran (the statement's first words) and what they waited
 * for. A poor man's profile: a statement seen in many samples took much of the server's time.
 */
final class DatabaseActivity {

  private final Connection c;
  private final Thread thread;
  private final Map<String, AtomicLong> seen = new ConcurrentHashMap<>();
  private final Map<String, String> example = new ConcurrentHashMap<>();
  private final long[] tablesBefore;
  private final AtomicLong samples = new AtomicLong();
  private final AtomicLong active = new AtomicLong();
  private volatile boolean running = true;

  private DatabaseActivity(Connection c, long everyMs) throws SQLException {
    this.c = c;
    this.tablesBefore = tableCounters(c);
    this.thread = new Thread(() -> {
      try (Statement st = c.createStatement()) {
        while (running) {
          try (ResultSet rs = st.executeQuery("SELECT query, coalesce(wait_event_type || '/' || wait_event, 'CPU') "
              + "FROM pg_stat_activity WHERE datname = current_database() AND state = 'active' "
              + "AND pid <> pg_backend_pid()")) {
            while (rs.next()) {
              active.incrementAndGet();
              String kind = shorten(rs.getString(1));
              seen.computeIfAbsent(kind + " [" + rs.getString(2) + "]", k -> new AtomicLong()).incrementAndGet();
              if (rs.getString(1) != null && kind.contains("event_tag") && !kind.startsWith("INSERT")) {
                example.putIfAbsent("tag query", rs.getString(1).replaceAll("\\s+", " "));
              }
            }
          }
          samples.incrementAndGet();
          Thread.sleep(everyMs);
        }
      } catch (SQLException | InterruptedException e) {
        // the phase is over or the database went away: report what was seen
      }
    }, "db-activity");
    thread.setDaemon(true);
    thread.start();
  }

  static DatabaseActivity start(Connection c, long everyMs) throws SQLException {
    return new DatabaseActivity(c, everyMs);
  }

  /** The statement kinds seen most, with their share of the samples. */
  String stop() {
    running = false;
    String tables = "";
    try {
      thread.join(2_000);
      long[] after = tableCounters(c);
      tables = String.format(Locale.ROOT, "; pg_stat_user_tables over the phase: event_journal %,d index scans "
              + "fetching %,d rows, %,d sequential scans reading %,d rows, %,d rows inserted; event_tag %,d index scans "
              + "fetching %,d rows, %,d sequential scans reading %,d rows, %,d rows inserted",
          after[0] - tablesBefore[0], after[1] - tablesBefore[1], after[2] - tablesBefore[2],
          after[3] - tablesBefore[3], after[4] - tablesBefore[4], after[5] - tablesBefore[5],
          after[6] - tablesBefore[6], after[7] - tablesBefore[7], after[8] - tablesBefore[8],
          after[9] - tablesBefore[9]);
      c.close();
    } catch (InterruptedException | SQLException e) {
      Thread.currentThread().interrupt();
    }
    long n = Math.max(1, samples.get());
    String top = seen.entrySet().stream()
        .sorted(Comparator.comparingLong((Map.Entry<String, AtomicLong> e) -> e.getValue().get()).reversed())
        .limit(8)
        .map(e -> String.format(Locale.ROOT, "%s: %d (%.0f %%)", e.getKey(), e.getValue().get(),
            100.0 * e.getValue().get() / n))
        .collect(Collectors.joining("; "));
    return String.format(Locale.ROOT, "%,d samples, %.2f active sessions on average; %s%s; the read journal's tag "
        + "query as seen: %s", samples.get(), active.get() / (double) n, top, tables,
        example.getOrDefault("tag query", "not seen"));
  }

  /** idx_scan, idx_tup_fetch, seq_scan, seq_tup_read, n_tup_ins of event_journal, then of event_tag. */
  private static long[] tableCounters(Connection c) throws SQLException {
    long[] v = new long[10];
    try (Statement st = c.createStatement();
        ResultSet rs = st.executeQuery("SELECT relname, coalesce(idx_scan, 0), coalesce(idx_tup_fetch, 0), seq_scan, "
            + "seq_tup_read, n_tup_ins FROM pg_stat_user_tables WHERE relname IN ('event_journal', 'event_tag')")) {
      while (rs.next()) {
        int base = rs.getString(1).equals("event_journal") ? 0 : 5;
        for (int i = 0; i < 5; i++) {
          v[base + i] = rs.getLong(i + 2);
        }
      }
    }
    return v;
  }

  /** The statement's kind: its first words and the tables it names. */
  private static String shorten(String sql) {
    if (sql == null) {
      return "?";
    }
    String s = sql.replaceAll("\\s+", " ").trim();
    String kind = s.length() > 40 ? s.substring(0, 40) : s;
    StringBuilder tables = new StringBuilder();
    for (String t : new String[] {"event_tag", "event_journal", "snapshot", "strategy_performance",
        "performance_metrics", "account_history", "risk_events", "pekko_projection_offset_store"}) {
      if (s.contains(t)) {
        tables.append(tables.length() == 0 ? " {" : ",").append(t);
      }
    }
    return kind + (tables.length() == 0 ? "" : tables + "}");
  }
}
