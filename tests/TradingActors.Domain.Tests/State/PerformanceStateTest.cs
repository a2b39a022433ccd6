using TradingActors.Domain.Events;
using TradingActors.Domain.State;
using TradingActors.Metrics;
using static TradingActors.Domain.Tests.State.StateFixtures;

namespace TradingActors.Domain.Tests.State;

/// <summary>
/// Ported from the JVM build's <c>src/domain/src/test/java/io/tradingactors/domain/state/PerformanceStateTest.java</c>
/// (8eafd08), with the behaviours it relied on spelled out as tests of their own: idempotency by trade id, the balance
/// ordering rule, retried balances, the 30-day trade window bounds, the bounded recent balances and late trades.
/// </summary>
public class PerformanceStateTest
{
    [Fact]
    public void The_empty_state_has_zero_counts_and_null_ratios()
    {
        var empty = PerformanceState.Empty(S);
        var m = empty.Metrics();
        Assert.Equal(0, m.Trades.TotalTrades);
        Assert.Equal(0.0, m.Trades.NetPnl);
        Assert.Null(m.Trades.WinRate);
        Assert.Null(m.Trades.ProfitFactor);
        Assert.Null(m.Balances.SharpeRatio);
        Assert.Null(m.Balances.InitialBalance);
        Assert.Null(empty.AsOf);
        Assert.Equal(0, empty.EventCount);
        Assert.Null(empty.Today());
        Assert.Equal(new WindowStatistics(0, null, null, null, 0.0, null), empty.Rolling(RollingWindows.ThirtyDaysMs));
    }

    [Fact]
    public void A_retried_trade_id_changes_nothing()
    {
        var once = PerformanceState.Empty(S).Apply(Trade("a", 2, 50));
        var twice = once.Apply(Trade("a", 3, 999));
        Assert.Equal(once, twice);
        Assert.Equal(1, twice.EventCount);
        Assert.Equal(Ms(2), twice.AsOfMs);
        Assert.Equal(50.0, twice.Metrics().Trades.NetPnl);
        Assert.True(twice.HasTrade("a"));
        Assert.False(twice.HasTrade("b"));
    }

    [Fact]
    public void Older_versions_stay_valid_after_they_are_forked()
    {
        var prefix = new List<IPerformanceEvent>();
        for (var i = 0; i < 40; i++)
        {
            prefix.Add(Trade("t" + i, 24.0 * i + 2, i % 3 == 0 ? -10 : 20));
            prefix.Add(Balance(24.0 * i + 2, 1000 + i));
        }
        var @base = Fold(prefix);
        var left = @base.Apply(Trade("x", 24.0 * 41, 500)).Apply(Balance(24.0 * 41, 5000));
        var right = @base.Apply(Trade("y", 24.0 * 45, -300)).Apply(Balance(24.0 * 45, 400));
        // Each branch equals the same branch folded from scratch: no branch wrote into the other's shared stores.
        List<IPerformanceEvent> l = [.. prefix, Trade("x", 24.0 * 41, 500), Balance(24.0 * 41, 5000)];
        List<IPerformanceEvent> r = [.. prefix, Trade("y", 24.0 * 45, -300), Balance(24.0 * 45, 400)];
        PerformanceStateProperties.AssertSameState(Fold(l), left, "left");
        PerformanceStateProperties.AssertSameState(Fold(r), right, "right");
        PerformanceStateProperties.AssertSameState(Fold(prefix), @base, "base");
        Assert.False(left.HasTrade("y"));
        Assert.False(right.HasTrade("x"));
        Assert.False(@base.HasTrade("x"));
        Assert.Equal(40, @base.Daily.CloseCount);
    }

    [Fact]
    public void An_older_balance_is_rejected_by_the_order_rule_and_an_equal_time_is_accepted()
    {
        var s = PerformanceState.Empty(S).Apply(Balance(10, 1000));
        var v = s.CheckOrder(Balance(9, 1000));
        Assert.NotNull(v);
        Assert.Equal("time", v.Field);
        Assert.Equal(
            "balance time 2025-03-01T09:00:00Z is before the last recorded balance time 2025-03-01T10:00:00Z; " +
            "balances must arrive in time order",
            v.Message);
        Assert.Null(s.CheckOrder(Balance(10, 1001)));
        Assert.Null(s.CheckOrder(Balance(11, 1001)));
        Assert.Null(PerformanceState.Empty(S).CheckOrder(Balance(-1_000_000, 1)));
        // one millisecond earlier is older
        Assert.NotNull(s.CheckOrder(new BalanceUpdated(At(10).AddMilliseconds(-1), 1000)));
    }

