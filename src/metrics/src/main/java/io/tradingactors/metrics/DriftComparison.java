package io.tradingactors.metrics;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A strategy's live metrics against a backtest run's (docs/selection.md): per DESIGN §3 metric the difference, and the
 * metrics whose live value left its {@link DriftBand}.
 *
 * @param diff every §3 metric, in §3 order, with live − backtest and its relative change ({@link MetricDiff})
 * @param drift the names of the metrics outside one of their bands, in §3 order, each once
 */
public record DriftComparison(Map<String, MetricDiff> diff, List<String> drift) {

  public DriftComparison {
    diff = Collections.unmodifiableMap(new LinkedHashMap<>(diff));
    drift = List.copyOf(drift);
  }

  /**
   * The comparison of {@code live} with {@code backtest} under {@code bands}. {@code live} may be null (a strategy
   * with no live track): every difference is then null and nothing is drift.
   */
  public static DriftComparison of(PerformanceMetrics live, PerformanceMetrics backtest, List<DriftBand> bands) {
    Map<String, Double> b = MetricValues.of(backtest);
    Map<String, Double> l = live == null ? null : MetricValues.of(live);
    Map<String, MetricDiff> diff = new LinkedHashMap<>();
    List<String> drift = new ArrayList<>();
    for (String name : MetricValues.NAMES) {
      Double lv = l == null ? null : l.get(name);
      Double bv = b.get(name);
      diff.put(name, MetricDiff.of(lv, bv));
      for (DriftBand band : bands) {
        if (band.metric().equals(name) && band.breached(lv, bv)) {
          drift.add(name);
          break;
        }
      }
    }
    return new DriftComparison(diff, drift);
  }
}
