using TradingActors.Domain.Events;

namespace TradingActors.Domain.Backtest;

/// <summary>
/// Turns a backtest's trades and balances into the one event sequence that both <c>report</c> (the batch fold) and
/// <c>import</c> (the actors) consume, so both see the same events in the same order.
/// </summary>
/// <remarks>
/// Order: by event time (a trade's exit, a balance's observation); stable, so events with equal times keep their input
/// order; at equal times trades come before balances, because a balance stamped at a trade's exit reflects it.
/// </remarks>
public static class BacktestEvents
{
    /// <summary>Trades and observed balances, merged in time order (see the remarks of the class).</summary>
    public static IReadOnlyList<IPerformanceEvent> Merge(
        IReadOnlyList<TradeClosed> trades, IReadOnlyList<BalanceUpdated> balances)
    {
        var byTime = InTimeOrder(trades, t => t.Time);
        var balancesByTime = InTimeOrder(balances, b => b.Time);
        var events = new List<IPerformanceEvent>(byTime.Count + balancesByTime.Count);
        int t = 0, b = 0;
        while (t < byTime.Count && b < balancesByTime.Count)
        {
            // A trade goes first unless the balance is strictly earlier: trades before balances at equal times.
            events.Add(balancesByTime[b].Time < byTime[t].Time ? balancesByTime[b++] : byTime[t++]);
        }
        while (t < byTime.Count)
        {
            events.Add(byTime[t++]);
        }
        while (b < balancesByTime.Count)
        {
            events.Add(balancesByTime[b++]);
        }
        return events;
    }

    /// <summary>
    /// Trades with balances derived from them: <paramref name="initialBalance"/> observed at the earliest entry, then
    /// after each trade (in exit order, stable) the previous balance plus its pnl, observed at its exit. No trades, no
    /// events.
    /// </summary>
    public static IReadOnlyList<IPerformanceEvent> WithDerivedBalances(
        IReadOnlyList<TradeClosed> trades, double initialBalance)
    {
        var events = new List<IPerformanceEvent>((trades.Count * 2) + 1);
        if (trades.Count == 0)
        {
            return events;
        }
        var firstEntry = trades.Min(t => t.EntryTime);
        var balance = initialBalance;
        events.Add(new BalanceUpdated(firstEntry, balance));
        foreach (var trade in InTimeOrder(trades, t => t.ExitTime))
        {
            balance += trade.Pnl;
            events.Add(trade);
            events.Add(new BalanceUpdated(trade.ExitTime, balance));
        }
        return events;
    }

    /// <summary>
    /// The items stably ordered by time; the list itself when it is in order already (the usual case).
    /// </summary>
    private static IReadOnlyList<T> InTimeOrder<T>(IReadOnlyList<T> items, Func<T, DateTimeOffset> time)
    {
        var sorted = true;
        for (var i = 1; i < items.Count && sorted; i++)
        {
            sorted = time(items[i - 1]) <= time(items[i]);
        }
        if (sorted)
        {
            return items;
        }
        // Keys unique by index, so the unstable Array.Sort gives the stable order.
        var keys = new (long Ticks, int Index)[items.Count];
        var ordered = new T[items.Count];
        for (var i = 0; i < items.Count; i++)
        {
            keys[i] = (time(items[i]).UtcTicks, i);
            ordered[i] = items[i];
        }
        Array.Sort(keys, ordered);
        return ordered;
    }
}
