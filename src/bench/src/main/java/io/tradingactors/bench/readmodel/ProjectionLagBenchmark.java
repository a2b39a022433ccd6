package io.tradingactors.bench.readmodel;

import static io.tradingactors.bench.Machine.loadAverage;
import static io.tradingactors.bench.journal.IngestDriver.awaitUp;
import static io.tradingactors.bench.journal.IngestDriver.ref;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigFactory;
import io.tradingactors.actors.EventTags;
import io.tradingactors.actors.TradingActorsNode;
import io.tradingactors.actors.performance.StrategyPerformanceActor;
import io.tradingactors.actors.testing.TestJournals;
import io.tradingactors.bench.Machine;
import io.tradingactors.bench.http.PhaseProbe;
import io.tradingactors.bench.journal.IngestDriver;
import io.tradingactors.bench.journal.IngestDriver.Driven;
import io.tradingactors.bench.journal.Report;
import io.tradingactors.bench.journal.Workload;
import io.tradingactors.bench.risk.RiskChainBenchmark;
import io.tradingactors.domain.MetricsSnapshot;
import io.tradingactors.metrics.MetricSettings;
import io.tradingactors.readmodel.ReadModel;
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
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import org.HdrHistogram.ConcurrentHistogram;
import org.HdrHistogram.Histogram;
import org.apache.pekko.actor.typed.javadsl.Adapter;
import org.apache.pekko.persistence.jdbc.query.javadsl.JdbcReadJournal;
import org.apache.pekko.persistence.query.Offset;
import org.apache.pekko.persistence.query.PersistenceQuery;
import org.apache.pekko.stream.KillSwitches;
import org.apache.pekko.stream.UniqueKillSwitch;
import org.apache.pekko.stream.javadsl.Keep;
import org.apache.pekko.stream.javadsl.Sink;

/**
 * How far the read model's projection runs behind the journal under the ingest workload of {@link
 * io.tradingactors.bench.journal.IngestBenchmark} (issue: "projection lag under the ingest benchmark is measured;
 * target p99 &lt; 1 s behind the journal at full ingest").
 *
 * <p>One node on a real journal (H2 file, or PostgreSQL: by default the durable embedded server of {@link
 * RiskChainBenchmark.DurablePostgres}), the read model started on it ({@link ReadModel#start}, the projection as
 * configured in hocon/trading-actors.conf), and {@code --entities} strategies written with {@link Workload}'s commands
 * of {@code --batch} events: at full speed ({@link IngestDriver#drive}: each strategy one command in flight) or, with
 * {@code --rate}, open loop at a fixed rate of events a second (command {@code i} due at {@code start + i · batch /
 * rate}, round robin over the strategies, whatever the answers before it). A warm-up, then the measured phase.
 *
 * <p>Measured: the lag the projection reports for every event ({@link ReadModel#onLag}: from the event's journal write
 * timestamp to the moment its rows are written in the projection's transaction, just before the commit), in an
 * HdrHistogram, for every event written during the measured phase (by its write time, whenever it is projected);
 * acknowledged and projected events a second; after the load stops, the time until strategy_performance holds every
 * strategy's acknowledged sequence number (polled on a connection of its own); JVM and machine CPU, GC and load
 * average. With {@code --delivery-probe on}, a plain {@code eventsByTag} stream of one tag beside the projection
 * (what the read journal alone delivers: journal-sequence actor, polling, query, decoding) measures the lag at
 * delivery. Then, on the idle node, the database's own floor ({@link ProjectionFloor}). {@code --help} lists the
 * options. Usage (docs/benchmarks.md):
 *
 * <pre>
 * mvn -B -o -q -DskipTests -pl src/bench -am package
 * java -Xms2g -Xmx2g -cp "src/bench/target/classes:$(cat src/bench/target/classpath.txt)" \
 *   io.tradingactors.bench.readmodel.ProjectionLagBenchmark --journal postgres --seconds 40
 * </pre>
 */
public final class ProjectionLagBenchmark {

  private ProjectionLagBenchmark() {}

  /** The target: p99 of the lag below this at full ingest. */
  static final long TARGET_P99_MS = 1_000;

  private static final String DB = "pekko-persistence-jdbc.shared-databases.trading-actors.db.";
  private static final Duration ASK = Duration.ofSeconds(60);
  /** Acknowledgements handled where the ask completes (not on the common pool: a thread each on 2 cores). */
  private static final Executor DIRECT = Runnable::run;
  private static final long MAX_LAG_MS = TimeUnit.HOURS.toMillis(1);

  static final class Options {
    String journal = "h2";
    String pg = "durable";
    int entities = 100;
    int batch = 100;
    int seconds = 40;
    int warmupSeconds = 20;
    double rate;
    int maxInFlight = 20;
    int prewarmSeconds = 30;
    double prewarmRate = 100;
    boolean deliveryProbe;
    boolean tagIndex;
    int catchUpSeconds = 120;
    int floorSamples = 300;
    List<String> settings = new ArrayList<>();
    List<String> pgSettings = new ArrayList<>();
    Path out;

