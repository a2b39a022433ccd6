namespace TradingActors.Metrics;

/// <summary>
/// The trade statistics of DESIGN §3, in its key order. Nullable fields are null where the value is undefined (see
/// <see cref="Of"/>); counts and sums are zero on empty input.
/// </summary>
public sealed record TradeStatistics(
    long TotalTrades,
    long WinningTrades,
    long LosingTrades,
    long BreakevenTrades,
    double? WinRate,
    double GrossProfit,
    double GrossLoss,
    double NetPnl,
    double? ProfitFactor,
    double? Expectancy,
    double? ExpectancyRatio,
    double? AvgWin,
    double? AvgLoss,
    double? LargestWin,
    double? LargestLoss,
    long MaxConsecutiveWins,
    long MaxConsecutiveLosses,
    long ConsecutiveWins,
    long ConsecutiveLosses,
    double? AvgTradeDurationHours,
    double TradesPerDay,
    double TotalFees,
    double TotalSlippage,
    double? AvgRr)
{
    /// <summary>
    /// The profit factor cap: the answer when there are profits and no losses, and the upper bound of every profit
    /// factor, so that the value always fits a NUMERIC(10,4) column.
    /// </summary>
    public const double ProfitFactorCap = 9999.9999;

    /// <summary>
    /// Finishes the statistics from running totals: the one place the ratio conventions live.
    /// <list type="bullet">
    /// <item><c>win_rate</c> = wins / total; null with no trades. A breakeven counts in the total.</item>
    /// <item><c>profit_factor</c> = <see cref="ProfitFactorOf"/>; null with no trades.</item>
    /// <item><c>expectancy</c> = net_pnl / total; null with no trades.</item>
    /// <item><c>expectancy_ratio</c> = (1 + avg_win / |avg_loss|) · win_rate − 1, avg_win taken as 0 without wins
    /// (which gives −1); null with no losses (|avg_loss| undefined) or no trades.</item>
    /// <item><c>avg_win</c> = gross_profit / wins; <c>avg_loss</c> = −gross_loss / losses (negative); null without
    /// wins / losses, as are <c>largest_win</c> / <c>largest_loss</c>.</item>
    /// <item><c>avg_trade_duration_hours</c> = Σ(exit − entry) / total in hours; null with no trades.</item>
    /// <item><c>trades_per_day</c> = total / max(1, fractional days from the earliest entry to the latest exit); 0 with
    /// no trades.</item>
    /// <item><c>avg_rr</c> = mean risk_reward over the trades that carry one; null when none does.</item>
    /// </list>
    /// </summary>
    public static TradeStatistics Of(in TradeTally t)
    {
        var any = t.Total > 0;
        double? winRate = any ? (double)t.Wins / t.Total : null;
        double? expectancyRatio = null;
        if (any && t.Losses > 0)
        {
            var avgWinOrZero = t.Wins > 0 ? t.GrossProfit / t.Wins : 0.0;
            var avgLossMagnitude = t.GrossLoss / t.Losses;
            expectancyRatio = (1.0 + avgWinOrZero / avgLossMagnitude) * winRate!.Value - 1.0;
        }
        var spanDays = any ? Time.Days(t.LastExitMs - t.FirstEntryMs) : 0.0;
        return new TradeStatistics(
            t.Total,
            t.Wins,
            t.Losses,
            t.Breakevens,
            winRate,
            t.GrossProfit,
            t.GrossLoss,
            t.NetPnl,
            any ? ProfitFactorOf(t.GrossProfit, t.GrossLoss) : null,
            any ? t.NetPnl / t.Total : null,
            expectancyRatio,
            t.Wins > 0 ? t.GrossProfit / t.Wins : null,
            t.Losses > 0 ? -t.GrossLoss / t.Losses : null,
            t.Wins > 0 ? t.LargestWin : null,
            t.Losses > 0 ? t.LargestLoss : null,
            t.MaxWinStreak,
            t.MaxLossStreak,
            t.WinStreak,
            t.LossStreak,
            any ? t.DurationSumMs / (double)t.Total / Time.MsPerHour : null,
            any ? t.Total / Math.Max(1.0, spanDays) : 0.0,
            t.TotalFees,
            t.TotalSlippage,
            t.RrCount > 0 ? t.RrSum / t.RrCount : null);
    }

    /// <summary>
    /// gross_profit / gross_loss (gross_loss a positive magnitude): 0 without profit, <see cref="ProfitFactorCap"/> with
    /// profit and no loss, otherwise the quotient capped at <see cref="ProfitFactorCap"/>.
    /// </summary>
    public static double ProfitFactorOf(double grossProfit, double grossLoss)
    {
        if (grossProfit <= 0)
        {
            return 0.0;
        }
        if (grossLoss <= 0)
        {
            return ProfitFactorCap;
        }
        return Math.Min(grossProfit / grossLoss, ProfitFactorCap);
    }
}
