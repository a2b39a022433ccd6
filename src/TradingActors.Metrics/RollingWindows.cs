namespace TradingActors.Metrics;

/// <summary>Trailing-window statistics as pure functions of the recent trades and the daily returns.</summary>
public static class RollingWindows
{
    public const long SevenDaysMs = 7 * Time.MsPerDay;
    public const long ThirtyDaysMs = 30 * Time.MsPerDay;

    /// <summary>
    /// The UTC days whose daily returns belong to a window of <paramref name="windowMs"/> ending at
    /// <paramref name="asOfMs"/>: the window's length in whole days, ending on as_of's UTC day (7 days: that day and
    /// the six before it). A window's Sharpe ratio is over the returns into those days — at most 7 for
    /// <c>rolling_7d</c>, 30 for <c>rolling_30d</c>. (The JVM build used the last 30 returns for both windows; DESIGN §3
    /// makes the change.)
    /// </summary>
    public static (long FromDay, long ToDay) ReturnDays(long asOfMs, long windowMs)
    {
        var toDay = Time.UtcDay(asOfMs);
        return (toDay - windowMs / Time.MsPerDay + 1, toDay);
    }

    /// <summary>
    /// Statistics of the trades with exit time in (asOf − window, asOf], summed in list order, and the Sharpe ratio of
    /// <paramref name="windowReturns"/> (the daily returns of the window's days, <see cref="ReturnDays"/>). Trades
    /// outside the window are skipped, so the columns may hold more than the window. Columns: exit times, pnls and R:Rs
    /// (NaN where a trade carries none), rows [from, to).
    /// </summary>
    public static WindowStatistics Of(
        ReadOnlySpan<long> exitTimesMs,
        ReadOnlySpan<double> pnls,
        ReadOnlySpan<double> riskRewards,
        long asOfMs,
        long windowMs,
        ReadOnlySpan<double> windowReturns,
        MetricSettings s)
    {
        var windowStart = asOfMs - windowMs;
        long count = 0, wins = 0, rrCount = 0;
        double grossProfit = 0, grossLoss = 0, net = 0, rrSum = 0;
        for (var i = 0; i < exitTimesMs.Length; i++)
        {
            var exit = exitTimesMs[i];
            if (exit <= windowStart || exit > asOfMs)
            {
                continue;
            }
            var pnl = pnls[i];
            count++;
            net += pnl;
            if (pnl > 0)
            {
                wins++;
                grossProfit += pnl;
            }
            else if (pnl < 0)
            {
                grossLoss += -pnl;
            }
            var rr = riskRewards[i];
            if (!double.IsNaN(rr))
            {
                rrSum += rr;
                rrCount++;
            }
        }
        return new WindowStatistics(
            count,
            count > 0 ? (double)wins / count : null,
            count > 0 ? TradeStatistics.ProfitFactorOf(grossProfit, grossLoss) : null,
            rrCount > 0 ? rrSum / rrCount : null,
            net,
            ReturnStats.Sharpe(windowReturns, s));
    }
}
