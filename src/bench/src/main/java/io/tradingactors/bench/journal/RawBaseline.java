package io.tradingactors.bench.journal;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What the database does without the product: rows shaped like {@code event_journal} (same columns, keys and
 * indexes, the payload of a real serialized event) inserted into a twin table {@code raw_event_journal} of the same
 * database, by plain JDBC from this JVM and, on PostgreSQL, by {@code pgbench} with a custom script.
 */
final class RawBaseline {

  private final Report report;
  private final String backend;
  private final String url;
  private final String user;
  private final String password;
  private final byte[] payload;
  private final int serId;
  private final String manifest;
  private final int seconds;

  RawBaseline(Report report, String backend, String url, String user, String password, byte[] payload, int serId,
      String manifest, int seconds) {
    this.report = report;
    this.backend = backend;
    this.url = url;
    this.user = user;
    this.password = password;
    this.payload = payload;
    this.serId = serId;
    this.manifest = manifest;
    this.seconds = seconds;
  }

  private boolean h2() {
    return backend.equals("h2");
  }

  private Connection connect() throws SQLException {
    return DriverManager.getConnection(url, user, password);
  }

  void createTable() throws SQLException {
    try (Connection c = connect(); Statement st = c.createStatement()) {
      if (h2()) {
        // the H2 journal schema (src/actors/.../db/journal/h2/V1__journal.sql) under another name
        st.execute("CREATE TABLE IF NOT EXISTS \"raw_event_journal\" ("
            + "\"ordering\" BIGINT UNIQUE NOT NULL AUTO_INCREMENT, \"deleted\" BOOLEAN DEFAULT false NOT NULL, "
            + "\"persistence_id\" VARCHAR(255) NOT NULL, \"sequence_number\" BIGINT NOT NULL, "
            + "\"writer\" VARCHAR NOT NULL, \"write_timestamp\" BIGINT NOT NULL, \"adapter_manifest\" VARCHAR NOT NULL, "
            + "\"event_payload\" BLOB NOT NULL, \"event_ser_id\" INTEGER NOT NULL, \"event_ser_manifest\" VARCHAR NOT NULL, "
            + "\"meta_payload\" BLOB, \"meta_ser_id\" INTEGER, \"meta_ser_manifest\" VARCHAR, "
            + "PRIMARY KEY (\"persistence_id\", \"sequence_number\"))");
        st.execute("CREATE UNIQUE INDEX IF NOT EXISTS \"raw_event_journal_ordering_idx\" ON \"raw_event_journal\" (\"ordering\")");
        st.execute("CREATE SEQUENCE IF NOT EXISTS \"raw_seq\"");
      } else {
        st.execute("CREATE TABLE IF NOT EXISTS raw_event_journal (LIKE event_journal INCLUDING ALL)");
        st.execute("CREATE SEQUENCE IF NOT EXISTS raw_seq");
      }
    }
  }

  private static final String COLUMNS = "(\"persistence_id\", \"sequence_number\", \"deleted\", \"writer\", "
      + "\"write_timestamp\", \"adapter_manifest\", \"event_ser_id\", \"event_ser_manifest\", \"event_payload\")";
  private static final String ROW = "(?, ?, ?, ?, ?, ?, ?, ?, ?)";

  private static String insert(int rows) {
    return "INSERT INTO \"raw_event_journal\" " + COLUMNS + " VALUES " + (", " + ROW).repeat(rows).substring(2);
  }

  private int bind(PreparedStatement ps, int p, String pid, long seq, String writer) throws SQLException {
    ps.setString(p, pid);
    ps.setLong(p + 1, seq);
    ps.setBoolean(p + 2, false);
    ps.setString(p + 3, writer);
    ps.setLong(p + 4, System.currentTimeMillis());
    ps.setString(p + 5, "");
    ps.setInt(p + 6, serId);
    ps.setString(p + 7, manifest);
    ps.setBytes(p + 8, payload);
    return p + 9;
  }

  /** Multi-row INSERTs of {@code rows} rows, each its own transaction (auto-commit), from {@code threads} threads. */
  void jdbc(int threads, int rows) throws Exception {
    jdbc(threads, rows, seconds, true);
  }

  /** The same, unreported, so the JDBC driver (all of H2) is compiled before the measured runs. */
  void warmUp(int rows) throws Exception {
    jdbc(1, rows, Math.max(2, seconds / 2), false);
  }

