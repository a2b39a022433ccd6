using static TradingActors.Metrics.Tests.Fixtures;

namespace TradingActors.Metrics.Tests;

/// <summary>
/// Known answers for every trade statistic of DESIGN §3, worked out by hand in the comments (from the Java
/// <c>TradeStatsTest.java</c>). Each case runs through both <see cref="TradeStats.Of"/> and a <see cref="TradeTally"/>
/// fold, asserted bit-identical (<see cref="Fixtures.TradeStatsOf"/>).
/// </summary>
public class TradeStatsTest
{
    private static readonly long T0 = Ms("2025-03-03T00:00:00Z");

    private static TradeOutcome At(long entryHour, long exitHour, double pnl) =>
        Trade(T0 + entryHour * Hour, T0 + exitHour * Hour, pnl);

    private static TradeOutcome[] Pnls(params double[] pnl) =>
        pnl.Select((p, i) => At(i, i + 1, p)).ToArray();

    /*
     * pnl in order:   +100  +50   0   -40  -60  +30  -20
     * entry..exit h:  0..2  3..7 8..9 10..13 24..30 48..50 70..72   durations 2+4+1+3+6+2+2 = 20 h
     * fees:           1.0   0.5  0.25 0.5  1.0  0.25 0.5            sum 4.0
     * slippage:       0.125 0.25 0    0.125 0.5 0    0.25           sum 1.25
     * risk_reward:    2.0   -    1.5  3.0  -    1.0  -              mean over the 4 that carry one: 7.5 / 4 = 1.875
     */
    private static readonly TradeOutcome[] Mixed =
    [
        Trade(T0, T0 + 2 * Hour, 100, 1.0, 0.125, 2.0),
        Trade(T0 + 3 * Hour, T0 + 7 * Hour, 50, 0.5, 0.25, null),
        Trade(T0 + 8 * Hour, T0 + 9 * Hour, 0, 0.25, 0, 1.5),
        Trade(T0 + 10 * Hour, T0 + 13 * Hour, -40, 0.5, 0.125, 3.0),
        Trade(T0 + 24 * Hour, T0 + 30 * Hour, -60, 1.0, 0.5, null),
        Trade(T0 + 48 * Hour, T0 + 50 * Hour, 30, 0.25, 0, 1.0),
        Trade(T0 + 70 * Hour, T0 + 72 * Hour, -20, 0.5, 0.25, null),
    ];

    [Fact]
    public void A_mixed_list_with_a_breakeven_gives_every_statistic()
    {
        var s = TradeStatsOf(Mixed);
        // wins: 100, 50, 30; losses: -40, -60, -20; one breakeven that still counts in the total.
        Assert.Equal(7, s.TotalTrades);
        Assert.Equal(3, s.WinningTrades);
        Assert.Equal(3, s.LosingTrades);
        Assert.Equal(1, s.BreakevenTrades);
        // win_rate = 3 / 7 (the breakeven is in the denominator, not 3 / 6)
        AssertRel(s.WinRate, 3.0 / 7.0);
        // gross_profit = 100 + 50 + 30 = 180; gross_loss = 40 + 60 + 20 = 120, a positive magnitude; net = 60
        Assert.Equal(180.0, s.GrossProfit);
        Assert.Equal(120.0, s.GrossLoss);
        Assert.Equal(60.0, s.NetPnl);
        // profit_factor = 180 / 120 = 1.5
        Assert.Equal(1.5, s.ProfitFactor);
        // expectancy = 60 / 7 = 8.571428...
        AssertRel(s.Expectancy, 8.571428571428571);
        // avg_win = 180 / 3 = 60 (positive); avg_loss = -(120 / 3) = -40 (negative)
        Assert.Equal(60.0, s.AvgWin);
        Assert.Equal(-40.0, s.AvgLoss);
        // expectancy_ratio = (1 + 60 / 40) * 3/7 - 1 = 2.5 * 3/7 - 1 = 7.5/7 - 1 = 1/14 = 0.0714285714...
        AssertRel(s.ExpectancyRatio, 0.07142857142857142);
        // largest_win = 100; largest_loss = -60 (negative: the most negative pnl)
        Assert.Equal(100.0, s.LargestWin);
        Assert.Equal(-60.0, s.LargestLoss);
        // sequence W W B L L W L: longest win run 2, longest loss run 2; the last trade is a loss -> current 0 wins, 1 loss
        Assert.Equal(2, s.MaxConsecutiveWins);
        Assert.Equal(2, s.MaxConsecutiveLosses);
        Assert.Equal(0, s.ConsecutiveWins);
        Assert.Equal(1, s.ConsecutiveLosses);
        // avg_trade_duration_hours = 20 h / 7 = 2.857142857...
        AssertRel(s.AvgTradeDurationHours, 2.857142857142857);
        // trades_per_day = 7 / (days from first entry 0 h to last exit 72 h = 3) = 2.333...
        AssertRel(s.TradesPerDay, 7.0 / 3.0);
        Assert.Equal(4.0, s.TotalFees);
        Assert.Equal(1.25, s.TotalSlippage);
        // avg_rr only over the trades that carry one: (2.0 + 1.5 + 3.0 + 1.0) / 4 = 1.875 (not 7.5 / 7)
        Assert.Equal(1.875, s.AvgRr);
    }