    static Options parse(String[] args) {
      Options o = new Options();
      for (int i = 0; i < args.length; i++) {
        String a = args[i];
        if (a.equals("--help")) {
          System.out.println("options (defaults in brackets): --journal h2 (h2|postgres) | --pg durable (PostgreSQL: "
              + "'durable' = an embedded server with fsync = on, synchronous_commit = on; 'test' = TestJournals', "
              + "both off) | --entities 100 (strategies) | --batch 100 (events a command) | --seconds 40 (measured) | "
              + "--warmup-seconds 20 | --rate 0 (events/s, open loop; 0 = full speed, each strategy one command in "
              + "flight) | --max-in-flight 20 (full speed: commands in flight in all; 20 x 100 events fill one of the "
              + "journal's group commits of 2,000 rows) | --prewarm-seconds 30 (first, at --prewarm-rate 100 "
              + "events/s open loop: the JIT compiles the paths at a rate the node sustains; 0 for none) | "
              + "--delivery-probe off (on: an "
              + "eventsByTag stream of performance-0 beside the projection: the lag at delivery) | --catch-up-seconds "
              + "120 (longest wait for the read model after the load) | --floor-samples 300 (each raw baseline) | "
              + "--tag-index off (on: an experiment, an index event_tag (tag, event_id) created before the load) | "
              + "--pg-set NAME=VALUE (an experiment: ALTER DATABASE … SET NAME = VALUE on the journal's database "
              + "before the node starts, e.g. enable_hashjoin=off; repeatable) | --set KEY=VALUE (a configuration "
              + "override for this run, e.g. trading-actors.read-model.group-within=10ms; repeatable) | --out FILE "
              + "(the markdown report)");
          System.exit(0);
        }
        if (i + 1 >= args.length) {
          throw new IllegalArgumentException("missing value after " + a);
        }
        String v = args[++i];
        switch (a) {
          case "--journal" -> o.journal = v;
          case "--pg" -> o.pg = v;
          case "--entities" -> o.entities = Integer.parseInt(v);
          case "--batch" -> o.batch = Integer.parseInt(v);
          case "--seconds" -> o.seconds = Integer.parseInt(v);
          case "--warmup-seconds" -> o.warmupSeconds = Integer.parseInt(v);
          case "--rate" -> o.rate = Double.parseDouble(v);
          case "--max-in-flight" -> o.maxInFlight = Integer.parseInt(v);
          case "--prewarm-seconds" -> o.prewarmSeconds = Integer.parseInt(v);
          case "--prewarm-rate" -> o.prewarmRate = Double.parseDouble(v);
          case "--delivery-probe" -> o.deliveryProbe = v.equals("on");
          case "--tag-index" -> o.tagIndex = v.equals("on");
          case "--catch-up-seconds" -> o.catchUpSeconds = Integer.parseInt(v);
          case "--floor-samples" -> o.floorSamples = Integer.parseInt(v);
          case "--set" -> o.settings.add(v);
          case "--pg-set" -> o.pgSettings.add(v);
          case "--out" -> o.out = Path.of(v);
          default -> throw new IllegalArgumentException("unknown option " + a + " (--help lists them)");
        }
      }
      if (!o.journal.equals("h2") && !o.journal.equals("postgres")) {
        throw new IllegalArgumentException("--journal: h2 or postgres, got " + o.journal);
      }
      return o;
    }
  }

  public static void main(String[] args) throws Exception {
    Options o = Options.parse(args);
    Report report = new Report(o.out);
    PhaseProbe.installGcListener();
    report.context("command: ProjectionLagBenchmark " + String.join(" ", args));
    Machine.describe().forEach(report::context);
    new Run(o, report).run();
    report.context("load average at the end (1, 5, 15 min): " + loadAverage());
    report.write();
    System.exit(0);
  }

  // ---- one run --------------------------------------------------------------------------------------------------

  private static final class Run {
    private final Options o;
    private final Report report;
    private final Config config;
    private final String backend;
    private final String mode;
    private final boolean postgres;