  private void jdbc(int threads, int rows, int seconds, boolean reported) throws Exception {
    AtomicLong inserted = new AtomicLong();
    AtomicLong statementNanos = new AtomicLong();
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
    List<Thread> workers = new ArrayList<>();
    List<Exception> failures = new ArrayList<>();
    long t0 = System.nanoTime();
    for (int t = 0; t < threads; t++) {
      String pid = "raw|jdbc-" + threads + "x" + rows + "-" + t + "-" + System.nanoTime();
      Thread w = new Thread(() -> {
        String writer = UUID.randomUUID().toString();
        try (Connection c = connect(); PreparedStatement ps = c.prepareStatement(insert(rows))) {
          long seq = 0;
          while (System.nanoTime() < deadline) {
            int p = 1;
            for (int i = 0; i < rows; i++) {
              p = bind(ps, p, pid, ++seq, writer);
            }
            long s = System.nanoTime();
            ps.executeUpdate();
            statementNanos.addAndGet(System.nanoTime() - s);
            inserted.addAndGet(rows);
          }
        } catch (Exception e) {
          synchronized (failures) {
            failures.add(e);
          }
        }
      });
      workers.add(w);
      w.start();
    }
    for (Thread w : workers) {
      w.join();
    }
    double elapsed = (System.nanoTime() - t0) / 1e9;
    if (!failures.isEmpty()) {
      throw failures.get(0);
    }
    if (!reported) {
      return;
    }
    long statements = inserted.get() / rows;
    report.add(backend, "raw baseline", String.format("JDBC, %d thread(s), %d row(s) a statement (= a commit)",
        threads, rows), Report.num(inserted.get() / elapsed) + " rows/s",
        String.format("%.3f ms a statement", statementNanos.get() / 1e6 / statements));
  }

  /** Reads every row of one persistence id of the real journal, in order, as the replay query does. */
  void readBack(String persistenceId, long expected) throws SQLException {
    try (Connection c = connect()) {
      c.setAutoCommit(false); // PostgreSQL streams with a cursor only inside a transaction
      String q = "\"";
      try (PreparedStatement ps = c.prepareStatement("SELECT " + q + "ordering" + q + ", " + q + "sequence_number" + q
          + ", " + q + "event_ser_id" + q + ", " + q + "event_ser_manifest" + q + ", " + q + "event_payload" + q
          + ", " + q + "writer" + q + " FROM " + q + "event_journal" + q + " WHERE " + q + "persistence_id" + q
          + " = ? ORDER BY " + q + "sequence_number" + q)) {
        ps.setFetchSize(10_000);
        ps.setString(1, persistenceId);
        long t0 = System.nanoTime();
        long rows = 0;
        long bytes = 0;
        try (ResultSet rs = ps.executeQuery()) {
          while (rs.next()) {
            rows++;
            bytes += rs.getBytes(5).length;
          }
        }
        double s = (System.nanoTime() - t0) / 1e9;
        report.add(backend, "raw baseline", "JDBC sequential read of one persistence id (payload bytes fetched)",
            Report.num(rows / s) + " rows/s", String.format("%,d rows (%d expected), %.1f MB", rows, expected,
                bytes / 1e6));
      }
      c.commit();
    }
  }

  // ---- pgbench -----------------------------------------------------------------------------------------------

  /** pgbench 15 against the same server and database, with a custom INSERT script. */
  void pgbench(Path pgbench, Path workDir, int clients, int rows) throws IOException, InterruptedException {
    Matcher m = Pattern.compile("jdbc:postgresql://([^:/]+):(\\d+)/([^?]+)").matcher(url);
    if (!m.find()) {
      throw new IllegalStateException("not a PostgreSQL URL: " + url);
    }
    String hex = "\\x" + HexFormat.of().formatHex(payload);
    StringBuilder values = new StringBuilder();
    for (int i = 0; i < rows; i++) {
      values.append(i == 0 ? "" : ", ").append("('pgbench|' || :client_id, nextval('raw_seq'), false, ")
          .append("'pgbench', 0, '', ").append(serId).append(", '").append(manifest).append("', '")
          .append(hex).append("'::bytea)");
    }
    Path script = workDir.resolve("pgbench-" + rows + ".sql");
    Files.writeString(script, "INSERT INTO raw_event_journal (persistence_id, sequence_number, deleted, writer, "
        + "write_timestamp, adapter_manifest, event_ser_id, event_ser_manifest, event_payload) VALUES "
        + values + ";\n", StandardCharsets.UTF_8);
    List<String> cmd = List.of(pgbench.toString(), "-n", "-M", "prepared", "-h", m.group(1), "-p", m.group(2),
        "-U", user, "-c", Integer.toString(clients), "-j", Integer.toString(Math.min(clients, 2)),
        "-T", Integer.toString(seconds), "-f", script.toString(), m.group(3));
    Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    int exit = p.waitFor();
    Matcher tps = Pattern.compile("tps = ([0-9.]+) \\(without initial connection time\\)").matcher(out);
    Matcher lat = Pattern.compile("latency average = ([0-9.]+) ms").matcher(out);
    if (exit != 0 || !tps.find()) {
      report.add(backend, "raw baseline", "pgbench " + clients + " clients x " + rows + " rows", "failed",
          out.replace('\n', ' ').trim());
      return;
    }
    double t = Double.parseDouble(tps.group(1));
    report.add(backend, "raw baseline", String.format("pgbench, %d client(s), %d row(s) a statement (= a commit)",
        clients, rows), Report.num(t * rows) + " rows/s",
        (lat.find() ? "latency average " + lat.group(1) + " ms; " : "") + Report.num(t) + " commits/s");
  }
}