    [Fact]
    public void The_order_rule_compares_with_the_last_balance_not_with_a_later_trade()
    {
        var s = Fold(Balance(10, 1000), Trade("a", 20, 5));
        Assert.Null(s.CheckOrder(Balance(15, 1005)));
        var after = s.Apply(Balance(15, 1005));
        Assert.Equal(Ms(20), after.AsOfMs);
        Assert.Equal(1005.0, after.Metrics().Balances.CurrentBalance);
    }

    [Fact]
    public void A_balance_at_the_same_instant_is_recorded_and_becomes_the_latest()
    {
        var s = Fold(Balance(10, 1000), Balance(10, 990));
        Assert.Equal(2, s.EventCount);
        Assert.Equal(990.0, s.Metrics().Balances.CurrentBalance);
        Assert.Equal(1000.0, s.Metrics().Balances.InitialBalance);
        Assert.Equal(0.01, s.Metrics().Balances.MaxDrawdown!.Value, 15);
        Assert.Equal(2, s.RecentBalances.Count);
    }

    [Fact]
    public void Apply_stays_total_for_an_unvalidated_out_of_order_balance()
    {
        var s = Fold(Balance(48, 1000), Balance(24, 900));
        Assert.Equal(Ms(48), s.Drawdown.LastTimeMs);
        Assert.Equal(900.0, s.Metrics().Balances.CurrentBalance);
        Assert.Equal(1, s.Daily.CloseCount);
        Assert.Equal(Ms(48), s.RecentBalances.TimeMs(1));
    }

    [Fact]
    public void A_retried_balance_or_batch_is_recognised_and_a_correction_is_not()
    {
        var s = Fold(Balance(1, 1000), Balance(2, 1010), Balance(2, 1020), Balance(3, 1030));
        Assert.True(s.IsRecentlyRecorded(Balance(3, 1030)));
        Assert.True(s.IsRecentlyRecorded(Balance(2, 1010))); // a retried batch: every point of it is recognised
        Assert.True(s.IsRecentlyRecorded(Balance(2, 1020)));
        Assert.True(s.IsRecentlyRecorded(Balance(1, 1000)));
        Assert.False(s.IsRecentlyRecorded(Balance(3, 1031))); // a correction at the last instant
        Assert.False(s.IsRecentlyRecorded(Balance(2, 1030)));
        Assert.False(s.IsRecentlyRecorded(Balance(4, 1030)));
        Assert.False(PerformanceState.Empty(S).IsRecentlyRecorded(Balance(1, 1000)));
    }

    [Fact]
    public void Only_the_last_128_balances_are_recognised_as_retries()
    {
        var s = PerformanceState.Empty(S);
        for (var i = 0; i < 300; i++)
        {
            s = s.Apply(Balance(i, 1000 + i));
        }
        Assert.Equal(PerformanceState.RecentBalancePoints, s.RecentBalances.Count);
        Assert.True(s.IsRecentlyRecorded(Balance(300 - 128, 1000 + 300 - 128)));
        Assert.False(s.IsRecentlyRecorded(Balance(300 - 129, 1000 + 300 - 129)));
        var (times, balances) = s.RecentBalances.Points();
        Assert.Equal(Enumerable.Range(172, 128).Select(i => Ms(i)), times);
        Assert.Equal(Enumerable.Range(172, 128).Select(i => 1000.0 + i), balances);
    }

