package io.tradingactors.readmodel.projection;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.typesafe.config.Config;
import com.zaxxer.hikari.HikariDataSource;
import io.tradingactors.actors.testing.TestJournals;
import io.tradingactors.actors.testing.TestJournals.Backend;
import io.tradingactors.metrics.WindowStatistics;
import io.tradingactors.readmodel.ReadModelDatabase;
import io.tradingactors.readmodel.ReadModelSchema;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Writers racing on the same rows (as two projection instances would while a slice moves between nodes): every
 * upsert key stays one row, and on PostgreSQL the row keeps the latest journal position whatever the commit order.
 */
class ConcurrentUpsertTest {

  @TempDir Path dataDir;

  @ParameterizedTest
  @EnumSource(Backend.class)
  void concurrentUpsertsNeverDuplicateARow(Backend backend) throws Exception {
    Config config = TestJournals.config(backend, dataDir);
    String dialect = config.getString("trading-actors.journal.dialect");
    int writers = 4;
    int rounds = 40;
    try (HikariDataSource ds = ReadModelDatabase.pool(withConnections(config, writers), "upsert-test")) {
      ReadModelSchema.migrate(ds, config);
      RowWriter writer = new RowWriter(dialect);
      Track track = new Track("racer", Track.LIVE);
      AtomicInteger retries = new AtomicInteger();
      CountDownLatch start = new CountDownLatch(1);
      ExecutorService pool = Executors.newFixedThreadPool(writers);
      List<Future<?>> done = new ArrayList<>();
      for (int w = 0; w < writers; w++) {
        int id = w;
        done.add(pool.submit(() -> {
          start.await();
          for (int r = 0; r < rounds; r++) {
            long seq = (long) r * writers + id + 1;
            Rows rows = new Rows();
            rows.upsert(new Rows.WindowRow(track, "7d",
                new WindowStatistics(seq, 0.5, 1.5, 2.0, seq, null), Instant.EPOCH, seq));
            rows.upsert(new Rows.WindowRow(track, "30d",
                new WindowStatistics(seq, 0.5, 1.5, 2.0, seq, null), Instant.EPOCH, seq));
            while (!commit(ds, writer, rows)) {
              retries.incrementAndGet(); // what the projection does: the transaction again
            }
          }
          return null;
        }));
      }
      start.countDown();
      for (Future<?> f : done) {
        f.get();
      }
      pool.shutdown();
      TableRows table = new TableRows(ds);
      assertEquals(2, table.count("SELECT COUNT(*) FROM strategy_performance WHERE strategy_id = 'racer'"));
      long last = (long) rounds * writers;
      long stored = table.window("racer", "", "7d").sequenceNr();
      if (backend == Backend.POSTGRES) {
        assertEquals(last, stored, "the latest journal position wins, whatever the commit order");
        Rows stale = new Rows();
        stale.upsert(new Rows.WindowRow(track, "7d", new WindowStatistics(1, 0.0, 0.0, 0.0, 1, null), Instant.EPOCH, 1));
        assertTrue(commit(ds, writer, stale));
        assertEquals(last, table.window("racer", "", "7d").sequenceNr(), "a stale writer cannot move a row back");
      } else {
        assertTrue(stored >= 1 && stored <= last);
      }
      System.out.println(backend + ": " + retries.get() + " transactions retried after a conflict");
    }
  }

  private static boolean commit(HikariDataSource ds, RowWriter writer, Rows rows) throws SQLException {
    try (Connection c = ds.getConnection()) {
      c.setAutoCommit(false);
      try {
        writer.write(c, rows, Instant.now());
        c.commit();
        return true;
      } catch (SQLException e) {
        c.rollback();
        return false;
      }
    }
  }

  private static Config withConnections(Config config, int n) {
    return com.typesafe.config.ConfigFactory.parseString("trading-actors.read-model.connections = " + n)
        .withFallback(config);
  }
}
