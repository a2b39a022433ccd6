package io.tradingactors.app.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigFactory;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.function.Predicate;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The journal database goes away under a running server and comes back (docs/api.md, "Unavailable journal"): readiness
 * and writes answer 503 with Retry-After meanwhile, liveness stays 200, and once the database answers again the server
 * is ready and records without a restart. A PostgreSQL server of its own, stopped and started again on the same port
 * and data directory, as an operator's database restart would.
 */
@Timeout(180)
class JournalOutageTest {

  /** How long /health/ready may take to report a database that stopped. */
  private static final Duration DETECTION = Duration.ofSeconds(10);

  /** How long the node may take to notice that the database is back. */
  private static final Duration RECOVERY = Duration.ofSeconds(60);

  @TempDir Path dir;

  private EmbeddedPostgres pg;
  private TestServer server;

  @AfterEach
  void stop() throws IOException {
    if (server != null) {
      server.close();
    }
    if (pg != null) {
      pg.close();
    }
  }

  @Test
  void aDatabaseOutageIs503WithRetryAfterAndTheServerRecoversWhenTheDatabaseReturns() throws IOException {
    int port = freePort();
    Path data = dir.resolve("pgdata");
    pg = startPostgres(port, data);
    server = TestServer.start(postgresConfig(pg.getJdbcUrl("postgres", "postgres")));
    String s = "outage-1";

    assertThat(server.get("/health/ready").status()).isEqualTo(200);
    TestServer.Reply first = server.post("/v1/strategies/" + s + "/trades", TestServer.trade("t-1", 10.0, 3));
    assertThat(first.status()).as(first.body()).isEqualTo(201);

    pg.close();
    long down = System.nanoTime();

    // The probe runs every second and gives the database 2 s; the rest is slack for a busy machine. (It used to wait
    // for HikariCP's 30 s checkout timeout, reporting a dead database ready all that time.)
    TestServer.Reply ready = poll(DETECTION, () -> server.get("/health/ready"), r -> r.status() == 503,
        "/health/ready to answer 503 after the database stopped");
    log("/health/ready 503 %d ms after the database stopped", millisSince(down));
    assertThat(ready.header("Retry-After")).as("Retry-After of /health/ready").isNotNull().matches("[1-9]\\d*");
    assertThat(ready.header("Content-Type")).startsWith("application/json");
    assertThat(ready.json().get("status").asText()).isEqualTo("unavailable");
    assertThat(ready.json().get("journal").asText()).isEqualTo("down");
    assertNoStackTrace(ready.body());

    TestServer.Reply refused = server.post("/v1/strategies/" + s + "/trades", TestServer.trade("t-2", -5.0, 4));
    assertThat(refused.status()).as(refused.body()).isEqualTo(503);
    assertThat(refused.header("Retry-After")).as("Retry-After of a refused write").isNotNull().matches("[1-9]\\d*");
    assertThat(refused.json().get("error").asText()).isEqualTo("unavailable");
    assertThat(refused.json().get("message").asText()).isNotBlank();
    assertNoStackTrace(refused.body());

    TestServer.Reply live = server.get("/health/live");
    assertThat(live.status()).as(live.body()).isEqualTo(200);

    pg = startPostgres(port, data);
    long up = System.nanoTime();

    poll(RECOVERY, () -> server.get("/health/ready"), r -> r.status() == 200,
        "/health/ready to answer 200 after the database returned");
    log("/health/ready 200 %d ms after the database returned", millisSince(up));

    // The first write once ready: a ready server takes it (a 503 here would mean /health/ready answers too early).
    TestServer.Reply again = server.post("/v1/strategies/" + s + "/trades", TestServer.trade("t-2", -5.0, 4));
    assertThat(again.status()).as(again.body()).isEqualTo(201);
    assertThat(again.json().get("recorded").asInt()).as("the refused write recorded nothing").isEqualTo(1);
    // A strategy first addressed after the outage recovers from the journal and records too.
    TestServer.Reply other = server.post("/v1/strategies/outage-2/trades", TestServer.trade("u-1", 3.0, 5));
    assertThat(other.status()).as(other.body()).isEqualTo(201);

    TestServer.Reply metrics = server.get("/v1/strategies/" + s + "/metrics");
    assertThat(metrics.status()).as(metrics.body()).isEqualTo(200);
    assertThat(metrics.json().at("/metrics/total_trades").asInt()).isEqualTo(2);
    assertThat(metrics.json().at("/metrics/net_pnl").asDouble()).isEqualTo(5.0);
    assertThat(metrics.json().get("sequence_nr").asLong()).isEqualTo(2);
    assertThat(server.get("/v1/strategies/outage-2/metrics").json().at("/metrics/total_trades").asInt()).isEqualTo(1);
    assertThat(server.get("/metrics").body()).contains("trading_actors_events_persisted_total{kind=\"trade\"} 3.0");
  }

  // ---- helpers --------------------------------------------------------------------------------------------------

  /** hocon/postgres.conf on {@code url}, as TestJournals.postgres configures a node. */
  private Config postgresConfig(String url) {
    String prefix = "pekko-persistence-jdbc.shared-databases.trading-actors.db.";
    Config overrides =
        ConfigFactory.parseMap(
            Map.of(
                prefix + "url", url,
                prefix + "user", "postgres",
                prefix + "password", "",
                "trading-actors.data-dir", dir.resolve("node").toAbsolutePath().toString()));
    return ConfigFactory.load(overrides.withFallback(ConfigFactory.parseResources("postgres.conf")));
  }

  /** A server on a fixed port and data directory, kept when closed, so it can be started again on both. */
  static EmbeddedPostgres startPostgres(int port, Path data) throws IOException {
    return EmbeddedPostgres.builder()
        .setPort(port)
        .setDataDirectory(data)
        .setCleanDataDirectory(false)
        .start();
  }

  static int freePort() {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Reads until {@code done} holds; fails naming {@code what} and the last value read when {@code timeout} passes. */
  static <T> T poll(Duration timeout, Supplier<T> read, Predicate<T> done, String what) {
    long deadline = System.nanoTime() + timeout.toNanos();
    T last;
    while (true) {
      last = read.get();
      if (done.test(last)) {
        return last;
      }
      if (System.nanoTime() > deadline) {
        return fail("waited " + timeout.toSeconds() + " s for " + what + "; last: " + describe(last));
      }
      try {
        Thread.sleep(100);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException(e);
      }
    }
  }

  private static String describe(Object value) {
    return value instanceof TestServer.Reply r ? r.status() + " " + r.body() : String.valueOf(value);
  }

  static void assertNoStackTrace(String body) {
    assertThat(body).as("an error body holds no stack trace").doesNotContain("Exception", "\tat ", "at io.",
        "at org.", "at java.");
  }

  private static long millisSince(long nanos) {
    return (System.nanoTime() - nanos) / 1_000_000;
  }

  private static void log(String format, Object... args) {
    System.out.printf("JournalOutageTest: " + format + "%n", args);
  }
}
