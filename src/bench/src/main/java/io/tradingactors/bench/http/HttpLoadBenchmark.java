package io.tradingactors.bench.http;

import static io.tradingactors.bench.Machine.command;
import static io.tradingactors.bench.Machine.loadAverage;

import com.typesafe.config.Config;
import io.tradingactors.actors.TradingActorsNode;
import io.tradingactors.actors.testing.TestJournals;
import io.tradingactors.app.api.ApiServer;
import io.tradingactors.app.api.ApiSettings;
import io.tradingactors.bench.Machine;
import io.tradingactors.bench.risk.RiskChainBenchmark;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.LongFunction;
import java.util.stream.Collectors;
import org.HdrHistogram.Histogram;
import org.apache.pekko.http.javadsl.Http;
import org.apache.pekko.http.javadsl.ServerBinding;
import org.apache.pekko.http.javadsl.model.ContentTypes;
import org.apache.pekko.http.javadsl.model.HttpEntities;
import org.apache.pekko.http.javadsl.model.StatusCodes;
import org.apache.pekko.http.javadsl.server.AllDirectives;
import org.apache.pekko.http.javadsl.server.Route;

/**
 * The HTTP API under an open-loop load (issue 6): a node and its API server ({@link ApiServer}) in this JVM, and a
 * load generator ({@link LoadGenerator}) sending a fixed rate of requests over keep-alive HTTP/1.1 connections, with
 * latency from each request's intended send time recorded in an HdrHistogram.
 *
 * <p>Phases, each a warm-up (reported apart, not in the figures) and a measured run at the same rate, with a fresh
 * set of connections:
 *
 * <ul>
 *   <li>{@code raw}: the same POST requests to a trivial pekko-http route of the same actor system on another port,
 *       which reads the body and answers 201 with a tiny JSON body, touching no actor and no journal — the HTTP stack's
 *       own cost at that rate;
 *   <li>{@code post}: {@code POST /v1/strategies/{id}/trades} with one new trade each (unique trade ids, round robin
 *       over {@code --strategies} ids): 201 after the trade is persisted;
 *   <li>{@code get}: {@code GET /v1/strategies/{id}/metrics}, from the strategies' state in memory.
 * </ul>
 *
 * <p>Before the phases, on the idle node: a one-row auto-commit INSERT into the journal's database (one commit
 * each, sequential) and 8 KiB appended to a file plus fdatasync, the durable commit's floor. PostgreSQL is by default
 * the durable server of {@link RiskChainBenchmark.DurablePostgres} ({@code fsync = on}, {@code synchronous_commit =
 * on}); {@code --pg test} takes TestJournals' (both off). {@code --help} lists the options. Usage
 * (docs/benchmarks.md):
 *
 * <pre>
 * mvn -B -q -DskipTests -pl src/bench -am package
 * java -Xms2g -Xmx2g -cp "src/bench/target/classes:$(cat src/bench/target/classpath.txt)" \
 *   io.tradingactors.bench.http.HttpLoadBenchmark --backend postgres --out target/http-postgres.md
 * </pre>
 */
public final class HttpLoadBenchmark {

  private HttpLoadBenchmark() {}

  /** The target: p99 below this at 2,000 requests a second. */
  static final double TARGET_P99_MS = 5.0;

  private static final String DB = "pekko-persistence-jdbc.shared-databases.trading-actors.db.";
  private static final String HOST = "127.0.0.1";

  static final class Options {
    String backend = "h2";
    String pg = "durable";
    int[] rates = {2000};
    int seconds = 30;
    int warmupSeconds = 10;
    int strategies = 100;
    int connections = 64;
    List<String> phases = List.of("raw", "get", "post");
    String client = "nio";
    int commitSamples = 1000;
    int drainSeconds = 6;
    int prewarmSeconds = 0;
    Path out;

