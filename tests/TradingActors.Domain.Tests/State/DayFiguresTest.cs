using FsCheck.Xunit;
using TradingActors.Domain.Events;
using TradingActors.Domain.State;
using TradingActors.Metrics;
using static TradingActors.Domain.Tests.State.StateFixtures;

namespace TradingActors.Domain.Tests.State;

/// <summary>
/// Ported from the DayFigures tests of the JVM build's
/// <c>src/domain/src/test/java/io/tradingactors/domain/risk/RiskInputsTest.java</c> (8eafd08); its comparison of the
/// risk inputs with the snapshot's becomes a comparison of <see cref="DayFigures.Of"/> with the snapshot's
/// <see cref="MetricsSnapshot.Today"/> (the risk inputs are another module's), and a property checks the figures
/// against the raw events after every event.
/// </summary>
public class DayFiguresTest
{
    [Fact]
    public void The_day_opens_at_the_previous_days_close_and_counts_only_trades_exiting_that_day()
    {
        var s = Fold(
            Balance(1, 10_000),
            Balance(20, 10_100), // day 1's close
            Trade("a", 30, -300), // 2025-03-02 06:00
            Balance(31, 9_800),
            Trade("late", 23, -50), // recorded now, but exited on day 1
            Trade("b", 40, 120.5));
        var today = DayFigures.Of(s);
        Assert.NotNull(today);
        Assert.Equal(new DateOnly(2025, 3, 2), today.Day);
        Assert.Equal(10_100.0, today.OpeningBalance);
        Assert.Equal(-300 + 120.5, today.NetPnl);
        Assert.Equal(2, today.Trades);
    }

    [Fact]
    public void Without_a_balance_today_the_day_opens_at_the_last_one_and_a_history_starting_today_at_its_first()
    {
        Assert.Equal(9_000.0, DayFigures.Of(Fold(Balance(1, 10_000), Balance(2, 9_000), Trade("a", 50, -10)))!.OpeningBalance);
        Assert.Equal(10_000.0, DayFigures.Of(Fold(Balance(1, 10_000), Balance(2, 9_000)))!.OpeningBalance);
        Assert.Null(DayFigures.Of(Fold(Trade("a", 5, -10)))!.OpeningBalance);
        Assert.Null(DayFigures.Of(Fold()));
    }

    [Fact]
    public void A_gap_of_days_without_balances_opens_at_the_forward_filled_close()
    {
        var s = Fold(Balance(1, 10_000), Balance(30, 9_500), Balance(100, 9_900));
        Assert.Equal(9_500.0, DayFigures.Of(s)!.OpeningBalance);
    }

    [Fact]
    public void A_balance_at_midnight_belongs_to_the_day_it_opens()
    {
        var s = Fold(Balance(1, 10_000), new BalanceUpdated(At(24).AddMilliseconds(-1), 10_050), Balance(24, 10_200));
        var today = DayFigures.Of(s)!;
        Assert.Equal(new DateOnly(2025, 3, 2), today.Day);
        Assert.Equal(10_050.0, today.OpeningBalance);
        Assert.Equal(0, today.Trades);
        Assert.Equal(0.0, today.NetPnl);
    }

    [Fact]
    public void A_balance_older_than_the_latest_trade_still_opens_the_next_day()
    {
        // the latest event is a trade on day 3; the last balance is on day 2, so day 3 opened at it
        var s = Fold(Balance(1, 10_000), Balance(30, 9_700), Trade("a", 50, 40), Balance(40, 9_750));
        var today = DayFigures.Of(s)!;
        Assert.Equal(new DateOnly(2025, 3, 3), today.Day);
        Assert.Equal(9_750.0, today.OpeningBalance);
        Assert.Equal((1, 40.0), (today.Trades, today.NetPnl));
    }

    [Fact]
    public void The_snapshots_figures_equal_the_states_after_every_event()
    {
        var s = PerformanceState.Empty(S);
        var seq = 0L;
        foreach (var e in RandomSequence(400, 7, 10_000))
        {
            s = s.Apply(e);
            seq++;
            Assert.Equal(DayFigures.Of(s), MetricsSnapshot.Of("s", seq, s).Today);
            Assert.Equal(DayFigures.Of(s), s.Today());
        }
    }

    /// <summary>
    /// The opening balance is the last balance observed before as_of's UTC day began, or the day's first when the
    /// history starts that day, null without any; the day's pnl is the sum, in recording order, of the distinct trades
    /// whose exit falls on that day, bit for bit.
    /// </summary>
    [Property(MaxTest = 100, Arbitrary = [typeof(StateArbitraries)])]
    public void The_day_figures_follow_from_the_raw_events_after_every_event(EventScenario scenario)
    {
        var state = PerformanceState.Empty(scenario.Settings);
        var ids = new HashSet<string>();
        var trades = new List<TradeClosed>();
        var balances = new List<BalanceUpdated>();
        var asOf = DateTimeOffset.MinValue;
        foreach (var e in scenario.Events)
        {
            state = state.Apply(e);
            if (e is TradeClosed t && ids.Add(t.TradeId))
            {
                trades.Add(t);
                asOf = asOf > t.ExitTime ? asOf : t.ExitTime;
            }
            else if (e is BalanceUpdated b)
            {
                balances.Add(b);
                asOf = asOf > b.Time ? asOf : b.Time;
            }
            var day = DateOnly.FromDateTime(asOf.UtcDateTime);
            var dayStart = new DateTimeOffset(day.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
            double? opening = balances.Count == 0 ? null
                : balances.LastOrDefault(x => x.Time < dayStart)?.Balance ?? balances[0].Balance;
            var pnl = 0.0;
            var count = 0;
            foreach (var x in trades.Where(x => DateOnly.FromDateTime(x.ExitTime.UtcDateTime) == day))
            {
                pnl += x.Pnl;
                count++;
            }
            var figures = state.Today()!;
            Assert.Equal(day, figures.Day);
            Assert.Equal(Bits(opening), Bits(figures.OpeningBalance));
            Assert.Equal(count, figures.Trades);
            Assert.Equal(Bits(pnl), Bits(figures.NetPnl));
            Assert.Equal(Time.DayOf(day), Time.UtcDay(state.AsOfMs));
        }
    }
}
