namespace TradingActors.Metrics;

/// <summary>
/// Balance statistics of a whole series at once with the two-pass formulas of <see cref="ReturnStats"/>: the batch
/// reference for <see cref="BalanceStatistics.Of"/>. Drawdowns, closes, CAGR and VaR agree with it to the last bit;
/// the moment-based ratios within 1e-12 relative.
/// </summary>
public static class BalanceStats
{
    /// <summary>Statistics of observations in non-decreasing time order.</summary>
    public static BalanceStatistics Of(ReadOnlySpan<long> timesMs, ReadOnlySpan<double> balances, MetricSettings s)
    {
        if (balances.Length == 0)
        {
            return BalanceStatistics.Empty;
        }
        var closes = DailyCloses.Of(timesMs, balances).Closes;
        var r = ReturnStats.SimpleReturns(closes);
        var first = balances[0];
        var last = balances[^1];
        var peak = first;
        foreach (var b in balances)
        {
            peak = Math.Max(peak, b);
        }
        var maxDrawdown = Drawdowns.MaxDrawdown(balances);
        var cagr = ReturnStats.Cagr(closes[0], closes[^1], r.Length, s);
        return new BalanceStatistics(
            first,
            last,
            peak,
            last / first - 1.0,
            cagr,
            ReturnStats.AnnualVolatility(r, s),
            ReturnStats.Sharpe(r, s),
            ReturnStats.Sortino(r, s),
            ReturnStats.Calmar(cagr, maxDrawdown),
            ReturnStats.Var95(r),
            ReturnStats.Cvar95(r),
            maxDrawdown,
            Drawdowns.CurrentDrawdown(balances),
            Drawdowns.MaxDrawdownDurationDays(timesMs, balances),
            Drawdowns.DaysSincePeak(timesMs, balances));
    }
}
