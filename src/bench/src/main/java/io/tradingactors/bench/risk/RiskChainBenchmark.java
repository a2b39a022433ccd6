package io.tradingactors.bench.risk;

import static io.tradingactors.bench.Machine.command;
import static io.tradingactors.bench.Machine.loadAverage;

import com.sun.management.GarbageCollectionNotificationInfo;
import com.typesafe.config.Config;
import com.typesafe.config.ConfigFactory;
import io.tradingactors.actors.TradingActorsNode;
import io.tradingactors.actors.performance.StrategyPerformanceActor;
import io.tradingactors.actors.performance.StrategyPerformanceActor.Command;
import io.tradingactors.actors.performance.StrategyPerformanceActor.Recorded;
import io.tradingactors.actors.risk.RiskManagerActor.RiskNotice;
import io.tradingactors.actors.testing.TestJournals;
import io.tradingactors.bench.Machine;
import io.tradingactors.domain.MetricsSnapshot;
import io.tradingactors.domain.event.Side;
import io.tradingactors.domain.event.TradeClosed;
import io.tradingactors.domain.risk.ExposureChanged;
import io.tradingactors.domain.risk.RiskPolicy;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
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
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import javax.management.NotificationEmitter;
import javax.management.openmbean.CompositeData;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.actor.typed.Behavior;
import org.apache.pekko.actor.typed.Props;
import org.apache.pekko.actor.typed.javadsl.AskPattern;
import org.apache.pekko.actor.typed.javadsl.Behaviors;
import org.apache.pekko.actor.typed.pubsub.Topic;
import org.apache.pekko.cluster.sharding.typed.javadsl.ClusterSharding;
import org.apache.pekko.cluster.sharding.typed.javadsl.EntityRef;
import org.apache.pekko.pattern.StatusReply;

/**
 * The risk chain end to end on one node and a real journal: a closed trade persisted by its strategy's
 * {@link StrategyPerformanceActor}, the snapshot handed to the strategy's risk manager, the risk manager's decision
 * persisted ({@code ExposureChanged}) and published on the risk topic, received by a subscriber actor.
 *
 * <p>The node runs a risk policy under which every trade moves the exposure: a losing streak of one cuts it to 0.5,
 * one win after a cooldown of zero lifts it back to 1. Each strategy gets a losing and a winning trade in turn, one
 * trade a command, and its next trade only once both the write's acknowledgement and the exposure notice of that
 * trade arrived. Per trade, with {@link System#nanoTime()}: t0 the command sent, t1 the acknowledgement (the trade is
 * persisted; taken in the ask's completion, on the thread that completes it), t2 the notice received by the
 * subscriber actor (taken first thing in its message handler). The notice follows the risk manager's own persist, so
 * t2 − t1 includes one more journal write. With {@code --snapshot-probe on} (default) each strategy also has a
 * subscriber of its own snapshots (ts: receipt of the snapshot the strategy sends in the same turn as the risk
 * manager's), which tells whether the ack itself arrived late.
 *
 * <p>PostgreSQL is by default an embedded server of the benchmark's own ({@link DurablePostgres}: the zonky binaries
 * TestJournals uses, but with PostgreSQL's defaults {@code fsync = on} and {@code synchronous_commit = on}, which
 * zonky turns off); {@code --pg test} takes TestJournals' server as it is. H2 is TestJournals' file journal.
 *
 * <p>In the same run: an ask round trip to a trivial local actor, a one-row auto-commit INSERT into the journal's
 * database (the commit itself), and the same single-trade command to a strategy whose snapshots the node does not
 * send to a risk manager (a backtest run's entity, {@code id@run}): the persist without the risk chain. Every phase is
 * bounded in count and time; {@code --help} lists the options. Usage (docs/benchmarks.md):
 *
 * <pre>
 * mvn -B -q -DskipTests -pl src/bench -am package
 * java -Xms4g -Xmx4g -cp "src/bench/target/classes:$(cat src/bench/target/classpath.txt)" \
 *   io.tradingactors.bench.risk.RiskChainBenchmark --backend postgres --out target/risk-chain-postgres.md
 * </pre>
 */
public final class RiskChainBenchmark {

  private RiskChainBenchmark() {}

  /** Every trade moves the exposure: 1 loss → 0.5, 1 win → 1, no cooldown; the other rules never act. */
  static final String POLICY = """
      trading-actors.risk.default {
        consecutive-losses.ladder = [ {at = 1, exposure = 0.5} ]
        drawdown { ladder = [], hysteresis = 0.02 }
        daily-loss { enabled = false, limit = 0.05, exposure = 0 }
        recovery { cooldown = 0 seconds, wins-per-step = 1 }
      }
      """;

  /**
   * Runs a callback on the thread that completes the future. Pekko's Java API hands out Scala's
   * {@code FutureConverters} futures, whose {@code whenComplete} is {@code whenCompleteAsync} on the common pool; with
   * 2 cores its parallelism is 1, and {@link CompletableFuture} then starts a NEW THREAD for every callback. Measured
   * here at first: every ack completed on a fresh {@code Thread-N}, adding a thread start (and, on busy cores, a wait
   * for one) to t1. With this executor t1 is taken where the reply completes the ask.
   */
  static final java.util.concurrent.Executor DIRECT = Runnable::run;

  /** The target for t2 − t1, in milliseconds. */
  static final double TARGET_MS = 5.0;

  static final class Options {
    List<String> backends = List.of("postgres", "h2");
    int warmup = 2_000;
    int trades = 5_000;
    int[] concurrent = {10, 100};
    int concurrentWarmup = 20;
    int concurrentTrades = 3_000;
    int baselineTrades = 1_000;
    int askSamples = 10_000;
    int commitSamples = 2_000;
    int maxSeconds = 90;
    String pg = "durable";
    String synchronousCommit = "server";
    boolean snapshotProbe = true;
    Path out;

