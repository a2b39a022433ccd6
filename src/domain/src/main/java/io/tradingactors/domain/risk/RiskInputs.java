package io.tradingactors.domain.risk;

import io.tradingactors.domain.DayFigures;
import io.tradingactors.domain.MetricsSnapshot;
import io.tradingactors.domain.state.PerformanceState;
import io.tradingactors.metrics.DrawdownTracker;
import io.tradingactors.metrics.PerformanceMetrics;
import io.tradingactors.metrics.TradeTally;
import java.time.Instant;
import java.time.LocalDate;

/**
 * The figures of one metrics snapshot that the risk rules read, kept in every decision so that each cut can be
 * explained. The live path takes them from a {@link MetricsSnapshot}, the backtest from the state directly (without
 * computing every metric per event); both read the same accumulators, so they agree to the bit.
 *
 * @param sequenceNr the snapshot's journal sequence number (snapshots are ordered by it)
 * @param asOf the time of the latest event in the snapshot
 * @param totalTrades trades so far
 * @param consecutiveWins the current winning streak
 * @param consecutiveLosses the current losing streak
 * @param currentBalance the latest balance, null without balances
 * @param currentDrawdown 1 − balance / running peak at the latest balance, null without balances
 * @param day the UTC day of {@code asOf}, null before any event
 * @param dayOpeningBalance the balance when that day began ({@link DayFigures}), null without balances
 * @param dayNetPnl the net pnl of the trades that exited that day
 */
public record RiskInputs(
    long sequenceNr,
    Instant asOf,
    long totalTrades,
    long consecutiveWins,
    long consecutiveLosses,
    Double currentBalance,
    Double currentDrawdown,
    LocalDate day,
    Double dayOpeningBalance,
    double dayNetPnl) {

  public static RiskInputs of(MetricsSnapshot snapshot) {
    PerformanceMetrics m = snapshot.metrics();
    DayFigures today = snapshot.today();
    return new RiskInputs(
        snapshot.sequenceNr(),
        snapshot.asOf(),
        m.totalTrades(),
        m.consecutiveWins(),
        m.consecutiveLosses(),
        m.currentBalance(),
        m.currentDrawdown(),
        today == null ? null : today.day(),
        today == null ? null : today.openingBalance(),
        today == null ? 0.0 : today.netPnl());
  }

  /** The same figures as {@code of(MetricsSnapshot.of(id, sequenceNr, state))}, at a fraction of the cost. */
  public static RiskInputs of(long sequenceNr, PerformanceState state) {
    TradeTally t = state.tally();
    DrawdownTracker dd = state.drawdown();
    DayFigures today = DayFigures.of(state);
    boolean balances = dd.count() > 0;
    return new RiskInputs(
        sequenceNr,
        state.asOf(),
        t.total(),
        t.winStreak(),
        t.lossStreak(),
        balances ? dd.last() : null,
        balances ? dd.currentDrawdown() : null,
        today == null ? null : today.day(),
        today == null ? null : today.openingBalance(),
        today == null ? 0.0 : today.netPnl());
  }

  /** The net pnl of the day as a fraction of its opening balance (negative for a loss); null without a balance. */
  public Double dayReturn() {
    return dayOpeningBalance == null ? null : dayNetPnl / dayOpeningBalance;
  }
}
