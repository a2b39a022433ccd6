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
import io.tradingactors.metrics.MetricDiff;
import io.tradingactors.metrics.PerformanceMetrics;
import io.tradingactors.metrics.ScoreBasis;
import io.tradingactors.metrics.SelectionScore;
import io.tradingactors.readmodel.query.Comparison;
import io.tradingactors.readmodel.query.StrategyScore;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

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

  /** The weights a blended score actually applied (1 / 0 on the backtest alone, 0 / 1 on the live score alone). */
  public record Weights(double backtest, double live) {}

  /** Each track's score with its inputs, capped values and weighted terms; null for a track with no row. */
  public record ScoreParts(SelectionScore backtest, SelectionScore live) {}

  /** {@code GET /v1/strategies/{id}/score} (docs/selection.md). */
  public record ScoreView(
      String strategyId,
      String backtestRun,
      Double backtestScore,
      Double liveScore,
      long liveTrades,
      Double blendedScore,
      ScoreBasis basis,
      Weights weights,
      ScoreParts parts) {

    static ScoreView of(StrategyScore s) {
      return new ScoreView(s.strategyId(), s.backtestRun(), s.backtestScore(), s.liveScore(), s.liveTrades(),
          s.blendedScore(), s.blend().basis(), new Weights(s.blend().backtestWeight(), s.blend().liveWeight()),
          new ScoreParts(s.backtest(), s.live()));
    }
  }

  /** A line of {@code GET /v1/strategies/ranking}; {@code rank} is the 1-based position, best first. */
  public record RankingLine(
      int rank,
      String strategyId,
      Double blendedScore,
      Double backtestScore,
      Double liveScore,
      long liveTrades,
      String backtestRun,
      ScoreBasis basis) {

    static List<RankingLine> of(List<StrategyScore> ranking) {
      List<RankingLine> lines = new ArrayList<>(ranking.size());
      for (StrategyScore s : ranking) {
        lines.add(new RankingLine(lines.size() + 1, s.strategyId(), s.blendedScore(), s.backtestScore(),
            s.liveScore(), s.liveTrades(), s.backtestRun(), s.blend().basis()));
      }
      return lines;
    }
  }

  /**
   * {@code GET /v1/strategies/{id}/compare}: both tracks' metrics (DESIGN §3 keys), each metric's difference and the
   * metrics outside their drift band.
   */
  public record ComparisonView(
      String strategyId,
      String backtestRun,
      PerformanceMetrics live,
      PerformanceMetrics backtest,
      Map<String, MetricDiff> diff,
      List<String> drift) {

    static ComparisonView of(Comparison c) {
      return new ComparisonView(c.strategyId(), c.backtestRun(), c.live(), c.backtest(), c.drift().diff(),
          c.drift().drift());
    }
  }

  /** {@code /health/live} and {@code /health/ready}; absent parts are left out. */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record Health(String status, String journal, String message) {}
}
