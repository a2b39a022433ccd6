package io.tradingactors.bench.journal;

import static io.tradingactors.bench.Machine.command;
import static io.tradingactors.bench.Machine.loadAverage;
import static io.tradingactors.bench.journal.IngestDriver.awaitUp;
import static io.tradingactors.bench.journal.IngestDriver.ref;
import static io.tradingactors.bench.journal.IngestDriver.snapshot;

import com.typesafe.config.Config;
import io.tradingactors.actors.TradingActorsNode;
import io.tradingactors.actors.performance.StrategyPerformanceActor;
import io.tradingactors.actors.performance.StrategyPerformanceActor.Command;
import io.tradingactors.actors.performance.StrategyPerformanceActor.Recorded;
import io.tradingactors.actors.testing.TestJournals;
import io.tradingactors.bench.Machine;
import io.tradingactors.bench.journal.IngestDriver.Driven;
import io.tradingactors.domain.MetricsSnapshot;
import io.tradingactors.domain.event.PerformanceEvent;
import io.tradingactors.domain.state.PerformanceState;
import io.tradingactors.metrics.MetricSettings;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
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
import java.util.concurrent.TimeUnit;
import org.apache.pekko.actor.typed.javadsl.Adapter;
import org.apache.pekko.cluster.sharding.typed.javadsl.EntityRef;
import org.apache.pekko.persistence.jdbc.query.javadsl.JdbcReadJournal;
import org.apache.pekko.persistence.query.PersistenceQuery;
import org.apache.pekko.serialization.Serialization;
import org.apache.pekko.serialization.SerializationExtension;
import org.apache.pekko.serialization.Serializers;

/**
 * Durable ingest, latency, replay, cold start and heap of the sharded strategy actors on a real journal (an H2 file
 * or a fresh database on the embedded PostgreSQL 17 of {@link TestJournals}), beside the raw figures of the same
 * database. One run per backend; every phase is bounded in count and in time. Usage in docs/benchmarks.md:
 *
 * <pre>
 * mvn -B -q -DskipTests -pl src/bench -am package
 * java -Xms4g -Xmx4g -cp "src/bench/target/classes:$(cat src/bench/target/classpath.txt)" \
 *   io.tradingactors.bench.journal.IngestBenchmark --backend h2,postgres --out target/ingest.md
 * </pre>
 */
public final class IngestBenchmark {

  private IngestBenchmark() {}

  /** Command-line options; every one has a default, {@code --help} lists them. */
  static final class Options {
    List<String> backends = List.of("h2", "postgres");
    int[] strategies = {1, 100, 10_000};
    long events = 1_000_000;
    int batch = 100;
    int maxSeconds = 60;
    int singleSeconds = 20;
    int latencySamples = 10_000;
    long replayEvents = 1_000_000;
    int heapIdle = 10_000;
    int heapActive = 1_000;
    int activeEvents = 2_000;
    int rawSeconds = 8;
    int maxInFlight = 200;
    List<String> phases = List.of("raw", "ingest", "latency", "replay", "heap");
    Path pgbench = Path.of("/usr/bin/pgbench");
    Path out;

    static Options parse(String[] args) {
      Options o = new Options();
      for (int i = 0; i < args.length; i++) {
        String a = args[i];
        if (a.equals("--help")) {
          System.out.println("options (defaults in brackets): --backend h2,postgres | --strategies 1,100,10000 | "
              + "--events 1000000 (per batched ingest scenario) | --batch 100 | --max-seconds 60 (per scenario) | "
              + "--single-seconds 20 (per single-event scenario) | --latency-samples 10000 | "
              + "--replay-events 1000000 | --heap-idle 10000 | --heap-active 1000 | --active-events 2000 | "
              + "--raw-seconds 8 | --max-in-flight 200 (commands in flight in all) | --phases raw,ingest,latency,replay,heap | --pgbench /usr/bin/pgbench | "
              + "--out FILE (the markdown table)");
          System.exit(0);
        }
        if (i + 1 >= args.length) {
          throw new IllegalArgumentException("missing value after " + a);
        }
        String v = args[++i];
        switch (a) {
          case "--backend" -> o.backends = List.of(v.split(","));
          case "--strategies" -> o.strategies = Arrays.stream(v.split(",")).mapToInt(Integer::parseInt).toArray();
          case "--events" -> o.events = Long.parseLong(v);
          case "--batch" -> o.batch = Integer.parseInt(v);
          case "--max-seconds" -> o.maxSeconds = Integer.parseInt(v);
          case "--single-seconds" -> o.singleSeconds = Integer.parseInt(v);
          case "--latency-samples" -> o.latencySamples = Integer.parseInt(v);
          case "--replay-events" -> o.replayEvents = Long.parseLong(v);
          case "--heap-idle" -> o.heapIdle = Integer.parseInt(v);
          case "--heap-active" -> o.heapActive = Integer.parseInt(v);
          case "--active-events" -> o.activeEvents = Integer.parseInt(v);
          case "--raw-seconds" -> o.rawSeconds = Integer.parseInt(v);
          case "--max-in-flight" -> o.maxInFlight = Integer.parseInt(v);
          case "--phases" -> o.phases = List.of(v.split(","));
          case "--pgbench" -> o.pgbench = Path.of(v);
          case "--out" -> o.out = Path.of(v);
          default -> throw new IllegalArgumentException("unknown option " + a + " (--help lists them)");
        }
      }
      return o;
    }
  }