    [Fact]
    public void The_fold_matches_the_batch_reference_on_a_random_sequence()
    {
        var events = RandomSequence(2_000, 11, 10_000);
        var state = Fold(events);
        var trades = events.OfType<TradeClosed>().Select(OutcomeOf).ToArray();
        var balances = events.OfType<BalanceUpdated>().ToArray();
        var times = balances.Select(b => Instants.ToEpochMs(b.Time)).ToArray();
        var values = balances.Select(b => b.Balance).ToArray();
        Assert.Equal(TradeStats.Of(trades), state.Tally.Statistics());
        var reference = BalanceStats.Of(times, values, S);
        var m = state.Metrics().Balances;
        Assert.Equal(reference.MaxDrawdown, m.MaxDrawdown);
        Assert.Equal(reference.MaxDrawdownDurationDays, m.MaxDrawdownDurationDays);
        Assert.Equal(reference.Var95, m.Var95);
        Assert.Equal(reference.Cvar95, m.Cvar95);
        Assert.Equal(reference.Cagr, m.Cagr);
        Assert.NotNull(m.SharpeRatio);
        Assert.Equal(reference.SharpeRatio!.Value, m.SharpeRatio.Value, 1e-12 * Math.Abs(reference.SharpeRatio.Value));
        Assert.Equal(reference.SortinoRatio!.Value, m.SortinoRatio!.Value, 1e-12 * Math.Abs(reference.SortinoRatio.Value));
    }

    [Fact]
    public void Memory_does_not_grow_with_balance_ticks()
    {
        var s = PerformanceState.Empty(S);
        for (var i = 0; i < 50_000; i++)
        {
            s = s.Apply(new BalanceUpdated(T0.AddSeconds(i * 10L), 1000 + i % 100));
        }
        Assert.Equal(PerformanceState.RecentBalancePoints, s.RecentBalances.Count);
        Assert.Equal(6, s.Daily.CloseCount); // 500,000 s ≈ 5.8 days
        Assert.Equal(50_000, s.EventCount);
    }

    [Fact]
    public void Recent_trades_keep_only_the_last_thirty_days()
    {
        var s = PerformanceState.Empty(S);
        for (var day = 0; day < 100; day++)
        {
            s = s.Apply(Trade("d" + day, 24.0 * day + 12, day % 2 == 0 ? 10 : -5));
        }
        Assert.Equal(30, s.RecentTrades.Count);
        Assert.Equal(7, s.Rolling(RollingWindows.SevenDaysMs).Trades);
        Assert.Equal(30, s.Rolling(RollingWindows.ThirtyDaysMs).Trades);
        Assert.Equal(100, s.TradeCount);
    }

    [Theory]
    [InlineData(30)]
    [InlineData(7)]
    public void A_trade_exactly_one_window_old_is_out_of_it_and_one_millisecond_younger_is_in(int days)
    {
        var window = days * Time.MsPerDay;
        var trade = Fold(Trade("a", 10, 25));
        var justIn = trade.Apply(new BalanceUpdated(At(10).AddMilliseconds(window - 1), 1000));
        var justOut = trade.Apply(new BalanceUpdated(At(10).AddMilliseconds(window), 1000));
        Assert.Equal(1, justIn.Rolling(window).Trades);
        Assert.Equal(25.0, justIn.Rolling(window).NetPnl);
        Assert.Equal(0, justOut.Rolling(window).Trades);
        Assert.Equal(0.0, justOut.Rolling(window).NetPnl);
        Assert.Null(justOut.Rolling(window).WinRate);
        if (days == 30)
        {
            Assert.Equal(1, justIn.RecentTrades.Count);
            Assert.Equal(0, justOut.RecentTrades.Count);
        }
        Assert.Equal(1, justOut.TradeCount);
    }

    [Fact]
    public void A_window_longer_than_thirty_days_is_refused()
    {
        var s = Fold(Trade("a", 1, 1));
        Assert.Throws<ArgumentOutOfRangeException>(() => s.Rolling(RollingWindows.ThirtyDaysMs + 1));
    }

