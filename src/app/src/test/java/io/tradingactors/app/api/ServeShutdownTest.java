package io.tradingactors.app.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code serve} as a user runs it, in its own process, stopped the way Ctrl-C stops it (a signal, so the JVM's
 * shutdown hook runs Pekko's coordinated shutdown) while a client is writing: the process ends by itself, and every
 * write it acknowledged is in the journal when the journal is opened again.
 */
class ServeShutdownTest {

  private static final Pattern SERVING = Pattern.compile("serving on (http://[0-9.]+:[0-9]+)");

  @TempDir Path dataDir;

  @Test
  void aSignalStopsTheServerGracefullyAndEveryAcknowledgedWriteIsKept() throws Exception {
    Process serve = new ProcessBuilder(
            Path.of(System.getProperty("java.home"), "bin", "java").toString(),
            "-cp", System.getProperty("java.class.path"),
            "io.tradingactors.app.Main", "serve", "--port", "0", "--data-dir", dataDir.toString())
        .redirectErrorStream(true)
        .start();
    BufferedReader out = new BufferedReader(new InputStreamReader(serve.getInputStream(), StandardCharsets.UTF_8));
    URI base = awaitServing(out);
    CompletableFuture.runAsync(() -> out.lines().forEach(line -> { })); // keep the pipe drained

    HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    AtomicInteger acknowledged = new AtomicInteger();
    CompletableFuture<Void> writer = CompletableFuture.runAsync(() -> {
      for (int i = 0; ; i++) {
        try {
          HttpResponse<String> r = http.send(HttpRequest.newBuilder(base.resolve("/v1/strategies/shut/trades"))
                  .header("Content-Type", "application/json")
                  .POST(HttpRequest.BodyPublishers.ofString(TestServer.trade("t" + i, i % 3 - 1, 1 + i % 28)))
                  .build(),
              HttpResponse.BodyHandlers.ofString());
          if (r.statusCode() == 201) {
            acknowledged.incrementAndGet();
          }
        } catch (Exception stopped) {
          return; // the server went away: what it acknowledged before is what must survive
        }
      }
    });
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
    while (acknowledged.get() < 50 && System.nanoTime() < deadline) {
      Thread.sleep(10);
    }
    assertThat(acknowledged.get()).as("writes acknowledged before the signal").isGreaterThanOrEqualTo(50);

    serve.destroy(); // SIGTERM: the same shutdown hook as Ctrl-C's SIGINT
    assertThat(serve.waitFor(60, TimeUnit.SECONDS)).as("the server stops by itself").isTrue();
    writer.get(30, TimeUnit.SECONDS);

    // The journal as the next start will read it: the H2 file, opened directly once the server has let it go.
    try (Connection c = DriverManager.getConnection("jdbc:h2:file:" + dataDir.resolve("journal"), "sa", "");
        PreparedStatement q = c.prepareStatement(
            "SELECT COUNT(*) FROM \"event_journal\" WHERE \"persistence_id\" = 'strategy|shut'");
        ResultSet rows = q.executeQuery()) {
      rows.next();
      // At least every acknowledged trade; a write persisted while its answer was lost to the shutdown may add one.
      assertThat(rows.getLong(1)).isBetween((long) acknowledged.get(), acknowledged.get() + 1L);
    }
  }

  private static URI awaitServing(BufferedReader out) throws Exception {
    CompletableFuture<URI> serving = CompletableFuture.supplyAsync(() -> {
      StringBuilder seen = new StringBuilder();
      for (String line : (Iterable<String>) out.lines()::iterator) {
        Matcher m = SERVING.matcher(line);
        if (m.find()) {
          return URI.create(m.group(1));
        }
        seen.append(line).append('\n');
      }
      throw new AssertionError("serve ended without serving:\n" + seen);
    });
    // A cold JVM starting a node: seconds on a quiet machine, but over a minute on a busy 2-core one.
    return serving.get(240, TimeUnit.SECONDS);
  }
}