    /** The lag of every projected event, by when it was written: during the measured phase, and its thirds. */
    private final Histogram lag = new ConcurrentHistogram(MAX_LAG_MS, 3);
    private final Histogram[] lagThirds = {
        new ConcurrentHistogram(MAX_LAG_MS, 3), new ConcurrentHistogram(MAX_LAG_MS, 3),
        new ConcurrentHistogram(MAX_LAG_MS, 3)};
    private final Histogram warmupLag = new ConcurrentHistogram(MAX_LAG_MS, 3);
    private final Histogram delivery = new ConcurrentHistogram(MAX_LAG_MS, 3);
    private final AtomicLong projectedInPhase = new AtomicLong();
    private final AtomicLong projectedAll = new AtomicLong();
    private final AtomicLong deliveredAll = new AtomicLong();
    private final AtomicLong transactions = new AtomicLong();
    private final AtomicLong transactionsInPhase = new AtomicLong();
    private final AtomicLong lastProjectedMs = new AtomicLong();
    private final ThreadLocal<long[]> lastCall = ThreadLocal.withInitial(() -> new long[] {0});
    private volatile long phaseStartMs = Long.MAX_VALUE;
    private volatile long phaseEndMs = Long.MAX_VALUE;
    /** The measured phase's planned end (its thirds are of the planned length: the phase's end is known later). */
    private volatile long phasePlannedEndMs = Long.MAX_VALUE;
    private volatile long warmupStartMs = Long.MAX_VALUE;
    private volatile long lastLag = -1;

    Run(Options o, Report report) throws Exception {
      this.o = o;
      this.report = report;
      this.postgres = o.journal.equals("postgres");
      Path dataDir = Files.createTempDirectory("lag-bench-" + o.journal);
      Config journal = switch (o.journal) {
        case "h2" -> TestJournals.h2(dataDir);
        default -> switch (o.pg) {
          case "durable" -> RiskChainBenchmark.DurablePostgres.config(dataDir);
          case "test" -> TestJournals.postgres(dataDir);
          default -> throw new IllegalArgumentException("--pg: durable or test, got " + o.pg);
        };
      };
      Config overrides = ConfigFactory.parseString(String.join("\n", o.settings));
      this.config = overrides.withFallback(journal).resolve();
      this.backend = postgres ? "postgres " + o.pg : "h2";
      this.mode = o.rate > 0 ? String.format(Locale.ROOT, "open loop %,.0f events/s", o.rate) : "full speed";
    }

    private Connection connect() throws Exception {
      return DriverManager.getConnection(
          config.getString(DB + "url"), config.getString(DB + "user"), config.getString(DB + "password"));
    }