    static Options parse(String[] args) {
      Options o = new Options();
      for (int i = 0; i < args.length; i++) {
        String a = args[i];
        if (a.equals("--help")) {
          System.out.println("options (defaults in brackets): --backend h2 (h2|postgres) | --pg durable (PostgreSQL: "
              + "'durable' = an embedded server with fsync = on, synchronous_commit = on; 'test' = TestJournals', "
              + "both off) | --rate 2000 (requests/s; a list such as 500,1000,2000 runs the phases at each) | "
              + "--seconds 30 (measured, per phase and rate) | --warmup-seconds 10 (per phase and rate, discarded) | "
              + "--strategies 100 | --connections 64 (keep-alive, one request in flight on each) | --phases "
              + "raw,get,post (in that order: an overloaded POST phase leaves a backlog) | --client nio (nio = the benchmark's own HTTP/1.1 client; jdk = java.net.http) | "
              + "--commit-samples 1000 (raw commit baseline; 0 for none) | --drain-seconds 6 (after a phase's "
              + "schedule, for answers: just over the API's ask-timeout, 5 s) | --prewarm-seconds 0 (before "
              + "the phases, the three kinds of request in turn at 100/s: the JIT compiles the paths at a rate the "
              + "node sustains; 0 for none) | --out FILE (the markdown report)");
          System.exit(0);
        }
        if (i + 1 >= args.length) {
          throw new IllegalArgumentException("missing value after " + a);
        }
        String v = args[++i];
        switch (a) {
          case "--backend" -> o.backend = v;
          case "--pg" -> o.pg = v;
          case "--rate" -> o.rates = Arrays.stream(v.split(",")).mapToInt(Integer::parseInt).toArray();
          case "--seconds" -> o.seconds = Integer.parseInt(v);
          case "--warmup-seconds" -> o.warmupSeconds = Integer.parseInt(v);
          case "--strategies" -> o.strategies = Integer.parseInt(v);
          case "--connections" -> o.connections = Integer.parseInt(v);
          case "--phases" -> o.phases = List.of(v.split(","));
          case "--client" -> o.client = v;
          case "--commit-samples" -> o.commitSamples = Integer.parseInt(v);
          case "--drain-seconds" -> o.drainSeconds = Integer.parseInt(v);
          case "--prewarm-seconds" -> o.prewarmSeconds = Integer.parseInt(v);
          case "--out" -> o.out = Path.of(v);
          default -> throw new IllegalArgumentException("unknown option " + a + " (--help lists them)");
        }
      }
      if (!o.backend.equals("h2") && !o.backend.equals("postgres")) {
        throw new IllegalArgumentException("--backend: h2 or postgres, got " + o.backend);
      }
      if (!o.client.equals("nio") && !o.client.equals("jdk")) {
        throw new IllegalArgumentException("--client: nio or jdk, got " + o.client);
      }
      for (String p : o.phases) {
        if (!List.of("raw", "post", "get").contains(p)) {
          throw new IllegalArgumentException("--phases: raw, post, get; got " + p);
        }
      }
      return o;
    }
  }

  public static void main(String[] args) throws Exception {
    Options o = Options.parse(args);
    Output out = new Output(o.out);
    PhaseProbe.installGcListener();
    out.context("command: HttpLoadBenchmark " + String.join(" ", args));
    Machine.describe().forEach(out::context);
    new Run(o, out).run();
    out.context("load average at the end (1, 5, 15 min): " + loadAverage());
    out.write();
    System.exit(0);
  }

  // ---- one run --------------------------------------------------------------------------------------------------

  private static final class Run {
    private final Options o;
    private final Output out;
    private final Config config;
    private final String backend;
    private final String nonce = Long.toString(System.currentTimeMillis() % 100_000_000L, 36);
    private long nextTrade;
    private boolean seeded;

    Run(Options o, Output out) throws IOException {
      this.o = o;
      this.out = out;
      this.backend = o.backend.equals("postgres") ? "postgres " + o.pg : "h2";
      Path dataDir = Files.createTempDirectory("http-bench-" + o.backend);
      this.config = switch (o.backend) {
        case "h2" -> TestJournals.h2(dataDir);
        default -> switch (o.pg) {
          case "durable" -> RiskChainBenchmark.DurablePostgres.config(dataDir);
          case "test" -> TestJournals.postgres(dataDir);
          default -> throw new IllegalArgumentException("--pg: durable or test, got " + o.pg);
        };
      };
    }