    static Options parse(String[] args) {
      Options o = new Options();
      for (int i = 0; i < args.length; i++) {
        String a = args[i];
        if (a.equals("--help")) {
          System.out.println("options (defaults in brackets): --backend postgres,h2 | --warmup 2000 (1 strategy, "
              + "discarded) | --trades 5000 (1 strategy, measured) | --concurrent 10,100 (strategies at once; "
              + "'none' for none) | --concurrent-warmup 20 (per strategy) | --concurrent-trades 3000 (in all) | "
              + "--baseline-trades 1000 (persist without the risk manager) | --ask-samples 10000 | "
              + "--commit-samples 2000 | --max-seconds 90 (per phase) | --pg durable (PostgreSQL: 'durable' = an "
              + "embedded server of its own with PostgreSQL's defaults fsync = on, synchronous_commit = on; "
              + "'test' = the server of TestJournals, i.e. zonky's defaults fsync = off, synchronous_commit = off) | "
              + "--synchronous-commit server (on|off|server: set on the benchmark's database, or the server's) | "
              + "--snapshot-probe on (also time the strategy's own snapshot at a subscriber of the strategy) | "
              + "--out FILE (the markdown table)");
          System.exit(0);
        }
        if (i + 1 >= args.length) {
          throw new IllegalArgumentException("missing value after " + a);
        }
        String v = args[++i];
        switch (a) {
          case "--backend" -> o.backends = List.of(v.split(","));
          case "--warmup" -> o.warmup = Integer.parseInt(v);
          case "--trades" -> o.trades = Integer.parseInt(v);
          case "--concurrent" -> o.concurrent = v.equals("none")
              ? new int[0] : Arrays.stream(v.split(",")).mapToInt(Integer::parseInt).toArray();
          case "--concurrent-warmup" -> o.concurrentWarmup = Integer.parseInt(v);
          case "--concurrent-trades" -> o.concurrentTrades = Integer.parseInt(v);
          case "--baseline-trades" -> o.baselineTrades = Integer.parseInt(v);
          case "--ask-samples" -> o.askSamples = Integer.parseInt(v);
          case "--commit-samples" -> o.commitSamples = Integer.parseInt(v);
          case "--max-seconds" -> o.maxSeconds = Integer.parseInt(v);
          case "--pg" -> o.pg = v;
          case "--synchronous-commit" -> o.synchronousCommit = v;
          case "--snapshot-probe" -> o.snapshotProbe = v.equals("on");
          case "--out" -> o.out = Path.of(v);
          default -> throw new IllegalArgumentException("unknown option " + a + " (--help lists them)");
        }
      }
      return o;
    }
  }

  public static void main(String[] args) throws Exception {
    Options o = Options.parse(args);
    Output out = new Output(o.out);
    Gc.install();
    Machine.describe().forEach(out::context);
    for (String backend : o.backends) {
      new Run(o, backend, out).run();
    }
    out.context("load average at the end (1, 5, 15 min): " + loadAverage());
    out.write();
    System.exit(0);
  }

  // ---- one backend ----------------------------------------------------------------------------------------------

  private static final class Run {
    private static final String DB = "pekko-persistence-jdbc.shared-databases.trading-actors.db.";
    private static final Duration ASK = Duration.ofSeconds(30);

    private final Options o;
    private final String backend;
    private final Output out;
    private final Config config;

    Run(Options o, String backend, Output out) throws IOException {
      this.o = o;
      this.backend = backend;
      this.out = out;
      Path dataDir = Files.createTempDirectory("risk-chain-bench-" + backend);
      Config journal = switch (backend) {
        case "h2" -> TestJournals.h2(dataDir);
        case "postgres" -> switch (o.pg) {
          case "durable" -> DurablePostgres.config(dataDir);
          case "test" -> TestJournals.postgres(dataDir);
          default -> throw new IllegalArgumentException("--pg: durable or test, got " + o.pg);
        };
        default -> throw new IllegalArgumentException("--backend: h2 or postgres, got " + backend);
      };
      this.config = ConfigFactory.parseString(POLICY).withFallback(journal).resolve();
    }

    private Connection connect() throws Exception {
      return DriverManager.getConnection(
          config.getString(DB + "url"), config.getString(DB + "user"), config.getString(DB + "password"));
    }

