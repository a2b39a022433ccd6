package io.tradingactors.metrics;

import java.util.List;
import java.util.Locale;

/**
 * How far one live metric may move from its backtest value before the comparison reports it as drift
 * (docs/selection.md; {@code trading-actors.compare.drift}).
 *
 * <p>Conventions:
 *
 * <ul>
 *   <li>A band is checked only when both values are defined; a null on either side is never drift.
 *   <li>The edge itself is inside the band: a live win rate exactly 15 points under the backtest's is not flagged by
 *       {@code max-drop = 0.15}. "Exactly" allows for binary rounding: a value within 1e-9 · max(1, |edge|) of the
 *       edge counts as on it, so 0.50 → 0.35 is not flagged although 0.50 − 0.15 is 0.35000000000000003 in doubles.
 *   <li>The ratio kinds compare with backtest · limit, which has the intended meaning only for a backtest value
 *       ≥ 0: for a negative one the edge lies on the wrong side (a live value equal to the backtest's would break a
 *       {@code min-ratio} band). They are not checked then; the comparison's diff still shows the change.
 * </ul>
 *
 * @param metric the DESIGN §3 name of the metric (one of {@link MetricValues#NAMES})
 * @param kind the kind of band
 * @param limit the band's parameter: a difference in the metric's unit for the drop/rise kinds (≥ 0), a factor for
 *     the ratio kinds (&gt; 0)
 */
public record DriftBand(String metric, Kind kind, double limit) {

  /** The bands hocon/trading-actors.conf ships with, by metric name. */
  public static final List<DriftBand> DEFAULTS =
      List.of(
          new DriftBand("expectancy", Kind.MIN_RATIO, 0.5),
          new DriftBand("max_drawdown", Kind.MAX_RATIO, 1.5),
          new DriftBand("profit_factor", Kind.MIN_RATIO, 0.5),
          new DriftBand("sharpe_ratio", Kind.MIN_RATIO, 0.5),
          new DriftBand("win_rate", Kind.MAX_DROP, 0.15));

  private static final double EDGE_TOLERANCE = 1e-9;

  /** The kinds of band, by their configuration names. */
  public enum Kind {
    /** Drift when live &lt; backtest − limit. */
    MAX_DROP,
    /** Drift when live &gt; backtest + limit. */
    MAX_RISE,
    /** Drift when live &lt; backtest · limit. */
    MIN_RATIO,
    /** Drift when live &gt; backtest · limit. */
    MAX_RATIO;

    /** The configuration name: {@code max-drop}, {@code max-rise}, {@code min-ratio}, {@code max-ratio}. */
    public String configName() {
      return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /** The kind of a configuration name; null for an unknown one. */
    public static Kind ofConfigName(String name) {
      for (Kind k : values()) {
        if (k.configName().equals(name)) {
          return k;
        }
      }
      return null;
    }

    boolean isRatio() {
      return this == MIN_RATIO || this == MAX_RATIO;
    }
  }

  public DriftBand {
    if (!MetricValues.NAMES.contains(metric)) {
      throw new IllegalArgumentException("not a metric of DESIGN §3: '" + metric + "'");
    }
    if (kind == null) {
      throw new IllegalArgumentException("the kind of band is missing");
    }
    if (kind.isRatio() ? !(limit > 0 && Double.isFinite(limit)) : !(limit >= 0 && Double.isFinite(limit))) {
      throw new IllegalArgumentException(kind.configName() + " must be a finite number "
          + (kind.isRatio() ? "> 0" : "≥ 0") + ", got " + limit);
    }
  }

  /** Whether {@code live} is outside this band around {@code backtest}, by the conventions above. */
  public boolean breached(Double live, Double backtest) {
    if (live == null || backtest == null) {
      return false;
    }
    if (kind.isRatio() && backtest < 0) {
      return false;
    }
    double edge;
    switch (kind) {
      case MAX_DROP:
        edge = backtest - limit;
        break;
      case MAX_RISE:
        edge = backtest + limit;
        break;
      default:
        edge = backtest * limit;
        break;
    }
    double tolerance = EDGE_TOLERANCE * Math.max(1.0, Math.abs(edge));
    boolean lowerEdge = kind == Kind.MAX_DROP || kind == Kind.MIN_RATIO;
    return lowerEdge ? live < edge - tolerance : live > edge + tolerance;
  }
}
