namespace TradingActors.Metrics;

/// <summary>
/// Trade statistics of a whole list at once: the batch reference that the incremental <see cref="TradeTally"/> is
/// tested against. Sums run in list order, as the tally adds, so the two agree to the last bit.
/// </summary>
public static class TradeStats
{
    /// <summary>Statistics of the trades in the order they were recorded (the streaks depend on that order).</summary>
    public static TradeStatistics Of(ReadOnlySpan<TradeOutcome> trades)
    {
        long wins = 0, losses = 0, breakevens = 0, durationSum = 0, rrCount = 0;
        double grossProfit = 0, grossLoss = 0, net = 0, fees = 0, slippage = 0, rrSum = 0;
        var largestWin = double.NegativeInfinity;
        var largestLoss = double.PositiveInfinity;
        var firstEntry = long.MaxValue;
        var lastExit = long.MinValue;
        foreach (ref readonly var t in trades)
        {
            var pnl = t.Pnl;
            net += pnl;
            if (pnl > 0)
            {
                wins++;
                grossProfit += pnl;
                largestWin = Math.Max(largestWin, pnl);
            }
            else if (pnl < 0)
            {
                losses++;
                grossLoss += -pnl;
                largestLoss = Math.Min(largestLoss, pnl);
            }
            else
            {
                breakevens++;
            }
            durationSum += t.ExitTimeMs - t.EntryTimeMs;
            firstEntry = Math.Min(firstEntry, t.EntryTimeMs);
            lastExit = Math.Max(lastExit, t.ExitTimeMs);
            fees += t.Fees;
            slippage += t.Slippage;
            if (t.RiskReward is { } rr)
            {
                rrSum += rr;
                rrCount++;
            }
        }
        var (maxWins, maxLosses, currentWins, currentLosses) = Streaks(trades);
        return TradeStatistics.Of(new TradeTally(
            trades.Length, wins, losses, breakevens, grossProfit, grossLoss, net, largestWin, largestLoss, maxWins,
            maxLosses, currentWins, currentLosses, durationSum, firstEntry, lastExit, fees, slippage, rrSum, rrCount));
    }

    /// <summary>
    /// Win and loss runs. A breakeven ends both runs; the current run is the one the last trade belongs to.
    /// </summary>
    public static (long MaxWins, long MaxLosses, long CurrentWins, long CurrentLosses) Streaks(
        ReadOnlySpan<TradeOutcome> trades)
    {
        long maxWins = 0, maxLosses = 0, run = 0;
        var runSign = 0;
        foreach (ref readonly var t in trades)
        {
            var sign = t.Pnl > 0 ? 1 : t.Pnl < 0 ? -1 : 0;
            run = sign != 0 && sign == runSign ? run + 1 : sign == 0 ? 0 : 1;
            runSign = sign;
            if (sign > 0)
            {
                maxWins = Math.Max(maxWins, run);
            }
            else if (sign < 0)
            {
                maxLosses = Math.Max(maxLosses, run);
            }
        }
        return (maxWins, maxLosses, runSign > 0 ? run : 0, runSign < 0 ? run : 0);
    }
}