    [Fact]
    public void A_breakeven_ends_both_streaks()
    {
        // W W B W: without the breakeven rule the win run would be 3; with it the runs are 2 and 1.
        // L L B L: likewise 2 and 1 for losses. The list ends on a loss run of 1.
        var s = TradeStatsOf(Pnls(5, 5, 0, 5, -5, -5, 0, -5));
        Assert.Equal(2, s.MaxConsecutiveWins);
        Assert.Equal(2, s.MaxConsecutiveLosses);
        Assert.Equal(0, s.ConsecutiveWins);
        Assert.Equal(1, s.ConsecutiveLosses);
    }

    [Fact]
    public void A_trailing_breakeven_leaves_no_current_streak()
    {
        var s = TradeStatsOf(Pnls(5, 5, 5, 0));
        Assert.Equal(3, s.MaxConsecutiveWins);
        Assert.Equal(0, s.ConsecutiveWins);
        Assert.Equal(0, s.ConsecutiveLosses);
    }

    [Fact]
    public void Current_streaks_follow_the_last_run()
    {
        // L W W W: max wins 3 = current wins 3; the loss run of 1 is over.
        var s = TradeStatsOf(Pnls(-1, 2, 3, 4));
        Assert.Equal(3, s.MaxConsecutiveWins);
        Assert.Equal(1, s.MaxConsecutiveLosses);
        Assert.Equal(3, s.ConsecutiveWins);
        Assert.Equal(0, s.ConsecutiveLosses);
    }

    [Fact]
    public void Profit_factor_is_zero_without_profit()
    {
        // losses and a breakeven, no profit: 0 / 10 = 0
        Assert.Equal(0.0, TradeStatsOf(Pnls(-10, 0)).ProfitFactor);
        // only breakevens: no profit and no loss is still 0, not the cap and not null
        Assert.Equal(0.0, TradeStatsOf(Pnls(0, 0)).ProfitFactor);
    }

    [Fact]
    public void Profit_factor_is_the_cap_with_profit_and_no_loss()
    {
        Assert.Equal(9999.9999, TradeStatsOf(Pnls(10, 0, 25)).ProfitFactor);
        Assert.Equal(9999.9999, TradeStatistics.ProfitFactorCap);
    }

    [Fact]
    public void The_cap_bounds_every_profit_factor()
    {
        // 1_000_000 / 1 = 1e6 would not fit NUMERIC(10,4): capped
        Assert.Equal(9999.9999, TradeStatsOf(Pnls(1_000_000, -1)).ProfitFactor);
        // 5000 / 1 = 5000 is below the cap and kept
        Assert.Equal(5000.0, TradeStatsOf(Pnls(5000, -1)).ProfitFactor);
        Assert.Equal(0.75, TradeStatistics.ProfitFactorOf(3.0, 4.0));
    }