    private Connection connect() throws Exception {
      return DriverManager.getConnection(
          config.getString(DB + "url"), config.getString(DB + "user"), config.getString(DB + "password"));
    }

    void run() throws Exception {
      settings();
      out.context(backend + ": node starting; load " + loadAverage());
      try (TradingActorsNode node = TradingActorsNode.start(config)) {
        ApiSettings api = ApiSettings.from(config, null).withAddress(HOST, 0);
        ApiServer server = ApiServer.start(node, api);
        int apiPort = server.address().getPort();
        ServerBinding raw = Http.get(node.system()).newServerAt(HOST, 0).bind(rawRoute())
            .toCompletableFuture().join();
        int rawPort = raw.localAddress().getPort();
        out.context(backend + ": API on " + HOST + ":" + apiPort + " (ask-timeout " + api.askTimeout().toMillis()
            + " ms, max body " + api.maxBodyBytes() + " B, no token); raw route on " + HOST + ":" + rawPort
            + " (same actor system: reads the body, answers 201 {\"ok\":true})");
        awaitReady(apiPort);
        out.context(backend + ": ready; load " + loadAverage());

        if (o.commitSamples > 0) {
          loopbackBaseline();
          commitBaseline();
          fsyncBaseline();
        }
        ServerMetrics metrics = new ServerMetrics(HOST, apiPort);
        if (o.prewarmSeconds > 0) {
          prewarm(apiPort, rawPort);
        }
        for (int rate : o.rates) {
          for (String phase : o.phases) {
            if (phase.equals("get") && !seeded) {
              seed(apiPort, rate);
            }
            phase(phase, rate, phase.equals("raw") ? rawPort : apiPort, metrics);
          }
        }
        raw.unbind().toCompletableFuture().join();
        server.close();
      }
    }

    // ---- phases ---------------------------------------------------------------------------------------------

    private LongFunction<Transport.Request> requests(String phase) {
      return switch (phase) {
        case "raw" -> i -> {
          long k = nextTrade++;
          return new Transport.Request("POST", "/raw/strategies/" + strategy(k) + "/trades", trade(k));
        };
        case "post" -> i -> {
          long k = nextTrade++;
          seeded = true;
          return new Transport.Request("POST", "/v1/strategies/" + strategy(k) + "/trades", trade(k));
        };
        default -> i -> new Transport.Request("GET", "/v1/strategies/" + strategy(i) + "/metrics", null);
      };
    }

    private String strategy(long k) {
      return "httpbench-" + (k % o.strategies);
    }

    private static final long START_MS = 1_735_689_600_000L; // 2025-01-01T00:00:00Z

    /**
     * The k-th trade: a unique id; strategy k mod N; a minute apart in event time; each strategy's trades win and
     * lose in turn (+0.85 / -0.65), so no consecutive-losses rung is ever reached and the risk manager mostly records
     * nothing.
     */
    private byte[] trade(long k) {
      boolean loss = (k / o.strategies) % 2 == 1;
      long exit = START_MS + k * 60_000L;
      String json = "{\"trade_id\":\"hb-" + nonce + "-" + k + "\",\"symbol\":\"BTCUSDT\",\"side\":\"long\","
          + "\"entry_time\":" + (exit - 1_800_000L) + ",\"exit_time\":" + exit + ",\"entry_price\":100.0,"
          + "\"exit_price\":" + (loss ? "99.4" : "101.0") + ",\"quantity\":1.0,\"pnl\":" + (loss ? "-0.65" : "0.85")
          + ",\"fees\":0.1,\"slippage\":0.05,\"risk_reward\":2.0}";
      return json.getBytes(StandardCharsets.UTF_8);
    }

    private Transport transport(int port) throws IOException {
      return o.client.equals("jdk")
          ? new JdkTransport(HOST, port, o.connections)
          : new NioTransport(new InetSocketAddress(HOST, port), o.connections);
    }