    void run() throws Exception {
      settings();
      out.context(backend + ": node starting; load " + loadAverage());
      try (TradingActorsNode node = TradingActorsNode.start(config)) {
        RiskPolicy p = node.riskPolicies().defaultPolicy();
        out.context(backend + ": risk policy of every strategy: consecutive losses " + p.consecutiveLosses().rungs()
            + ", drawdown " + p.drawdown().rungs() + " (hysteresis " + p.drawdownHysteresis() + "), daily loss "
            + p.dailyLoss() + ", cooldown " + p.cooldown() + ", wins per step " + p.winsPerStep());
        awaitUp(node);
        Subscriber subscriber = Subscriber.start(node);
        SnapshotProbe snapshots = o.snapshotProbe ? SnapshotProbe.start(node) : null;

        askBaseline(node);
        commitBaseline();
        fsyncBaseline();

        Lane one = new Lane(node, "riskbench-1", true);
        subscriber.lanes.put(one.id, one);
        if (snapshots != null) {
          snapshots.follow(one);
        }
        Phase warm = new Phase("warm-up", List.of(one), 0, o.warmup, o.maxSeconds);
        warm.runAndAwait();
        report("1 strategy, warm-up (discarded)", warm, null);
        Phase chain = new Phase("1 strategy", List.of(one), 0, o.trades, o.maxSeconds);
        double[] wal = walStats();
        Probe probe = Probe.start();
        chain.runAndAwait();
        report("1 strategy", chain, probe.stop());
        double[] walAfter = walStats();
        if (wal != null && walAfter != null) {
          double syncs = walAfter[0] - wal[0];
          out.context(String.format(Locale.ROOT, "%s: WAL during the 1-strategy phase (pg_stat_wal; "
                  + "times need track_wal_io_timing, on with --pg durable): %,.0f syncs, mean %.2f ms a sync; %,.0f writes, mean %.2f ms a write",
              backend, syncs, (walAfter[1] - wal[1]) / Math.max(1, syncs), walAfter[2] - wal[2],
              (walAfter[3] - wal[3]) / Math.max(1, walAfter[2] - wal[2])));
        }

        persistBaseline(node);

        for (int n : o.concurrent) {
          List<Lane> lanes = new ArrayList<>();
          for (int i = 0; i < n; i++) {
            Lane l = new Lane(node, "riskbench-" + n + "x-" + i, true);
            subscriber.lanes.put(l.id, l);
            if (snapshots != null) {
              snapshots.follow(l);
            }
            lanes.add(l);
          }
          Phase w = new Phase(n + " strategies warm-up", lanes, o.concurrentWarmup, 0, o.maxSeconds);
          w.runAndAwait();
          report(n + " strategies at once, warm-up (discarded)", w, null);
          Phase c = new Phase(n + " strategies", lanes, 0, o.concurrentTrades, o.maxSeconds);
          Probe pr = Probe.start();
          c.runAndAwait();
          report(n + " strategies at once", c, pr.stop());
        }
        out.context(backend + ": acknowledgements completed on threads " + new java.util.TreeMap<>(Lane.ACK_THREADS));
        Lane.ACK_THREADS.clear();
        out.context(backend + ": notices received by the subscriber " + subscriber.received.get()
            + ", of which for no benchmark strategy " + subscriber.foreign.get());
      }
    }

    private void settings() throws Exception {
      String url = config.getString(DB + "url");
      out.context(backend + ": journal " + url.replaceAll("password=[^&;]*", "password=…"));
      try (Connection c = connect(); Statement st = c.createStatement()) {
        try (ResultSet rs = st.executeQuery(backend.equals("h2") ? "SELECT H2VERSION()" : "SELECT version()")) {
          rs.next();
          out.context(backend + ": server " + rs.getString(1));
        }
        if (backend.equals("postgres")) {
          out.context(backend + ": server (--pg " + o.pg + "), its own settings: " + pgSetting(st, "synchronous_commit")
              + "; " + pgSetting(st, "fsync"));
          if (!o.synchronousCommit.equals("server")) {
            String db;
            try (ResultSet rs = st.executeQuery("SELECT current_database()")) {
              rs.next();
              db = rs.getString(1);
            }
            // Set on the benchmark's database before the node opens its connections: every session of the
            // journal's pool starts with it.
            st.execute("ALTER DATABASE \"" + db + "\" SET synchronous_commit = " + o.synchronousCommit);
          }
          try (Connection fresh = connect(); Statement s2 = fresh.createStatement()) {
            out.context(backend + ": a new session of the journal's database (what the node's pool gets): "
                + pgSetting(s2, "synchronous_commit") + "; " + pgSetting(s2, "fsync") + "; "
                + pgSetting(s2, "wal_sync_method") + "; " + pgSetting(s2, "full_page_writes") + "; "
                + pgSetting(s2, "data_directory") + " on " + command("df", "-hT", "/tmp").replaceAll("\\s+", " ")
                .trim());
          }
        }
      }
      StringBuilder s = new StringBuilder(backend + ": settings");
      for (String k : List.of("jdbc-journal.dao", "jdbc-journal.parallelism", "jdbc-journal.batchSize",
          DB + "numThreads", DB + "maxConnections",
          "pekko.actor.default-dispatcher.fork-join-executor.parallelism-min",
          "pekko.actor.default-dispatcher.fork-join-executor.parallelism-max",
          "pekko.actor.default-dispatcher.fork-join-executor.parallelism-factor",
          "trading-actors.performance.snapshot-every")) {
        s.append("; ").append(k.replace(DB, "db.")).append(" = ")
            .append(config.hasPath(k) ? config.getValue(k).unwrapped() : "unset");
      }
      out.context(s.toString());
    }

    private static String pgSetting(Statement st, String name) throws Exception {
      try (ResultSet rs = st.executeQuery(
          "SELECT setting, source FROM pg_settings WHERE name = '" + name + "'")) {
        return rs.next() ? name + " = " + rs.getString(1) + " (source: " + rs.getString(2) + ")" : name + " = ?";
      }
    }

    private static void awaitUp(TradingActorsNode node) {
      ClusterSharding.get(node.system())
          .entityRefFor(StrategyPerformanceActor.ENTITY_TYPE_KEY, "riskbench-up-" + System.nanoTime())
          .<MetricsSnapshot>ask(StrategyPerformanceActor.GetSnapshot::new, Duration.ofSeconds(120))
          .toCompletableFuture().join();
    }

    // ---- baselines ------------------------------------------------------------------------------------------

    record Ping(ActorRef<Ping> replyTo) {}

