package io.tradingactors.app.api;

import com.fasterxml.jackson.databind.JsonNode;
import io.tradingactors.domain.json.Json;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.stream.Stream;

/** Reads a server-sent event stream line by line into events, as a browser's EventSource would. */
final class SseClient implements AutoCloseable {

  record Event(String type, String id, String data) {
    JsonNode json() {
      try {
        return Json.mapper().readTree(data);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
  }

  private final BlockingQueue<Event> events = new LinkedBlockingQueue<>();
  private final CompletableFuture<HttpResponse<Stream<String>>> response;
  private volatile Stream<String> lines;

  SseClient(TestServer server, String path, String lastEventId) {
    HttpRequest.Builder request = server.request(path).header("Accept", "text/event-stream").GET();
    if (lastEventId != null) {
      request.header("Last-Event-ID", lastEventId);
    }
    response = server.client().sendAsync(request.build(), HttpResponse.BodyHandlers.ofLines());
    response.thenAcceptAsync(r -> {
      lines = r.body();
      String type = null;
      String id = null;
      StringBuilder data = new StringBuilder();
      for (String line : (Iterable<String>) lines::iterator) {
        if (line.isEmpty()) {
          if (data.length() > 0) {
            events.add(new Event(type == null ? "message" : type, id, data.toString()));
          }
          type = null;
          data.setLength(0);
        } else if (line.startsWith("event:")) {
          type = line.substring(6).strip();
        } else if (line.startsWith("id:")) {
          id = line.substring(3).strip();
        } else if (line.startsWith("data:")) {
          data.append(data.length() > 0 ? "\n" : "").append(line.substring(5).stripLeading());
        }
      }
    });
  }

  int status() throws Exception {
    return response.get(10, TimeUnit.SECONDS).statusCode();
  }

  /** The next event matching {@code filter}, skipping others; fails after {@code timeout}. */
  Event next(Predicate<Event> filter, Duration timeout) throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (true) {
      long left = deadline - System.nanoTime();
      Event e = events.poll(Math.max(0, left), TimeUnit.NANOSECONDS);
      if (e == null) {
        throw new AssertionError("no matching event within " + timeout);
      }
      if (filter.test(e)) {
        return e;
      }
    }
  }

  @Override
  public void close() {
    response.cancel(true);
    if (lines != null) {
      lines.close();
    }
  }
}
