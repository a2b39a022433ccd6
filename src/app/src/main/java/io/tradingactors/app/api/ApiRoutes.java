package io.tradingactors.app.api;

import io.tradingactors.actors.JournalHealth;
import io.tradingactors.actors.performance.StrategyIds;
import io.tradingactors.actors.risk.RiskManagerActor;
import io.tradingactors.domain.input.TimeParser;
import io.tradingactors.domain.json.Json;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.DateTimeException;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import org.apache.pekko.actor.typed.ActorSystem;
import org.apache.pekko.http.javadsl.marshallers.jackson.Jackson;
import org.apache.pekko.http.javadsl.marshalling.Marshaller;
import org.apache.pekko.http.javadsl.marshalling.sse.EventStreamMarshalling;
import org.apache.pekko.http.javadsl.model.ContentTypes;
import org.apache.pekko.http.javadsl.model.HttpEntities;
import org.apache.pekko.http.javadsl.model.HttpEntity;
import org.apache.pekko.http.javadsl.model.HttpRequest;
import org.apache.pekko.http.javadsl.model.HttpResponse;
import org.apache.pekko.http.javadsl.model.MediaTypes;
import org.apache.pekko.http.javadsl.model.RequestEntity;
import org.apache.pekko.http.javadsl.model.StatusCode;
import org.apache.pekko.http.javadsl.model.StatusCodes;
import org.apache.pekko.http.javadsl.model.headers.HttpChallenge;
import org.apache.pekko.http.javadsl.model.headers.RetryAfter;
import org.apache.pekko.http.javadsl.model.headers.WWWAuthenticate;
import org.apache.pekko.http.javadsl.server.AllDirectives;
import org.apache.pekko.http.javadsl.server.ExceptionHandler;
import org.apache.pekko.http.javadsl.server.PathMatchers;
import org.apache.pekko.http.javadsl.server.RejectionHandler;
import org.apache.pekko.http.javadsl.server.Route;
import org.apache.pekko.http.scaladsl.model.EntityStreamSizeException;
import org.apache.pekko.stream.javadsl.Sink;
import org.apache.pekko.stream.javadsl.Source;
import org.apache.pekko.util.ByteString;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The HTTP API of DESIGN §5 (docs/api.md; the OpenAPI document at {@code /v1/openapi.json}). Routes only: parsing is
 * {@link RequestBodies}', asking the actors {@link StrategyGateway}'s, querying the read model (score, ranking,
 * compare) {@link ReadModelGateway}'s, the stream {@link EventStream}'s.
 *
 * <p>Every answer that is not a success is a JSON {@link ApiError}; a 503 carries {@code Retry-After}; an unexpected
 * failure is a 500 whose body holds no stack trace (the log does).
 */
public final class ApiRoutes extends AllDirectives {

  private static final Logger LOG = LoggerFactory.getLogger(ApiRoutes.class);

  /** One route of the API: its method and path template, as the OpenAPI document names them. */
  public record Endpoint(String method, String template) {
    Pattern pattern() {
      return Pattern.compile(template.replace(".", "\\.").replaceAll("\\{[a-z_]+}", "[^/]+"));
    }
  }

  /** Every route served, for the metrics' route label and for the test that the OpenAPI document lists them all. */
  public static final List<Endpoint> ENDPOINTS =
      List.of(
          new Endpoint("POST", "/v1/strategies/{id}/trades"),
          new Endpoint("POST", "/v1/strategies/{id}/balances"),
          new Endpoint("GET", "/v1/strategies"),
          new Endpoint("GET", "/v1/strategies/{id}/metrics"),
          new Endpoint("GET", "/v1/strategies/{id}/balances"),
          new Endpoint("GET", "/v1/strategies/{id}/exposure"),
          new Endpoint("GET", "/v1/strategies/{id}/risk-events"),
          new Endpoint("POST", "/v1/strategies/{id}/halt"),
          new Endpoint("POST", "/v1/strategies/{id}/resume"),
          new Endpoint("GET", "/v1/strategies/ranking"),
          new Endpoint("GET", "/v1/strategies/{id}/score"),
          new Endpoint("GET", "/v1/strategies/{id}/compare"),
          new Endpoint("GET", "/v1/stream"),
          new Endpoint("GET", "/v1/openapi.json"),
          new Endpoint("GET", "/health/live"),
          new Endpoint("GET", "/health/ready"),
          new Endpoint("GET", "/metrics"));

