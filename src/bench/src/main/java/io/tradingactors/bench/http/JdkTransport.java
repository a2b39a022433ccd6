package io.tradingactors.bench.http;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * {@link HttpClient} forced to HTTP/1.1, {@code sendAsync}, on an executor of two named threads (its selector thread
 * is its own). The client opens a connection when no idle one is pooled; the generator's permits cap requests in
 * flight, and so the connections, at {@code connections}.
 */
final class JdkTransport implements Transport {

  private final HttpClient client;
  private final ExecutorService executor;
  private final String base;
  private final int connections;

  JdkTransport(String host, int port, int connections) {
    AtomicInteger n = new AtomicInteger();
    this.executor = Executors.newFixedThreadPool(2, r -> {
      Thread t = new Thread(r, "httpbench-jdk-" + n.incrementAndGet());
      t.setDaemon(true);
      return t;
    });
    this.client = HttpClient.newBuilder()
        .version(HttpClient.Version.HTTP_1_1)
        .connectTimeout(Duration.ofSeconds(5))
        .executor(executor)
        .build();
    this.base = "http://" + host + ":" + port;
    this.connections = connections;
  }

  @Override
  public void send(Request r, Callback callback) {
    HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + r.path()));
    if (r.body() != null) {
      b.header("Content-Type", "application/json").method(r.method(), HttpRequest.BodyPublishers.ofByteArray(r.body()));
    } else {
      b.method(r.method(), HttpRequest.BodyPublishers.noBody());
    }
    client.sendAsync(b.build(), HttpResponse.BodyHandlers.discarding())
        .whenComplete((response, e) -> callback.complete(e == null ? response.statusCode() : -1, System.nanoTime()));
  }

  @Override
  public boolean isOwnThread(String threadName) {
    return threadName.startsWith("httpbench-jdk-") || threadName.matches("HttpClient-\\d+-SelectorManager");
  }

  @Override
  public String describe() {
    return "jdk (java.net.http.HttpClient, HTTP/1.1, sendAsync, executor of 2 threads, at most " + connections
        + " requests in flight)";
  }

  @Override
  public void close() {
    executor.shutdownNow();
  }
}