    [Fact]
    public void A_late_trade_counts_everywhere_its_exit_belongs_and_does_not_move_the_clock()
    {
        var s = Fold(Balance(0, 1000), Trade("a", 24 * 10 + 5, 10), Balance(24 * 10 + 6, 1010));
        var lateToday = s.Apply(Trade("today", 24 * 10 + 1, -4)); // exits earlier on the same UTC day
        var lateThisWeek = s.Apply(Trade("week", 24 * 5, 7));
        var lateLastMonth = s.Apply(Trade("month", 24 * 10 + 6 - 24 * 30, 100)); // exactly 30 days before as_of
        foreach (var late in new[] { lateToday, lateThisWeek, lateLastMonth })
        {
            Assert.Equal(Ms(24 * 10 + 6), late.AsOfMs);
            Assert.Equal(2, late.TradeCount);
            Assert.Equal(4, late.EventCount);
        }
        Assert.Equal(new DayTrades(2, 10.0 - 4), lateToday.TodayTrades);
        Assert.Equal(2, lateToday.Rolling(RollingWindows.SevenDaysMs).Trades);
        Assert.Equal(new DayTrades(1, 10.0), lateThisWeek.TodayTrades);
        Assert.Equal(2, lateThisWeek.Rolling(RollingWindows.SevenDaysMs).Trades);
        Assert.Equal(1, lateThisWeek.Rolling(1 * Time.MsPerDay).Trades);
        Assert.Equal(new DayTrades(1, 10.0), lateLastMonth.TodayTrades);
        Assert.Equal(1, lateLastMonth.Rolling(RollingWindows.ThirtyDaysMs).Trades);
        Assert.Equal(110.0, lateLastMonth.Metrics().Trades.NetPnl);
        Assert.Equal(100.0, lateLastMonth.Metrics().Trades.LargestWin);
    }

    [Fact]
    public void Today_trades_start_empty_on_a_new_utc_day()
    {
        var s = Fold(Trade("a", 23.5, 10), Trade("b", 23.9, 5));
        Assert.Equal(new DayTrades(2, 15.0), s.TodayTrades);
        var midnight = s.Apply(new BalanceUpdated(At(24), 1000));
        Assert.Equal(default, midnight.TodayTrades);
        var beforeMidnight = s.Apply(new BalanceUpdated(At(24).AddMilliseconds(-1), 1000));
        Assert.Equal(new DayTrades(2, 15.0), beforeMidnight.TodayTrades);
    }

    [Fact]
    public void As_of_is_the_latest_event_time_whichever_kind()
    {
        var s = Fold(Balance(5, 1000), Trade("a", 7, 1), Balance(6, 1001));
        Assert.Equal(At(7), s.AsOf);
        Assert.Equal(3, s.EventCount);
    }

    [Fact]
    public void A_growth_rate_too_large_for_a_double_is_undefined_rather_than_infinite()
    {
        // a hundredfold in two daily returns compounds to 100^182.5 a year: past the largest double
        var s = Fold(Balance(1, 1_000), Balance(25, 1_000), Balance(49, 100_000));
        var m = s.Metrics().Balances;
        Assert.Null(m.Cagr);
        Assert.Null(m.CalmarRatio);
        Assert.Equal(99.0, m.TotalReturn);
        Assert.Equal(
            BalanceStats.Of([Ms(1), Ms(25), Ms(49)], [1_000, 1_000, 100_000], S),
            m);
    }

    [Fact]
    public void A_calmar_ratio_too_large_for_a_double_is_undefined_rather_than_infinite()
    {
        // a finite CAGR near 1e300 over a drawdown of 1e-10
        var s = Fold(Balance(1, 1_000), Balance(2, 1_000 * (1 - 1e-10)), Balance(25, 1_000), Balance(49, 44_000));
        var m = s.Metrics().Balances;
        Assert.True(m.Cagr is > 1e299 and < double.PositiveInfinity, $"cagr {m.Cagr}");
        Assert.True(m.MaxDrawdown is > 0 and < 1e-9, $"max drawdown {m.MaxDrawdown}");
        Assert.Null(m.CalmarRatio);
    }

    [Fact]
    public void An_unknown_event_type_is_refused()
    {
        Assert.Throws<ArgumentException>(() => PerformanceState.Empty(S).Apply(new UnknownEvent(T0)));
    }

    [Fact]
    public void A_snapshot_carries_every_figure_of_the_state()
    {
        var s = Fold(RandomSequence(50, 3, 10_000));
        var snapshot = MetricsSnapshot.Of("strategy-1", 42, s);
        Assert.Equal("strategy-1", snapshot.StrategyId);
        Assert.Equal(42, snapshot.SequenceNr);
        Assert.Equal(s.AsOf, snapshot.AsOf);
        Assert.Equal(s.Metrics(), snapshot.Metrics);
        Assert.Equal(s.Rolling(RollingWindows.SevenDaysMs), snapshot.Rolling7d);
        Assert.Equal(s.Rolling(RollingWindows.ThirtyDaysMs), snapshot.Rolling30d);
        Assert.Equal(s.Today(), snapshot.Today);
    }

    private sealed record UnknownEvent(DateTimeOffset Time) : IPerformanceEvent;
}
