package io.tradingactors.domain;

import io.tradingactors.domain.state.PerformanceState;
import io.tradingactors.metrics.PerformanceMetrics;
import io.tradingactors.metrics.RollingWindows;
import io.tradingactors.metrics.WindowStatistics;
import java.time.Instant;

/**
 * What a strategy's performance is after a given journal position: every metric of DESIGN §3 plus the 7- and 30-day
 * windows. Published after every persisted batch; the risk manager orders snapshots by {@code sequenceNr}.
 *
 * @param strategyId the strategy
 * @param sequenceNr the journal sequence number of the last event folded in (0 before any event)
 * @param asOf time of the latest event folded in (a trade's exit or a balance), null before any event
 * @param metrics every metric, keyed as in DESIGN §3
 * @param rolling7d trades closed in the last 7 days (as of {@code asOf})
 * @param rolling30d trades closed in the last 30 days
 * @param today the UTC day of {@code asOf}: its opening balance and net pnl (what the daily loss limit reads); null
 *     before any event
 */
public record MetricsSnapshot(
    String strategyId,
    long sequenceNr,
    Instant asOf,
    PerformanceMetrics metrics,
    WindowStatistics rolling7d,
    WindowStatistics rolling30d,
    DayFigures today) {

  public static MetricsSnapshot of(String strategyId, long sequenceNr, PerformanceState state) {
    return new MetricsSnapshot(
        strategyId,
        sequenceNr,
        state.asOf(),
        state.metrics(),
        state.rolling(RollingWindows.SEVEN_DAYS_MS),
        state.rolling(RollingWindows.THIRTY_DAYS_MS),
        DayFigures.of(state));
  }
}