    /** Each kind of request in turn at 100/s (unreported but for a line), so the JIT compiles their paths. */
    private void prewarm(int apiPort, int rawPort) throws Exception {
      long jit0 = compilationMillis();
      long t0 = System.nanoTime();
      StringBuilder s = new StringBuilder(backend + ": pre-warm-up at 100/s (discarded):");
      for (String phase : List.of("raw", "post", "get")) {
        try (Transport t = transport(phase.equals("raw") ? rawPort : apiPort)) {
          LoadGenerator.Result r = LoadGenerator.run(t, o.connections, 100,
              Math.max(1, 100L * o.prewarmSeconds / 3), o.drainSeconds, requests(phase));
          s.append(String.format(Locale.ROOT, " %s %s p50 %.1f ms;", phase, r.statuses, ms(r.latency, 50)));
        }
      }
      seeded = false; // its few trades may not have reached every strategy: seed before the first GET phase
      out.context(s + String.format(Locale.ROOT, " %.0f s, JIT compiling %,d ms; load %s",
          (System.nanoTime() - t0) / 1e9, compilationMillis() - jit0, loadAverage()));
    }

    /** Ten trades to every strategy, so that GET .../metrics finds each (without it: 404) with some history. */
    private void seed(int apiPort, int rate) throws Exception {
      try (Transport t = transport(apiPort)) {
        LoadGenerator.Result r = LoadGenerator.run(t, o.connections, Math.min(rate, 200), 10L * o.strategies,
            o.drainSeconds, requests("post"));
        out.context(backend + ": seeded " + o.strategies + " strategies with 10 trades each, at "
            + Math.min(rate, 200) + "/s: " + r.statuses + "; load " + loadAverage());
      }
    }

    private void phase(String phase, int rate, int port, ServerMetrics metrics) throws Exception {
      String what = switch (phase) {
        case "raw" -> "raw: POST trade -> trivial route (no actor, no journal)";
        case "post" -> "POST /v1/strategies/{id}/trades (1 trade)";
        default -> "GET /v1/strategies/{id}/metrics";
      };
      try (Transport warmT = transport(port)) {
        LoadGenerator.Result w = LoadGenerator.run(warmT, o.connections, rate, (long) rate * o.warmupSeconds,
            o.drainSeconds, requests(phase));
        out.context(String.format(Locale.ROOT, "%s: %s at %,d/s: warm-up (discarded) %,d sent, %s, p50 %.2f p99 "
                + "%.2f max %.2f ms; load %s", backend, what, rate, w.sent, w.statuses, ms(w.latency, 50),
            ms(w.latency, 99), w.latency.getMaxValue() / 1e6, loadAverage()));
      }
      String before = metrics.scrape();
      double[] wal = walStats();
      PhaseProbe probe = new PhaseProbe();
      long jit0 = compilationMillis();
      long threads0 = java.lang.management.ManagementFactory.getThreadMXBean().getTotalStartedThreadCount();
      LoadGenerator.Result r;
      String client;
      try (Transport t = transport(port)) {
        r = LoadGenerator.run(t, o.connections, rate, (long) rate * o.seconds, o.drainSeconds, requests(phase));
        client = t.describe();
      }
      String machine = probe.stop();
      long jit = compilationMillis() - jit0;
      long threadsStarted =
          java.lang.management.ManagementFactory.getThreadMXBean().getTotalStartedThreadCount() - threads0;
      double[] walAfter = walStats();
      String after = metrics.scrape();

      StringBuilder note = new StringBuilder();
      long generatorCpu = r.senderCpuNanos + r.transportCpuNanos;
      note.append(String.format(Locale.ROOT, "%s; JVM CPU %.0f %% of a core, of which the generator %.0f %% "
              + "(%.0f µs a request: sender %.0f, transport %.0f) and the rest (server, GC, JIT) %.2f ms a request "
              + "answered; JIT compiling %,d ms (elapsed, summed over compiler threads) during the phase; %,d threads "
              + "started in the JVM during the phase", machine,
          100.0 * r.processCpuNanos / r.wallNanos,
          100.0 * generatorCpu / r.wallNanos,
          generatorCpu / 1e3 / Math.max(1, r.sent), r.senderCpuNanos / 1e3 / Math.max(1, r.sent),
          r.transportCpuNanos / 1e3 / Math.max(1, r.sent),
          (r.processCpuNanos - generatorCpu) / 1e6 / Math.max(1, r.answered()), jit, threadsStarted));
      if (!phase.equals("raw")) {
        String route = phase.equals("post") ? "/v1/strategies/{id}/trades" : "/v1/strategies/{id}/metrics";
        String method = phase.equals("post") ? "POST" : "GET";
        String metric = "trading_actors_http_request_duration_seconds";
        ServerMetrics.Series s = ServerMetrics.Series.parse(after, metric, Map.of("route", route, "method", method))
            .minus(ServerMetrics.Series.parse(before, metric, Map.of("route", route, "method", method)));
        note.append("; server side, routes entered -> response: ").append(s.describe());
        if (phase.equals("post")) {
          String pm = "trading_actors_persist_duration_seconds";
          ServerMetrics.Series p = ServerMetrics.Series.parse(after, pm, Map.of("kind", "trade"))
              .minus(ServerMetrics.Series.parse(before, pm, Map.of("kind", "trade")));
          note.append("; of which command -> persisted ack: ").append(p.describe());
        }
      }
      if (wal != null && walAfter != null && phase.equals("post")) {
        double seconds = r.wallNanos / 1e9;
        double syncs = walAfter[0] - wal[0];
        double commits = walAfter[4] - wal[4];
        note.append(String.format(Locale.ROOT, "; PostgreSQL during the phase (incl. drain, %.0f s): %,.0f WAL "
                + "syncs (%.0f/s, mean %.2f ms), %,.0f commits in the journal's database (%.0f/s, ~%.1f requests "
                + "a commit)", seconds, syncs, syncs / seconds, (walAfter[1] - wal[1]) / Math.max(1, syncs), commits,
            commits / seconds, r.answered() / Math.max(1, commits)));
      }
      out.row(new Row(backend, what, rate, r, client, note.toString()));
    }

