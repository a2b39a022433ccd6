using TradingActors.Metrics;

namespace TradingActors.Domain.State;

/// <summary>The trades that exited on one UTC day: how many, and their pnl summed in recording order.</summary>
public readonly record struct DayTrades(int Trades, double Pnl)
{
    /// <summary>With one more trade of that day.</summary>
    public DayTrades Plus(double pnl) => new(Trades + 1, Pnl + pnl);

    /// <summary>
    /// These figures carried from the latest event time <paramref name="fromAsOfMs"/> to <paramref name="toAsOfMs"/>:
    /// unchanged on the same UTC day, empty on a later one (no trade recorded so far can have exited after the latest
    /// event time, so a new day starts with nothing).
    /// </summary>
    public DayTrades As(long fromAsOfMs, long toAsOfMs) =>
        Time.UtcDay(fromAsOfMs) == Time.UtcDay(toAsOfMs) ? this : default;
}