    void run() throws Exception {
      settings();
      try (TradingActorsNode node = TradingActorsNode.start(config)) {
        awaitUp(node);
        Config m = config.getConfig("trading-actors.metrics");
        MetricSettings metrics = new MetricSettings(
            m.getInt("periods-per-year"), m.getDouble("risk-free-rate"), m.getDouble("minimum-acceptable-return"));
        if (o.tagIndex) {
          try (Connection c = connect(); Statement st = c.createStatement()) {
            st.execute("CREATE INDEX \"event_tag_tag_event_id_idx\" ON \"event_tag\" (\"tag\", \"event_id\")");
          }
          report.context(backend + ": experiment: index event_tag (tag, event_id) created (not in the product's "
              + "schema)");
        }
        ReadModel readModel = ReadModel.start(node.system(), config, metrics);
        Thread ticker = progress();
        readModel.onLag(this::observe);

        List<Workload> load = new ArrayList<>(o.entities);
        for (int i = 0; i < o.entities; i++) {
          load.add(new Workload(ref(node, "lag-" + i), i, 60_000));
        }
        long t0 = System.nanoTime();
        Driven started = IngestDriver.drive(load, 1, 1, 120, o.maxInFlight, ASK.toSeconds(), DIRECT);
        report.context(String.format(Locale.ROOT, "%s: first command (1 event) to each of %,d strategies (entity "
            + "start): %.2f s, %d failed; load %s", backend, o.entities, (System.nanoTime() - t0) / 1e9,
            started.failures(), loadAverage()));

        UniqueKillSwitch probe = o.deliveryProbe ? deliveryProbe(node) : null;

        if (o.prewarmSeconds > 0) {
          PhaseProbe pre = new PhaseProbe();
          Phase p = openLoop(load, o.prewarmRate, o.prewarmSeconds, loadAverage());
          report.add(backend, "pre-warm (discarded)", String.format(Locale.ROOT, "open loop %,.0f events/s",
              o.prewarmRate), Report.num(p.driven.events() / p.driven.seconds()) + " events/s", p.note() + "; "
              + pre.stop());
        }
        warmupStartMs = System.currentTimeMillis();
        PhaseProbe warmProbe = new PhaseProbe();
        Phase warm = phase(load, o.warmupSeconds);
        report.add(backend, "warm-up (discarded)", mode, Report.num(warm.driven.events() / warm.driven.seconds())
            + " events/s", warm.note() + "; " + warmProbe.stop());

        PhaseProbe machine = new PhaseProbe();
        DatabaseActivity activity = postgres ? DatabaseActivity.start(connect(), 200) : null;
        long cpu0 = processCpu();
        long wall0 = System.nanoTime();
        phasePlannedEndMs = System.currentTimeMillis() + o.seconds * 1_000L;
        phaseStartMs = phasePlannedEndMs - o.seconds * 1_000L;
        Phase measured = phase(load, o.seconds);
        phaseEndMs = System.currentTimeMillis();
        long stopNanos = System.nanoTime();
        double jvmCpu = 100.0 * (processCpu() - cpu0) / (stopNanos - wall0);
        String machineText = machine.stop();
        String activityText = activity == null ? null : activity.stop();
        long projectedAtStop = projectedAll.get();

        // after the load: until the read model holds every acknowledged event
        CatchUp catchUp = catchUp(node, stopNanos);
        if (probe != null) {
          Thread.sleep(500); // the probe's last poll
          probe.shutdown();
        }
        double phaseSeconds = (phaseEndMs - phaseStartMs) / 1e3;

        String target = lag.getTotalCount() == 0 ? "no event projected"
            : lag.getValueAtPercentile(99) < TARGET_P99_MS ? "p99 < 1,000 ms: met" : "p99 < 1,000 ms: MISSED";
        if (measured.driven.failures() > 0) {
          target += " (VOID: " + measured.driven.failures() + " commands failed in the measured phase)";
        }
        report.add(backend, "projection lag (" + mode + ")",
            "write timestamp -> rows written, p50 / p90 / p99 / p99.9 / max (ms)", percentiles(lag),
            String.format(Locale.ROOT, "%,d events written in the %.1f-s measured phase, mean %.0f ms; %s; p99 by "
                    + "thirds of the phase %s / %s / %s ms; warm-up p99 %s ms", lag.getTotalCount(), phaseSeconds,
                lag.getMean(), target, p99(lagThirds[0]), p99(lagThirds[1]), p99(lagThirds[2]), p99(warmupLag)));
        if (o.deliveryProbe) {
          report.add(backend, "delivery lag (" + mode + ")",
              "eventsByTag(performance-0) beside it: write timestamp -> delivered, p50 / p90 / p99 / p99.9 / max (ms)",
              percentiles(delivery), String.format(Locale.ROOT, "%,d events of the measured phase (one tag of %d), "
                  + "mean %.0f ms: the read journal alone (journal-sequence actor, polling, query, decoding)",
                  delivery.getTotalCount(), EventTags.GROUPS, delivery.getMean()));
        }
        report.add(backend, "ingest (" + mode + ")", "acknowledged events/s, measured phase",
            Report.num(measured.driven.events() / measured.driven.seconds()) + " events/s", measured.note());
        long txs = transactionsInPhase.get();
        report.add(backend, "projection (" + mode + ")", "projected events/s, measured phase",
            Report.num(projectedInPhase.get() / phaseSeconds) + " events/s", String.format(Locale.ROOT,
                "%,d events projected during the phase; about %,d transactions (%.1f/s, %.0f events each: inferred "
                    + "from the lag callbacks); %,d events projected when the load stopped, of %,d acknowledged",
                projectedInPhase.get(), txs, txs / phaseSeconds, projectedInPhase.get() / (double) Math.max(1, txs),
                projectedAtStop, catchUp.acknowledged));
        report.add(backend, "catch-up (" + mode + ")", "load stopped -> strategy_performance has every event",
            catchUp.ms < 0 ? "not within " + o.catchUpSeconds + " s" : String.format(Locale.ROOT, "%,d ms",
                catchUp.ms), String.format(Locale.ROOT, "%,d strategies, %,d events acknowledged in all (%,d behind "
                + "in the table at the first poll, %,d ms after the stop: the asks for the acknowledged positions); "
                + "polled every %d ms; last lag callback %,d ms after the stop", o.entities, catchUp.acknowledged,
                catchUp.behindAtFirstPoll, catchUp.firstPollMs, POLL_MS,
                Math.max(0, lastProjectedMs.get() - phaseEndMs)));
        report.add(backend, "machine (" + mode + ")", "JVM CPU, measured phase", String.format(Locale.ROOT,
            "%.0f %% of a core", jvmCpu), machineText);
        if (activityText != null) {
          report.context(backend + ": PostgreSQL during the measured phase (pg_stat_activity every 200 ms: active "
              + "sessions of the journal's database by query; samples, share of samples): " + activityText);
        }
        if (catchUp.ms < 0) {
          report.context(backend + ": the read model had not caught up when the raw baselines below started: the "
              + "projection was still working during them");
        }
        ticker.interrupt();
        floor(measured);
      }
    }

    /** Every 5 s on stdout: events projected so far, the latest lag, the load average. */
    private Thread progress() {
      Thread t = new Thread(() -> {
        long t0 = System.nanoTime();
        try {
          while (true) {
            Thread.sleep(5_000);
            System.out.printf(Locale.ROOT, "progress %4.0f s: %,d events projected, last lag %,d ms, load %s%n",
                (System.nanoTime() - t0) / 1e9, projectedAll.get(), lastLag, loadAverage());
          }
        } catch (InterruptedException e) {
          // done
        }
      }, "progress");
      t.setDaemon(true);
      t.start();
      return t;
    }

