package io.tradingactors.app.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.tradingactors.actors.performance.StrategyPerformanceActor.BalanceHistory;
import io.tradingactors.actors.risk.RiskManagerActor.Exposure;
import io.tradingactors.domain.MetricsSnapshot;
import io.tradingactors.domain.risk.ExposureChanged;
import io.tradingactors.domain.risk.LimitChanged;
import io.tradingactors.domain.risk.RiskEvent;
import io.tradingactors.domain.risk.RiskInputs;
import io.tradingactors.domain.risk.RiskLimits;
import io.tradingactors.domain.state.BalancePoint;
import io.tradingactors.metrics.PerformanceMetrics;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * The response bodies of the API (DESIGN §5, docs/api.md), as records serialized by the product's one JSON dialect
 * ({@link io.tradingactors.domain.json.Json}): snake_case keys, ISO-8601 times, null for an undefined ratio.
 */
public final class Views {

  private Views() {}

  /** The acknowledgement of a persisted write. */
  public record Recorded(String strategyId, int recorded, int duplicates, long sequenceNr) {}

  /** A line of {@code GET /v1/strategies}: the exposure and the headline metrics. */
  public record StrategySummary(
      String strategyId,
      long sequenceNr,
      Instant asOf,
      double exposure,
      String rule,
      long totalTrades,
      Double winRate,
      double netPnl,
      Double profitFactor,
      Double currentBalance,
      Double maxDrawdown,
      Double currentDrawdown,
      Double sharpeRatio) {

    static StrategySummary of(MetricsSnapshot s, Exposure e) {
      PerformanceMetrics m = s.metrics();
      return new StrategySummary(
          s.strategyId(),
          s.sequenceNr(),
          s.asOf(),
          e.exposure(),
          e.rule(),
          m.totalTrades(),
          m.winRate(),
          m.netPnl(),
          m.profitFactor(),
          m.currentBalance(),
          m.maxDrawdown(),
          m.currentDrawdown(),
          m.sharpeRatio());
    }
  }

  /** One day's close of the balance history. */
  public record DailyClose(LocalDate day, double balance) {}

  /** One raw balance observation. */
  public record BalanceObservation(Instant time, double balance) {}

  /** {@code GET /v1/strategies/{id}/balances}: daily closes and the recent raw observations within [from, to]. */
  public record BalanceHistoryView(String strategyId, List<DailyClose> dailyCloses, List<BalanceObservation> recent) {

    static BalanceHistoryView of(String strategyId, BalanceHistory h, Instant from, Instant to) {
      long fromMs = from == null ? Long.MIN_VALUE : from.toEpochMilli();
      long toMs = to == null ? Long.MAX_VALUE : to.toEpochMilli();
      List<DailyClose> closes = new ArrayList<>();
      for (int i = 0; i < h.dailyCloses().length; i++) {
        LocalDate day = LocalDate.ofEpochDay(h.firstDay() + i);
        long dayStart = day.toEpochDay() * 86_400_000L;
        // A day is in range when any part of it is: its close is its last balance.
        if (dayStart + 86_400_000L > fromMs && dayStart <= toMs) {
          closes.add(new DailyClose(day, h.dailyCloses()[i]));
        }
      }
      List<BalanceObservation> recent = new ArrayList<>();
      for (BalancePoint p : h.recent()) {
        if (p.timeMs() >= fromMs && p.timeMs() <= toMs) {
          recent.add(new BalanceObservation(Instant.ofEpochMilli(p.timeMs()), p.balance()));
        }
      }
      return new BalanceHistoryView(strategyId, closes, recent);
    }
  }

  /** Why the exposure is what it is. */
  public record Reason(String message, RiskInputs figures, RiskLimits limits) {}

  /** {@code GET /v1/strategies/{id}/exposure}, and the answer to a halt or resume. */
  public record ExposureView(
      String strategyId,
      double exposure,
      String rule,
      Instant since,
      Reason reason,
      Instant nextReviewAt,
      long lastSnapshotSequenceNr) {

    static ExposureView of(Exposure e) {
      Reason reason = e.reason() == null ? null : new Reason(e.reason(), e.figures(), e.limits());
      return new ExposureView(
          e.strategyId(), e.exposure(), e.rule(), e.since(), reason, e.nextReviewAt(), e.lastSnapshotSequenceNr());
    }
  }

  /**
   * One persisted risk decision: an {@code exposure_changed} or a {@code limit_changed} (a rule that moved while
   * another held the exposure lower). {@code strategyId} is set on the stream, where decisions of every strategy
   * interleave.
   */
  public record RiskEventView(
      String strategyId,
      long sequenceNr,
      String type,
      double from,
      double to,
      String rule,
      String reason,
      long snapshotSequenceNr,
      RiskInputs figures,
      Instant at,
      RiskLimits limits) {

    static RiskEventView of(String strategyId, long sequenceNr, RiskEvent event) {
      if (event instanceof ExposureChanged e) {
        return new RiskEventView(strategyId, sequenceNr, "exposure_changed", e.from(), e.to(), e.rule(), e.reason(),
            e.snapshotSequenceNr(), e.figures(), e.at(), e.limits());
      }
      LimitChanged l = (LimitChanged) event;
      return new RiskEventView(strategyId, sequenceNr, "limit_changed", l.from(), l.to(), l.rule(), l.reason(),
          l.snapshotSequenceNr(), l.figures(), l.at(), l.limits());
    }
  }

  /** {@code GET /v1/strategies/{id}/risk-events}. */
  public record RiskEventsView(String strategyId, List<RiskEventView> riskEvents) {}

  /** {@code /health/live} and {@code /health/ready}; absent parts are left out. */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record Health(String status, String journal, String message) {}
}