  private static final List<Pattern> PATTERNS = ENDPOINTS.stream().map(Endpoint::pattern).toList();

  private static final Marshaller<Object, RequestEntity> JSON = Jackson.marshaller(Json.mapper());

  /** Lines of the ranking when {@code ?limit} is not given. */
  static final int DEFAULT_RANKING_LIMIT = 100;
  /** The most lines {@code ?limit} may ask for. */
  static final int MAX_RANKING_LIMIT = 1000;

  private final ActorSystem<?> system;
  private final ApiSettings settings;
  private final StrategyGateway gateway;
  private final ReadModelGateway readModel;
  private final EventStream stream;
  private final JournalHealth health;
  private final ApiMetrics metrics;
  private final BearerToken token;
  private final byte[] openApi;

  public ApiRoutes(
      ActorSystem<?> system,
      ApiSettings settings,
      StrategyGateway gateway,
      ReadModelGateway readModel,
      EventStream stream,
      JournalHealth health,
      ApiMetrics metrics) {
    this.system = system;
    this.settings = settings;
    this.gateway = gateway;
    this.readModel = readModel;
    this.stream = stream;
    this.health = health;
    this.metrics = metrics;
    this.token = settings.token() == null ? null : new BearerToken(settings.token());
    this.openApi = resource("openapi.json");
  }

  public Route routes() {
    return measured(() ->
        handleExceptions(exceptions(), () ->
            handleRejections(rejections(), () ->
                concat(
                    pathPrefix("health", () -> concat(
                        path("live", () -> get(() -> complete(StatusCodes.OK, new Views.Health("up", null, null), JSON))),
                        path("ready", () -> get(this::ready)))),
                    path("metrics", () -> get(() -> complete(
                        HttpResponse.create().withEntity(HttpEntities.create(
                            ContentTypes.parse(metrics.contentType()), metrics.scrape()))))),
                    pathPrefix("v1", () -> authorized(this::v1))))));
  }

  private Route v1() {
    return concat(
        path("openapi.json", () -> get(() -> complete(
            HttpResponse.create().withEntity(HttpEntities.create(ContentTypes.APPLICATION_JSON, openApi))))),
        path("stream", () -> get(() ->
            parameterOptional("strategy", strategy ->
                optionalHeaderValueByName("Last-Event-ID", lastEventId -> completeOK(
                    stream.events(
                        strategy.map(ApiRoutes::checkedId).orElse(null),
                        lastEventId.filter(s -> !s.isBlank()).map(EventStream.Resume::parse).orElse(null)),
                    EventStreamMarshalling.toEventStream()))))),
        pathPrefix("strategies", () -> concat(
            pathEnd(() -> get(() -> onSuccess(summaries(), list -> complete(StatusCodes.OK, list, JSON)))),
            // Before the {id} routes: "ranking" is also a valid strategy id, and GET /v1/strategies/ranking must be
            // the ranking whatever strategies exist. No {id} route ends at /v1/strategies/{id}, so a strategy named
            // "ranking" loses nothing: its routes (/v1/strategies/ranking/score, …) all have a further segment.
            path("ranking", () -> get(() -> parameterOptional("limit", limit ->
                onSuccess(readModel.ranking(rankingLimit(limit)), ranking -> complete(
                    StatusCodes.OK, Views.RankingLine.of(ranking), JSON))))),
            pathPrefix(PathMatchers.segment(), rawId -> {
              String id = checkedId(rawId);
              return concat(
                  path("trades", () -> post(() -> jsonBody(body ->
                      recorded(gateway.recordTrades(id, RequestBodies.trades(body)))))),
                  path("balances", () -> concat(
                      post(() -> jsonBody(body -> recorded(gateway.recordBalances(id, RequestBodies.balances(body))))),
                      get(() -> parameterOptional("from", from -> parameterOptional("to", to ->
                          onSuccess(gateway.balanceHistory(id), h -> complete(
                              StatusCodes.OK,
                              Views.BalanceHistoryView.of(id, h, time("from", from), time("to", to)),
                              JSON))))))),
                  path("metrics", () -> get(() ->
                      onSuccess(gateway.snapshot(id), s -> complete(StatusCodes.OK, s, JSON)))),
                  path("exposure", () -> get(() ->
                      onSuccess(gateway.exposure(id), e -> complete(StatusCodes.OK, Views.ExposureView.of(e), JSON)))),
                  path("risk-events", () -> get(() ->
                      onSuccess(gateway.riskEvents(id), events -> complete(
                          StatusCodes.OK, new Views.RiskEventsView(id, events), JSON)))),
                  path("halt", () -> post(() -> jsonBody(body -> exposure(gateway.halt(id, reason(body)))))),
                  path("resume", () -> post(() -> jsonBody(body -> exposure(gateway.resume(id, reason(body)))))),
                  path("score", () -> get(() -> parameterOptional("backtest", run ->
                      onSuccess(readModel.score(id, run.map(ApiRoutes::checkedRun).orElse(null)), s -> complete(
                          StatusCodes.OK, Views.ScoreView.of(s), JSON))))),
                  path("compare", () -> get(() -> parameterOptional("backtest", run ->
                      onSuccess(readModel.compare(id, checkedRun(run.orElseThrow(() -> ApiProblem.invalidInput(
                          "backtest: is required (the backtest run to compare the live track with)")))),
                          c -> complete(StatusCodes.OK, Views.ComparisonView.of(c), JSON))))));
            }))));
  }

