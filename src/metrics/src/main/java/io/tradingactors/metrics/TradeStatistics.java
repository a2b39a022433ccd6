package io.tradingactors.metrics;

/**
 * Trade statistics of DESIGN §3, in its key order. Boxed fields are {@code null} where the value is undefined
 * (see {@link #of}); counts and sums are zero on empty input.
 */
public record TradeStatistics(
    long totalTrades,
    long winningTrades,
    long losingTrades,
    long breakevenTrades,
    Double winRate,
    double grossProfit,
    double grossLoss,
    double netPnl,
    Double profitFactor,
    Double expectancy,
    Double expectancyRatio,
    Double avgWin,
    Double avgLoss,
    Double largestWin,
    Double largestLoss,
    long maxConsecutiveWins,
    long maxConsecutiveLosses,
    long consecutiveWins,
    long consecutiveLosses,
    Double avgTradeDurationHours,
    double tradesPerDay,
    double totalFees,
    double totalSlippage,
    Double avgRr) {

  /**
   * The profit factor cap: the answer when there are profits and no losses, and the upper bound of every profit
   * factor, so the value always fits a NUMERIC(10,4) column.
   */
  public static final double PROFIT_FACTOR_CAP = 9999.9999;

  /**
   * Finishes the statistics from the running totals; the one place the ratio conventions live.
   *
   * <ul>
   *   <li>{@code win_rate} = wins / total; null with no trades. A breakeven counts in the total.
   *   <li>{@code profit_factor} = gross_profit / gross_loss capped at {@link #PROFIT_FACTOR_CAP}; 0 when there is no
   *       profit (including only breakevens); the cap when there are profits and no losses; null with no trades.
   *   <li>{@code expectancy} = net_pnl / total; null with no trades.
   *   <li>{@code expectancy_ratio} = (1 + avg_win / |avg_loss|) · win_rate − 1, avg_win taken as 0 when there are no
   *       wins (the formula is then −1 for any avg_loss); null with no losses (|avg_loss| undefined) or no trades.
   *   <li>{@code avg_win} = gross_profit / wins, {@code avg_loss} = −gross_loss / losses (negative); null without
   *       wins / losses. {@code largest_win} / {@code largest_loss} likewise null without wins / losses.
   *   <li>{@code avg_trade_duration_hours} = Σ(exit − entry) / total, in hours; null with no trades.
   *   <li>{@code trades_per_day} = total / max(1, days from the earliest entry to the latest exit), fractional days;
   *       0 with no trades.
   *   <li>{@code avg_rr} = mean of risk_reward over the trades that carry one; null when none does.
   * </ul>
   */
  public static TradeStatistics of(
      long total,
      long wins,
      long losses,
      long breakevens,
      double grossProfit,
      double grossLoss,
      double netPnl,
      double largestWin,
      double largestLoss,
      long maxWinStreak,
      long maxLossStreak,
      long winStreak,
      long lossStreak,
      long durationSumMs,
      long firstEntryMs,
      long lastExitMs,
      double totalFees,
      double totalSlippage,
      double rrSum,
      long rrCount) {
    boolean any = total > 0;
    Double winRate = any ? (double) wins / total : null;
    Double avgWin = wins > 0 ? grossProfit / wins : null;
    Double avgLoss = losses > 0 ? -grossLoss / losses : null;
    Double expectancyRatio = null;
    if (any && losses > 0) {
      double avgWinOrZero = wins > 0 ? grossProfit / wins : 0.0;
      double avgLossMagnitude = grossLoss / losses;
      expectancyRatio = (1.0 + avgWinOrZero / avgLossMagnitude) * winRate - 1.0;
    }
    double spanDays = any ? Time.days(lastExitMs - firstEntryMs) : 0.0;
    return new TradeStatistics(
        total,
        wins,
        losses,
        breakevens,
        winRate,
        grossProfit,
        grossLoss,
        netPnl,
        any ? profitFactor(grossProfit, grossLoss) : null,
        any ? netPnl / total : null,
        expectancyRatio,
        avgWin,
        avgLoss,
        wins > 0 ? largestWin : null,
        losses > 0 ? largestLoss : null,
        maxWinStreak,
        maxLossStreak,
        winStreak,
        lossStreak,
        any ? durationSumMs / (double) total / Time.MS_PER_HOUR : null,
        any ? total / Math.max(1.0, spanDays) : 0.0,
        totalFees,
        totalSlippage,
        rrCount > 0 ? rrSum / rrCount : null);
  }

  /**
   * gross_profit / gross_loss (gross_loss a positive magnitude): 0 without profit, {@link #PROFIT_FACTOR_CAP} with
   * profit and no loss, otherwise the quotient capped at {@link #PROFIT_FACTOR_CAP}.
   */
  public static double profitFactor(double grossProfit, double grossLoss) {
    if (grossProfit <= 0) {
      return 0.0;
    }
    if (grossLoss <= 0) {
      return PROFIT_FACTOR_CAP;
    }
    return Math.min(grossProfit / grossLoss, PROFIT_FACTOR_CAP);
  }
}