    // ---- the load -------------------------------------------------------------------------------------------

    private record Phase(Driven driven, String detail) {
      String note() {
        return String.format(Locale.ROOT, "%,d events in %.1f s, %,d commands, mean ack %.1f ms, %d failed%s",
            driven.events(), driven.seconds(), driven.commands(),
            driven.ackNanos() / 1e6 / Math.max(1, driven.commands()), driven.failures(), detail);
      }
    }

    private Phase phase(List<Workload> load, int seconds) throws InterruptedException {
      String before = loadAverage();
      if (o.rate <= 0) {
        Driven d = IngestDriver.drive(load, o.batch, Long.MAX_VALUE, seconds, o.maxInFlight, ASK.toSeconds(), DIRECT);
        return new Phase(d, "; load " + before + " -> " + loadAverage());
      }
      return openLoop(load, o.rate, seconds, before);
    }

    /**
     * Command {@code i} (of {@code o.batch} events, to strategy {@code i mod n}) is due at {@code start + i · batch /
     * rate}, sent by one thread whatever happened to the commands before it; the phase ends when the last scheduled
     * command is answered (or 120 s after its schedule).
     */
    private Phase openLoop(List<Workload> load, double rate, int seconds, String before)
        throws InterruptedException {
      long interval = (long) (1e9 * o.batch / rate);
      long count = Math.max(1, (long) (seconds * rate / o.batch));
      AtomicLong events = new AtomicLong();
      AtomicLong commands = new AtomicLong();
      AtomicLong failures = new AtomicLong();
      AtomicLong ackNanos = new AtomicLong();
      AtomicLong inFlight = new AtomicLong();
      AtomicLong maxInFlight = new AtomicLong();
      AtomicLong lastAck = new AtomicLong();
      Histogram late = new Histogram(3);
      CompletableFuture<Void> allAnswered = new CompletableFuture<>();
      long start = System.nanoTime() + 1_000_000L;
      for (long i = 0; i < count; i++) {
        long due = start + i * interval;
        long wait;
        while ((wait = due - System.nanoTime()) > 0) {
          LockSupport.parkNanos(wait);
        }
        long s = System.nanoTime();
        late.recordValue(Math.max(0, (s - due) / 1_000));
        long n = inFlight.incrementAndGet();
        maxInFlight.accumulateAndGet(n, Math::max);
        boolean last = i == count - 1;
        load.get((int) (i % load.size())).next(o.batch, ASK).whenCompleteAsync((r, e) -> {
          long t = System.nanoTime();
          ackNanos.addAndGet(t - s);
          lastAck.accumulateAndGet(t, Math::max);
          commands.incrementAndGet();
          if (e != null) {
            if (failures.incrementAndGet() <= 3) {
              System.err.println("command failed: " + e);
            }
          } else {
            events.addAndGet(r.recorded());
          }
          if (inFlight.decrementAndGet() == 0 && commands.get() == count) {
            allAnswered.complete(null);
          }
        }, DIRECT);
        if (last && inFlight.get() == 0 && commands.get() == count) {
          allAnswered.complete(null);
        }
      }
      long scheduleEnd = start + count * interval;
      try {
        allAnswered.get(120, TimeUnit.SECONDS);
      } catch (Exception e) {
        System.err.println("open loop: " + (count - commands.get()) + " commands unanswered 120 s after the schedule");
      }
      double scheduleSeconds = (scheduleEnd - start) / 1e9;
      double seconds1 = Math.max(scheduleSeconds, (lastAck.get() - start) / 1e9);
      Driven d = new Driven(events.get(), commands.get(), failures.get(), ackNanos.get(), seconds1);
      return new Phase(d, String.format(Locale.ROOT, "; %,d commands scheduled over %.1f s, last answered %,.0f ms "
              + "after the schedule's end; at most %,d in flight; sender late p99 %.2f ms, max %.2f ms; load %s -> %s",
          count, scheduleSeconds, Math.max(0, lastAck.get() - scheduleEnd) / 1e6, maxInFlight.get(),
          late.getValueAtPercentile(99) / 1e3, late.getMaxValue() / 1e3, before, loadAverage()));
    }

    // ---- what the projection reports -----------------------------------------------------------------------

