package io.tradingactors.app.cli;

import io.tradingactors.domain.backtest.BacktestInput;
import io.tradingactors.domain.event.PerformanceEvent;
import io.tradingactors.domain.event.TradeClosed;
import io.tradingactors.domain.json.Json;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;

/**
 * {@code serve --demo}: the bundled sample backtest (examples/sample-trades.csv and sample-balances.csv, 250 trades
 * and 265 balances) posted to the server's own API one event at a time, as a live engine would, at a pace a person can
 * watch: metrics, exposure and the stream have content within seconds and keep changing for about half a minute.
 * Idempotent like any engine: a second run records nothing new.
 */
final class DemoFeed implements Runnable {

  static final String STRATEGY = "demo";
  private static final Duration PAUSE = Duration.ofMillis(50);

  private final URI base;
  private final String token;
  private final PrintWriter out;
  private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  DemoFeed(URI base, String token, PrintWriter out) {
    this.base = base;
    this.token = token;
    this.out = out;
  }

  @Override
  public void run() {
    try {
      List<PerformanceEvent> events = sample().events();
      int recorded = 0;
      for (int i = 0; i < events.size(); i++) {
        PerformanceEvent e = events.get(i);
        String kind = e instanceof TradeClosed ? "trades" : "balances";
        HttpResponse<String> response = post(kind, Json.mapper().writeValueAsString(e));
        if (response.statusCode() >= 300) {
          out.printf("demo: stopped at event %d: HTTP %d %s%n", i, response.statusCode(), response.body());
          out.flush();
          return;
        }
        recorded += response.statusCode() == 201 ? 1 : 0;
        if ((i + 1) % 100 == 0 || i + 1 == events.size()) {
          out.printf("demo: %d/%d events sent (%d new) to strategy '%s'%n", i + 1, events.size(), recorded, STRATEGY);
          out.flush();
        }
        Thread.sleep(PAUSE.toMillis());
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (Exception e) {
      out.println("demo: stopped: " + e);
      out.flush();
    }
  }

  private HttpResponse<String> post(String kind, String json) throws IOException, InterruptedException {
    HttpRequest.Builder request = HttpRequest.newBuilder(base.resolve("/v1/strategies/" + STRATEGY + "/" + kind))
        .timeout(Duration.ofSeconds(30))
        .header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(json));
    if (token != null) {
      request.header("Authorization", "Bearer " + token);
    }
    return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  /** The sample files travel in the jar; the readers take paths, so they are copied out first. */
  private static BacktestInput sample() throws Exception {
    Path dir = Files.createTempDirectory("trading-actors-demo");
    try {
      Path trades = copy("sample-trades.csv", dir);
      Path balances = copy("sample-balances.csv", dir);
      return BacktestInput.load(trades, balances, null, null);
    } finally {
      try (var files = Files.list(dir)) {
        for (Path f : (Iterable<Path>) files::iterator) {
          Files.deleteIfExists(f);
        }
      }
      Files.deleteIfExists(dir);
    }
  }

  private static Path copy(String name, Path dir) throws IOException {
    try (InputStream in = DemoFeed.class.getResourceAsStream("/demo/" + name)) {
      if (in == null) {
        throw new IOException("the sample " + name + " is missing from the application");
      }
      Path target = dir.resolve(name);
      Files.copy(in, target, StandardCopyOption.REPLACE_EXISTING);
      return target;
    }
  }
}