  // ---- pieces ---------------------------------------------------------------------------------------------------

  private Route ready() {
    JournalHealth.Status s = health.status();
    if (s.up()) {
      return complete(StatusCodes.OK, new Views.Health("ready", "up", null), JSON);
    }
    return respondWithHeader(RetryAfter.create(settings.retryAfter().toSeconds()), () -> complete(
        StatusCodes.SERVICE_UNAVAILABLE, new Views.Health("unavailable", "down", s.problem()), JSON));
  }

  private CompletionStage<List<Views.StrategySummary>> summaries() {
    return Source.completionStage(gateway.liveStrategyIds())
        .mapConcat(ids -> ids)
        .mapAsyncUnordered(4, id -> gateway.snapshot(id)
            .thenCombineAsync(gateway.exposure(id), Views.StrategySummary::of, system.executionContext()))
        .runWith(Sink.seq(), system)
        .thenApplyAsync(list -> list.stream().sorted(Comparator.comparing(Views.StrategySummary::strategyId)).toList(),
            system.executionContext());
  }

  private Route recorded(CompletionStage<Views.Recorded> write) {
    return onSuccess(write, r -> complete(r.recorded() > 0 ? StatusCodes.CREATED : StatusCodes.OK, r, JSON));
  }

  private Route exposure(CompletionStage<RiskManagerActor.Exposure> command) {
    return onSuccess(command, e -> complete(StatusCodes.OK, Views.ExposureView.of(e), JSON));
  }

  private static String reason(byte[] body) {
    return RequestBodies.reason(body, RiskManagerActor.MAX_REASON_LENGTH);
  }

  /** The body of a write: JSON only (415 otherwise), at most the configured size (413 otherwise). */
  private Route jsonBody(Function<byte[], Route> inner) {
    return extractRequestEntity(entity -> {
      if (!entity.getContentType().mediaType().equals(MediaTypes.APPLICATION_JSON)) {
        throw new ApiProblem(StatusCodes.UNSUPPORTED_MEDIA_TYPE, "unsupported_media_type",
            "Content-Type: must be application/json, got " + entity.getContentType());
      }
      return withSizeLimit(settings.maxBodyBytes(), () -> extractMaterializer(mat -> onSuccess(
          entity.withSizeLimit(settings.maxBodyBytes()).toStrict(settings.bodyReadTimeout().toMillis(), mat),
          strict -> inner.apply(strict.getData().toArray()))));
    });
  }

  /** The {@code Authorization: Bearer} check, when the server has a token. */
  private Route authorized(Supplier<Route> inner) {
    if (token == null) {
      return inner.get();
    }
    return optionalHeaderValueByName("Authorization", header -> {
      if (header.isPresent() && token.matches(header.get())) {
        return inner.get();
      }
      return respondWithHeader(
          WWWAuthenticate.create(HttpChallenge.create("Bearer", "trading-actors")),
          () -> complete(StatusCodes.UNAUTHORIZED, new ApiError("unauthorized",
              header.isPresent()
                  ? "Authorization: the bearer token does not match"
                  : "Authorization: a bearer token is required (Authorization: Bearer <TRADING_ACTORS_TOKEN>)"),
              JSON));
    });
  }

  /** Counts and times every request by its route template (the raw path would make a series per strategy id). */
  private Route measured(Supplier<Route> inner) {
    return extractRequest(request -> {
      long started = System.nanoTime();
      return mapResponse(response -> {
        metrics.request(templateOf(request), request.method().value(), response.status().intValue(),
            System.nanoTime() - started);
        return response;
      }, inner);
    });
  }

