package io.tradingactors.bench.http;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The server's own view of a phase, from its Prometheus histograms ({@code GET /metrics}, scraped before and after
 * the phase, outside its window): the time from a request entering the routes to its response, and for writes the
 * time from the command sent to its strategy to the persisted acknowledgement. Bucket bounds only, so percentiles are
 * "at most" the bucket's upper bound.
 */
final class ServerMetrics {

  private static final Pattern LABEL = Pattern.compile("(\\w+)=\"((?:[^\"\\\\]|\\\\.)*)\"");

  private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
      .connectTimeout(Duration.ofSeconds(5)).build();
  private final URI uri;

  ServerMetrics(String host, int port) {
    this.uri = URI.create("http://" + host + ":" + port + "/metrics");
  }

  String scrape() {
    try {
      return client.send(HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(10)).GET().build(),
          HttpResponse.BodyHandlers.ofString()).body();
    } catch (Exception e) {
      return "";
    }
  }

  /** Cumulative bucket counts by upper bound (seconds), with sum and count, of one labelled series. */
  record Series(List<Double> bounds, List<Double> cumulative, double sum, double count) {

    static Series parse(String text, String metric, Map<String, String> labels) {
      List<Double> bounds = new ArrayList<>();
      List<Double> cumulative = new ArrayList<>();
      double sum = 0;
      double count = 0;
      for (String line : text.split("\n")) {
        if (!line.startsWith(metric + "_")) {
          continue;
        }
        int open = line.indexOf('{');
        int close = line.lastIndexOf('}');
        if (open < 0 || close < open) {
          continue;
        }
        String name = line.substring(0, open);
        Map<String, String> found = new HashMap<>();
        Matcher m = LABEL.matcher(line.substring(open + 1, close));
        while (m.find()) {
          found.put(m.group(1), m.group(2));
        }
        boolean match = labels.entrySet().stream().allMatch(e -> e.getValue().equals(found.get(e.getKey())));
        if (!match) {
          continue;
        }
        double value = Double.parseDouble(line.substring(close + 1).trim().split("\\s+")[0]);
        switch (name.substring(metric.length())) {
          case "_bucket" -> {
            String le = found.get("le");
            bounds.add(le.equals("+Inf") ? Double.POSITIVE_INFINITY : Double.parseDouble(le));
            cumulative.add(value);
          }
          case "_sum" -> sum = value;
          case "_count" -> count = value;
          default -> { }
        }
      }
      return new Series(bounds, cumulative, sum, count);
    }

    Series minus(Series before) {
      List<Double> c = new ArrayList<>();
      for (int i = 0; i < cumulative.size(); i++) {
        c.add(cumulative.get(i) - (i < before.cumulative.size() ? before.cumulative.get(i) : 0));
      }
      return new Series(bounds, c, sum - before.sum, count - before.count);
    }

    /** The upper bound (ms) of the bucket holding the q-quantile. */
    String atMost(double q) {
      for (int i = 0; i < bounds.size(); i++) {
        if (cumulative.get(i) >= q * count) {
          double b = bounds.get(i);
          return Double.isInfinite(b) ? "> " + fmt(bounds.get(i - 1) * 1000) : "≤ " + fmt(b * 1000);
        }
      }
      return "n/a";
    }

    double shareAtMost(double seconds) {
      for (int i = 0; i < bounds.size(); i++) {
        if (Math.abs(bounds.get(i) - seconds) < 1e-9) {
          return cumulative.get(i) / count;
        }
      }
      return Double.NaN;
    }

    String describe() {
      if (count <= 0) {
        return "none";
      }
      return String.format(Locale.ROOT, "%,.0f, mean %.2f ms, p50 %s, p99 %s ms, %.1f %% ≤ 5 ms", count,
          sum / count * 1000, atMost(0.5), atMost(0.99), 100 * shareAtMost(0.005));
    }

    private static String fmt(double ms) {
      return ms == Math.rint(ms) ? String.format(Locale.ROOT, "%.0f", ms) : String.format(Locale.ROOT, "%.1f", ms);
    }
  }
}