    /** Total time the JIT compilers spent so far (ms; compiler threads run beside the application's). */
    private static long compilationMillis() {
      java.lang.management.CompilationMXBean c = java.lang.management.ManagementFactory.getCompilationMXBean();
      return c != null && c.isCompilationTimeMonitoringSupported() ? c.getTotalCompilationTime() : -1;
    }

    private static double ms(Histogram h, double p) {
      return h.getTotalCount() == 0 ? Double.NaN : h.getValueAtPercentile(p) / 1e6;
    }

    private static Route rawRoute() {
      AllDirectives d = new AllDirectives() {};
      byte[] body = "{\"ok\":true}".getBytes(StandardCharsets.UTF_8);
      return d.extractRequestEntity(entity -> d.extractMaterializer(mat -> d.onSuccess(
          entity.toStrict(10_000, mat),
          strict -> d.complete(org.apache.pekko.http.javadsl.model.HttpResponse.create().withStatus(StatusCodes.CREATED)
              .withEntity(HttpEntities.create(ContentTypes.APPLICATION_JSON, body))))));
    }

    private static void awaitReady(int port) throws InterruptedException {
      HttpClient c = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
      while (System.nanoTime() < deadline) {
        try {
          int status = c.send(HttpRequest.newBuilder(URI.create("http://" + HOST + ":" + port + "/health/ready"))
              .timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.discarding()).statusCode();
          if (status == 200) {
            return;
          }
        } catch (IOException e) {
          // not yet
        }
        Thread.sleep(200);
      }
      throw new IllegalStateException("the API was not ready within 60 s");
    }

    // ---- settings and baselines -------------------------------------------------------------------------------