  public static void main(String[] args) throws Exception {
    Options o = Options.parse(args);
    Report report = new Report(o.out);
    machine(report);
    for (String backend : o.backends) {
      new Run(o, backend, report).run();
    }
    report.context("load average at the end: " + loadAverage());
    report.write();
    System.exit(0);
  }

  private static void machine(Report report) {
    Machine.describe().forEach(report::context);
  }


  // ---- one backend ----------------------------------------------------------------------------------------------

  private static final class Run {
    private static final String DB = "pekko-persistence-jdbc.shared-databases.trading-actors.db.";
    private static final Duration ASK = Duration.ofSeconds(60);

    private final Options o;
    private final String backend;
    private final Report report;
    private final Path dataDir;
    private final Config config;

    Run(Options o, String backend, Report report) throws IOException {
      this.o = o;
      this.backend = backend;
      this.report = report;
      this.dataDir = Files.createTempDirectory("ingest-bench-" + backend);
      this.config = TestJournals.config(
          backend.equals("h2") ? TestJournals.Backend.H2 : TestJournals.Backend.POSTGRES, dataDir);
    }

    private String url() {
      return config.getString(DB + "url");
    }

    private Connection connect() throws Exception {
      return DriverManager.getConnection(url(), config.getString(DB + "user"), config.getString(DB + "password"));
    }

    void run() throws Exception {
      settings();
      try (TradingActorsNode node = TradingActorsNode.start(config)) {
        awaitUp(node);
        if (o.phases.contains("raw")) {
          raw(node);
        }
        if (o.phases.contains("ingest")) {
          for (int batch : new int[] {o.batch, 1}) {
            for (int s : o.strategies) {
              ingest(node, batch, s);
            }
          }
        }
        if (o.phases.contains("latency")) {
          latency(node, 1, o.latencySamples);
          latency(node, o.batch, Math.max(100, o.latencySamples / 10));
        }
        if (o.phases.contains("replay")) {
          writeForReplay(node);
          queryReplay(node);
        }
      }
      if (o.phases.contains("replay")) {
        coldStarts();
      }
      if (o.phases.contains("heap")) {
        heap();
      }
    }

    private void settings() throws Exception {
      String redacted = url().replaceAll("password=[^&;]*", "password=…");
      report.context(backend + ": journal " + redacted);
      try (Connection c = connect(); Statement st = c.createStatement();
          ResultSet rs = st.executeQuery(backend.equals("h2") ? "SELECT H2VERSION()" : "SELECT version()")) {
        rs.next();
        report.context(backend + ": server " + rs.getString(1));
      }
      if (backend.equals("postgres")) {
        report.context("pgbench: " + command(o.pgbench.toString(), "--version").trim());
      }
      StringBuilder s = new StringBuilder(backend + ": settings");
      for (String k : List.of("jdbc-journal.dao", "jdbc-journal.plugin-dispatcher", "jdbc-journal.parallelism",
          "jdbc-journal.batchSize", "jdbc-journal.bufferSize", "jdbc-journal.replayBatchSize",
          "jdbc-read-journal.max-buffer-size", DB + "numThreads", DB + "maxConnections", DB + "queueSize",
          "pekko.actor.default-dispatcher.fork-join-executor.parallelism-min",
          "pekko.actor.default-dispatcher.fork-join-executor.parallelism-max",
          "trading-actors.performance.snapshot-every")) {
        s.append(config.hasPath(k) ? " " + k.replace(DB, "db.") + "=" + config.getValue(k).unwrapped() : "");
      }
      if (config.hasPath(DB + "properties")) {
        s.append(" db.properties=").append(config.getConfig(DB + "properties").root().unwrapped());
      }
      report.context(s.toString());
    }

