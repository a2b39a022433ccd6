package io.tradingactors.actors;

import java.sql.Connection;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.pekko.actor.typed.ActorSystem;
import org.apache.pekko.persistence.jdbc.db.SlickExtension;
import org.apache.pekko.persistence.jdbc.db.SlickExtensionImpl;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import slick.jdbc.JdbcBackend;

/**
 * Whether the journal's database answers, checked in the background on a connection of the journal's own pool: what
 * {@code /health/ready} reports, and what lets a write be refused at once with a 503 instead of waiting for its ask to
 * time out. A probe is a pool checkout plus {@link Connection#isValid} (a round trip), on a thread of its own because
 * JDBC blocks. The probe waits at most {@code timeout} for both: the pool's own checkout timeout (HikariCP's 30 s
 * default) would otherwise keep a dead database reported up for that long, since the checkout waits for a new
 * connection that cannot be made.
 */
public final class JournalHealth implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(JournalHealth.class);

  /**
   * @param up whether the last probe reached the database
   * @param since when the database last became up or down
   * @param problem why it is down (null while up)
   */
  public record Status(boolean up, Instant since, String problem) {}

  private final JdbcBackend.JdbcDatabaseDef database;
  private final Duration timeout;
  private final Clock clock;
  private final ScheduledExecutorService probes;
  /** Where the blocking checkout and round trip run, so that the probe can stop waiting for them. */
  private final ExecutorService roundTrips;
  /**
   * The round trip a probe stopped waiting for (probe thread only): the next probe waits for it again, or takes its
   * result if it has finished meanwhile, rather than starting another.
   */
  private Future<String> pending;
  private volatile Status status;

  private JournalHealth(JdbcBackend.JdbcDatabaseDef database, Duration interval, Duration timeout, Clock clock) {
    this.database = database;
    this.timeout = timeout;
    this.clock = clock;
    this.status = new Status(true, clock.instant(), null);
    this.probes = Executors.newSingleThreadScheduledExecutor(r -> {
      Thread t = new Thread(r, "journal-health");
      t.setDaemon(true);
      return t;
    });
    this.roundTrips = Executors.newSingleThreadExecutor(r -> {
      Thread t = new Thread(r, "journal-health-round-trip");
      t.setDaemon(true);
      return t;
    });
    // The first probe may wait longer: a new pool opens its first connection, which on a busy machine takes a while.
    probe(timeout.multipliedBy(5));
    probes.scheduleWithFixedDelay(
        () -> probe(timeout), interval.toMillis(), interval.toMillis(), TimeUnit.MILLISECONDS);
  }

  /** Starts probing the journal database of {@code system} every {@code interval}. */
  public static JournalHealth start(ActorSystem<?> system, Duration interval, Duration timeout) {
    SlickExtensionImpl slick = (SlickExtensionImpl) SlickExtension.get(system.classicSystem());
    JdbcBackend.JdbcDatabaseDef database =
        slick.database(system.settings().config().getConfig("jdbc-journal")).database();
    return new JournalHealth(database, interval, timeout, Clock.systemUTC());
  }

  /** The latest probe's outcome. */
  public Status status() {
    return status;
  }

  public boolean isUp() {
    return status.up();
  }

  private void probe(Duration wait) {
    String problem;
    if (pending == null) {
      pending = roundTrips.submit(this::roundTrip);
    }
    try {
      problem = pending.get(wait.toMillis(), TimeUnit.MILLISECONDS);
      pending = null;
    } catch (TimeoutException e) {
      problem = "the journal database did not answer within " + wait.toSeconds() + " s";
    } catch (ExecutionException e) {
      pending = null;
      problem = "the journal database is unreachable: " + e.getCause().getMessage();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return;
    }
    Status before = status;
    if (problem == null && !before.up()) {
      LOG.info("the journal database answers again");
      status = new Status(true, clock.instant(), null);
    } else if (problem != null && before.up()) {
      LOG.warn("{}", problem);
      status = new Status(false, clock.instant(), problem);
    } else if (problem != null) {
      status = new Status(false, before.since(), problem);
    }
  }

  /** A pool checkout and a round trip: null when the database answered, else why not. */
  private String roundTrip() {
    try (Connection c = database.source().createConnection()) {
      return c.isValid((int) Math.max(1, timeout.toSeconds()))
          ? null
          : "the journal database did not answer within " + timeout.toSeconds() + " s";
    } catch (Exception e) {
      return "the journal database is unreachable: " + e.getMessage();
    }
  }

  @Override
  public void close() {
    probes.shutdownNow();
    roundTrips.shutdownNow();
  }
}