    private void settings() throws Exception {
      out.context(backend + ": journal " + config.getString(DB + "url").replaceAll("password=[^&;]*", "password=…"));
      try (Connection c = connect(); Statement st = c.createStatement()) {
        try (ResultSet rs = st.executeQuery(o.backend.equals("h2") ? "SELECT H2VERSION()" : "SELECT version()")) {
          rs.next();
          out.context(backend + ": server " + rs.getString(1));
        }
        if (o.backend.equals("postgres")) {
          out.context(backend + ": a session of the journal's database: " + pgSetting(st, "synchronous_commit") + "; "
              + pgSetting(st, "fsync") + "; " + pgSetting(st, "wal_sync_method") + "; "
              + pgSetting(st, "full_page_writes") + "; data directory on "
              + command("df", "-hT", "/tmp").replaceAll("\\s+", " ").trim());
        }
      }
      StringBuilder s = new StringBuilder(backend + ": node settings");
      for (String k : List.of("jdbc-journal.dao", "jdbc-journal.parallelism", "jdbc-journal.batchSize",
          DB + "numThreads", DB + "maxConnections",
          "pekko.actor.default-dispatcher.fork-join-executor.parallelism-min",
          "pekko.actor.default-dispatcher.fork-join-executor.parallelism-max",
          "pekko.actor.default-dispatcher.fork-join-executor.parallelism-factor",
          "trading-actors.performance.snapshot-every", "pekko.http.server.idle-timeout",
          "pekko.http.server.max-connections", "pekko.http.server.pipelining-limit")) {
        s.append("; ").append(k.replace(DB, "db.")).append(" = ")
            .append(config.hasPath(k) ? config.getValue(k).unwrapped() : "unset");
      }
      out.context(s.toString());
      out.context(String.format(Locale.ROOT, "load: %s at %s req/s, %d s measured after %d s of warm-up per phase "
              + "and rate, %d strategies, %d connections, client %s, drain %d s", o.phases, Arrays.toString(o.rates),
          o.seconds, o.warmupSeconds, o.strategies, o.connections, o.client, o.drainSeconds));
    }

    private static String pgSetting(Statement st, String name) throws Exception {
      try (ResultSet rs = st.executeQuery("SELECT setting FROM pg_settings WHERE name = '" + name + "'")) {
        return rs.next() ? name + " = " + rs.getString(1) : name + " = ?";
      }
    }

    /**
     * The floor of any request over loopback TCP on this machine: one byte written by a client thread, echoed by a
     * server thread over a blocking socket (TCP_NODELAY), read back; in turn. Two thread wake-ups and four system calls
     * a round trip, with no HTTP and no actor.
     */
    private void loopbackBaseline() throws Exception {
      String load = loadAverage();
      int samples = 5_000;
      int warmup = 1_000;
      Histogram h = new Histogram(TimeUnit.SECONDS.toNanos(60), 3);
      long cpu;
      try (java.net.ServerSocket ss = new java.net.ServerSocket(0, 50, java.net.InetAddress.getLoopbackAddress())) {
        Thread echo = new Thread(() -> {
          try (java.net.Socket s = ss.accept()) {
            s.setTcpNoDelay(true);
            java.io.InputStream in = s.getInputStream();
            java.io.OutputStream o = s.getOutputStream();
            int b;
            while ((b = in.read()) >= 0) {
              o.write(b);
            }
          } catch (IOException ignored) {
            // the client closed
          }
        }, "httpbench-echo");
        echo.setDaemon(true);
        echo.start();
        try (java.net.Socket c = new java.net.Socket(java.net.InetAddress.getLoopbackAddress(), ss.getLocalPort())) {
          c.setTcpNoDelay(true);
          java.io.InputStream in = c.getInputStream();
          java.io.OutputStream o = c.getOutputStream();
          long cpu0 = 0;
          long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
          for (int i = 0; i < warmup + samples && System.nanoTime() < deadline; i++) {
            if (i == warmup) {
              cpu0 = LoadGenerator.processCpu();
            }
            long s = System.nanoTime();
            o.write(1);
            in.read();
            if (i >= warmup) {
              h.recordValue(System.nanoTime() - s);
            }
          }
          cpu = LoadGenerator.processCpu() - cpu0;
        }
      }
      out.baseline(backend, "raw: loopback TCP round trip, 1 byte echoed by another thread (sequential)", h,
          String.format(Locale.ROOT, "JVM CPU %.0f µs a round trip (both threads and the kernel's work for them); "
              + "load %s", cpu / 1e3 / Math.max(1, h.getTotalCount()), load));
    }

