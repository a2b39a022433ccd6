package io.tradingactors.actors;

import java.sql.Connection;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
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
 * JDBC blocks.
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
    probe();
    probes.scheduleWithFixedDelay(this::probe, interval.toMillis(), interval.toMillis(), TimeUnit.MILLISECONDS);
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

  private void probe() {
    String problem = null;
    try (Connection c = database.source().createConnection()) {
      if (!c.isValid((int) Math.max(1, timeout.toSeconds()))) {
        problem = "the journal database did not answer within " + timeout.toSeconds() + " s";
      }
    } catch (Exception e) {
      problem = "the journal database is unreachable: " + e.getMessage();
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

  @Override
  public void close() {
    probes.shutdownNow();
  }
}