    /** Sequential asks to an actor that answers at once; each next ask is sent from the previous one's completion. */
    private void askBaseline(TradingActorsNode node) {
      Behavior<Ping> echo = Behaviors.receiveMessage(p -> {
        p.replyTo().tell(p);
        return Behaviors.same();
      });
      ActorRef<Ping> ref = node.system().systemActorOf(echo, "riskbench-echo", Props.empty());
      int warmup = o.askSamples / 4;
      long[] ns = new long[o.askSamples];
      AtomicInteger n = new AtomicInteger();
      CompletableFuture<Void> done = new CompletableFuture<>();
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(o.maxSeconds);
      String load = loadAverage();
      new Object() {
        int i;

        void next() {
          if (i >= warmup + o.askSamples || System.nanoTime() > deadline) {
            done.complete(null);
            return;
          }
          long s = System.nanoTime();
          AskPattern.<Ping, Ping>ask(ref, Ping::new, ASK, node.system().scheduler()).whenCompleteAsync((r, e) -> {
            long t = System.nanoTime();
            if (e != null) {
              done.completeExceptionally(e);
              return;
            }
            if (i++ >= warmup) {
              ns[n.getAndIncrement()] = t - s;
            }
            next();
          }, DIRECT);
        }
      }.next();
      done.join();
      long[] sorted = Arrays.copyOf(ns, n.get());
      out.add(backend, "baseline", "ask round trip to a trivial local actor", Stats.of(sorted),
          String.format(Locale.ROOT, "%,d sequential asks after %,d warm-up; load %s", sorted.length, warmup, load));
    }

    /** One-row INSERTs in auto-commit into a scratch table of the journal's database: one commit each. */
    private void commitBaseline() throws Exception {
      String load = loadAverage();
      long[] ns = new long[o.commitSamples];
      int n = 0;
      try (Connection c = connect(); Statement st = c.createStatement()) {
        st.execute("CREATE TABLE \"riskbench_commit\" (\"id\" BIGINT PRIMARY KEY, \"payload\" VARCHAR(300))");
        String payload = "x".repeat(250); // about a serialized trade
        try (PreparedStatement ps = c.prepareStatement(
            "INSERT INTO \"riskbench_commit\" (\"id\", \"payload\") VALUES (?, ?)")) {
          int warmup = o.commitSamples / 4;
          long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(o.maxSeconds);
          for (int i = 0; i < warmup + o.commitSamples && System.nanoTime() < deadline; i++) {
            ps.setLong(1, i);
            ps.setString(2, payload);
            long s = System.nanoTime();
            ps.executeUpdate();
            long t = System.nanoTime() - s;
            if (i >= warmup) {
              ns[n++] = t;
            }
          }
        }
        st.execute("DROP TABLE \"riskbench_commit\"");
      }
      out.add(backend, "baseline", "JDBC one-row INSERT in auto-commit (one commit), same database",
          Stats.of(Arrays.copyOf(ns, n)), String.format(Locale.ROOT, "%,d sequential commits; load %s", n, load));
    }

    /**
     * What the disk alone does: 8 KiB appended to a file in java.io.tmpdir (the file system of the H2 file and of the
     * embedded PostgreSQL's data directory) and {@code FileChannel.force(false)} (fdatasync, PostgreSQL's
     * wal_sync_method here), one after the other.
     */
    private void fsyncBaseline() throws IOException {
      String load = loadAverage();
      Path file = Files.createTempFile("riskbench-fsync", ".bin");
      int samples = Math.max(100, o.commitSamples / 2);
      long[] ns = new long[samples];
      int n = 0;
      java.nio.ByteBuffer block = java.nio.ByteBuffer.allocate(8192);
      try (java.nio.channels.FileChannel ch = java.nio.channels.FileChannel.open(file,
          StandardOpenOption.WRITE, StandardOpenOption.APPEND)) {
        int warmup = samples / 5;
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(o.maxSeconds);
        for (int i = 0; i < warmup + samples && System.nanoTime() < deadline; i++) {
          block.clear();
          long s = System.nanoTime();
          ch.write(block);
          ch.force(false);
          long t = System.nanoTime() - s;
          if (i >= warmup) {
            ns[n++] = t;
          }
        }
      } finally {
        Files.deleteIfExists(file);
      }
      out.add(backend, "baseline", "disk: 8 KiB append + fdatasync (FileChannel.force(false)) in " + file.getParent(),
          Stats.of(Arrays.copyOf(ns, n)), String.format(Locale.ROOT, "%,d sequential syncs; load %s", n, load));
    }

    /** pg_stat_wal: wal_sync, wal_sync_time (ms), wal_write, wal_write_time (ms); null on H2. */
    private double[] walStats() {
      if (!backend.equals("postgres")) {
        return null;
      }
      try (Connection c = connect(); Statement st = c.createStatement();
          ResultSet rs = st.executeQuery("SELECT wal_sync, wal_sync_time, wal_write, wal_write_time FROM pg_stat_wal")) {
        rs.next();
        return new double[] {rs.getDouble(1), rs.getDouble(2), rs.getDouble(3), rs.getDouble(4)};
      } catch (Exception e) {
        out.context(backend + ": pg_stat_wal not read: " + e.getMessage());
        return null;
      }
    }

    /** The same single-trade commands to an entity whose snapshots go to no risk manager (a backtest run's id). */
    private void persistBaseline(TradingActorsNode node) throws InterruptedException {
      Lane lane = new Lane(node, "riskbench-norisk@run", false);
      Phase warm = new Phase("persist warm-up", List.of(lane), 0, Math.max(100, o.baselineTrades / 5), o.maxSeconds);
      warm.runAndAwait();
      Phase p = new Phase("persist only", List.of(lane), 0, o.baselineTrades, o.maxSeconds);
      Probe probe = Probe.start();
      p.runAndAwait();
      Probe.Result r = probe.stop();
      long[] ack = p.sorted(0);
      out.add(backend, "baseline", "single-trade command without the risk manager: command sent -> persisted (ack)",
          Stats.of(ack), String.format(Locale.ROOT, "%,d sequential commands after %,d warm-up, %d failed; %s",
              ack.length, warm.completed.get(), p.failures.get(), r));
    }

