package io.tradingactors.app.api;

import io.prometheus.metrics.config.EscapingScheme;
import io.prometheus.metrics.core.metrics.Counter;
import io.prometheus.metrics.core.metrics.Gauge;
import io.prometheus.metrics.core.metrics.GaugeWithCallback;
import io.prometheus.metrics.core.metrics.Histogram;
import io.prometheus.metrics.expositionformats.PrometheusTextFormatWriter;
import io.prometheus.metrics.instrumentation.jvm.JvmMetrics;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.concurrent.atomic.AtomicLong;

/**
 * What {@code GET /metrics} exposes, in the Prometheus text format (written by the Prometheus Java client): requests
 * by route template and status, request and persist latency, events persisted, active strategies, the exposure of
 * each strategy, and the JVM's own metrics. One registry per server, so tests and embedded nodes do not share counts.
 */
public final class ApiMetrics {

  /** Seconds: 0.5 ms to 10 s, dense where a durable write's latency lies (1–30 ms). */
  private static final double[] LATENCY_BOUNDS = {
    0.0005, 0.001, 0.002, 0.003, 0.005, 0.0075, 0.01, 0.015, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10
  };

  private final PrometheusRegistry registry = new PrometheusRegistry();
  private final PrometheusTextFormatWriter writer = PrometheusTextFormatWriter.create();
  private final AtomicLong activeStrategies = new AtomicLong();

  private final Counter requests =
      Counter.builder()
          .name("trading_actors_http_requests_total")
          .help("HTTP requests answered, by route template, method and status code")
          .labelNames("route", "method", "status")
          .register(registry);

  private final Histogram requestDuration =
      Histogram.builder()
          .name("trading_actors_http_request_duration_seconds")
          .help("Time from request to response, by route template and method (the stream excluded)")
          .labelNames("route", "method")
          .classicOnly()
          .classicUpperBounds(LATENCY_BOUNDS)
          .register(registry);

  private final Histogram persistDuration =
      Histogram.builder()
          .name("trading_actors_persist_duration_seconds")
          .help("Time from a write command sent to its strategy until the events are persisted and acknowledged")
          .labelNames("kind")
          .classicOnly()
          .classicUpperBounds(LATENCY_BOUNDS)
          .register(registry);

  private final Counter eventsPersisted =
      Counter.builder()
          .name("trading_actors_events_persisted_total")
          .help("Events persisted through the API, by kind (trade, balance); duplicates are not counted")
          .labelNames("kind")
          .register(registry);

  private final Histogram readModelLag =
      Histogram.builder()
          .name("trading_actors_read_model_lag_seconds")
          .help("Time from an event's journal write to the read model transaction holding its rows (docs/read-model.md)")
          .classicOnly()
          .classicUpperBounds(0.05, 0.1, 0.2, 0.3, 0.5, 0.75, 1, 2, 5, 10, 30, 60, 300)
          .register(registry);

  private final Gauge exposure =
      Gauge.builder()
          .name("trading_actors_exposure")
          .help("The exposure multiplier of each strategy (1 full size, 0 halted) as last decided")
          .labelNames("strategy")
          .register(registry);

  public ApiMetrics() {
    GaugeWithCallback.builder()
        .name("trading_actors_active_strategies")
        .help("Live strategies running on this node (addressed within the passivation timeout)")
        .callback(callback -> callback.call(activeStrategies.get()))
        .register(registry);
    JvmMetrics.builder().register(registry);
  }

  /** A request answered: counted by route template (not the raw path, whose ids would explode the series). */
  public void request(String route, String method, int status, long nanos) {
    requests.labelValues(route, method, Integer.toString(status)).inc();
    requestDuration.labelValues(route, method).observe(nanos / 1e9);
  }

  /** A write acknowledged after {@code nanos}, having persisted {@code events} new events of {@code kind}. */
  public void persisted(String kind, int events, long nanos) {
    persistDuration.labelValues(kind).observe(nanos / 1e9);
    if (events > 0) {
      eventsPersisted.labelValues(kind).inc(events);
    }
  }

  public void exposure(String strategyId, double value) {
    exposure.labelValues(strategyId).set(value);
  }

  /** One projected event, {@code lagMs} behind its journal write. */
  public void projected(long lagMs) {
    readModelLag.observe(lagMs / 1000.0);
  }

  public void activeStrategies(long count) {
    activeStrategies.set(count);
  }

  public String contentType() {
    return writer.getContentType();
  }

  /** Every metric, in the text format. */
  public byte[] scrape() {
    ByteArrayOutputStream out = new ByteArrayOutputStream(16 * 1024);
    try {
      writer.write(out, registry.scrape(), EscapingScheme.ALLOW_UTF8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toByteArray();
  }
}
