package io.tradingactors.app.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.tradingactors.actors.testing.TestJournals;
import io.tradingactors.app.cli.TradingActorsCommand;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import picocli.CommandLine;

/**
 * The bearer token (docs/api.md, "Authentication"): every /v1 route needs it when the server has one, the health and
 * Prometheus routes never do, and a server reachable from other machines refuses to start without one.
 */
class ApiAuthTest {

  private static final String TOKEN = "s3cret-Token_42";
  private static final String JSON = "application/json";

  @TempDir static Path dir;

  private static TestServer server;

  @BeforeAll
  static void start() {
    server = TestServer.start(TestJournals.h2(dir.resolve("node")), TOKEN);
  }

  @AfterAll
  static void stop() {
    if (server != null) {
      server.close();
    }
  }

  // ---- /v1 needs the token --------------------------------------------------------------------------------------

  @ParameterizedTest
  @ValueSource(strings = {"/v1/strategies", "/v1/strategies/auth-a/metrics", "/v1/strategies/auth-a/exposure",
      "/v1/strategies/auth-a/risk-events", "/v1/openapi.json", "/v1/stream?strategy=auth-a", "/v1/no-such-route"})
  void aGetWithoutTheTokenIs401WithABearerChallenge(String path) {
    TestServer.Reply r = server.send("GET", path, Map.of(), null);

    assertUnauthorized(r);
    assertThat(r.json().get("message").asText()).contains("Authorization");
  }

  @Test
  void writesWithoutTheTokenAre401AndRecordNothing() {
    String s = "auth-unauthorized-writes";
    assertUnauthorized(server.send("POST", "/v1/strategies/" + s + "/trades", Map.of("Content-Type", JSON),
        TestServer.trade("t-1", 5.0, 3)));
    assertUnauthorized(server.send("POST", "/v1/strategies/" + s + "/balances", Map.of("Content-Type", JSON),
        TestServer.balance("2025-03-03T00:00:00Z", 1000.0)));
    assertUnauthorized(server.send("POST", "/v1/strategies/" + s + "/halt", Map.of("Content-Type", JSON),
        "{\"reason\":\"not allowed\"}"));

    TestServer.Reply metrics = server.get("/v1/strategies/" + s + "/metrics");
    assertThat(metrics.status()).as(metrics.body()).isEqualTo(404);
    TestServer.Reply exposure = server.get("/v1/strategies/" + s + "/exposure");
    assertThat(exposure.status()).as(exposure.body()).isEqualTo(200);
    assertThat(exposure.json().get("exposure").asDouble()).as("the unauthorized halt changed nothing").isEqualTo(1.0);
  }

  @ParameterizedTest
  @ValueSource(strings = {"Bearer wrong-token", "Bearer " + TOKEN + "x", "Bearer " + "s3cret-Token_4",
      "Bearer", "Bearer ", "Basic " + TOKEN, TOKEN, "Bearer S3CRET-TOKEN_42"})
  void aWrongTokenIs401(String authorization) {
    TestServer.Reply get = server.send("GET", "/v1/strategies", Map.of("Authorization", authorization), null);
    assertUnauthorized(get);
    assertThat(get.json().get("message").asText()).contains("does not match");

    TestServer.Reply post = server.send("POST", "/v1/strategies/auth-wrong/trades",
        Map.of("Authorization", authorization, "Content-Type", JSON), TestServer.trade("t-1", 5.0, 3));
    assertUnauthorized(post);
    assertThat(server.get("/v1/strategies/auth-wrong/metrics").status()).isEqualTo(404);
  }

  @Test
  void theRightTokenIsServed() {
    String s = "auth-ok";
    TestServer.Reply recorded = server.post("/v1/strategies/" + s + "/trades", TestServer.trade("t-1", 5.0, 3));
    assertThat(recorded.status()).as(recorded.body()).isEqualTo(201);
    TestServer.Reply again = server.post("/v1/strategies/" + s + "/trades", TestServer.trade("t-1", 5.0, 3));
    assertThat(again.status()).as(again.body()).isEqualTo(200);

    TestServer.Reply metrics = server.get("/v1/strategies/" + s + "/metrics");
    assertThat(metrics.status()).as(metrics.body()).isEqualTo(200);
    assertThat(metrics.json().at("/metrics/total_trades").asInt()).isEqualTo(1);
    assertThat(server.get("/v1/strategies").status()).isEqualTo(200);
    assertThat(server.get("/v1/openapi.json").status()).isEqualTo(200);
    // The scheme is case-insensitive (RFC 9110 §11.1); the token is not.
    TestServer.Reply lower = server.send("GET", "/v1/strategies/" + s + "/exposure",
        Map.of("Authorization", "bearer " + TOKEN), null);
    assertThat(lower.status()).as(lower.body()).isEqualTo(200);
  }