    // ---- raw ------------------------------------------------------------------------------------------------

    private void raw(TradingActorsNode node) throws Exception {
      Serialization serialization = SerializationExtension.get(Adapter.toClassic(node.system()));
      Object sample = Workload.sampleTick();
      byte[] payload = serialization.serialize(sample).get();
      var serializer = serialization.findSerializerFor(sample);
      RawBaseline raw = new RawBaseline(report, backend, url(), config.getString(DB + "user"),
          config.getString(DB + "password"), payload, serializer.identifier(),
          Serializers.manifestFor(serializer, sample), o.rawSeconds);
      report.context(backend + ": raw rows carry a serialized balance tick, " + payload.length + " bytes; load "
          + loadAverage() + " before the raw baseline (the node is up and idle)");
      raw.createTable();
      raw.warmUp(o.batch);
      raw.warmUp(1);
      raw.jdbc(1, o.batch);
      raw.jdbc(1, 1);
      raw.jdbc(8, 1);
      if (backend.equals("postgres")) {
        raw.pgbench(o.pgbench, dataDir, 1, 1);
        raw.pgbench(o.pgbench, dataDir, 8, 1);
        raw.pgbench(o.pgbench, dataDir, 1, o.batch);
        raw.pgbench(o.pgbench, dataDir, 8, o.batch);
      }
    }

    // ---- ingest ---------------------------------------------------------------------------------------------

    /**
     * {@code strategies} strategies, each with one command in flight at a time (as a live engine sends its trades
     * in order), {@code batch} events a command, until {@code o.events} events in all (batched) or for
     * {@code o.singleSeconds} (single events), or {@code o.maxSeconds}. Each strategy first gets one command
     * (its entity starts and recovers), which is timed apart.
     */
    private void ingest(TradingActorsNode node, int batch, int strategies) throws Exception {
      String prefix = "ingest-b" + batch + "-s" + strategies + "-";
      List<Workload> load = new ArrayList<>(strategies);
      for (int i = 0; i < strategies; i++) {
        load.add(new Workload(ref(node, prefix + i), i, 60_000));
      }
      String loadBefore = loadAverage();
      long t0 = System.nanoTime();
      Driven started = drive(load, 1, 1, o.maxSeconds);
      double startSeconds = (System.nanoTime() - t0) / 1e9;

      long quota = batch == 1 ? Long.MAX_VALUE : Math.max(1, o.events / strategies);
      int seconds = batch == 1 ? o.singleSeconds : o.maxSeconds;
      Driven d = drive(load, batch, quota, seconds);
      String name = String.format(Locale.ROOT, "%,d strateg%s, %d event%s a command", strategies,
          strategies == 1 ? "y" : "ies", batch, batch == 1 ? "" : "s");
      report.add(backend, "ingest (sharded actors)", name, Report.num(d.events() / d.seconds()) + " events/s",
          String.format(Locale.ROOT, "%,d events in %.1f s, %,d commands, mean ack %.2f ms, %d failed; "
              + "first command to each (entity start): %.2f s, %d failed; load %s", d.events(), d.seconds(),
              d.commands(), d.ackNanos() / 1e6 / Math.max(1, d.commands()), d.failures(), startSeconds,
              started.failures(), loadBefore));
    }

    /** {@link IngestDriver#drive} with this run's bound on commands in flight. */
    private Driven drive(List<Workload> load, int batch, long quota, int seconds) throws InterruptedException {
      return IngestDriver.drive(load, batch, quota, seconds, o.maxInFlight);
    }

    // ---- latency --------------------------------------------------------------------------------------------

