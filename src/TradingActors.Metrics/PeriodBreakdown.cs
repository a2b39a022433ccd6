namespace TradingActors.Metrics;

/// <summary>Returns and trade statistics per UTC day, ISO week, month or year, as a pure function of trades and closes.</summary>
public static class PeriodBreakdown
{
    /// <summary>
    /// One row per period that holds a daily close or a trade exit, in calendar order. A trade belongs to the period of
    /// its exit time (UTC); the period return chains the daily closes (see <see cref="PeriodRow.PeriodReturn"/>).
    /// </summary>
    public static IReadOnlyList<PeriodRow> Of(Period period, ReadOnlySpan<TradeOutcome> trades, DailyCloses closes)
    {
        var byPeriod = new PeriodTrades(period);
        foreach (ref readonly var t in trades)
        {
            byPeriod.Add(t.ExitTimeMs, t.Pnl);
        }
        return byPeriod.Rows(closes);
    }
}