    // ---- the chain -------------------------------------------------------------------------------------------

    private void report(String scenario, Phase p, Probe.Result probe) {
      long[] ack = p.sorted(0);
      long[] chain = p.sorted(1);
      long[] whole = p.sorted(2);
      String problems = String.format(Locale.ROOT, "%d failed, %d stalled, %d notices not matching the trade's "
              + "snapshot, %d of the wrong exposure, %d other notices, %d before the ack", p.failures.get(),
          p.stalled, p.mismatched.get(), p.wrongExposure.get(), p.unexpected.get(), p.noticeFirst.get());
      if (probe == null) {
        out.context(String.format(Locale.ROOT, "%s: %s: %,d trades in %.1f s; t2-t1 p50 %.2f ms; %s", backend,
            scenario, chain.length, p.seconds, Stats.pct(chain, 50), problems));
        return;
      }
      int negative = 0;
      for (long v : chain) {
        if (v < 0) {
          negative++;
        }
      }
      int over = 0;
      int overInGc = 0;
      int overAtSnapshot = 0;
      int every = config.getInt("trading-actors.performance.snapshot-every");
      for (int i = 0; i < p.count(); i++) {
        long t1 = p.t0[i] + p.samples[0][i];
        long t2 = p.t0[i] + p.samples[2][i];
        if (p.samples[1][i] > TARGET_MS * 1e6) {
          over++;
          if (Gc.overlaps(t1, t2)) {
            overInGc++;
          }
          if (p.seq[i] % every <= 1) {
            overAtSnapshot++;
          }
        }
      }
      String note = String.format(Locale.ROOT, "%,d trades in %.1f s (%.0f trades/s), %s (t2 - t1 < 0: %,d); "
              + "%,d of %,d (%.2f %%) over "
              + "%.0f ms, of those %d overlapping a GC pause and %d within one trade of a state snapshot (every %,d "
              + "events); %s", chain.length, p.seconds, chain.length / p.seconds, problems, negative, over, chain.length,
          100.0 * over / Math.max(1, chain.length), TARGET_MS, overInGc, overAtSnapshot, every, probe);
      out.add(backend, scenario, "trade persisted (ack) -> exposure event received (t2 - t1)", Stats.of(chain), note);
      out.add(backend, scenario, "command sent -> exposure event received (t2 - t0)", Stats.of(whole), "");
      out.add(backend, scenario, "command sent -> trade persisted (ack) (t1 - t0)", Stats.of(ack), "");
      if (o.snapshotProbe) {
        long[] fromSnapshot = p.sortedFromSnapshot();
        out.add(backend, scenario, "strategy's snapshot received by its own subscriber (ts) -> exposure event "
            + "(t2 - ts)", Stats.of(fromSnapshot), String.format(Locale.ROOT, "ts: the snapshot the strategy "
            + "publishes, in the same turn as it tells the risk manager, received by a subscriber actor; %,d trades "
            + "without it", p.count() - fromSnapshot.length));
        long[] ackAfter = p.sortedAckAfterSnapshot();
        out.add(backend, scenario, "snapshot received (ts) -> ack received (t1 - ts)", Stats.of(ackAfter), "");
      }
    }
  }

  // ---- strategies, phases and the subscriber ------------------------------------------------------------------

  /** One strategy: one trade in flight; the next once the trade's ack and (if expected) its notice arrived. */
  private static final class Lane {
    private static final long START_MS = 1_735_689_600_000L; // 2025-01-01T00:00:00Z
    private static final long TRADE_EVERY_MS = 3_600_000L; // a trade an hour: ~720 in the 30-day window
    /** The threads the asks' acknowledgements completed on (t1 is taken there), by name without the number. */
    static final Map<String, Long> ACK_THREADS = new ConcurrentHashMap<>();

    final String id;
    final EntityRef<Command> ref;
    final boolean notices;
    long sent; // trades sent by this lane, in all phases
    int sentInPhase;
    // the trade in flight (guarded by this)
    Phase phase;
    long t0;
    long t1;
    long t2;
    Recorded ack;
    ExposureChanged notice;
    double expected;
    long snapshotSeq = -1;
    long snapshotAt;

    Lane(TradingActorsNode node, String id, boolean notices) {
      this.id = id;
      this.ref = ClusterSharding.get(node.system()).entityRefFor(StrategyPerformanceActor.ENTITY_TYPE_KEY, id);
      this.notices = notices;
    }

    void start(Phase p) {
      synchronized (this) {
        sentInPhase = 0;
      }
      send(p);
    }

    /** A loss (exposure 1 -> 0.5) and a win (0.5 -> 1) in turn. */
    private void send(Phase p) {
      if (!p.take(this)) {
        p.laneDone();
        return;
      }
      long k;
      synchronized (this) {
        k = sent++;
        sentInPhase++;
        phase = p;
        t1 = 0;
        t2 = 0;
        ack = null;
        notice = null;
        expected = k % 2 == 0 ? 0.5 : 1.0;
      }
      boolean loss = k % 2 == 0;
      Instant exit = Instant.ofEpochMilli(START_MS + k * TRADE_EVERY_MS);
      TradeClosed trade = new TradeClosed(id + "-" + k, "BTCUSDT", Side.LONG, exit.minusSeconds(1_800), exit,
          100.0, loss ? 99.0 : 101.0, 1.0, loss ? -10.0 : 10.0, 0.1, 0.05, 2.0, null, null);
      List<TradeClosed> one = List.of(trade);
      long s = System.nanoTime();
      synchronized (this) {
        t0 = s;
      }
      ref.askWithStatus((ActorRef<StatusReply<Recorded>> r) -> new StrategyPerformanceActor.RecordTrades(one, r),
              Run.ASK)
          .whenCompleteAsync((r, e) -> onAck(System.nanoTime(), r, e), DIRECT);
    }

