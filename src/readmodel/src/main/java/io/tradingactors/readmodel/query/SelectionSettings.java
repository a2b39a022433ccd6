package io.tradingactors.readmodel.query;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigException;
import com.typesafe.config.ConfigObject;
import com.typesafe.config.ConfigRenderOptions;
import com.typesafe.config.ConfigValue;
import com.typesafe.config.ConfigValueType;
import io.tradingactors.metrics.BlendSettings;
import io.tradingactors.metrics.DriftBand;
import io.tradingactors.metrics.MetricValues;
import io.tradingactors.metrics.SelectionScoreSettings;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * The settings of the selection score, its blend and the drift comparison ({@code trading-actors.selection} and
 * {@code trading-actors.compare.drift} in hocon/trading-actors.conf; docs/selection.md).
 *
 * <p>Read once when the node starts, and strictly, so that a typo refuses the start instead of silently ranking
 * strategies on a default: unknown keys, an unknown metric or band kind, a value of the wrong type, a negative weight,
 * a cap ≤ 0, a blend weight outside [0, 1] (or a pair that does not sum to 1), a fractional trade count and a timeout
 * without a unit are each reported by their full key, all at once.
 *
 * @param score the weights and caps of the score
 * @param blend how the backtest and live scores combine
 * @param drift the bands of the drift comparison, by metric name and then kind name (as the reader finds them)
 * @param queryTimeout how long one read-model query may run before it fails (the route answers 503)
 */
