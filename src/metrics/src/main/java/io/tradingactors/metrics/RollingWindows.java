package io.tradingactors.metrics;

import java.util.List;

/** Trailing-window statistics as pure functions of the recent trades and the daily returns. */
public final class RollingWindows {

  public static final long SEVEN_DAYS_MS = 7 * Time.MS_PER_DAY;
  public static final long THIRTY_DAYS_MS = 30 * Time.MS_PER_DAY;
  /** The rolling Sharpe ratio looks at this many most recent daily returns. */
  public static final int SHARPE_RETURNS = 30;

  private RollingWindows() {}

  /**
   * Statistics of the trades with exit time in (asOf − windowMs, asOf], summed in list order, with the given rolling
   * Sharpe ratio attached. Trades outside the window (older, or later than asOf) are ignored, so the list may hold
   * more than the window.
   */
  public static WindowStatistics of(
      List<TradeOutcome> trades, long asOfMs, long windowMs, double[] lastDailyReturns, MetricSettings s) {
    long from = asOfMs - windowMs;
    long count = 0;
    long wins = 0;
    double grossProfit = 0;
    double grossLoss = 0;
    double net = 0;
    double rrSum = 0;
    long rrCount = 0;
    for (TradeOutcome t : trades) {
      if (t.exitTimeMs() <= from || t.exitTimeMs() > asOfMs) {
        continue;
      }
      count++;
      net += t.pnl();
      if (t.pnl() > 0) {
        wins++;
        grossProfit += t.pnl();
      } else if (t.pnl() < 0) {
        grossLoss += -t.pnl();
      }
      if (t.riskReward() != null) {
        rrSum += t.riskReward();
        rrCount++;
      }
    }
    return new WindowStatistics(
        count,
        count > 0 ? (double) wins / count : null,
        count > 0 ? TradeStatistics.profitFactor(grossProfit, grossLoss) : null,
        rrCount > 0 ? rrSum / rrCount : null,
        net,
        ReturnStats.sharpe(lastDailyReturns, s));
  }

  /** The last {@code k} daily returns of a close series (all of them when shorter), oldest first. */
  public static double[] lastReturns(double[] closes, int k) {
    double[] r = ReturnStats.simpleReturns(closes);
    int n = Math.min(k, r.length);
    double[] out = new double[n];
    System.arraycopy(r, r.length - n, out, 0, n);
    return out;
  }
}
