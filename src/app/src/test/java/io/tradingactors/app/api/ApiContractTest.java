package io.tradingactors.app.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.tradingactors.actors.performance.StrategyIds;
import io.tradingactors.actors.performance.StrategyPerformanceActor;
import io.tradingactors.actors.testing.TestJournals;
import io.tradingactors.domain.event.PerformanceEvent;
import io.tradingactors.domain.fixtures.Events;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.apache.pekko.cluster.sharding.typed.javadsl.ClusterSharding;
import org.apache.pekko.persistence.jdbc.query.javadsl.JdbcReadJournal;
import org.apache.pekko.persistence.query.PersistenceQuery;
import org.apache.pekko.stream.javadsl.Sink;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every route of the API against a real server and a real journal (H2 and PostgreSQL subclasses): what is
 * acknowledged is in the journal, what is refused names its field and leaves nothing behind.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class ApiContractTest {

  private static final AtomicInteger IDS = new AtomicInteger();

  @TempDir Path dir;
  private TestServer server;

  abstract TestJournals.Backend backend();

  TestServer server() {
    if (server == null) {
      server = TestServer.withProjection(TestJournals.config(backend(), dir));
    }
    return server;
  }

  @AfterAll
  void stop() {
    if (server != null) {
      server.close();
    }
  }

  static String freshId() {
    return "s-" + IDS.incrementAndGet() + "." + System.nanoTime() % 1_000_000;
  }

  // ---- writes ---------------------------------------------------------------------------------------------------

  @Test
  void tradesAreInTheJournalWhenAcknowledgedAndARetryChangesNothing() {
    String id = freshId();
    String batch = "[" + TestServer.trade("t1", 10, 1) + "," + TestServer.trade("t2", -4, 2) + "]";

    TestServer.Reply first = server().post("/v1/strategies/" + id + "/trades", batch);
    assertThat(first.status()).as(first.body()).isEqualTo(201);
    assertThat(first.json().get("recorded").asInt()).isEqualTo(2);
    assertThat(first.json().get("sequence_nr").asLong()).isEqualTo(2);
    // Acknowledged means persisted: the journal holds both events the moment the answer arrives.
    assertThat(journalEvents("strategy|" + id)).hasSize(2);

    TestServer.Reply retry = server().post("/v1/strategies/" + id + "/trades", batch);
    assertThat(retry.status()).isEqualTo(200);
    assertThat(retry.json().get("recorded").asInt()).isZero();
    assertThat(retry.json().get("duplicates").asInt()).isEqualTo(2);
    assertThat(journalEvents("strategy|" + id)).hasSize(2);

    JsonNode metrics = server().get("/v1/strategies/" + id + "/metrics").json();
    assertThat(metrics.get("strategy_id").asText()).isEqualTo(id);
    assertThat(metrics.get("sequence_nr").asLong()).isEqualTo(2);
    assertThat(metrics.at("/metrics/total_trades").asInt()).isEqualTo(2);
    assertThat(metrics.at("/metrics/net_pnl").asDouble()).isEqualTo(6.0);
    assertThat(metrics.at("/metrics/sharpe_ratio").isNull()).as("undefined ratios are null").isTrue();
  }

  @Test
  void aBatchWithOneBadElementPersistsNothing() {
    String id = freshId();
    String batch = "[" + TestServer.trade("t1", 10, 1) + "," + TestServer.trade("t2", 5, 2).replace("\"pnl\":5.0,", "")
        + "]";

    TestServer.Reply reply = server().post("/v1/strategies/" + id + "/trades", batch);

    assertThat(reply.status()).isEqualTo(400);
    assertThat(reply.json().get("error").asText()).isEqualTo("invalid_input");
    assertThat(reply.json().get("message").asText()).isEqualTo("trades[1].pnl: is required but missing");
    assertThat(server().get("/v1/strategies/" + id + "/metrics").status()).isEqualTo(404);
    assertThat(journalEvents("strategy|" + id)).isEmpty();
  }

  static Stream<Arguments> badTrades() {
    String good = TestServer.trade("t1", 10, 1);
    return Stream.of(
        Arguments.of("not JSON", "{\"trade_id\": ", 400, "malformed_json", "body: is not valid JSON"),
        Arguments.of("empty body", "", 400, "malformed_json", "body: is empty"),
        Arguments.of("wrong type", good.replace("\"pnl\":10.0", "\"pnl\":\"10\""), 400, "invalid_input",
            "pnl: must be a JSON number, got the string '10'"),
        Arguments.of("boolean number", good.replace("\"quantity\":1.0", "\"quantity\":true"), 400, "invalid_input",
            "quantity: must be a JSON number, got the boolean true"),
        Arguments.of("unknown field", good.replace("{", "{\"leverage\":3,"), 400, "invalid_input",
            "leverage: unknown field; expected one of"),
        Arguments.of("missing field", good.replace("\"fees\":0.5,", ""), 400, "invalid_input",
            "fees: is required but missing"),
        Arguments.of("NaN", good.replace("\"pnl\":10.0", "\"pnl\":NaN"), 400, "invalid_input",
            "pnl: must be a finite number"),
        Arguments.of("Infinity", good.replace("\"pnl\":10.0", "\"pnl\":-Infinity"), 400, "invalid_input",
            "pnl: must be a finite number"),
        Arguments.of("1e999", good.replace("\"pnl\":10.0", "\"pnl\":1e999"), 400, "invalid_input",
            "pnl: must be a finite number"),
        Arguments.of("exit before entry", good.replace("12:00:00Z", "09:00:00Z"), 400, "invalid_input",
            "exit_time: "),
        Arguments.of("bad side", good.replace("\"long\"", "\"sideways\""), 400, "invalid_input",
            "side: must be long or short, got 'sideways'"),
        Arguments.of("bad time", good.replace("2025-03-01T10:00:00Z", "yesterday"), 400, "invalid_input",
            "entry_time: "),
        Arguments.of("repeated key", good.replace("{", "{\"pnl\":1,"), 400, "invalid_input",
            "pnl: appears more than once"),
        Arguments.of("empty array", "[]", 400, "invalid_input", "body: the array is empty"),
        Arguments.of("not an object", "[" + good + ",42]", 400, "invalid_input",
            "trades[1]: must be a JSON object, got the number 42"),
        Arguments.of("trailing garbage", good + " {}", 400, "malformed_json", "body: is not valid JSON"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("badTrades")
  void badTradesAreRefusedNamingTheFieldAndNothingIsPersisted(
      String name, String body, int status, String code, String message) {
    String id = freshId();

    TestServer.Reply reply = server().post("/v1/strategies/" + id + "/trades", body);

    assertThat(reply.status()).as(reply.body()).isEqualTo(status);
    assertThat(reply.json().get("error").asText()).isEqualTo(code);
    assertThat(reply.json().get("message").asText()).contains(message);
    assertThat(journalEvents("strategy|" + id)).isEmpty();
  }

  static Stream<Arguments> badBalances() {
    return Stream.of(
        Arguments.of("negative", TestServer.balance("2025-03-01T00:00:00Z", -5), "balance: "),
        Arguments.of("zero", TestServer.balance("2025-03-01T00:00:00Z", 0), "balance: "),
        Arguments.of("missing time", "{\"balance\":100}", "time: is required but missing"),
        Arguments.of("epoch seconds as float", "{\"time\":1.5,\"balance\":100}", "time: must be an ISO-8601"),
        Arguments.of("back in time", "[" + TestServer.balance("2025-03-02T00:00:00Z", 100) + ","
            + TestServer.balance("2025-03-01T00:00:00Z", 101) + "]", "balances[1]."));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("badBalances")
  void badBalancesAreRefused(String name, String body, String message) {
    String id = freshId();

    TestServer.Reply reply = server().post("/v1/strategies/" + id + "/balances", body);

    assertThat(reply.status()).as(reply.body()).isEqualTo(400);
    assertThat(reply.json().get("error").asText()).isEqualTo("invalid_input");
    assertThat(reply.json().get("message").asText()).contains(message);
    assertThat(journalEvents("strategy|" + id)).isEmpty();
  }

  @Test
  void badStrategyIdsAreRefused() {
    for (String bad : List.of("bad$id", "x".repeat(65), "a%40b")) {
      TestServer.Reply reply = server().post("/v1/strategies/" + bad + "/trades", TestServer.trade("t", 1, 1));
      assertThat(reply.status()).as(bad).isEqualTo(400);
      assertThat(reply.json().get("error").asText()).isEqualTo("invalid_strategy_id");
    }
  }

  @Test
  void aBodyOverOneMebibyteIs413AndAWrongContentTypeIs415() {
    String id = freshId();
    StringBuilder big = new StringBuilder("[");
    for (int i = 0; big.length() < 1_100_000; i++) {
      big.append(i == 0 ? "" : ",").append(TestServer.trade("t" + i, 1, 1));
    }
    TestServer.Reply tooLarge = server().post("/v1/strategies/" + id + "/trades", big.append("]").toString());
    assertThat(tooLarge.status()).isEqualTo(413);
    assertThat(tooLarge.json().get("error").asText()).isEqualTo("payload_too_large");

    TestServer.Reply text = server().post("/v1/strategies/" + id + "/trades", TestServer.trade("t", 1, 1), "text/plain");
    assertThat(text.status()).isEqualTo(415);
    assertThat(text.json().get("error").asText()).isEqualTo("unsupported_media_type");
    assertThat(text.json().get("message").asText()).contains("Content-Type");
    assertThat(journalEvents("strategy|" + id)).isEmpty();
  }

  @Test
  void unknownRoutesAndMethodsAreJsonErrors() {
    TestServer.Reply missing = server().get("/v1/nothing-here");
    assertThat(missing.status()).isEqualTo(404);
    assertThat(missing.json().get("error").asText()).isEqualTo("not_found");

    TestServer.Reply method = server().send("DELETE", "/v1/strategies/x/trades", Map.of(), null);
    assertThat(method.status()).isEqualTo(405);
    assertThat(method.json().get("error").asText()).isEqualTo("method_not_allowed");

    TestServer.Reply never = server().get("/v1/strategies/" + freshId() + "/metrics");
    assertThat(never.status()).isEqualTo(404);
    assertThat(never.json().get("message").asText()).contains("no recorded trades or balances");
  }

  // ---- reads ----------------------------------------------------------------------------------------------------

  @Test
  void balancesAreReadBackAsDailyClosesAndRecentPointsWithinFromTo() {
    String id = freshId();
    String balances = "[" + TestServer.balance("2025-03-01T08:00:00Z", 1000) + ","
        + TestServer.balance("2025-03-01T20:00:00Z", 1010) + "," + TestServer.balance("2025-03-03T09:00:00Z", 990)
        + "]";
    assertThat(server().post("/v1/strategies/" + id + "/balances", balances).status()).isEqualTo(201);

    JsonNode all = server().get("/v1/strategies/" + id + "/balances").json();
    assertThat(all.get("daily_closes").toString()).isEqualTo(
        "[{\"day\":\"2025-03-01\",\"balance\":1010.0},{\"day\":\"2025-03-02\",\"balance\":1010.0},"
            + "{\"day\":\"2025-03-03\",\"balance\":990.0}]");
    assertThat(all.get("recent")).hasSize(3);

    JsonNode window = server().get("/v1/strategies/" + id + "/balances?from=2025-03-02T00:00:00Z&to=2025-03-03T00:00:00Z")
        .json();
    assertThat(window.get("daily_closes")).hasSize(2);
    assertThat(window.get("recent")).isEmpty();

    TestServer.Reply bad = server().get("/v1/strategies/" + id + "/balances?from=soon");
    assertThat(bad.status()).isEqualTo(400);
    assertThat(bad.json().get("message").asText()).startsWith("from: ");
  }

  @Test
  void threeLossesCutTheExposureVisiblyInEveryRoute() throws Exception {
    String id = freshId();
    recordLosses(id, 3);

    JsonNode exposure = awaitExposure(id, 0.5);
    assertThat(exposure.get("rule").asText()).isEqualTo("consecutive_losses");
    assertThat(exposure.at("/reason/message").asText()).contains("3 consecutive losses");
    assertThat(exposure.at("/reason/figures/consecutive_losses").asInt()).isEqualTo(3);
    assertThat(exposure.at("/reason/limits/consecutive_losses").asDouble()).isEqualTo(0.5);

    JsonNode events = server().get("/v1/strategies/" + id + "/risk-events").json().get("risk_events");
    assertThat(events).hasSize(1);
    assertThat(events.get(0).get("type").asText()).isEqualTo("exposure_changed");
    assertThat(events.get(0).get("from").asDouble()).isEqualTo(1.0);
    assertThat(events.get(0).get("to").asDouble()).isEqualTo(0.5);
    assertThat(events.get(0).get("sequence_nr").asLong()).isEqualTo(1);

    JsonNode line = findStrategy(server().get("/v1/strategies").json(), id);
    assertThat(line.get("exposure").asDouble()).isEqualTo(0.5);
    assertThat(line.get("rule").asText()).isEqualTo("consecutive_losses");
    assertThat(line.get("total_trades").asInt()).isEqualTo(3);
  }

  @Test
  void haltAndResumeOverrideTheRulesAndNeedAReason() {
    String id = freshId();
    assertThat(server().post("/v1/strategies/" + id + "/trades", TestServer.trade("t1", 5, 1)).status())
        .isEqualTo(201);

    TestServer.Reply noReason = server().post("/v1/strategies/" + id + "/halt", "{}");
    assertThat(noReason.status()).isEqualTo(400);
    assertThat(noReason.json().get("message").asText()).isEqualTo("reason: is required but missing");
    TestServer.Reply tooLong = server().post("/v1/strategies/" + id + "/halt",
        "{\"reason\":\"" + "x".repeat(501) + "\"}");
    assertThat(tooLong.status()).isEqualTo(400);

    TestServer.Reply halted = server().post("/v1/strategies/" + id + "/halt", "{\"reason\":\"exchange outage\"}");
    assertThat(halted.status()).as(halted.body()).isEqualTo(200);
    assertThat(halted.json().get("exposure").asDouble()).isZero();
    assertThat(halted.json().get("rule").asText()).isEqualTo("manual_halt");
    assertThat(server().get("/v1/strategies/" + id + "/exposure").json().get("exposure").asDouble()).isZero();

    TestServer.Reply resumed = server().post("/v1/strategies/" + id + "/resume", "{\"reason\":\"back\"}");
    assertThat(resumed.status()).isEqualTo(200);
    assertThat(resumed.json().get("exposure").asDouble()).isEqualTo(1.0);
    assertThat(server().get("/v1/strategies/" + id + "/risk-events").json().get("risk_events")).hasSize(2);
  }

  // ---- stream ---------------------------------------------------------------------------------------------------

  @Test
  void theStreamCarriesSnapshotsAndExposureChangesAndResumesFromTheJournal() throws Exception {
    String id = freshId();
    assertThat(server().post("/v1/strategies/" + id + "/trades", TestServer.trade("w", 5, 1)).status())
        .isEqualTo(201);
    String firstExposureId;
    try (SseClient stream = new SseClient(server(), "/v1/stream?strategy=" + id, null)) {
      assertThat(stream.status()).isEqualTo(200);
      SseClient.Event current = stream.next(e -> e.type().equals("snapshot"), Duration.ofSeconds(10));
      assertThat(current.json().get("sequence_nr").asLong()).isEqualTo(1);

      recordLosses(id, 3);
      SseClient.Event snapshot = stream.next(
          e -> e.type().equals("snapshot") && e.json().get("sequence_nr").asLong() == 4, Duration.ofSeconds(10));
      assertThat(snapshot.json().at("/metrics/consecutive_losses").asInt()).isEqualTo(3);
      SseClient.Event cut = stream.next(e -> e.type().equals("exposure"), Duration.ofSeconds(10));
      assertThat(cut.id()).isEqualTo(id + ":1");
      assertThat(cut.json().get("strategy_id").asText()).isEqualTo(id);
      assertThat(cut.json().get("to").asDouble()).isEqualTo(0.5);
      firstExposureId = cut.id();
    }

    // Decided while nobody listened: a reconnecting client gets it from the journal.
    recordLosses(id, 2);
    awaitExposure(id, 0.25);
    try (SseClient resumed = new SseClient(server(), "/v1/stream?strategy=" + id, firstExposureId)) {
      SseClient.Event missed = resumed.next(e -> e.type().equals("exposure"), Duration.ofSeconds(10));
      assertThat(missed.id()).isEqualTo(id + ":2");
      assertThat(missed.json().get("to").asDouble()).isEqualTo(0.25);
    }
    try (SseClient unfiltered = new SseClient(server(), "/v1/stream", id + ":0")) {
      SseClient.Event first = unfiltered.next(e -> e.type().equals("exposure") && e.id().startsWith(id + ":"),
          Duration.ofSeconds(10));
      assertThat(first.id()).isEqualTo(id + ":1");
      assertThat(unfiltered.next(e -> e.type().equals("exposure") && e.id().startsWith(id + ":"),
          Duration.ofSeconds(10)).id()).isEqualTo(id + ":2");
    }

    TestServer.Reply badResume = server().send("GET", "/v1/stream", Map.of("Last-Event-ID", "nonsense"), null);
    assertThat(badResume.status()).isEqualTo(400);
    assertThat(badResume.json().get("message").asText()).startsWith("Last-Event-ID: ");
  }

  // ---- documents and operations ---------------------------------------------------------------------------------

  @Test
  void theOpenApiDocumentListsExactlyTheRoutesServed() throws Exception {
    JsonNode doc = server().get("/v1/openapi.json").json();
    assertThat(doc.get("openapi").asText()).startsWith("3.");
    List<ApiRoutes.Endpoint> documented = new ArrayList<>();
    for (Iterator<Map.Entry<String, JsonNode>> paths = doc.get("paths").fields(); paths.hasNext(); ) {
      Map.Entry<String, JsonNode> path = paths.next();
      for (Iterator<String> methods = path.getValue().fieldNames(); methods.hasNext(); ) {
        String method = methods.next();
        if (List.of("get", "post", "put", "delete", "patch").contains(method)) {
          documented.add(new ApiRoutes.Endpoint(method.toUpperCase(), path.getKey()));
        }
      }
    }
    assertThat(documented).containsExactlyInAnyOrderElementsOf(ApiRoutes.ENDPOINTS);
  }

  @Test
  void healthAndPrometheusMetrics() {
    assertThat(server().get("/health/live").body()).isEqualTo("{\"status\":\"up\"}");
    TestServer.Reply ready = server().get("/health/ready");
    assertThat(ready.status()).isEqualTo(200);
    assertThat(ready.json().get("journal").asText()).isEqualTo("up");

    String id = freshId();
    recordLosses(id, 3);
    awaitExposure(id, 0.5);
    // The gauge follows the risk topic, which may trail the exposure read above by a message or two.
    String gauge = "trading_actors_exposure{strategy=\"" + id + "\"} 0.5";
    TestServer.Reply metrics = server().get("/metrics");
    for (long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        !metrics.body().contains(gauge) && System.nanoTime() < deadline; ) {
      metrics = server().get("/metrics");
    }
    assertThat(metrics.status()).isEqualTo(200);
    assertThat(metrics.header("Content-Type")).startsWith("text/plain");
    assertThat(metrics.body())
        .contains("trading_actors_http_requests_total{method=\"POST\",route=\"/v1/strategies/{id}/trades\","
            + "status=\"201\"}")
        .contains("trading_actors_persist_duration_seconds_bucket{kind=\"trade\"")
        .contains("trading_actors_events_persisted_total{kind=\"trade\"}")
        .contains(gauge)
        .contains("trading_actors_active_strategies")
        .contains("trading_actors_read_model_lag_seconds_bucket")
        .contains("jvm_memory_used_bytes");
  }

  // ---- helpers --------------------------------------------------------------------------------------------------

  private void recordLosses(String id, int n) {
    for (int i = 0; i < n; i++) {
      String tradeId = "loss-" + System.nanoTime();
      TestServer.Reply r = server().post("/v1/strategies/" + id + "/trades", TestServer.trade(tradeId, -1, 2 + i));
      assertThat(r.status()).as(r.body()).isEqualTo(201);
    }
  }

  /** The exposure once the risk manager has decided (it decides just after the write's acknowledgement). */
  private JsonNode awaitExposure(String id, double expected) {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
    JsonNode exposure;
    do {
      exposure = server().get("/v1/strategies/" + id + "/exposure").json();
      if (exposure.get("exposure").asDouble() == expected) {
        return exposure;
      }
      try {
        Thread.sleep(20);
      } catch (InterruptedException e) {
        throw new AssertionError(e);
      }
    } while (System.nanoTime() < deadline);
    throw new AssertionError("exposure of " + id + " never became " + expected + ": " + exposure);
  }

  // ---- the read model: score, ranking, compare from the projected tables ----------------------------------------

  @Test
  void scoreRankingAndCompareFollowTheJournalThroughTheProjection() throws Exception {
    String id = freshId();
    StringBuilder live = new StringBuilder("[");
    double[] pnls = {12, -5, 8, 3, -2, 7};
    for (int i = 0; i < pnls.length; i++) {
      live.append(i == 0 ? "" : ",").append(TestServer.trade("l" + i, pnls[i], 10 + i));
    }
    assertThat(server().post("/v1/strategies/" + id + "/trades", live.append("]").toString()).status())
        .isEqualTo(201);
    // a backtest run, journaled under its own persistence id as `import --backtest` does
    List<PerformanceEvent> run = List.of(
        Events.trade("b1", 1, 20), Events.trade("b2", 2, -10), Events.trade("b3", 3, 30), Events.trade("b4", 4, 5));
    ClusterSharding.get(server().node.system())
        .entityRefFor(StrategyPerformanceActor.ENTITY_TYPE_KEY, StrategyIds.entityId(id, "bt-1"))
        .<StrategyPerformanceActor.Recorded>askWithStatus(
            r -> new StrategyPerformanceActor.RecordEvents(run, r), Duration.ofSeconds(20))
        .toCompletableFuture().join();

    JsonNode score = awaitJson("/v1/strategies/" + id + "/score",
        s -> s.path("live_trades").asLong() == pnls.length && s.path("backtest_run").asText().equals("bt-1"));
    assertThat(score.get("basis").asText()).isEqualTo("blended");
    double expected = 0.7 * score.get("backtest_score").asDouble() + 0.3 * score.get("live_score").asDouble();
    assertThat(score.get("blended_score").asDouble()).isCloseTo(expected, org.assertj.core.data.Offset.offset(1e-12));
    // the live part is the 30-day window of the same trades the metrics route folds
    JsonNode metrics = server().get("/v1/strategies/" + id + "/metrics").json().get("metrics");
    assertThat(score.at("/parts/live/win_rate").asDouble()).isEqualTo(metrics.get("win_rate").asDouble());

    JsonNode compare = server().get("/v1/strategies/" + id + "/compare?backtest=bt-1").json();
    assertThat(compare.at("/live/total_trades").asLong()).isEqualTo(pnls.length);
    assertThat(compare.at("/backtest/total_trades").asLong()).isEqualTo(run.size());
    assertThat(compare.at("/live/net_pnl").asDouble()).isEqualTo(metrics.get("net_pnl").asDouble());
    assertThat(compare.at("/diff/win_rate/absolute").asDouble())
        .isEqualTo(compare.at("/live/win_rate").asDouble() - compare.at("/backtest/win_rate").asDouble());

    JsonNode ranking = awaitJson("/v1/strategies/ranking?limit=1000", r -> {
      for (JsonNode line : r) {
        if (line.get("strategy_id").asText().equals(id)) {
          return true;
        }
      }
      return false;
    });
    for (int i = 1; i < ranking.size(); i++) {
      JsonNode before = ranking.get(i - 1).get("blended_score");
      JsonNode after = ranking.get(i).get("blended_score");
      if (!after.isNull()) {
        assertThat(before.isNull()).as("nulls last").isFalse();
        assertThat(before.asDouble()).as("best first").isGreaterThanOrEqualTo(after.asDouble());
      }
    }
  }

  /** GETs {@code path} until its JSON satisfies {@code done} (the projection is asynchronous). */
  private JsonNode awaitJson(String path, java.util.function.Predicate<JsonNode> done) throws InterruptedException {
    long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
    TestServer.Reply last;
    do {
      last = server().get(path);
      if (last.status() == 200 && done.test(last.json())) {
        return last.json();
      }
      Thread.sleep(100);
    } while (System.nanoTime() < deadline);
    throw new AssertionError(path + " never got there: " + last.status() + " " + last.body());
  }

  private static JsonNode findStrategy(JsonNode list, String id) {
    for (JsonNode line : list) {
      if (line.get("strategy_id").asText().equals(id)) {
        return line;
      }
    }
    throw new AssertionError(id + " not in " + list);
  }

  private List<Object> journalEvents(String persistenceId) {
    return PersistenceQuery.get(server().node.system())
        .getReadJournalFor(JdbcReadJournal.class, JdbcReadJournal.Identifier())
        .currentEventsByPersistenceId(persistenceId, 0, Long.MAX_VALUE)
        .map(env -> env.event())
        .runWith(Sink.seq(), server().node.system())
        .toCompletableFuture()
        .join();
  }
}
