package io.tradingactors.domain.state;

import io.tradingactors.metrics.DailyCloseSeries;
import io.tradingactors.metrics.DrawdownTracker;
import io.tradingactors.metrics.MetricSettings;
import io.tradingactors.metrics.ReturnMoments;
import io.tradingactors.metrics.TradeTally;
import java.util.List;

/**
 * {@link PerformanceState} as plain data, for state snapshots. Restoring gives a state equal to the original field
 * by field — running sums and moments are stored, not recomputed — so an actor recovered from a snapshot plus a tail
 * reports bit-identical metrics to one that replayed every event.
 *
 * <p>Version 1. A later version adds fields with defaults; it never renames or re-types one. The recent trades are
 * what the state keeps of them ({@link RecentTrade}: exit time, pnl, R:R), the recent balances at most
 * {@link PerformanceState#RECENT_BALANCE_POINTS} points, oldest first.
 */
public record PerformanceStateMemento(
    int version,
    MetricSettings settings,
    long eventCount,
    long asOfMs,
    TradeTally tally,
    long[] tradeIdDigests,
    List<RecentTrade> recentTrades,
    DrawdownTracker drawdown,
    long dailyFirstDay,
    double[] dailyFinalizedCloses,
    long dailyCurrentDay,
    double dailyCurrentClose,
    ReturnMoments dailyFinalizedMoments,
    List<BalancePoint> recentBalances) {

  public static final int CURRENT_VERSION = 1;

  public static PerformanceStateMemento of(PerformanceState s) {
    DailyCloseSeries d = s.daily();
    return new PerformanceStateMemento(
        CURRENT_VERSION,
        s.settings(),
        s.eventCount(),
        s.asOfMs(),
        s.tally(),
        s.tradeIds().digests(),
        List.copyOf(s.recentTrades()),
        s.drawdown(),
        d.firstDay(),
        d.finalizedCloses(),
        d.currentDay(),
        d.lastClose(),
        d.finalizedMoments(),
        List.copyOf(s.recentBalances()));
  }

  public PerformanceState toState() {
    if (version != CURRENT_VERSION) {
      throw new IllegalArgumentException("unknown performance state snapshot version " + version);
    }
    return new PerformanceState(
        settings,
        eventCount,
        asOfMs,
        tally,
        TradeIdSet.fromDigests(tradeIdDigests),
        TradeWindow.of(recentTrades),
        drawdown,
        DailyCloseSeries.restore(
            dailyFirstDay, dailyFinalizedCloses, dailyCurrentDay, dailyCurrentClose, dailyFinalizedMoments),
        BalanceWindow.of(PerformanceState.RECENT_BALANCE_POINTS, recentBalances));
  }
}