    private void onAck(long now, Recorded r, Throwable e) {
      Thread th = Thread.currentThread();
      ACK_THREADS.merge(th.getName().replaceAll("\\d+", "N") + " (" + th.getClass().getSimpleName() + ")", 1L,
          Long::sum);
      Phase p;
      boolean complete;
      synchronized (this) {
        p = phase;
        if (e != null) {
          p.fail(id, e);
          p.laneDone(); // this strategy stops: its next trades would not be decided in the expected order
          return;
        }
        t1 = now;
        ack = r;
        if (notice != null && notice.snapshotSequenceNr() != r.sequenceNr()) {
          p.mismatched.incrementAndGet(); // not this trade's snapshot: wait for the right one
          notice = null;
          t2 = 0;
        }
        complete = done();
      }
      if (complete) {
        finish(p);
      }
    }

    void onNotice(long now, RiskNotice n) {
      Phase p;
      boolean complete;
      synchronized (this) {
        p = phase;
        if (p == null) {
          return;
        }
        if (!(n.event() instanceof ExposureChanged ec)) {
          p.unexpected.incrementAndGet();
          return;
        }
        if (notice != null || (ack != null && ec.snapshotSequenceNr() != ack.sequenceNr())) {
          p.mismatched.incrementAndGet();
          return;
        }
        if (ack == null) {
          p.noticeFirst.incrementAndGet();
        }
        t2 = now;
        notice = ec;
        complete = done();
      }
      if (complete) {
        finish(p);
      }
    }

    synchronized void onSnapshot(long now, MetricsSnapshot s) {
      snapshotSeq = s.sequenceNr();
      snapshotAt = now;
    }

    private boolean done() {
      return ack != null && (!notices || notice != null);
    }

    private void finish(Phase p) {
      synchronized (this) {
        if (notices && notice.to() != expected) {
          p.wrongExposure.incrementAndGet();
        }
        p.record(t0, t1, notices ? t2 : t1, ack.sequenceNr(), snapshotSeq == ack.sequenceNr() ? snapshotAt : 0);
      }
      send(p);
    }
  }

  /** A bounded run of lanes: each {@code perLane} trades, or {@code total} trades in all; and at most maxSeconds. */
  private static final class Phase {
    final String name;
    final List<Lane> lanes;
    final int perLane;
    final AtomicLong remaining;
    volatile long deadline;
    final int maxSeconds;
    final CountDownLatch done;
    final long[][] samples; // t1 - t0, t2 - t1, t2 - t0
    final long[] t0;
    final long[] seq;
    final long[] ts;
    final AtomicInteger index = new AtomicInteger();
    final AtomicInteger completed = new AtomicInteger();
    final AtomicInteger failures = new AtomicInteger();
    final AtomicInteger mismatched = new AtomicInteger();
    final AtomicInteger wrongExposure = new AtomicInteger();
    final AtomicInteger unexpected = new AtomicInteger();
    final AtomicInteger noticeFirst = new AtomicInteger();
    long started;
    double seconds;
    int stalled;

    Phase(String name, List<Lane> lanes, int perLane, int total, int maxSeconds) {
      this.name = name;
      this.lanes = lanes;
      this.perLane = perLane;
      this.remaining = new AtomicLong(perLane > 0 ? Long.MAX_VALUE : total);
      this.maxSeconds = maxSeconds;
      this.done = new CountDownLatch(lanes.size());
      int capacity = perLane > 0 ? perLane * lanes.size() : total;
      this.samples = new long[3][capacity];
      this.t0 = new long[capacity];
      this.seq = new long[capacity];
      this.ts = new long[capacity];
    }

    boolean take(Lane lane) {
      if (System.nanoTime() >= deadline) {
        return false;
      }
      if (perLane > 0) {
        return lane.sentInPhase < perLane;
      }
      return remaining.getAndDecrement() > 0;
    }

    void record(long s, long t1, long t2, long sequenceNr, long snapshotAt) {
      int i = index.getAndIncrement();
      if (i < t0.length) {
        samples[0][i] = t1 - s;
        samples[1][i] = t2 - t1;
        samples[2][i] = t2 - s;
        t0[i] = s;
        seq[i] = sequenceNr;
        ts[i] = snapshotAt;
      }
      completed.incrementAndGet();
    }

    int count() {
      return Math.min(index.get(), t0.length);
    }

    long[] sorted(int which) {
      long[] a = Arrays.copyOf(samples[which], count());
      Arrays.sort(a);
      return a;
    }

    /** t2 - ts of the trades whose snapshot was seen. */
    long[] sortedFromSnapshot() {
      return fromSnapshot(2);
    }

    /** t1 - ts of the trades whose snapshot was seen. */
    long[] sortedAckAfterSnapshot() {
      return fromSnapshot(0);
    }

    private long[] fromSnapshot(int which) {
      long[] a = new long[count()];
      int n = 0;
      for (int i = 0; i < count(); i++) {
        if (ts[i] != 0) {
          a[n++] = t0[i] + samples[which][i] - ts[i];
        }
      }
      a = Arrays.copyOf(a, n);
      Arrays.sort(a);
      return a;
    }

    void fail(String id, Throwable e) {
      if (failures.incrementAndGet() <= 3) {
        System.err.println(name + ": " + id + ": command failed: " + e);
      }
    }