    /** Called on the projection's threads for every projected event, just before its transaction commits. */
    private void observe(long lagMs) {
      lastLag = lagMs;
      long now = System.currentTimeMillis();
      long nanos = System.nanoTime();
      long[] last = lastCall.get();
      // one transaction's events are reported in one loop on one thread, microseconds apart
      boolean newTransaction = nanos - last[0] > 1_000_000L;
      last[0] = nanos;
      if (newTransaction) {
        transactions.incrementAndGet();
      }
      long v = Math.max(0, Math.min(MAX_LAG_MS, lagMs));
      long written = now - lagMs;
      projectedAll.incrementAndGet();
      lastProjectedMs.accumulateAndGet(now, Math::max);
      if (now >= phaseStartMs && now < phaseEndMs) {
        projectedInPhase.incrementAndGet();
        if (newTransaction) {
          transactionsInPhase.incrementAndGet();
        }
      }
      if (written >= phaseStartMs && written < phaseEndMs) {
        lag.recordValue(v);
        long third = Math.min(2, 3 * (written - phaseStartMs) / Math.max(1, phasePlannedEndMs - phaseStartMs));
        lagThirds[(int) third].recordValue(v);
      } else if (written >= warmupStartMs && written < phaseStartMs) {
        warmupLag.recordValue(v);
      }
    }

    /** A plain eventsByTag stream of one tag from the journal's end: what the read journal alone delivers. */
    private UniqueKillSwitch deliveryProbe(TradingActorsNode node) throws Exception {
      long from;
      try (Connection c = connect()) {
        from = new ProjectionFloor(c, postgres).maxOrdering();
      }
      JdbcReadJournal journal = PersistenceQuery.get(Adapter.toClassic(node.system()))
          .getReadJournalFor(JdbcReadJournal.class, JdbcReadJournal.Identifier());
      return journal.eventsByTag(EventTags.allOf(EventTags.PERFORMANCE).get(0), Offset.sequence(from))
          .viaMat(KillSwitches.single(), Keep.right())
          .to(Sink.foreach(env -> {
            long now = System.currentTimeMillis();
            long written = env.timestamp();
            deliveredAll.incrementAndGet();
            if (written >= phaseStartMs && written < phaseEndMs) {
              delivery.recordValue(Math.max(0, Math.min(MAX_LAG_MS, now - written)));
            }
          }))
          .run(node.system());
    }

    // ---- catch-up -------------------------------------------------------------------------------------------

    static final int POLL_MS = 10;

    private record CatchUp(long ms, long acknowledged, long behindAtFirstPoll, long firstPollMs) {}

    /**
     * Asks every strategy for its journal position (its snapshot's sequence number: what it has persisted and
     * acknowledged), then polls strategy_performance until each strategy's rows are at that position.
     */
    private CatchUp catchUp(TradingActorsNode node, long stopNanos) throws Exception {
      Map<String, Long> expected = new HashMap<>();
      List<CompletableFuture<MetricsSnapshot>> asks = new ArrayList<>();
      for (int i = 0; i < o.entities; i++) {
        asks.add(ref(node, "lag-" + i).<MetricsSnapshot>ask(StrategyPerformanceActor.GetSnapshot::new, ASK)
            .toCompletableFuture());
      }
      long acknowledged = 0;
      int unanswered = 0;
      for (CompletableFuture<MetricsSnapshot> a : asks) {
        try {
          MetricsSnapshot s = a.get(ASK.toSeconds(), TimeUnit.SECONDS);
          expected.put(s.strategyId(), s.sequenceNr());
          acknowledged += s.sequenceNr();
        } catch (java.util.concurrent.ExecutionException e) {
          unanswered++; // a strategy that does not answer (its entity failing) is left out
        }
      }
      if (unanswered > 0) {
        report.context(backend + ": catch-up: " + unanswered + " strategies did not answer the ask for their "
            + "position and are left out of it");
      }
      long firstPollMs = (System.nanoTime() - stopNanos) / 1_000_000L;
      long behindAtFirstPoll = -1;
      long deadline = stopNanos + TimeUnit.SECONDS.toNanos(o.catchUpSeconds);
      try (Connection c = connect();
          PreparedStatement ps = c.prepareStatement("SELECT strategy_id, MIN(last_sequence_nr) FROM "
              + "strategy_performance WHERE run = '' AND strategy_id LIKE 'lag-%' GROUP BY strategy_id")) {
        while (System.nanoTime() < deadline) {
          long behind = 0;
          Map<String, Long> seen = new HashMap<>();
          try (ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
              seen.put(rs.getString(1), rs.getLong(2));
            }
          }
          for (Map.Entry<String, Long> e : expected.entrySet()) {
            behind += Math.max(0, e.getValue() - seen.getOrDefault(e.getKey(), 0L));
          }
          if (behindAtFirstPoll < 0) {
            behindAtFirstPoll = behind;
          }
          if (behind == 0) {
            long now = System.nanoTime();
            return new CatchUp((now - stopNanos) / 1_000_000L, acknowledged, behindAtFirstPoll, firstPollMs);
          }
          Thread.sleep(POLL_MS);
        }
      }
      return new CatchUp(-1, acknowledged, behindAtFirstPoll, firstPollMs);
    }

