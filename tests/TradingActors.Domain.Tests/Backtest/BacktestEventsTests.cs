using TradingActors.Domain.Backtest;
using TradingActors.Domain.Events;

namespace TradingActors.Domain.Tests.Backtest;

/// <summary>
/// Port of the JVM build's <c>BacktestEventsTest</c> (Java test named on each), plus the stability it promises.
/// </summary>
public sealed class BacktestEventsTests
{
    private static readonly DateTimeOffset T0 = new(2025, 3, 1, 0, 0, 0, TimeSpan.Zero);

    // mergesByTimeWithTradesBeforeBalancesAtTheSameInstant
    [Fact]
    public void Merges_by_time_with_trades_before_balances_at_the_same_instant()
    {
        var late = Trade("late", 5, 10);
        var early = Trade("early", 2, -4);
        var atLate = Balance(5, 1006);
        var first = Balance(0, 1000);

        var events = BacktestEvents.Merge([late, early], [atLate, first]);

        Assert.Equal([first, early, late, atLate], events);
    }

    // derivesBalancesFromTheInitialBalanceAndCumulativePnlInExitOrder
    [Fact]
    public void Derives_balances_from_the_initial_balance_and_cumulative_pnl_in_exit_order()
    {
        var a = Trade("a", 3, 100);
        var b = Trade("b", 2, -50);

        var events = BacktestEvents.WithDerivedBalances([a, b], 1000);

        Assert.Equal(
            [
                new BalanceUpdated(b.EntryTime, 1000), b, new BalanceUpdated(b.ExitTime, 950), a,
                new BalanceUpdated(a.ExitTime, 1050),
            ],
            events);
    }

    // noTradesGiveNoDerivedBalances
    [Fact]
    public void No_trades_give_no_derived_balances()
    {
        Assert.Empty(BacktestEvents.WithDerivedBalances([], 1000));
    }

    // Not in the JVM suite: the order is stable, so equal times keep the input order (the JVM's List.sort is stable).
    [Fact]
    public void Events_at_equal_times_keep_their_input_order()
    {
        var x = Trade("x", 4, 1);
        var y = Trade("y", 1, 2);
        var z = Trade("z", 4, 3);
        var w = Trade("w", 4, 4);
        var b1 = Balance(4, 1001);
        var b0 = Balance(1, 1000);
        var b2 = Balance(4, 1002);

        var events = BacktestEvents.Merge([x, y, z, w], [b1, b0, b2]);

        Assert.Equal<IPerformanceEvent>([y, b0, x, z, w, b1, b2], events);
    }

    // Not in the JVM suite: the initial balance sits at the earliest entry, which need not be the first exit's entry.
    [Fact]
    public void The_initial_balance_is_observed_at_the_earliest_entry()
    {
        var longHeld = new TradeClosed(
            "long-held", "BTCUSDT", Side.Long, T0, T0.AddHours(10), 100, 101, 1, 5, 0.5, 0.25);
        var quick = Trade("quick", 2, -1);

        var events = BacktestEvents.WithDerivedBalances([longHeld, quick], 500);

        Assert.Equal(
            [
                new BalanceUpdated(T0, 500), quick, new BalanceUpdated(quick.ExitTime, 499), longHeld,
                new BalanceUpdated(longHeld.ExitTime, 504),
            ],
            events);
    }

    /// <summary>
    /// A trade of <paramref name="pnl"/> closing <paramref name="exitHours"/> after T0, open for one hour.
    /// </summary>
    internal static TradeClosed Trade(string id, double exitHours, double pnl)
    {
        var exit = T0.AddMilliseconds((long)(exitHours * 3_600_000));
        return new TradeClosed(id, "BTCUSDT", Side.Long, exit.AddHours(-1), exit, 100, 101, 1, pnl, 0.5, 0.25, 2.0);
    }

    internal static BalanceUpdated Balance(double hours, double balance) =>
        new(T0.AddMilliseconds((long)(hours * 3_600_000)), balance);
}