    [Fact]
    public void Expectancy_ratio_is_minus_one_without_wins()
    {
        // avg_win taken as 0, win_rate 0: (1 + 0 / 20) * 0 - 1 = -1, whatever the losses
        var s = TradeStatsOf(Pnls(-10, -30, 0));
        Assert.Equal(-1.0, s.ExpectancyRatio);
        Assert.Null(s.AvgWin);
        Assert.Null(s.LargestWin);
        Assert.Equal(-20.0, s.AvgLoss);
        Assert.Equal(-30.0, s.LargestLoss);
        // expectancy = -40 / 3
        AssertRel(s.Expectancy, -13.333333333333334);
    }

    [Fact]
    public void Expectancy_ratio_is_null_without_losses()
    {
        // |avg_loss| is undefined: no invented number
        var s = TradeStatsOf(Pnls(10, 20));
        Assert.Null(s.ExpectancyRatio);
        Assert.Null(s.AvgLoss);
        Assert.Null(s.LargestLoss);
        Assert.Equal(15.0, s.AvgWin);
        Assert.Equal(1.0, s.WinRate);
    }

    [Fact]
    public void Only_breakevens_give_a_zero_win_rate_and_no_streaks()
    {
        var s = TradeStatsOf(Pnls(0, 0, 0));
        Assert.Equal(0.0, s.WinRate);
        Assert.Equal(0.0, s.Expectancy);
        Assert.Null(s.ExpectancyRatio);
        Assert.Equal(3, s.BreakevenTrades);
        Assert.Equal(0, s.MaxConsecutiveWins);
        Assert.Equal(0, s.MaxConsecutiveLosses);
    }

    [Fact]
    public void Trades_per_day_uses_one_day_for_short_spans()
    {
        // three trades between 00:00 and 06:00: span 0.25 days -> denominator max(1, 0.25) = 1 -> 3 per day (not 12)
        Assert.Equal(3.0, TradeStatsOf(At(0, 1, 1), At(2, 4, -1), At(5, 6, 2)).TradesPerDay);
        // a span of exactly one day also divides by 1
        Assert.Equal(2.0, TradeStatsOf(At(0, 1, 1), At(20, 24, 1)).TradesPerDay);
    }

    [Fact]
    public void Trades_per_day_span_runs_from_the_first_entry_to_the_latest_exit()
    {
        // entries at 0, 10 and 20 h; exits at 36, 12 and 21 h (the latest exit is not the last trade's):
        // span = first entry 0 h .. latest exit 36 h = 1.5 days -> 3 / 1.5 = 2
        Assert.Equal(2.0, TradeStatsOf(At(0, 36, 1), At(10, 12, 1), At(20, 21, 1)).TradesPerDay);
    }

    [Fact]
    public void Average_duration_is_in_hours()
    {
        // 90 min and 30 min -> mean 60 min = 1.0 h
        var s = TradeStatsOf(Trade(T0, T0 + 90 * 60_000L, 1), Trade(T0 + Hour, T0 + Hour + 30 * 60_000L, -1));
        Assert.Equal(1.0, s.AvgTradeDurationHours);
    }

    [Fact]
    public void Avg_rr_is_null_when_no_trade_carries_one()
    {
        Assert.Null(TradeStatsOf(Pnls(1, -1)).AvgRr);
    }

    [Fact]
    public void Empty_input_gives_zeros_for_counts_and_sums_and_nulls_for_ratios()
    {
        var s = TradeStatsOf();
        Assert.Equal(
            new TradeStatistics(
                0, 0, 0, 0, null, 0.0, 0.0, 0.0, null, null, null, null, null, null, null, 0, 0, 0, 0, null, 0.0,
                0.0, 0.0, null),
            s);
        Assert.Equal(s, TradeTally.Empty.Statistics());
    }
}