    // ---- the database's floor -------------------------------------------------------------------------------

    /**
     * On the idle node after the load: the tag query as the read journal polls it (at the journal's end: no new
     * row; and from the offset that leaves one poll's worth of rows at the measured ingest rate), the
     * journal-sequence actor's query, and transactions of read-model upserts like the projection's.
     */
    private void floor(Phase measured) throws Exception {
      String load = loadAverage();
      double rate = measured.driven.events() / measured.driven.seconds();
      long refreshMs = config.getDuration("jdbc-read-journal.refresh-interval").toMillis();
      int limit = config.getInt("jdbc-read-journal.max-buffer-size");
      int sequenceBatch = config.getInt("jdbc-read-journal.journal-sequence-retrieval.batch-size");
      int groupSize = config.getInt("trading-actors.read-model.group-size");
      String tag = EventTags.allOf(EventTags.PERFORMANCE).get(0);
      int warmup = Math.max(10, o.floorSamples / 5);
      int n = o.floorSamples;
      try (Connection c = connect()) {
        ProjectionFloor f = new ProjectionFloor(c, postgres);
        long tip = f.maxOrdering();
        report.context(String.format(Locale.ROOT, "%s: raw baselines on the idle node, journal of %,d rows; load %s",
            backend, tip, load));
        ProjectionFloor.Figure empty = f.tagQuery(tag, tip, tip, limit, warmup, n);
        report.add(backend, "raw: database floor", "tag query at the journal's end (0 rows), p50 / p90 / p99 / p99.9 "
            + "/ max (ms)", percentilesMicros(empty.micros()), String.format(Locale.ROOT, "%,d queries, plain JDBC; "
            + "what every poll costs when the projection is caught up", n));
        int perPoll = (int) Math.max(1, Math.round(rate * (refreshMs / 1e3) / EventTags.GROUPS));
        for (int rows : new int[] {perPoll, groupSize}) {
          report.context(String.format(Locale.ROOT, "%s: plan of the tag query (%s) returning %,d rows: %s", backend,
              tag, rows, f.explainTagQuery(tag, f.offsetBehindTip(tag, rows), tip, limit)));
        }
        for (int rows : new int[] {perPoll, groupSize}) {
          long from = f.offsetBehindTip(tag, rows);
          ProjectionFloor.Figure q = f.tagQuery(tag, from, tip, limit, warmup, n);
          report.add(backend, "raw: database floor", String.format(Locale.ROOT, "tag query returning %,d rows, p50 / "
              + "p90 / p99 / p99.9 / max (ms)", q.rows() / n), percentilesMicros(q.micros()),
              String.format(Locale.ROOT, "%,d queries; %s", n, rows == perPoll
                  ? String.format(Locale.ROOT, "one tag's rows of one refresh-interval (%d ms) at %,.0f events/s",
                      refreshMs, rate)
                  : "a group's worth (group-size)"));
        }
        long seqFrom = Math.max(0, tip - Math.round(rate * refreshMs / 1e3));
        ProjectionFloor.Figure seq = f.sequenceQuery(seqFrom, sequenceBatch, warmup, n);
        report.add(backend, "raw: database floor", String.format(Locale.ROOT, "journal-sequence query returning %,d "
            + "orderings, p50 / p90 / p99 / p99.9 / max (ms)", seq.rows() / n), percentilesMicros(seq.micros()),
            String.format(Locale.ROOT, "%,d queries; the orderings of one query-delay at %,.0f events/s", n, rate));
        for (int strategies : new int[] {1, Math.max(1, groupSize / o.batch)}) {
          int events = strategies * o.batch;
          // account_history: the first balance of each hour (ticks a minute apart) and every trade (1 per 100 ticks)
          int history = (int) Math.ceil(events / 60.0 + events / 100.0);
          Histogram[] tx = f.groupTransaction(strategies, history, warmup, n);
          report.add(backend, "raw: database floor", String.format(Locale.ROOT, "one transaction of upserts for "
              + "%,d events of %d strateg%s (%d + %d + %d rows + offset), whole / commit alone, p50 / p99 (ms)",
              events, strategies, strategies == 1 ? "y" : "ies", 2 * strategies, 5 * strategies, history),
              String.format(Locale.ROOT, "%.2f / %.2f; %.2f / %.2f", tx[0].getValueAtPercentile(50) / 1e3,
                  tx[0].getValueAtPercentile(99) / 1e3, tx[1].getValueAtPercentile(50) / 1e3,
                  tx[1].getValueAtPercentile(99) / 1e3),
              String.format(Locale.ROOT, "%,d transactions, plain JDBC, read model's tables; whole p90 %.2f, "
                  + "p99.9 %.2f, max %.2f ms", n, tx[0].getValueAtPercentile(90) / 1e3,
                  tx[0].getValueAtPercentile(99.9) / 1e3, tx[0].getMaxValue() / 1e3));
        }
      }
      report.context(backend + ": load after the raw baselines " + loadAverage());
    }

