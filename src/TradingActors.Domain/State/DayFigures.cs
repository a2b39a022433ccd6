using TradingActors.Metrics;

namespace TradingActors.Domain.State;

/// <summary>
/// The strategy's current UTC day as of its latest event: what the daily loss limit reads.
/// </summary>
/// <param name="Day">the UTC calendar day of the latest event</param>
/// <param name="OpeningBalance">the balance in effect when that day began: the last observation before it, or the day's
/// first observation when the history starts that day; null without any balance</param>
/// <param name="NetPnl">the summed pnl of the trades that exited that day (UTC), net of fees and slippage</param>
/// <param name="Trades">how many trades exited that day</param>
public sealed record DayFigures(DateOnly Day, double? OpeningBalance, double NetPnl, int Trades)
{
    /// <summary>The figures of the state's latest day; null before any event.</summary>
    public static DayFigures? Of(in PerformanceState state)
    {
        if (state.EventCount == 0)
        {
            return null;
        }
        var day = Time.UtcDay(state.AsOfMs);
        var today = state.TodayTrades;
        return new DayFigures(Time.DateOf(day), OpeningBalanceOf(state, day), today.Pnl, today.Trades);
    }

    private static double? OpeningBalanceOf(in PerformanceState state, long day)
    {
        var balances = state.Drawdown;
        if (balances.Count == 0)
        {
            return null;
        }
        var closes = state.Daily;
        if (closes.CurrentDay < day)
        {
            return balances.Last; // no observation yet today: the day opened at the last one
        }
        return closes.FirstDay < day ? closes.CloseOf(day - 1) : balances.Initial;
    }
}
