package io.tradingactors.metrics;

/**
 * Running trade statistics: one {@link #plus} per closed trade costs O(1) and allocates one record. Immutable, so it
 * can sit inside an immutable state; {@link #statistics()} finishes it with the conventions of
 * {@link TradeStatistics#of}.
 */
public record TradeTally(
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

  public static final TradeTally EMPTY =
      new TradeTally(
          0, 0, 0, 0, 0, 0, 0, Double.NEGATIVE_INFINITY, Double.POSITIVE_INFINITY, 0, 0, 0, 0, 0, Long.MAX_VALUE,
          Long.MIN_VALUE, 0, 0, 0, 0);

  /** The tally with one more trade, recorded after all the previous ones. */
  public TradeTally plus(TradeOutcome t) {
    double pnl = t.pnl();
    boolean win = pnl > 0;
    boolean loss = pnl < 0;
    long nextWinStreak = win ? winStreak + 1 : 0;
    long nextLossStreak = loss ? lossStreak + 1 : 0;
    return new TradeTally(
        total + 1,
        wins + (win ? 1 : 0),
        losses + (loss ? 1 : 0),
        breakevens + (win || loss ? 0 : 1),
        win ? grossProfit + pnl : grossProfit,
        loss ? grossLoss + -pnl : grossLoss,
        netPnl + pnl,
        win ? Math.max(largestWin, pnl) : largestWin,
        loss ? Math.min(largestLoss, pnl) : largestLoss,
        Math.max(maxWinStreak, nextWinStreak),
        Math.max(maxLossStreak, nextLossStreak),
        nextWinStreak,
        nextLossStreak,
        durationSumMs + (t.exitTimeMs() - t.entryTimeMs()),
        Math.min(firstEntryMs, t.entryTimeMs()),
        Math.max(lastExitMs, t.exitTimeMs()),
        totalFees + t.fees(),
        totalSlippage + t.slippage(),
        t.riskReward() != null ? rrSum + t.riskReward() : rrSum,
        t.riskReward() != null ? rrCount + 1 : rrCount);
  }

  public TradeStatistics statistics() {
    return TradeStatistics.of(
        total, wins, losses, breakevens, grossProfit, grossLoss, netPnl, largestWin, largestLoss, maxWinStreak,
        maxLossStreak, winStreak, lossStreak, durationSumMs, firstEntryMs, lastExitMs, totalFees, totalSlippage,
        rrSum, rrCount);
  }
}