  static String templateOf(HttpRequest request) {
    String path = request.getUri().path();
    for (int i = 0; i < PATTERNS.size(); i++) {
      if (PATTERNS.get(i).matcher(path).matches()) {
        return ENDPOINTS.get(i).template();
      }
    }
    return "unmatched";
  }

  private static String checkedId(String id) {
    if (!StrategyIds.isValid(id)) {
      throw new ApiProblem(StatusCodes.BAD_REQUEST, "invalid_strategy_id",
          "strategy id: must be 1 to 64 characters of letters, digits, '.', '_' or '-', got '"
              + (id.length() > 80 ? id.substring(0, 80) + "…" : id) + "'");
    }
    return id;
  }

  /** A backtest run id of {@code ?backtest=}: the rule of strategy ids (DESIGN §5). */
  private static String checkedRun(String run) {
    if (!StrategyIds.isValid(run)) {
      throw ApiProblem.invalidInput(
          "backtest: must be 1 to 64 characters of letters, digits, '.', '_' or '-', got '"
              + (run.length() > 80 ? run.substring(0, 80) + "…" : run) + "'");
    }
    return run;
  }

  private static int rankingLimit(Optional<String> value) {
    if (value.isEmpty()) {
      return DEFAULT_RANKING_LIMIT;
    }
    String text = value.get();
    try {
      int limit = Integer.parseInt(text);
      if (limit >= 1 && limit <= MAX_RANKING_LIMIT) {
        return limit;
      }
    } catch (NumberFormatException notANumber) {
      // reported below, with the range
    }
    throw ApiProblem.invalidInput("limit: must be a whole number from 1 to " + MAX_RANKING_LIMIT + ", got '"
        + (text.length() > 80 ? text.substring(0, 80) + "…" : text) + "'");
  }

  private static Instant time(String parameter, Optional<String> value) {
    if (value.isEmpty()) {
      return null;
    }
    try {
      return TimeParser.parse(value.get());
    } catch (DateTimeException e) {
      throw ApiProblem.invalidInput(parameter + ": " + e.getMessage());
    }
  }

  // ---- errors ---------------------------------------------------------------------------------------------------

  private ExceptionHandler exceptions() {
    return ExceptionHandler.newBuilder()
        .matchAny(this::failure)
        .build();
  }

  private Route failure(Throwable thrown) {
    Throwable t = thrown instanceof CompletionException && thrown.getCause() != null ? thrown.getCause() : thrown;
    if (t instanceof ApiProblem p) {
      if (p.status().intValue() == 503) {
        return respondWithHeader(RetryAfter.create(settings.retryAfter().toSeconds()),
            () -> complete(p.status(), p.body(), JSON));
      }
      return complete(p.status(), p.body(), JSON);
    }
    if (t instanceof EntityStreamSizeException) {
      return complete(StatusCodes.PAYLOAD_TOO_LARGE, new ApiError("payload_too_large",
          "body: larger than " + settings.maxBodyBytes() + " bytes; send fewer elements per request"), JSON);
    }
    LOG.error("unexpected failure of a request", t);
    return complete(StatusCodes.INTERNAL_SERVER_ERROR,
        new ApiError("internal", "an unexpected error occurred; the server log has the details"), JSON);
  }

  /** Pekko's rejections (no such route, wrong method, …) with their status, as JSON errors. */
  private static RejectionHandler rejections() {
    return RejectionHandler.defaultHandler().mapRejectionResponse(response -> {
      String text = response.entity() instanceof HttpEntity.Strict strict ? strict.getData().utf8String() : "";
      return response.withEntity(HttpEntities.create(
          ContentTypes.APPLICATION_JSON, json(new ApiError(code(response.status()), text))));
    });
  }

  private static String code(StatusCode status) {
    switch (status.intValue()) {
      case 404: return "not_found";
      case 405: return "method_not_allowed";
      case 413: return "payload_too_large";
      case 415: return "unsupported_media_type";
      case 401: return "unauthorized";
      default: return status.isFailure() && status.intValue() >= 500 ? "internal" : "bad_request";
    }
  }

  private static ByteString json(Object value) {
    try {
      return ByteString.fromArray(Json.mapper().writeValueAsBytes(value));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static byte[] resource(String name) {
    try (InputStream in = ApiRoutes.class.getResourceAsStream("/" + name)) {
      if (in == null) {
        throw new IllegalStateException(name + " is missing from the class path");
      }
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
