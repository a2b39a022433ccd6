package io.tradingactors.app.api;

import static io.tradingactors.readmodel.testing.ReadModelRows.allTime;
import static io.tradingactors.readmodel.testing.ReadModelRows.liveWindow;
import static io.tradingactors.readmodel.testing.ReadModelRows.metrics;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.typesafe.config.Config;
import com.zaxxer.hikari.HikariDataSource;
import io.tradingactors.actors.testing.TestJournals;
import io.tradingactors.metrics.MetricValues;
import io.tradingactors.readmodel.ReadModelDatabase;
import io.tradingactors.readmodel.ReadModelSchema;
import io.tradingactors.readmodel.query.ReadModelQueries;
import io.tradingactors.readmodel.query.SelectionSettings;
import io.tradingactors.readmodel.testing.ReadModelRows;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.sql.SQLTransientConnectionException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletionException;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.apache.pekko.http.javadsl.model.HttpRequest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * The score, ranking and compare routes over a real server and the read model's real tables (H2), with rows written
 * straight into them: the reply shapes, the 400s and 404s, the ranking's precedence over a strategy named "ranking",
 * and a failing database as a 503. The scores themselves are checked on H2 and PostgreSQL by the read model's query
 * tests; here one known value per route proves the wiring.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SelectionRoutesTest {

  private static final Instant T0 = Instant.parse("2025-03-01T00:00:00Z");

  private HikariDataSource pool;
  private SwitchableDataSource ds;
  private TestServer server;

  @BeforeAll
  void start(@TempDir Path dir) {
    Config config = TestJournals.h2(dir);
    pool = ReadModelDatabase.pool(config, "selection-routes-test");
    ds = new SwitchableDataSource(pool);
    server = TestServer.withReadModel(config, new ReadModelQueries(ds, SelectionSettings.from(config)));
    // After the node's start, as serve does it: the journal's migrations expect an empty schema or their own.
    ReadModelSchema.migrate(pool, config);
  }

  @AfterAll
  void stop() {
    if (server != null) {
      server.close();
    }
    if (pool != null) {
      pool.close();
    }
  }

  @BeforeEach
  void empty() {
    ds.down = false;
    ReadModelRows.clear(pool);
  }

  // ---- score ----------------------------------------------------------------------------------------------------

  @Test
  void aScoreCarriesItsBasisWeightsAndParts() {
    allTime(pool, "trend-1", "bt-1", metrics(100, 0.6, 1.5, 2.0), T0);   // 0.515
    liveWindow(pool, "trend-1", 5, 0.4, 0.9, 1.0);                      // 0.315

    TestServer.Reply reply = server.get("/v1/strategies/trend-1/score");

    assertThat(reply.status()).as(reply.body()).isEqualTo(200);
    JsonNode s = reply.json();
    assertThat(fields(s)).containsExactly("strategy_id", "backtest_run", "backtest_score", "live_score", "live_trades",
        "blended_score", "basis", "weights", "parts");
    assertThat(s.get("strategy_id").asText()).isEqualTo("trend-1");
    assertThat(s.get("backtest_run").asText()).isEqualTo("bt-1");
    assertThat(s.get("live_trades").asLong()).isEqualTo(5);
    assertThat(s.get("basis").asText()).isEqualTo("blended");
    assertThat(s.get("blended_score").asDouble()).isCloseTo(0.7 * 0.515 + 0.3 * 0.315, within(1e-12));
    assertThat(s.at("/weights/backtest").asDouble()).isEqualTo(0.7);
    assertThat(s.at("/weights/live").asDouble()).isEqualTo(0.3);
    assertThat(fields(s.at("/parts/backtest"))).containsExactly("trades", "win_rate", "profit_factor", "avg_rr",
        "profit_factor_capped", "avg_rr_capped", "win_rate_term", "profit_factor_term", "avg_rr_term", "score");
    assertThat(s.at("/parts/backtest/profit_factor_term").asDouble()).isCloseTo(0.175, within(1e-12));
    assertThat(s.at("/parts/live/trades").asLong()).isEqualTo(5);

    TestServer.Reply named = server.get("/v1/strategies/trend-1/score?backtest=bt-1");
    assertThat(named.status()).isEqualTo(200);
    assertThat(named.json().get("backtest_score").asDouble()).isCloseTo(0.515, within(1e-12));
  }

  @Test
  void aStrategyWithoutTradesHasNullScoresNotZeros() {
    liveWindow(pool, "idle", 0, null, null, null);

    JsonNode s = server.get("/v1/strategies/idle/score").json();

    assertThat(s.get("blended_score").isNull()).isTrue();
    assertThat(s.get("live_score").isNull()).isTrue();
    assertThat(s.get("backtest_run").isNull()).isTrue();
    assertThat(s.get("basis").asText()).isEqualTo("none");
    assertThat(s.at("/parts/backtest").isNull()).isTrue();
    assertThat(s.at("/parts/live/score").isNull()).isTrue();
  }

  @Test
  void scoreErrorsNameWhatIsWrong() {
    allTime(pool, "trend-1", "bt-1", metrics(10, 0.5, 1.0, null), T0);

    assertError(server.get("/v1/strategies/nobody/score"), 404, "not_found", "strategy 'nobody' has no rows");
    assertError(server.get("/v1/strategies/trend-1/score?backtest=bt-9"), 404, "not_found",
        "strategy 'trend-1' has no backtest run 'bt-9'");
    assertError(server.get("/v1/strategies/trend-1/score?backtest=bt%249"), 400, "invalid_input", "backtest: ");
    assertError(server.get("/v1/strategies/trend-1/score?backtest="), 400, "invalid_input", "backtest: ");
    assertError(server.get("/v1/strategies/bad%24id/score"), 400, "invalid_strategy_id", "strategy id: ");
  }

  // ---- ranking --------------------------------------------------------------------------------------------------

  @Test
  void theRankingIsBestFirstAndTakesPrecedenceOverAStrategyNamedRanking() {
    allTime(pool, "top", "bt", metrics(50, 0.8, 3.0, 5.0), T0);        // 0.92
    allTime(pool, "ranking", "bt", metrics(50, 0.5, 1.5, 2.0), T0);    // 0.475
    liveWindow(pool, "idle", 0, null, null, null);                     // no score

    TestServer.Reply reply = server.get("/v1/strategies/ranking");

    assertThat(reply.status()).as(reply.body()).isEqualTo(200);
    JsonNode ranking = reply.json();
    assertThat(ranking.isArray()).isTrue();
    assertThat(ranking).extracting(line -> line.get("strategy_id").asText()).containsExactly("top", "ranking", "idle");
    assertThat(ranking).extracting(line -> line.get("rank").asInt()).containsExactly(1, 2, 3);
    assertThat(fields(ranking.get(0))).containsExactly("rank", "strategy_id", "blended_score", "backtest_score",
        "live_score", "live_trades", "backtest_run", "basis");
    assertThat(ranking.get(0).get("blended_score").asDouble()).isCloseTo(0.92, within(1e-12));
    assertThat(ranking.get(0).get("basis").asText()).isEqualTo("backtest");
    assertThat(ranking.get(2).get("blended_score").isNull()).isTrue();

    // The strategy named "ranking" keeps its own routes.
    TestServer.Reply own = server.get("/v1/strategies/ranking/score");
    assertThat(own.status()).as(own.body()).isEqualTo(200);
    assertThat(own.json().get("strategy_id").asText()).isEqualTo("ranking");
  }

  @Test
  void theRankingLimitIsOneToAThousand() {
    allTime(pool, "a", "bt", metrics(50, 0.8, 3.0, 5.0), T0);
    allTime(pool, "b", "bt", metrics(50, 0.5, 1.5, 2.0), T0);

    assertThat(server.get("/v1/strategies/ranking?limit=1").json()).hasSize(1);
    assertThat(server.get("/v1/strategies/ranking?limit=1000").json()).hasSize(2);
    for (String bad : List.of("0", "1001", "-1", "ten", "1.5", "")) {
      assertError(server.get("/v1/strategies/ranking?limit=" + bad), 400, "invalid_input",
          "limit: must be a whole number from 1 to 1000, got '" + bad + "'");
    }
  }

  // ---- compare --------------------------------------------------------------------------------------------------

  @Test
  void aComparisonHasBothTracksEveryDiffAndTheDrift() {
    allTime(pool, "trend-1", "bt-1", metrics(100, 0.6, 2.0, 1.5), T0);
    allTime(pool, "trend-1", "", metrics(20, 0.35, 1.2345, 1.5), T0);

    TestServer.Reply reply = server.get("/v1/strategies/trend-1/compare?backtest=bt-1");

    assertThat(reply.status()).as(reply.body()).isEqualTo(200);
    JsonNode c = reply.json();
    assertThat(fields(c)).containsExactly("strategy_id", "backtest_run", "live", "backtest", "diff", "drift");
    assertThat(fields(c.get("live"))).containsExactlyElementsOf(MetricValues.NAMES);
    assertThat(fields(c.get("backtest"))).containsExactlyElementsOf(MetricValues.NAMES);
    assertThat(fields(c.get("diff"))).containsExactlyElementsOf(MetricValues.NAMES);
    assertThat(c.at("/live/profit_factor").asDouble()).isEqualTo(1.2345);
    assertThat(c.at("/diff/win_rate/absolute").asDouble()).isCloseTo(-0.25, within(1e-12));
    assertThat(c.at("/diff/win_rate/relative").asDouble()).isCloseTo(-0.25 / 0.6, within(1e-12));
    assertThat(c.at("/diff/sharpe_ratio/absolute").isNull()).isTrue();
    assertThat(c.get("drift")).extracting(JsonNode::asText).containsExactly("win_rate");
  }

  @Test
  void aComparisonWithoutLiveRowsHasLiveNull() {
    allTime(pool, "bt-only", "bt-1", metrics(100, 0.6, 2.0, 1.5), T0);

    JsonNode c = server.get("/v1/strategies/bt-only/compare?backtest=bt-1").json();

    assertThat(c.get("live").isNull()).isTrue();
    assertThat(c.at("/diff/win_rate/absolute").isNull()).isTrue();
    assertThat(c.get("drift")).isEmpty();
  }

  @Test
  void compareErrorsNameWhatIsWrong() {
    allTime(pool, "trend-1", "bt-1", metrics(10, 0.5, 1.0, null), T0);

    assertError(server.get("/v1/strategies/trend-1/compare"), 400, "invalid_input", "backtest: is required");
    assertError(server.get("/v1/strategies/trend-1/compare?backtest=a%40b"), 400, "invalid_input", "backtest: ");
    assertError(server.get("/v1/strategies/trend-1/compare?backtest=bt-9"), 404, "not_found",
        "strategy 'trend-1' has no backtest run 'bt-9'");
    assertError(server.get("/v1/strategies/x%24/compare?backtest=bt-1"), 400, "invalid_strategy_id", "strategy id: ");
  }

  // ---- failures and wiring --------------------------------------------------------------------------------------

  @Test
  void aFailingDatabaseIs503WithRetryAfterAndNoStackTrace() {
    allTime(pool, "trend-1", "bt-1", metrics(10, 0.5, 1.0, null), T0);
    ds.down = true;

    for (String path : List.of("/v1/strategies/trend-1/score", "/v1/strategies/ranking",
        "/v1/strategies/trend-1/compare?backtest=bt-1")) {
      TestServer.Reply reply = server.get(path);
      assertError(reply, 503, "unavailable", "the read model's database did not answer");
      assertThat(reply.header("Retry-After")).as(path).matches("[1-9]\\d*");
      assertThat(reply.body()).as(path).doesNotContain("Exception").doesNotContain("\tat ");
    }

    ds.down = false;
    assertThat(server.get("/v1/strategies/trend-1/score").status()).isEqualTo(200);
  }

  @Test
  void queriesBlockOnTheirOwnDispatcherNotTheActorSystems() {
    liveWindow(pool, "s", 1, 1.0, 1.0, null);

    assertThat(server.get("/v1/strategies/s/score").status()).isEqualTo(200);

    // Pekko names a dispatcher's threads after its configuration path.
    assertThat(ds.lastCaller).contains(SelectionSettings.DISPATCHER).doesNotContain("default-dispatcher");
  }

  @Test
  void aNodeWithoutTheReadModelAnswers503() {
    ReadModelGateway none = ReadModelGateway.notConfigured();
    for (var stage : List.of(none.score("s", null), none.ranking(10), none.compare("s", "bt"))) {
      Throwable failure = stage.toCompletableFuture().handle((v, t) -> t).join();
      Throwable cause = failure instanceof CompletionException ? failure.getCause() : failure;
      assertThat(cause).isInstanceOf(ApiProblem.class);
      assertThat(((ApiProblem) cause).status().intValue()).isEqualTo(503);
      assertThat(cause.getMessage()).contains("read model is not configured");
    }
  }

  @Test
  void theRoutesAreMeasuredByTheirTemplates() {
    assertThat(ApiRoutes.templateOf(HttpRequest.create("/v1/strategies/ranking"))).isEqualTo("/v1/strategies/ranking");
    assertThat(ApiRoutes.templateOf(HttpRequest.create("/v1/strategies/ranking/score")))
        .isEqualTo("/v1/strategies/{id}/score");
    assertThat(ApiRoutes.templateOf(HttpRequest.create("/v1/strategies/s-1/compare")))
        .isEqualTo("/v1/strategies/{id}/compare");
  }

  // ---- helpers --------------------------------------------------------------------------------------------------

  private static void assertError(TestServer.Reply reply, int status, String code, String messageStart) {
    assertThat(reply.status()).as(reply.body()).isEqualTo(status);
    assertThat(reply.header("Content-Type")).startsWith("application/json");
    assertThat(reply.json().get("error").asText()).as(reply.body()).isEqualTo(code);
    assertThat(reply.json().get("message").asText()).as(reply.body()).startsWith(messageStart);
  }

  private static List<String> fields(JsonNode node) {
    List<String> names = new ArrayList<>();
    node.fieldNames().forEachRemaining(names::add);
    return names;
  }

  /**
   * The read model's pool, or a database that refuses every connection while {@link #down}; it remembers the thread
   * that asked last.
   */
  private static final class SwitchableDataSource implements DataSource {
    private final DataSource pool;
    volatile boolean down;
    volatile String lastCaller;

    SwitchableDataSource(DataSource pool) {
      this.pool = pool;
    }

    @Override
    public Connection getConnection() throws SQLException {
      lastCaller = Thread.currentThread().getName();
      if (down) {
        throw new SQLTransientConnectionException("connection refused (the test took the database down)");
      }
      return pool.getConnection();
    }

    @Override
    public Connection getConnection(String user, String password) throws SQLException {
      throw new SQLFeatureNotSupportedException();
    }

    @Override
    public PrintWriter getLogWriter() throws SQLException {
      return pool.getLogWriter();
    }

    @Override
    public void setLogWriter(PrintWriter out) throws SQLException {
      pool.setLogWriter(out);
    }

    @Override
    public void setLoginTimeout(int seconds) throws SQLException {
      pool.setLoginTimeout(seconds);
    }

    @Override
    public int getLoginTimeout() throws SQLException {
      return pool.getLoginTimeout();
    }

    @Override
    public Logger getParentLogger() throws SQLFeatureNotSupportedException {
      return pool.getParentLogger();
    }

    @Override
    public <T> T unwrap(Class<T> type) throws SQLException {
      return pool.unwrap(type);
    }

    @Override
    public boolean isWrapperFor(Class<?> type) throws SQLException {
      return pool.isWrapperFor(type);
    }
  }
}