    /** One-row INSERTs in auto-commit into a scratch table of the journal's database: one commit each, in turn. */
    private void commitBaseline() throws Exception {
      String load = loadAverage();
      Histogram h = new Histogram(TimeUnit.SECONDS.toNanos(60), 3);
      try (Connection c = connect(); Statement st = c.createStatement()) {
        st.execute("CREATE TABLE \"httpbench_commit\" (\"id\" BIGINT PRIMARY KEY, \"payload\" VARCHAR(300))");
        String payload = "x".repeat(250); // about a serialized trade
        try (PreparedStatement ps = c.prepareStatement(
            "INSERT INTO \"httpbench_commit\" (\"id\", \"payload\") VALUES (?, ?)")) {
          int warmup = o.commitSamples / 4;
          long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
          for (int i = 0; i < warmup + o.commitSamples && System.nanoTime() < deadline; i++) {
            ps.setLong(1, i);
            ps.setString(2, payload);
            long s = System.nanoTime();
            ps.executeUpdate();
            long t = System.nanoTime() - s;
            if (i >= warmup) {
              h.recordValue(t);
            }
          }
        }
        st.execute("DROP TABLE \"httpbench_commit\"");
      }
      out.baseline(backend, "raw: JDBC one-row INSERT, auto-commit (one commit each, sequential), journal's database",
          h, "load " + load);
    }

    /** 8 KiB appended to a file in java.io.tmpdir (where the journal's files are) and fdatasync, in turn. */
    private void fsyncBaseline() throws IOException {
      String load = loadAverage();
      Path file = Files.createTempFile("httpbench-fsync", ".bin");
      int samples = Math.max(100, o.commitSamples / 2);
      Histogram h = new Histogram(TimeUnit.SECONDS.toNanos(60), 3);
      ByteBuffer block = ByteBuffer.allocate(8192);
      try (FileChannel ch = FileChannel.open(file, StandardOpenOption.WRITE, StandardOpenOption.APPEND)) {
        int warmup = samples / 5;
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        for (int i = 0; i < warmup + samples && System.nanoTime() < deadline; i++) {
          block.clear();
          long s = System.nanoTime();
          ch.write(block);
          ch.force(false);
          long t = System.nanoTime() - s;
          if (i >= warmup) {
            h.recordValue(t);
          }
        }
      } finally {
        Files.deleteIfExists(file);
      }
      out.baseline(backend, "raw: disk, 8 KiB append + fdatasync in " + file.getParent() + " (sequential)", h,
          "load " + load);
    }

    /** pg_stat_wal: syncs, sync time (ms), writes, write time (ms); and the database's commits. Null on H2. */
    private double[] walStats() {
      if (!o.backend.equals("postgres")) {
        return null;
      }
      try (Connection c = connect(); Statement st = c.createStatement()) {
        st.execute("SELECT pg_stat_force_next_flush()");
        try (ResultSet rs = st.executeQuery("SELECT w.wal_sync, w.wal_sync_time, w.wal_write, w.wal_write_time, "
            + "d.xact_commit FROM pg_stat_wal w, pg_stat_database d WHERE d.datname = current_database()")) {
          rs.next();
          return new double[] {rs.getDouble(1), rs.getDouble(2), rs.getDouble(3), rs.getDouble(4), rs.getDouble(5)};
        }
      } catch (Exception e) {
        out.context(backend + ": pg_stat_wal not read: " + e.getMessage());
        return null;
      }
    }
  }

  // ---- the report -----------------------------------------------------------------------------------------------

  record Row(String backend, String what, int rate, LoadGenerator.Result r, String client, String note) {}

  /** Printed as it comes (a run cut short still tells something) and as markdown at the end. */
  private static final class Output {
    private final List<String> context = new ArrayList<>();
    private final List<String> baselines = new ArrayList<>();
    private final List<String> rows = new ArrayList<>();
    private final List<String> notes = new ArrayList<>();
    private final Path file;

    Output(Path file) {
      this.file = file;
    }

    synchronized void context(String text) {
      context.add(text);
      System.out.println("# " + text);
    }

    synchronized void baseline(String backend, String measure, Histogram h, String note) {
      String line = String.format(Locale.ROOT, "| %s | %s | %,d | %s | %s |", backend, measure, h.getTotalCount(),
          percentiles(h), note);
      baselines.add(line);
      System.out.println("BASELINE " + line);
    }