public record SelectionSettings(
    SelectionScoreSettings score, BlendSettings blend, List<DriftBand> drift, Duration queryTimeout) {

  public static final String SELECTION = "trading-actors.selection";
  public static final String DRIFT = "trading-actors.compare.drift";
  /** The Pekko dispatcher whose threads run the read model's blocking queries for the API. */
  public static final String DISPATCHER = SELECTION + ".dispatcher";

  /** What hocon/trading-actors.conf ships with. */
  public static final SelectionSettings DEFAULTS =
      new SelectionSettings(
          SelectionScoreSettings.DEFAULTS, BlendSettings.DEFAULTS, DriftBand.DEFAULTS, Duration.ofSeconds(5));

  private static final List<String> SELECTION_KEYS = List.of("weights", "caps", "blend", "query-timeout", "dispatcher");
  private static final List<String> WEIGHT_KEYS = List.of("win-rate", "profit-factor", "avg-rr");
  private static final List<String> CAP_KEYS = List.of("profit-factor", "avg-rr");
  private static final List<String> BLEND_KEYS = List.of("backtest", "live", "min-live-trades");
  private static final List<String> COMPARE_KEYS = List.of("drift");

  public SelectionSettings {
    Objects.requireNonNull(score, "score");
    Objects.requireNonNull(blend, "blend");
    drift = List.copyOf(drift);
    if (queryTimeout.isNegative() || queryTimeout.isZero()) {
      throw new IllegalArgumentException("query timeout must be positive, got " + queryTimeout);
    }
  }

  /**
   * The settings of a node's (resolved) configuration.
   *
   * @throws SelectionSettingsException with every problem, each named by its full key
   */
  public static SelectionSettings from(Config config) {
    return new Reader(config).read();
  }

  /** Collects every problem of the two blocks; a value that cannot be read is reported and replaced by 0. */
  private static final class Reader {

    private final Config config;
    private final List<String> problems = new ArrayList<>();

    Reader(Config config) {
      this.config = config;
    }

    SelectionSettings read() {
      unknownKeys(SELECTION, SELECTION_KEYS);
      unknownKeys(SELECTION + ".weights", WEIGHT_KEYS);
      unknownKeys(SELECTION + ".caps", CAP_KEYS);
      unknownKeys(SELECTION + ".blend", BLEND_KEYS);
      unknownKeys("trading-actors.compare", COMPARE_KEYS);

      double wWinRate = weight("win-rate");
      double wProfitFactor = weight("profit-factor");
      double wAvgRr = weight("avg-rr");
      double capProfitFactor = cap("profit-factor");
      double capAvgRr = cap("avg-rr");

      String blendKey = SELECTION + ".blend.";
      double backtest = fraction(blendKey + "backtest");
      double live = fraction(blendKey + "live");
      if (Double.isFinite(backtest) && Double.isFinite(live)
          && Math.abs(backtest + live - 1.0) > BlendSettings.SUM_TOLERANCE) {
        problems.add(blendKey + "backtest, " + blendKey + "live: must sum to 1 (a blended score is then on the "
            + "scale of a backtest-only or live-only one), got " + backtest + " + " + live);
      }
      long minLiveTrades = count(blendKey + "min-live-trades");
      Duration timeout = duration(SELECTION + ".query-timeout");
      List<DriftBand> bands = bands();

      if (!problems.isEmpty()) {
        throw new SelectionSettingsException(problems);
      }
      return new SelectionSettings(
          new SelectionScoreSettings(wWinRate, wProfitFactor, wAvgRr, capProfitFactor, capAvgRr),
          new BlendSettings(backtest, live, minLiveTrades),
          bands,
          timeout);
    }

    private double weight(String name) {
      String key = SELECTION + ".weights." + name;
      double v = number(key);
      if (!Double.isNaN(v) && v < 0) {
        problems.add(key + ": must be ≥ 0, got " + v);
      }
      return v;
    }

    private double cap(String name) {
      String key = SELECTION + ".caps." + name;
      double v = number(key);
      if (!Double.isNaN(v) && v <= 0) {
        problems.add(key + ": must be > 0 (the capped value is divided by it), got " + v);
      }
      return v;
    }

    private double fraction(String key) {
      double v = number(key);
      if (!Double.isNaN(v) && (v < 0 || v > 1)) {
        problems.add(key + ": must be in [0, 1], got " + v);
      }
      return v;
    }

    /** A finite number at {@code key}; NaN (and a problem) when it is missing or not a number. */
    private double number(String key) {
      try {
        if (config.hasPathOrNull(key) && config.getIsNull(key)) {
          problems.add(key + ": must be a number, got null");
          return Double.NaN;
        }
        double v = config.getDouble(key);
        if (!Double.isFinite(v)) {
          problems.add(key + ": must be a finite number, got " + v);
          return Double.NaN;
        }
        return v;
      } catch (ConfigException.Missing e) {
        problems.add(key + ": is missing");
      } catch (ConfigException.WrongType e) {
        problems.add(key + ": must be a number, got " + render(config.getValue(key)));
      }
      return Double.NaN;
    }

    private long count(String key) {
      double v = number(key);
      if (Double.isNaN(v)) {
        return 1;
      }
      // HOCON's getLong would truncate 2.5 to 2.
      if (v != Math.rint(v) || v < 1) {
        problems.add(key + ": must be a whole number ≥ 1, got " + render(config.getValue(key)));
        return 1;
      }
      return (long) v;
    }

    private Duration duration(String key) {
      try {
        // HOCON reads a bare number as milliseconds: "5" would be 5 ms where "5 s" was meant.
        if (config.getValue(key).valueType() == ConfigValueType.NUMBER) {
          problems.add(key + ": needs a unit (e.g. 5 s), got " + render(config.getValue(key)));
          return DEFAULTS.queryTimeout();
        }
        Duration d = config.getDuration(key);
        if (d.isNegative() || d.isZero()) {
          problems.add(key + ": must be positive, got " + render(config.getValue(key)));
          return DEFAULTS.queryTimeout();
        }
        return d;
      } catch (ConfigException.Missing e) {
        problems.add(key + ": is missing");
      } catch (ConfigException.BadValue | ConfigException.WrongType e) {
        problems.add(key + ": must be a duration such as 5 s, got " + render(config.getValue(key)));
      }
      return DEFAULTS.queryTimeout();
    }

    /** {@code drift { <metric> { <kind> = <limit>, … }, … }}; a metric set to null has no band. */
    private List<DriftBand> bands() {
      ConfigObject drift = object(DRIFT);
      List<DriftBand> bands = new ArrayList<>();
      if (drift == null) {
        return bands;
      }
      String kinds = Arrays.stream(DriftBand.Kind.values()).map(DriftBand.Kind::configName)
          .collect(Collectors.joining(", "));
      for (String metric : new TreeSet<>(drift.keySet())) {
        String metricKey = DRIFT + "." + metric;
        if (!MetricValues.NAMES.contains(metric)) {
          problems.add(metricKey + ": unknown metric (the names of DESIGN §3, e.g. win_rate, max_drawdown)");
          continue;
        }
        ConfigValue value = drift.get(metric);
        if (value.valueType() == ConfigValueType.NULL) {
          continue;
        }
        if (value.valueType() != ConfigValueType.OBJECT) {
          problems.add(metricKey + ": must be an object of bands {" + kinds + "}, got " + render(value));
          continue;
        }
        ConfigObject metricBands = (ConfigObject) value;
        for (String kindName : new TreeSet<>(metricBands.keySet())) {
          String key = metricKey + "." + kindName;
          DriftBand.Kind kind = DriftBand.Kind.ofConfigName(kindName);
          if (kind == null) {
            problems.add(key + ": unknown band kind (known: " + kinds + ")");
            continue;
          }
          double limit = number(key);
          if (Double.isNaN(limit)) {
            continue;
          }
          try {
            bands.add(new DriftBand(metric, kind, limit));
          } catch (IllegalArgumentException e) {
            problems.add(key + ": " + e.getMessage());
          }
        }
      }
      return bands;
    }

    private void unknownKeys(String path, List<String> known) {
      ConfigObject block = object(path);
      if (block == null) {
        return;
      }
      for (String key : new TreeSet<>(block.keySet())) {
        if (!known.contains(key)) {
          problems.add(path + "." + key + ": unknown key (known: " + String.join(", ", known) + ")");
        }
      }
    }

    /** The object at {@code path}; null (and a problem unless it is simply absent) otherwise. */
    private ConfigObject object(String path) {
      if (!config.hasPathOrNull(path)) {
        problems.add(path + ": is missing");
        return null;
      }
      if (config.getIsNull(path)) {
        problems.add(path + ": must be an object, got null");
        return null;
      }
      ConfigValue v = config.getValue(path);
      if (v.valueType() != ConfigValueType.OBJECT) {
        problems.add(path + ": must be an object, got " + render(v));
        return null;
      }
      return (ConfigObject) v;
    }

    private static String render(ConfigValue v) {
      return v.render(ConfigRenderOptions.concise());
    }
  }
}