    void laneDone() {
      done.countDown();
    }

    void runAndAwait() throws InterruptedException {
      started = System.nanoTime();
      deadline = started + TimeUnit.SECONDS.toNanos(maxSeconds);
      for (Lane l : lanes) {
        l.start(this);
      }
      if (!done.await(maxSeconds + 30L, TimeUnit.SECONDS)) {
        for (Lane l : lanes) {
          synchronized (l) {
            if (l.phase == this && (l.ack == null || (l.notices && l.notice == null))) {
              stalled++;
              if (stalled <= 3) {
                System.err.println(name + ": " + l.id + " stalled on its trade " + (l.sent - 1) + ": ack "
                    + l.ack + ", notice " + l.notice);
              }
            }
          }
        }
      }
      seconds = (System.nanoTime() - started) / 1e9;
    }
  }

  /** The subscriber of the risk topic: the receipt time first, then the strategy's lane. */
  private static final class Subscriber {
    final Map<String, Lane> lanes = new ConcurrentHashMap<>();
    final AtomicLong received = new AtomicLong();
    final AtomicLong foreign = new AtomicLong();

    static Subscriber start(TradingActorsNode node) throws InterruptedException {
      Subscriber s = new Subscriber();
      Behavior<RiskNotice> b = Behaviors.receiveMessage(n -> {
        long now = System.nanoTime();
        s.received.incrementAndGet();
        Lane lane = s.lanes.get(n.strategyId());
        if (lane == null) {
          s.foreign.incrementAndGet();
        } else {
          lane.onNotice(now, n);
        }
        return Behaviors.same();
      });
      ActorRef<RiskNotice> ref = node.system().systemActorOf(b, "riskbench-subscriber", Props.empty());
      node.riskTopic().tell(Topic.subscribe(ref));
      // the subscription is asynchronous: wait until the topic counts it
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
      while (System.nanoTime() < deadline) {
        Topic.TopicStats stats = AskPattern.<Topic.Command<RiskNotice>, Topic.TopicStats>ask(node.riskTopic(),
            Topic::getTopicStats, Duration.ofSeconds(5), node.system().scheduler()).toCompletableFuture().join();
        if (stats.localSubscriberCount() >= 1) {
          return s;
        }
        Thread.sleep(20);
      }
      throw new IllegalStateException("the risk topic did not count the subscriber within 30 s");
    }
  }

  /** A subscriber of each strategy's own snapshots (StrategyPerformanceActor.Subscribe): their receipt time. */
  private static final class SnapshotProbe {
    final Map<String, Lane> lanes = new ConcurrentHashMap<>();
    ActorRef<MetricsSnapshot> ref;

    static SnapshotProbe start(TradingActorsNode node) {
      SnapshotProbe p = new SnapshotProbe();
      Behavior<MetricsSnapshot> b = Behaviors.receiveMessage(s -> {
        long now = System.nanoTime();
        Lane lane = p.lanes.get(s.strategyId());
        if (lane != null) {
          lane.onSnapshot(now, s);
        }
        return Behaviors.same();
      });
      p.ref = node.system().systemActorOf(b, "riskbench-snapshots", Props.empty());
      return p;
    }

    void follow(Lane lane) {
      lanes.put(lane.id, lane);
      lane.ref.tell(new StrategyPerformanceActor.Subscribe(ref));
    }
  }

  /**
   * An embedded PostgreSQL of its own with PostgreSQL's defaults for durability. zonky's builder (what TestJournals
   * starts) passes {@code -F} (fsync off) and {@code synchronous_commit = off}: fine for tests, but a commit then
   * waits for no disk. The later {@code -c fsync=on} overrides the earlier {@code -F}; checked with SHOW at start.
   * Public for the HTTP load benchmark, which runs its node on the same server.
   */
  public static final class DurablePostgres {
    private static String adminUrl;

