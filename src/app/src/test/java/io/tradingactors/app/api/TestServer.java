package io.tradingactors.app.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.typesafe.config.Config;
import io.tradingactors.actors.TradingActorsNode;
import io.tradingactors.domain.json.Json;
import io.tradingactors.readmodel.ReadModel;
import io.tradingactors.readmodel.query.ReadModelQueries;
import io.tradingactors.readmodel.query.SelectionSettings;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;

/**
 * A real node and API server on a free loopback port, and a plain HTTP client to drive it as a live engine would.
 */
final class TestServer implements AutoCloseable {

  final TradingActorsNode node;
  final ApiServer server;
  final URI base;
  private final String token;
  private final HttpClient http =
      HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(5)).build();

  private TestServer(TradingActorsNode node, ApiServer server, String token) {
    this.node = node;
    this.server = server;
    this.token = token;
    this.base = URI.create("http://127.0.0.1:" + server.address().getPort());
  }

  static TestServer start(Config config) {
    return start(config, null);
  }

  /** With {@code token} non-null every /v1 request needs it; this client sends it unless told otherwise. */
  static TestServer start(Config config, String token) {
    return start(config, token, null);
  }

  /** With the score, ranking and compare routes served by {@code readModel}. */
  static TestServer withReadModel(Config config, ReadModelQueries readModel) {
    return start(config, null, Objects.requireNonNull(readModel, "readModel"));
  }

  /** With the read model's projection running on the node, and the score, ranking and compare routes reading it. */
  static TestServer withProjection(Config config) {
    TradingActorsNode node = TradingActorsNode.start(config);
    try {
      ReadModel readModel = ReadModel.start(node.system(), config, node.metricSettings());
      ApiSettings settings = ApiSettings.from(config, null).withAddress("127.0.0.1", 0);
      ApiServer server = ApiServer.start(
          node, settings, new ReadModelQueries(readModel.dataSource(), SelectionSettings.from(config)));
      readModel.onLag(server.readModelLag());
      return new TestServer(node, server, null);
    } catch (RuntimeException e) {
      node.close();
      throw e;
    }
  }

  private static TestServer start(Config config, String token, ReadModelQueries readModel) {
    TradingActorsNode node = TradingActorsNode.start(config);
    try {
      ApiSettings settings = ApiSettings.from(config, token).withAddress("127.0.0.1", 0);
      ApiServer server = readModel == null
          ? ApiServer.start(node, settings)
          : ApiServer.start(node, settings, readModel);
      return new TestServer(node, server, token);
    } catch (RuntimeException e) {
      node.close();
      throw e;
    }
  }

  /** A response with its body parsed when it is JSON. */
  record Reply(int status, String body, HttpResponse<String> raw) {
    JsonNode json() {
      try {
        return Json.mapper().readTree(body);
      } catch (IOException e) {
        throw new UncheckedIOException("not JSON: " + body, e);
      }
    }

    String header(String name) {
      return raw.headers().firstValue(name).orElse(null);
    }
  }

  Reply get(String path) {
    return send(request(path).GET().build());
  }

  Reply post(String path, String json) {
    return post(path, json, "application/json");
  }

  Reply post(String path, String body, String contentType) {
    return send(request(path).header("Content-Type", contentType).POST(HttpRequest.BodyPublishers.ofString(body))
        .build());
  }

  Reply send(String method, String path, Map<String, String> headers, String body) {
    HttpRequest.Builder b = HttpRequest.newBuilder(base.resolve(path)).timeout(Duration.ofSeconds(30));
    headers.forEach(b::header);
    b.method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
    return send(b.build());
  }

  HttpRequest.Builder request(String path) {
    HttpRequest.Builder b = HttpRequest.newBuilder(base.resolve(path)).timeout(Duration.ofSeconds(30));
    if (token != null) {
      b.header("Authorization", "Bearer " + token);
    }
    return b;
  }

  HttpClient client() {
    return http;
  }

  Reply send(HttpRequest request) {
    try {
      HttpResponse<String> r = http.send(request, HttpResponse.BodyHandlers.ofString());
      return new Reply(r.statusCode(), r.body(), r);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /** A trade as the API takes it; {@code pnl} decides win or loss. */
  static String trade(String id, double pnl, int day) {
    return String.format(java.util.Locale.ROOT,
        "{\"trade_id\":\"%s\",\"symbol\":\"BTCUSDT\",\"side\":\"long\",\"entry_time\":\"2025-03-%02dT10:00:00Z\","
            + "\"exit_time\":\"2025-03-%02dT12:00:00Z\",\"entry_price\":100.0,\"exit_price\":101.0,\"quantity\":1.0,"
            + "\"pnl\":%s,\"fees\":0.5,\"slippage\":0.1}",
        id, day, day, Double.toString(pnl));
  }

  static String balance(String time, double balance) {
    return String.format(java.util.Locale.ROOT, "{\"time\":\"%s\",\"balance\":%s}", time, Double.toString(balance));
  }

  @Override
  public void close() {
    server.close();
    node.close();
  }
}