    synchronized void row(Row row) {
      LoadGenerator.Result r = row.r();
      double p99 = r.latency.getTotalCount() == 0 ? Double.NaN : r.latency.getValueAtPercentile(99) / 1e6;
      boolean serverKeptUp = r.notSent == 0 && r.noResponse == 0 && r.errors() == 0
          && r.successPerSecond() >= 0.99 * r.rate;
      double late99 = r.senderLate.getTotalCount() == 0 ? 0 : r.senderLate.getValueAtPercentile(99) / 1e6;
      boolean generatorOnTime = late99 < 1.0;
      String errors = r.statuses.entrySet().stream().filter(e -> e.getKey() < 200 || e.getKey() >= 300)
          .map(e -> (e.getKey() < 0 ? "transport" : e.getKey().toString()) + ": " + String.format("%,d", e.getValue()))
          .collect(Collectors.joining(", "));
      if (r.notSent > 0) {
        errors += (errors.isEmpty() ? "" : ", ") + String.format("not sent: %,d", r.notSent);
      }
      if (r.noResponse > 0) {
        errors += (errors.isEmpty() ? "" : ", ") + String.format("no answer: %,d", r.noResponse);
      }
      String generator = String.format(Locale.ROOT, "%s: own delay p99 %.2f ms, max %.2f ms; %,d of %,d waited for "
              + "a free connection (p99 %.1f ms); last sent %.1f ms behind schedule", generatorOnTime ? "on time"
              : "**behind**", late99, r.senderLate.getMaxValue() / 1e6, r.connectionWait.getTotalCount(), r.sent,
          r.connectionWait.getTotalCount() == 0 ? 0 : r.connectionWait.getValueAtPercentile(99) / 1e6,
          r.lastLag / 1e6);
      String line = String.format(Locale.ROOT, "| %s | %s | %,d | %,.0f %s | %,d | %s | %s | %s | %s |",
          row.backend(), row.what(), row.rate(), r.successPerSecond(), serverKeptUp ? "(kept up)" : "(**not kept "
              + "up**)", r.sent, percentiles(r.latency), errors.isEmpty() ? "none" : errors,
          p99 < TARGET_P99_MS ? "yes" : "**no**", generator);
      rows.add(line);
      notes.add("- " + row.backend() + ", " + row.what() + " at " + row.rate() + "/s: client " + row.client() + "; "
          + row.note());
      System.out.println("RESULT " + line);
      System.out.println("NOTE " + notes.get(notes.size() - 1));
    }

    private static String percentiles(Histogram h) {
      if (h.getTotalCount() == 0) {
        return "– | – | – | – | –";
      }
      return String.format(Locale.ROOT, "%.2f | %.2f | %.2f | %.2f | %.2f", h.getValueAtPercentile(50) / 1e6,
          h.getValueAtPercentile(90) / 1e6, h.getValueAtPercentile(99) / 1e6, h.getValueAtPercentile(99.9) / 1e6,
          h.getMaxValue() / 1e6);
    }

    void write() {
      StringBuilder md = new StringBuilder();
      for (String c : context) {
        md.append("- ").append(c).append('\n');
      }
      md.append("\nLatency from the intended send time, ms.\n\n")
          .append("| backend | phase | target req/s | 2xx/s achieved | sent | p50 | p90 | p99 | p99.9 | max | "
              + "errors | p99 < 5 ms | generator |\n")
          .append("| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | --- | --- | --- |\n");
      rows.forEach(r -> md.append(r).append('\n'));
      if (!baselines.isEmpty()) {
        md.append("\n| backend | baseline | n | p50 | p90 | p99 | p99.9 | max | note |\n")
            .append("| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: | --- |\n");
        baselines.forEach(b -> md.append(b).append('\n'));
      }
      md.append('\n');
      notes.forEach(n -> md.append(n).append('\n'));
      System.out.println();
      System.out.println(md);
      if (file != null) {
        try {
          Files.writeString(file, md, StandardCharsets.UTF_8, StandardOpenOption.CREATE,
              StandardOpenOption.TRUNCATE_EXISTING);
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
      }
    }
  }
}