  @ParameterizedTest
  @ValueSource(strings = {"/health/live", "/health/ready", "/metrics"})
  void healthAndPrometheusNeedNoToken(String path) {
    TestServer.Reply r = server.send("GET", path, Map.of(), null);

    assertThat(r.status()).as(r.body()).isEqualTo(200);
    assertThat(r.header("WWW-Authenticate")).isNull();
  }

  @Test
  void prometheusCountsTheRefusedRequests() {
    server.send("GET", "/v1/strategies", Map.of(), null);

    assertThat(server.send("GET", "/metrics", Map.of(), null).body())
        .containsPattern("trading_actors_http_requests_total\\{[^}]*route=\"/v1/strategies\"[^}]*status=\"401\"[^}]*}");
  }

  // ---- exposure: a non-loopback address needs a token -----------------------------------------------------------

  @ParameterizedTest
  @ValueSource(strings = {"0.0.0.0", "::", "192.0.2.10"})
  void aNonLoopbackAddressWithoutATokenIsRefusedNamingTheVariable(String host) {
    assertThatThrownBy(() -> settings(host, null).checkExposure())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("TRADING_ACTORS_TOKEN")
        .hasMessageContaining(host);
    assertThatThrownBy(() -> settings(host, "  ").checkExposure())
        .as("a blank token is no token")
        .hasMessageContaining("TRADING_ACTORS_TOKEN");
  }

  @ParameterizedTest
  @ValueSource(strings = {"0.0.0.0", "::", "192.0.2.10"})
  void aNonLoopbackAddressWithATokenIsAccepted(String host) {
    assertThatCode(() -> settings(host, TOKEN).checkExposure()).doesNotThrowAnyException();
  }

  @ParameterizedTest
  @ValueSource(strings = {"127.0.0.1", "localhost", "::1"})
  void loopbackNeedsNoToken(String host) {
    assertThatCode(() -> settings(host, null).checkExposure()).doesNotThrowAnyException();
  }

  @Test
  void serveOnAllInterfacesWithoutATokenExits2NamingTheVariable() {
    String env = System.getenv("TRADING_ACTORS_TOKEN");
    assumeTrue(env == null || env.isBlank(),
        "TRADING_ACTORS_TOKEN is set in this environment, so serve would start a server instead of refusing");
    Path data = dir.resolve("serve-refused");
    CommandLine cl = TradingActorsCommand.commandLine();
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    cl.setOut(new PrintWriter(out));
    cl.setErr(new PrintWriter(err));

    int exit = cl.execute("serve", "--host", "0.0.0.0", "--port", "0", "--data-dir", data.toString());

    assertThat(exit).as("exit code; stderr: %s", err).isEqualTo(2);
    assertThat(err.toString()).contains("TRADING_ACTORS_TOKEN").contains("0.0.0.0");
    assertThat(out.toString()).doesNotContain("serving on");
    assertThat(data.resolve("journal.mv.db")).as("refused before any node started").doesNotExist();
    assertThat(Files.exists(data) && data.toFile().list().length > 0).as("nothing written to " + data).isFalse();
  }

  // ---- helpers --------------------------------------------------------------------------------------------------

  private static ApiSettings settings(String host, String token) {
    return ApiSettings.from(TestJournals.h2(dir.resolve("settings")), token).withAddress(host, 0);
  }

  private static void assertUnauthorized(TestServer.Reply r) {
    assertThat(r.status()).as(r.body()).isEqualTo(401);
    assertThat(r.json().get("error").asText()).isEqualTo("unauthorized");
    assertThat(r.header("WWW-Authenticate")).as("WWW-Authenticate").isNotNull().startsWith("Bearer")
        .contains("realm=\"trading-actors\"");
    assertThat(r.header("Content-Type")).startsWith("application/json");
  }
}
