package io.tradingactors.readmodel;

import com.typesafe.config.Config;
import com.zaxxer.hikari.HikariDataSource;
import io.tradingactors.metrics.MetricSettings;
import io.tradingactors.readmodel.projection.ReadModelProjections;
import java.time.Clock;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongConsumer;
import javax.sql.DataSource;
import org.apache.pekko.actor.typed.ActorSystem;

/**
 * The SQL read model of a node (docs/read-model.md): its tables brought up to date, its connection pool, and — when
 * {@code trading-actors.read-model.projection} is on — the projections that keep the tables following the journal.
 * The pool closes when the actor system terminates.
 */
public final class ReadModel {

  private final HikariDataSource dataSource;
  private final AtomicLong lastLagMs = new AtomicLong(-1);
  private volatile LongConsumer lagObserver = lag -> {};

  private ReadModel(HikariDataSource dataSource) {
    this.dataSource = dataSource;
  }

  /**
   * Starts the read model on a running node's actor system.
   *
   * @param metrics the conventions the node's strategies fold with (the rows must match their metrics)
   */
  public static ReadModel start(ActorSystem<?> system, Config config, MetricSettings metrics) {
    HikariDataSource pool = ReadModelDatabase.pool(config, "read-model");
    try {
      ReadModelSchema.migrate(pool, config);
    } catch (RuntimeException e) {
      pool.close();
      throw e;
    }
    ReadModel model = new ReadModel(pool);
    system.getWhenTerminated().thenRun(pool::close);
    if (config.getBoolean("trading-actors.read-model.projection")) {
      ReadModelProjections.init(
          system, pool, ReadModelProjections.Settings.from(config, metrics), Clock.systemUTC(), model::observeLag);
    }
    return model;
  }

  /** The read model's database (the journal's), for queries. */
  public DataSource dataSource() {
    return dataSource;
  }

  /** Milliseconds from an event's write to the commit of its rows, for the latest event projected; -1 before any. */
  public long lastLagMillis() {
    return lastLagMs.get();
  }

  /** Also tell {@code observer} each projected event's lag (ms from its write to its rows' transaction). */
  public void onLag(LongConsumer observer) {
    this.lagObserver = observer;
  }

  private void observeLag(long lagMs) {
    lastLagMs.set(lagMs);
    lagObserver.accept(lagMs);
  }
}
