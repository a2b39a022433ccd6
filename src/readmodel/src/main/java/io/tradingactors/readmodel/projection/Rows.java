package io.tradingactors.readmodel.projection;

import io.tradingactors.domain.risk.ExposureChanged;
import io.tradingactors.metrics.PerformanceMetrics;
import io.tradingactors.metrics.WindowStatistics;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The rows one transaction of the projection writes: the latest version of each upserted row (a later event of the
 * same group replaces an earlier one's) and every insert-only row, in journal order.
 */
public final class Rows {

  /** A strategy_performance row. */
  public record WindowRow(Track track, String window, WindowStatistics stats, Instant asOf, long sequenceNr) {}

  /**
   * A performance_metrics row.
   *
   * @param periodEnd the first day after the period; null for all_time
   * @param periodReturn the period's last daily close / the last close before it − 1; null without a close
   */
  public record PeriodRow(
      Track track,
      String period,
      LocalDate periodStart,
      LocalDate periodEnd,
      Double periodReturn,
      PerformanceMetrics metrics,
      Instant asOf,
      long sequenceNr) {}

  /** An account_history row: the track's figures right after the event at {@code sequenceNr}. */
  public record HistoryRow(
      Track track, long sequenceNr, Instant recordedAt, String cause, String tradeId, PerformanceMetrics metrics) {}

  /** A risk_events row. */
  public record RiskRow(String strategyId, long sequenceNr, ExposureChanged event) {}

  private final Map<List<Object>, WindowRow> windows = new LinkedHashMap<>();
  private final Map<List<Object>, PeriodRow> periods = new LinkedHashMap<>();
  private final List<HistoryRow> history = new ArrayList<>();
  private final List<RiskRow> risk = new ArrayList<>();

  void upsert(WindowRow row) {
    windows.put(List.of(row.track(), row.window()), row);
  }

  void upsert(PeriodRow row) {
    periods.put(List.of(row.track(), row.period(), row.periodStart()), row);
  }

  void insert(HistoryRow row) {
    history.add(row);
  }

  void insert(RiskRow row) {
    risk.add(row);
  }

  public List<WindowRow> windows() {
    return List.copyOf(windows.values());
  }

  public List<PeriodRow> periods() {
    return List.copyOf(periods.values());
  }

  public List<HistoryRow> history() {
    return history;
  }

  public List<RiskRow> risk() {
    return risk;
  }

  public boolean isEmpty() {
    return windows.isEmpty() && periods.isEmpty() && history.isEmpty() && risk.isEmpty();
  }
}
