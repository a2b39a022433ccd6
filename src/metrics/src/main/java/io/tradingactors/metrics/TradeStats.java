package io.tradingactors.metrics;

import java.util.List;

/**
 * Trade statistics of a whole list at once: the reference the incremental {@link TradeTally} is tested against.
 * Sums run in list order, as the tally adds, so the two agree to the last bit.
 */
public final class TradeStats {

  private TradeStats() {}

  /** Statistics of the trades in the order they were recorded (streaks depend on that order). */
  public static TradeStatistics of(List<TradeOutcome> trades) {
    long wins = 0;
    long losses = 0;
    long breakevens = 0;
    double grossProfit = 0;
    double grossLoss = 0;
    double net = 0;
    double largestWin = Double.NEGATIVE_INFINITY;
    double largestLoss = Double.POSITIVE_INFINITY;
    long durationSum = 0;
    long firstEntry = Long.MAX_VALUE;
    long lastExit = Long.MIN_VALUE;
    double fees = 0;
    double slippage = 0;
    double rrSum = 0;
    long rrCount = 0;
    for (TradeOutcome t : trades) {
      double pnl = t.pnl();
      net += pnl;
      if (pnl > 0) {
        wins++;
        grossProfit += pnl;
        largestWin = Math.max(largestWin, pnl);
      } else if (pnl < 0) {
        losses++;
        grossLoss += -pnl;
        largestLoss = Math.min(largestLoss, pnl);
      } else {
        breakevens++;
      }
      durationSum += t.exitTimeMs() - t.entryTimeMs();
      firstEntry = Math.min(firstEntry, t.entryTimeMs());
      lastExit = Math.max(lastExit, t.exitTimeMs());
      fees += t.fees();
      slippage += t.slippage();
      if (t.riskReward() != null) {
        rrSum += t.riskReward();
        rrCount++;
      }
    }
    long[] streaks = streaks(trades);
    return TradeStatistics.of(
        trades.size(),
        wins,
        losses,
        breakevens,
        grossProfit,
        grossLoss,
        net,
        largestWin,
        largestLoss,
        streaks[0],
        streaks[1],
        streaks[2],
        streaks[3],
        durationSum,
        firstEntry,
        lastExit,
        fees,
        slippage,
        rrSum,
        rrCount);
  }

  /**
   * Win and loss runs: {max wins, max losses, current wins, current losses}. A breakeven ends both runs; the current
   * run is the one the last trade belongs to.
   */
  static long[] streaks(List<TradeOutcome> trades) {
    long maxWins = 0;
    long maxLosses = 0;
    long run = 0;
    int runSign = 0;
    for (TradeOutcome t : trades) {
      int sign = t.pnl() > 0 ? 1 : (t.pnl() < 0 ? -1 : 0);
      run = (sign != 0 && sign == runSign) ? run + 1 : (sign == 0 ? 0 : 1);
      runSign = sign;
      if (sign > 0) {
        maxWins = Math.max(maxWins, run);
      } else if (sign < 0) {
        maxLosses = Math.max(maxLosses, run);
      }
    }
    return new long[] {maxWins, maxLosses, runSign > 0 ? run : 0, runSign < 0 ? run : 0};
  }
}