    /** One strategy, one command at a time; a warm-up of a fifth of the samples first. */
    private void latency(TradingActorsNode node, int batch, int samples) {
      Workload w = new Workload(ref(node, "latency-b" + batch), 1, 60_000);
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(o.maxSeconds);
      for (int i = 0; i < samples / 5 && System.nanoTime() < deadline; i++) {
        w.next(batch, ASK).toCompletableFuture().join();
      }
      String loadBefore = loadAverage();
      long[] ns = new long[samples];
      int n = 0;
      deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(o.maxSeconds);
      while (n < samples && System.nanoTime() < deadline) {
        long s = System.nanoTime();
        w.next(batch, ASK).toCompletableFuture().join();
        ns[n++] = System.nanoTime() - s;
      }
      long[] sorted = Arrays.copyOf(ns, n);
      Arrays.sort(sorted);
      report.add(backend, "latency (1 strategy)", "command of " + batch + " event" + (batch == 1 ? "" : "s")
              + ", ask to acknowledgement, p50 / p99 / p99.9 / max (ms)",
          String.format(Locale.ROOT, "%.2f / %.2f / %.2f / %.1f", pct(sorted, 50), pct(sorted, 99),
              pct(sorted, 99.9), sorted[n - 1] / 1e6),
          String.format(Locale.ROOT, "%,d sequential commands (after %,d warm-up), mean %.2f ms; load %s", n,
              samples / 5, Arrays.stream(sorted).average().orElse(0) / 1e6, loadBefore));
    }

    private static double pct(long[] sorted, double p) {
      int i = (int) Math.ceil(p / 100.0 * sorted.length) - 1;
      return sorted[Math.max(0, Math.min(sorted.length - 1, i))] / 1e6;
    }

    // ---- replay and cold start ------------------------------------------------------------------------------

    private static final String REPLAY_ID = "replay-1m";

    private String replayPid() {
      return StrategyPerformanceActor.ENTITY_TYPE_KEY.name() + "|" + REPLAY_ID;
    }

    private long replayWritten;
    private MetricsSnapshot replayLive;

    /** One strategy gets {@code o.replayEvents} events in commands of 1,000 (snapshots as configured). */
    private void writeForReplay(TradingActorsNode node) {
      EntityRef<Command> ref = ref(node, REPLAY_ID);
      Workload w = new Workload(ref, 42, 60_000);
      long t0 = System.nanoTime();
      long deadline = t0 + TimeUnit.SECONDS.toNanos(Math.max(o.maxSeconds, 300));
      long written = 0;
      while (written < o.replayEvents && System.nanoTime() < deadline) {
        Recorded r = w.next((int) Math.min(1_000, o.replayEvents - written), ASK).toCompletableFuture().join();
        written += r.recorded();
      }
      double s = (System.nanoTime() - t0) / 1e9;
      replayWritten = written;
      replayLive = snapshot(ref, ASK);
      report.add(backend, "replay", "writing one strategy's history, 1,000 events a command",
          Report.num(written / s) + " events/s", String.format(Locale.ROOT,
              "%,d events in %.1f s, a snapshot every %d events", written, s,
              config.getInt("trading-actors.performance.snapshot-every")));
    }

    /**
     * The replay path of the {@code replay} command: every event of the strategy through Pekko Persistence Query
     * ({@code currentEventsByPersistenceId}), folded into the state; beside it the raw read of the same rows.
     */
    private void queryReplay(TradingActorsNode node) throws Exception {
      JdbcReadJournal journal = PersistenceQuery.get(Adapter.toClassic(node.system()))
          .getReadJournalFor(JdbcReadJournal.class, JdbcReadJournal.Identifier());
      for (int round = 0; round < 2; round++) {
        long t0 = System.nanoTime();
        long[] count = {0};
        PerformanceState state = journal.currentEventsByPersistenceId(replayPid(), 0, Long.MAX_VALUE)
            .runFold(PerformanceState.empty(MetricSettings.DEFAULTS), (st, env) -> {
              count[0]++;
              return st.apply((PerformanceEvent) env.event());
            }, node.system())
            .toCompletableFuture().get(10, TimeUnit.MINUTES);
        double s = (System.nanoTime() - t0) / 1e9;
        boolean same = state.metrics().equals(replayLive.metrics());
        report.add(backend, "replay", "Persistence Query currentEventsByPersistenceId + fold, run " + (round + 1),
            Report.num(count[0] / s) + " events/s", String.format(Locale.ROOT,
                "%,d events in %.2f s; metrics %s the live entity's", count[0], s, same ? "equal" : "DIFFER FROM"));
      }
      new RawBaseline(report, backend, url(), config.getString(DB + "user"), config.getString(DB + "password"),
          new byte[0], 0, "", 0).readBack(replayPid(), replayWritten);
    }