    public static synchronized Config config(Path dataDir) {
      try {
        if (adminUrl == null) {
          EmbeddedPostgres pg = EmbeddedPostgres.builder()
              .setServerConfig("fsync", "on")
              .setServerConfig("synchronous_commit", "on")
              // the time of each WAL write and sync in pg_stat_wal, reported around the 1-strategy phase
              .setServerConfig("track_wal_io_timing", "on")
              .start();
          Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try {
              pg.close();
            } catch (IOException ignored) {
              // exiting
            }
          }));
          adminUrl = pg.getJdbcUrl("postgres", "postgres");
        }
        String name = "riskbench_" + ProcessHandle.current().pid() + "_" + System.nanoTime() % 100_000;
        try (Connection c = DriverManager.getConnection(adminUrl, "postgres", "");
            Statement st = c.createStatement()) {
          st.execute("CREATE DATABASE " + name);
        }
        String prefix = "pekko-persistence-jdbc.shared-databases.trading-actors.db.";
        int q = adminUrl.indexOf('?');
        String base = adminUrl.substring(0, q);
        String url = base.substring(0, base.lastIndexOf('/') + 1) + name + adminUrl.substring(q);
        Config overrides = ConfigFactory.parseMap(Map.of(
            prefix + "url", url,
            prefix + "user", "postgres",
            prefix + "password", "",
            "trading-actors.data-dir", dataDir.toAbsolutePath().toString()));
        return ConfigFactory.load(overrides.withFallback(ConfigFactory.parseResources("postgres.conf")));
      } catch (IOException e) {
        throw new UncheckedIOException("cannot start embedded PostgreSQL", e);
      } catch (java.sql.SQLException e) {
        throw new IllegalStateException("cannot create the benchmark's database: " + e.getMessage(), e);
      }
    }
  }

  // ---- what else the machine did during a phase ---------------------------------------------------------------

  /** GC pauses, from the collectors' notifications, on the {@link System#nanoTime()} scale (±1 ms). */
  private static final class Gc {
    record Pause(long startNanos, long endNanos, long durationMs, String name) {}

    static final ConcurrentLinkedQueue<Pause> PAUSES = new ConcurrentLinkedQueue<>();
    static long uptimeZeroNanos;

    static void install() {
      uptimeZeroNanos = System.nanoTime() - ManagementFactory.getRuntimeMXBean().getUptime() * 1_000_000L;
      for (GarbageCollectorMXBean bean : ManagementFactory.getGarbageCollectorMXBeans()) {
        ((NotificationEmitter) bean).addNotificationListener((n, h) -> {
          if (!n.getType().equals(GarbageCollectionNotificationInfo.GARBAGE_COLLECTION_NOTIFICATION)) {
            return;
          }
          GarbageCollectionNotificationInfo info =
              GarbageCollectionNotificationInfo.from((CompositeData) n.getUserData());
          long start = uptimeZeroNanos + info.getGcInfo().getStartTime() * 1_000_000L;
          long end = uptimeZeroNanos + (info.getGcInfo().getEndTime() + 1) * 1_000_000L;
          PAUSES.add(new Pause(start - 1_000_000L, end, info.getGcInfo().getDuration(),
              info.getGcName() + "/" + info.getGcCause()));
        }, null, null);
      }
    }

    static boolean overlaps(long from, long to) {
      for (Pause p : PAUSES) {
        if (p.startNanos() <= to && p.endNanos() >= from) {
          return true;
        }
      }
      return false;
    }

    static List<Pause> between(long from, long to) {
      return PAUSES.stream().filter(p -> p.startNanos() >= from && p.startNanos() <= to).toList();
    }
  }

  /** Process CPU, machine CPU (/proc/stat), GC pauses and load average over a phase. */
  private static final class Probe {
    record Result(String text) {
      @Override
      public String toString() {
        return text;
      }
    }

    final long nanos = System.nanoTime();
    final long cpu = processCpu();
    final long[] stat = Machine.cpuTicks();
    final String load = loadAverage();

    static Probe start() {
      return new Probe();
    }

    Result stop() {
      long wall = System.nanoTime() - nanos;
      long cpuNs = processCpu() - cpu;
      String machine = Machine.cpuBusySince(stat);
      List<Gc.Pause> pauses = Gc.between(nanos, System.nanoTime());
      long gcMs = pauses.stream().mapToLong(Gc.Pause::durationMs).sum();
      long gcMax = pauses.stream().mapToLong(Gc.Pause::durationMs).max().orElse(0);
      return new Result(String.format(Locale.ROOT, "JVM CPU %.0f %% of one core; machine (both cores, all "
              + "processes) %s; GC %d pauses, %d ms in all, longest %d ms; load %s -> %s", 100.0 * cpuNs / wall,
          machine, pauses.size(), gcMs, gcMax, load, loadAverage()));
    }

    private static long processCpu() {
      return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
          .getProcessCpuTime();
    }

  }

  // ---- figures ------------------------------------------------------------------------------------------------

  record Stats(int n, double p50, double p90, double p99, double p999, double max, double mean) {
    static Stats of(long[] sorted) {
      long[] s = sorted.clone();
      Arrays.sort(s);
      if (s.length == 0) {
        return new Stats(0, Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN);
      }
      return new Stats(s.length, pct(s, 50), pct(s, 90), pct(s, 99), pct(s, 99.9), s[s.length - 1] / 1e6,
          Arrays.stream(s).average().orElse(0) / 1e6);
    }

    static double pct(long[] sorted, double p) {
      if (sorted.length == 0) {
        return Double.NaN;
      }
      int i = (int) Math.ceil(p / 100.0 * sorted.length) - 1;
      return sorted[Math.max(0, Math.min(sorted.length - 1, i))] / 1e6;
    }

    String cells() {
      return String.format(Locale.ROOT, "%,d | %.2f | %.2f | %.2f | %.2f | %.2f | %.2f", n, p50, p90, p99, p999, max,
          mean);
    }
  }

  /** Printed as it comes (a run cut short still tells something) and as a markdown table at the end. */
  private static final class Output {
    record Line(String backend, String scenario, String measure, Stats stats, String note) {}

    private final List<String> context = new ArrayList<>();
    private final List<Line> lines = new ArrayList<>();
    private final Path file;

    Output(Path file) {
      this.file = file;
    }

    synchronized void context(String text) {
      context.add(text);
      System.out.println("# " + text);
    }

    synchronized void add(String backend, String scenario, String measure, Stats stats, String note) {
      lines.add(new Line(backend, scenario, measure, stats, note));
      System.out.printf(Locale.ROOT, "RESULT %-8s | %-22s | %-62s | n %,d p50 %.2f p90 %.2f p99 %.2f p99.9 %.2f "
              + "max %.2f mean %.2f ms | %s%n", backend, scenario, measure, stats.n(), stats.p50(), stats.p90(),
          stats.p99(), stats.p999(), stats.max(), stats.mean(), note);
    }

    void write() {
      StringBuilder md = new StringBuilder();
      for (String c : context) {
        md.append("- ").append(c).append('\n');
      }
      md.append("\n| backend | scenario | measure | n | p50 ms | p90 ms | p99 ms | p99.9 ms | max ms | mean ms | note |\n")
          .append("| --- | --- | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | --- |\n");
      for (Line l : lines) {
        md.append("| ").append(l.backend()).append(" | ").append(l.scenario()).append(" | ").append(l.measure())
            .append(" | ").append(l.stats().cells()).append(" | ").append(l.note()).append(" |\n");
      }
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