    // ---- context --------------------------------------------------------------------------------------------

    private void settings() throws Exception {
      String url = config.getString(DB + "url");
      report.context(backend + ": journal " + url.replaceAll("password=[^&;]*", "password=…"));
      try (Connection c = connect(); Statement st = c.createStatement()) {
        try (ResultSet rs = st.executeQuery(postgres ? "SELECT version()" : "SELECT H2VERSION()")) {
          rs.next();
          report.context(backend + ": server " + rs.getString(1));
        }
        if (postgres) {
          StringBuilder s = new StringBuilder(backend + ": a new session of the journal's database:");
          for (String name : List.of("synchronous_commit", "fsync", "wal_sync_method")) {
            try (ResultSet rs = st.executeQuery("SHOW " + name)) {
              rs.next();
              s.append(' ').append(name).append(" = ").append(rs.getString(1)).append(';');
            }
          }
          report.context(s.toString());
          String db;
          try (ResultSet rs = st.executeQuery("SELECT current_database()")) {
            rs.next();
            db = rs.getString(1);
          }
          for (String kv : o.pgSettings) {
            String[] nv = kv.split("=", 2);
            st.execute("ALTER DATABASE \"" + db + "\" SET " + nv[0] + " = '" + nv[1] + "'");
          }
          if (!o.pgSettings.isEmpty()) {
            report.context(backend + ": experiment: set on the journal's database before the node started (not the "
                + "product's settings): " + o.pgSettings);
          }
        }
      }
      StringBuilder s = new StringBuilder(backend + ": settings");
      for (String k : List.of("trading-actors.read-model.group-size", "trading-actors.read-model.group-within",
          "trading-actors.read-model.connections", "trading-actors.read-model.cached-strategies",
          "jdbc-read-journal.refresh-interval", "jdbc-read-journal.max-buffer-size",
          "jdbc-read-journal.journal-sequence-retrieval.query-delay",
          "jdbc-read-journal.journal-sequence-retrieval.batch-size",
          "jdbc-read-journal.journal-sequence-retrieval.max-tries",
          "pekko.projection.jdbc.blocking-jdbc-dispatcher.thread-pool-executor.fixed-pool-size",
          "jdbc-journal.dao", "jdbc-journal.parallelism", "jdbc-journal.batchSize", DB + "numThreads",
          "pekko.actor.default-dispatcher.fork-join-executor.parallelism-min",
          "pekko.actor.default-dispatcher.fork-join-executor.parallelism-max",
          "trading-actors.performance.snapshot-every")) {
        s.append("; ").append(k.replace(DB, "db.")).append(" = ")
            .append(config.hasPath(k) ? config.getValue(k).unwrapped() : "unset");
      }
      report.context(s.toString());
      report.context(String.format(Locale.ROOT, "%s: workload: %,d strategies, commands of %d events (balance "
              + "ticks a minute apart, a trade every 100 ticks), %s%s; pre-warm %d s at %,.0f events/s, warm-up %d s, "
              + "measured %d s; tags %s; delivery probe %s", backend, o.entities, o.batch, mode,
          o.rate > 0 ? "" : " (each strategy one command in flight, at most " + o.maxInFlight + " in all)",
          o.prewarmSeconds, o.prewarmRate, o.warmupSeconds, o.seconds, EventTags.allOf(EventTags.PERFORMANCE),
          o.deliveryProbe ? "on (performance-0)" : "off"));
      if (!o.settings.isEmpty()) {
        report.context(backend + ": overrides for this run (--set): " + o.settings);
      }
    }

    // ---- figures --------------------------------------------------------------------------------------------

    private static String percentiles(Histogram h) {
      if (h.getTotalCount() == 0) {
        return "n/a";
      }
      return String.format(Locale.ROOT, "%d / %d / %d / %d / %d", h.getValueAtPercentile(50),
          h.getValueAtPercentile(90), h.getValueAtPercentile(99), h.getValueAtPercentile(99.9), h.getMaxValue());
    }

    private static String percentilesMicros(Histogram h) {
      return String.format(Locale.ROOT, "%.2f / %.2f / %.2f / %.2f / %.2f", h.getValueAtPercentile(50) / 1e3,
          h.getValueAtPercentile(90) / 1e3, h.getValueAtPercentile(99) / 1e3, h.getValueAtPercentile(99.9) / 1e3,
          h.getMaxValue() / 1e3);
    }

    private static String p99(Histogram h) {
      return h.getTotalCount() == 0 ? "n/a" : Long.toString(h.getValueAtPercentile(99));
    }

    private static long processCpu() {
      return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
          .getProcessCpuTime();
    }
  }
}