    /** A fresh node each time: the strategy's first ask recovers it (snapshot + tail, or every event). */
    private void coldStarts() throws Exception {
      if (replayWritten == 0) {
        return;
      }
      coldStart("cold start with snapshots (latest snapshot + tail)");
      int deleted;
      try (Connection c = connect();
          PreparedStatement ps = c.prepareStatement("DELETE FROM \"snapshot\" WHERE \"persistence_id\" = ?")) {
        ps.setString(1, replayPid());
        deleted = ps.executeUpdate();
      }
      coldStart("cold start without snapshots (" + deleted + " deleted: every event replayed)");
    }

    private void coldStart(String what) {
      try (TradingActorsNode node = TradingActorsNode.start(config)) {
        long e0 = System.nanoTime();
        awaitUp(node); // cluster formed, sharding up, one empty entity recovered
        double empty = (System.nanoTime() - e0) / 1e6;
        long e1 = System.nanoTime();
        snapshot(ref(node, "never-written-" + System.nanoTime()), ASK);
        double emptyWarm = (System.nanoTime() - e1) / 1e6;
        long t0 = System.nanoTime();
        MetricsSnapshot s = snapshot(ref(node, REPLAY_ID), Duration.ofMinutes(10));
        double ms = (System.nanoTime() - t0) / 1e6;
        boolean same = s.metrics().equals(replayLive.metrics()) && s.sequenceNr() == replayLive.sequenceNr();
        report.add(backend, "cold start (1 strategy)", what, String.format(Locale.ROOT, "%.0f ms", ms),
            String.format(Locale.ROOT, "%,d events (%s events/s); state %s; an empty strategy on the same node: "
                + "%.1f ms (first of the node: %.0f ms)", s.sequenceNr(), Report.num(s.sequenceNr() / (ms / 1e3)),
                same ? "identical to the live one" : "DIFFERENT", emptyWarm, empty));
      }
    }

    // ---- heap -----------------------------------------------------------------------------------------------

    /**
     * Heap per entity on a fresh node: used heap after full collections, before and after N strategies are alive,
     * divided by N. Idle: one event written each. Active: {@code o.activeEvents} events each, ticks an hour apart
     * (so about 80 days of daily closes, a full window of recent balances, and a trade per 100 ticks).
     */
    private void heap() throws Exception {
      // each kind on its own fresh node, with passivation off: an idle entity is otherwise stopped after 2 minutes
      Config noPassivation = com.typesafe.config.ConfigFactory
          .parseString("pekko.cluster.sharding.passivation.strategy = none").withFallback(config);
      try (TradingActorsNode node = TradingActorsNode.start(noPassivation)) {
        awaitUp(node);
        heapOf(node, "idle", o.heapIdle, 1, 60_000);
      }
      try (TradingActorsNode node = TradingActorsNode.start(noPassivation)) {
        awaitUp(node);
        heapOf(node, "active", o.heapActive, o.activeEvents, 3_600_000);
      }
    }

    private void heapOf(TradingActorsNode node, String kind, int n, int eventsEach, long tickMs) throws Exception {
      // warm the code paths on a few strategies first, so classes and caches are not counted per entity
      List<Workload> warm = new ArrayList<>();
      for (int i = 0; i < 20; i++) {
        warm.add(new Workload(ref(node, "heap-warm-" + kind + "-" + i), i, tickMs));
      }
      drive(warm, 100, eventsEach, o.maxSeconds);
      long before = usedAfterGc();
      List<Workload> load = new ArrayList<>(n);
      for (int i = 0; i < n; i++) {
        load.add(new Workload(ref(node, "heap-" + kind + "-" + i), i, tickMs));
      }
      Driven d = drive(load, Math.min(100, eventsEach), eventsEach, Math.max(o.maxSeconds, 180));
      long after = usedAfterGc();
      report.add(backend, "heap per strategy", String.format(Locale.ROOT, "%s: %,d strategies alive, %,d event%s each",
              kind, n, eventsEach, eventsEach == 1 ? "" : "s"),
          Report.num((after - before) / (double) n) + " bytes",
          String.format(Locale.ROOT, "heap after full GC %,d -> %,d bytes; %,d events written in %.1f s, %d failed",
              before, after, d.events(), d.seconds(), d.failures()));
    }

    private static long usedAfterGc() throws InterruptedException {
      long used = Long.MAX_VALUE;
      for (int i = 0; i < 3; i++) {
        System.gc();
        Thread.sleep(300);
        used = Math.min(used, ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed());
      }
      return used;
    }
  }
}
