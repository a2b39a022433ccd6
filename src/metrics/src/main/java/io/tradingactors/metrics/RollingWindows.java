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
   * more than the window. A trade's R:R counts when it is present and not NaN.
   */
  public static WindowStatistics of(
      List<TradeOutcome> trades, long asOfMs, long windowMs, double[] lastDailyReturns, MetricSettings s) {
    int n = trades.size();
    long[] exits = new long[n];
    double[] pnls = new double[n];
    double[] riskRewards = new double[n];
    for (int i = 0; i < n; i++) {
      TradeOutcome t = trades.get(i);
      exits[i] = t.exitTimeMs();
      pnls[i] = t.pnl();
      riskRewards[i] = t.riskReward() == null ? Double.NaN : t.riskReward();
    }
    return of(exits, pnls, riskRewards, 0, n, asOfMs, windowMs, lastDailyReturns, s);
  }

  /**
   * {@link #of(List, long, long, double[], MetricSettings)} over trades held as columns: rows {@code [from, to)} of
   * exit times, pnls and R:Rs ({@code NaN} where a trade carries none), in that order.
   */
  public static WindowStatistics of(
      long[] exitTimesMs,
      double[] pnls,
      double[] riskRewards,
      int from,
      int to,
      long asOfMs,
      long windowMs,
      double[] lastDailyReturns,
      MetricSettings s) {
    long windowStart = asOfMs - windowMs;
    long count = 0;
    long wins = 0;
    double grossProfit = 0;
    double grossLoss = 0;
    double net = 0;
    double rrSum = 0;
    long rrCount = 0;
    for (int i = from; i < to; i++) {
      long exit = exitTimesMs[i];
      if (exit <= windowStart || exit > asOfMs) {
        continue;
      }
      double pnl = pnls[i];
      count++;
      net += pnl;
      if (pnl > 0) {
        wins++;
        grossProfit += pnl;
      } else if (pnl < 0) {
        grossLoss += -pnl;
      }
      double rr = riskRewards[i];
      if (!Double.isNaN(rr)) {
        rrSum += rr;
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
