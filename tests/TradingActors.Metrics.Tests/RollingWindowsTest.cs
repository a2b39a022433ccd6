using FsCheck.Xunit;
using static TradingActors.Metrics.Tests.Fixtures;

namespace TradingActors.Metrics.Tests;

/// <summary>
/// Trailing windows: trades with exit time in (as_of − window, as_of], and the Sharpe ratio of the daily returns into
/// the window's days (from the Java <c>RollingWindowsTest.java</c>, adapted). The Java build took the Sharpe ratio of
/// the last 30 daily returns for both windows; DESIGN §3 changed that on purpose: a window's Sharpe is over the returns
/// into the W UTC days ending on as_of's day (<see cref="RollingWindows.ReturnDays"/>,
/// <see cref="DailyCloseSeries.ReturnsIntoDays"/>), so the Java cases on <c>lastReturns</c> are rewritten on those.
/// </summary>
[Properties(Arbitrary = [typeof(MetricArbitraries)], MaxTest = 100)]
public class RollingWindowsTest
{
    private static readonly long AsOf = Ms("2025-04-15T12:00:00Z");

    private static WindowStatistics Window(
        TradeOutcome[] trades, long windowMs, double[] windowReturns, long? asOf = null, MetricSettings? s = null) =>
        RollingWindows.Of(
            trades.Select(t => t.ExitTimeMs).ToArray(),
            trades.Select(t => t.Pnl).ToArray(),
            trades.Select(t => t.RiskReward ?? double.NaN).ToArray(),
            asOf ?? AsOf,
            windowMs,
            windowReturns,
            s ?? MetricSettings.Defaults);

    private static TradeOutcome ExitAt(long exitMs, double pnl, double? rr) =>
        Trade(exitMs - Hour, exitMs, pnl, 0, 0, rr);

    /// <summary>The returns of a series into the days of a window ending at <paramref name="asOf"/>.</summary>
    private static double[] WindowReturns(DailyCloseSeries series, long asOf, long windowMs)
    {
        var (from, to) = RollingWindows.ReturnDays(asOf, windowMs);
        return series.ReturnsIntoDays(from, to);
    }

    [Fact]
    public void A_trade_exactly_seven_days_old_is_out_and_one_a_millisecond_younger_is_in()
    {
        TradeOutcome[] trades =
        [
            ExitAt(AsOf - 7 * Day - 1, 700, 9.0), // older than the window: out
            ExitAt(AsOf - 7 * Day, 1000, 9.0), // exactly seven days old: out
            ExitAt(AsOf - 7 * Day + 1, 30, 2.0), // one millisecond younger: in
            ExitAt(AsOf, -10, null), // at as_of: in
            ExitAt(AsOf + 1, 500, 9.0), // after as_of: out
        ];
        var w = Window(trades, RollingWindows.SevenDaysMs, []);
        // in: +30 and -10 -> 2 trades, win rate 1/2, profit factor 30 / 10 = 3, net 20, avg_rr over the one with rr: 2
        Assert.Equal(new WindowStatistics(2, 0.5, 3.0, 2.0, 20.0, null), w);
    }

    [Fact]
    public void A_thirty_day_window()
    {
        TradeOutcome[] trades =
        [
            ExitAt(AsOf - 30 * Day, 1000, null), // exactly thirty days old: out
            ExitAt(AsOf - 29 * Day, 40, null),
            ExitAt(AsOf - 8 * Day, 0, null),
            ExitAt(AsOf - Hour, 20, null),
        ];
        var w = Window(trades, RollingWindows.ThirtyDaysMs, []);
        // 3 trades: wins 40 and 20, one breakeven in the total: win rate 2/3; no loss -> profit factor cap; no rr -> null
        Assert.Equal(3, w.Trades);
        AssertNear(w.WinRate, 2.0 / 3.0, 1e-15);
        Assert.Equal(9999.9999, w.ProfitFactor);
        Assert.Null(w.AvgRr);
        Assert.Equal(60.0, w.NetPnl);
        Assert.Equal(30L * 86_400_000L, RollingWindows.ThirtyDaysMs);
        Assert.Equal(7L * 86_400_000L, RollingWindows.SevenDaysMs);
    }

    [Fact]
    public void An_empty_window_has_zero_trades_and_null_ratios()
    {
        var w = Window([ExitAt(AsOf - 8 * Day, 5, null)], RollingWindows.SevenDaysMs, []);
        Assert.Equal(new WindowStatistics(0, null, null, null, 0.0, null), w);
    }

    [Fact]
    public void The_return_days_of_a_window_are_the_W_UTC_days_ending_on_the_day_of_as_of()
    {
        var day = EpochDay("2025-04-15");
        // any instant of 04-15 gives the same days: 04-09 .. 04-15 for seven days, 03-17 .. 04-15 for thirty
        foreach (var asOf in new[] { Ms("2025-04-15T00:00:00Z"), AsOf, Ms("2025-04-15T23:59:59.999Z") })
        {
            Assert.Equal((day - 6, day), RollingWindows.ReturnDays(asOf, RollingWindows.SevenDaysMs));
            Assert.Equal((day - 29, day), RollingWindows.ReturnDays(asOf, RollingWindows.ThirtyDaysMs));
        }
        // an offset is converted first: 04-15T23:30-05:00 is 04-16T04:30Z
        Assert.Equal(
            (day - 5, day + 1), RollingWindows.ReturnDays(Ms("2025-04-15T23:30:00-05:00"), RollingWindows.SevenDaysMs));
        Assert.Equal(EpochDay("2025-04-09"), day - 6);
        Assert.Equal(EpochDay("2025-03-17"), day - 29);
    }

    /// <summary>
    /// 41 closes, 40 returns: ten of +50 % first, then ten cycles of +10 %, −10 %, +10 %. The last closes' day is
    /// as_of's, so the thirty-day window holds exactly the cycles and the seven-day one the last seven of them.
    /// </summary>
    private static DailyCloseSeries CyclesSeries(long lastDay)
    {
        var closes = new double[41];
        closes[0] = 100;
        for (var i = 1; i <= 10; i++)
        {
            closes[i] = closes[i - 1] * 1.5;
        }
        double[] cycle = [1.1, 0.9, 1.1];
        for (var i = 11; i <= 40; i++)
        {
            closes[i] = closes[i - 1] * cycle[(i - 11) % 3];
        }
        return SeriesOfCloses(lastDay - 40, closes);
    }

    [Fact]
    public void The_thirty_day_sharpe_is_over_the_returns_into_its_thirty_days()
    {
        // mean = 1/30; deviations 1/15, -2/15, 1/15 -> squares 1/225 + 4/225 + 1/225 = 6/225 a cycle, 60/225 = 4/15
        // in all; std = sqrt((4/15) / 29) = 2 / sqrt(435);
        // sharpe = (1/30) / (2 / sqrt(435)) * sqrt(365) = sqrt(435 * 365) / 60
        var series = CyclesSeries(Time.UtcDay(AsOf));
        var r = WindowReturns(series, AsOf, RollingWindows.ThirtyDaysMs);
        Assert.Equal(30, r.Length);
        AssertNear(r[0], 0.1, 1e-12);
        AssertNear(r[1], -0.1, 1e-12);
        AssertNear(r[29], 0.1, 1e-12);
        var expected = Math.Sqrt(435.0 * 365.0) / 60.0; // 6.6411...
        AssertRel(Window([], RollingWindows.ThirtyDaysMs, r).Sharpe, expected);
    }

    [Fact]
    public void The_seven_day_sharpe_is_over_the_returns_into_its_seven_days_not_the_last_thirty()
    {
        // returns into the last seven days (returns 34..40): +.1 +.1 -.1 +.1 +.1 -.1 +.1
        // mean = 0.3 / 7 = 3/70; deviations 4/70 (five times) and -10/70 (twice): squares 80/4900 + 200/4900 = 2/35
        // std = sqrt((2/35) / 6) = 1 / sqrt(105); sharpe = 3/70 * sqrt(105) * sqrt(365) = 3 * sqrt(105 * 365) / 70
        var series = CyclesSeries(Time.UtcDay(AsOf));
        var r = WindowReturns(series, AsOf, RollingWindows.SevenDaysMs);
        Assert.Equal(7, r.Length);
        var expected = 3 * Math.Sqrt(105.0 * 365.0) / 70; // 8.3900...
        var sharpe = Window([], RollingWindows.SevenDaysMs, r).Sharpe;
        AssertRel(sharpe, expected);
        // the JVM build gave the seven-day window the thirty-return Sharpe, 6.64
        Assert.NotEqual(Math.Sqrt(435.0 * 365.0) / 60.0, sharpe!.Value, 1e-6);
    }

    [Fact]
    public void The_seven_day_sharpe_equals_mean_over_sample_std_times_root_A_computed_by_hand()
    {
        // Observations (UTC unless stated), with their days' closes worked out by hand:
        long[] t =
        [
            Ms("2025-04-05T10:00:00Z"), // 04-05: 1000
            Ms("2025-04-06T09:00:00Z"),
            Ms("2025-04-06T23:59:59.999Z"), // 04-06: 1020 (the last instant of the day)
            Ms("2025-04-07T00:00:00Z"),
            Ms("2025-04-07T15:00:00Z"), // 04-07: 1001
            Ms("2025-04-08T12:00:00+02:00"), // 04-08T10:00Z: 1015
            Ms("2025-04-09T08:00:00Z"), // 04-09: 998; 04-10 has no observation: 998 again
            Ms("2025-04-11T03:00:00-05:00"), // 04-11T08:00Z
            Ms("2025-04-11T20:00:00Z"), // 04-11: 1024
            Ms("2025-04-12T12:00:00Z"), // 04-12: 1041
            Ms("2025-04-13T06:00:00Z"),
            Ms("2025-04-13T22:00:00Z"), // 04-13: 1008
            Ms("2025-04-14T12:00:00Z"), // 04-14: 1019
            Ms("2025-04-15T01:00:00Z"),
            Ms("2025-04-15T11:00:00Z"), // 04-15: 1033 (as_of is 04-15T12:00Z)
            Ms("2025-04-16T12:00:00Z"), // 04-16: 1100, after the window
        ];
        double[] b = [1000, 1012, 1020, 990, 1001, 1015, 998, 1030, 1024, 1041, 1035, 1008, 1019, 1040, 1033, 1100];
        double[] closes = [1000, 1020, 1001, 1015, 998, 998, 1024, 1041, 1008, 1019, 1033, 1100]; // 04-05 .. 04-16
        var series = DailyCloseSeries.Empty(0.0);
        for (var i = 0; i < t.Length; i++)
        {
            series = series.Plus(t[i], b[i]);
        }
        Assert.Equal(closes, series.Closes());

        // the seven days 04-09 .. 04-15 need the closes of 04-08 .. 04-15 (indices 3 .. 10)
        var sevenDay = NumpyStyleSharpe(closes[3..11], 365, 0.0);
        var w7 = Window([], RollingWindows.SevenDaysMs, WindowReturns(series, AsOf, RollingWindows.SevenDaysMs));
        AssertRel(w7.Sharpe, sevenDay);
        AssertRel(w7.Sharpe, 2.5228266881455355); // Python statistics.mean / statistics.stdev · √365
        // thirty days reach back before the first close: the ten returns into 04-06 .. 04-15
        var thirtyDay = NumpyStyleSharpe(closes[..11], 365, 0.0);
        var w30 = Window([], RollingWindows.ThirtyDaysMs, WindowReturns(series, AsOf, RollingWindows.ThirtyDaysMs));
        AssertRel(w30.Sharpe, thirtyDay);
        AssertRel(w30.Sharpe, 3.376493348320938);
        // with A = 252 and a risk-free rate the same formula holds, rf / A off each day's mean
        var equities = new MetricSettings(252, 0.0504, 0.0);
        var w7e = Window(
            [], RollingWindows.SevenDaysMs, WindowReturns(series, AsOf, RollingWindows.SevenDaysMs), s: equities);
        AssertRel(w7e.Sharpe, NumpyStyleSharpe(closes[3..11], 252, 0.0504));
    }

    /// <summary>
    /// What a notebook would write: r = closes[1:] / closes[:-1] − 1; (r.mean() − rf / A) / r.std(ddof=1) · √A.
    /// </summary>
    private static double NumpyStyleSharpe(double[] closes, int a, double riskFreeRate)
    {
        var r = closes.Skip(1).Zip(closes, (c, previous) => c / previous - 1).ToArray();
        var mean = r.Sum() / r.Length;
        var std = Math.Sqrt(r.Sum(x => (x - mean) * (x - mean)) / (r.Length - 1));
        return (mean - riskFreeRate / a) / std * Math.Sqrt(a);
    }

    [Fact]
    public void A_window_before_the_end_of_the_series_stops_at_the_day_of_as_of()
    {
        // closes 100, 110, 99, 120, 60 on days d .. d+4; as_of on d+2 sees the returns into d+1 and d+2 only
        var d = EpochDay("2025-04-10");
        var series = SeriesOfCloses(d, [100, 110, 99, 120, 60]);
        var asOf = (d + 2) * Day + 5 * Hour;
        var r = WindowReturns(series, asOf, RollingWindows.SevenDaysMs);
        Assert.Equal([110.0 / 100 - 1, 99.0 / 110 - 1], r);
        AssertRel(Window([], RollingWindows.SevenDaysMs, r, asOf).Sharpe, NumpyStyleSharpe([100, 110, 99], 365, 0.0));
        // as_of after the last close: only the days the series has (no close is invented past its last day)
        var late = (d + 6) * Day;
        Assert.Equal(
            ReturnStats.SimpleReturns(series.Closes()), WindowReturns(series, late, RollingWindows.SevenDaysMs));
        // as_of before the second close: no return in the window
        Assert.Empty(WindowReturns(series, d * Day + Hour, RollingWindows.SevenDaysMs));
    }

    [Fact]
    public void Fewer_returns_than_the_window_takes_all_of_them_and_one_return_has_no_sharpe()
    {
        var d = Time.UtcDay(AsOf);
        var r = WindowReturns(SeriesOfCloses(d - 2, [100, 110, 99]), AsOf, RollingWindows.SevenDaysMs);
        Assert.Equal(2, r.Length);
        AssertNear(r[0], 0.1, 1e-15);
        AssertNear(r[1], -0.1, 1e-15);
        Assert.Empty(WindowReturns(SeriesOfCloses(d, [100]), AsOf, RollingWindows.ThirtyDaysMs));
        // one return: no Sharpe
        var one = WindowReturns(SeriesOfCloses(d - 1, [100, 110]), AsOf, RollingWindows.SevenDaysMs);
        Assert.Single(one);
        Assert.Null(Window([], RollingWindows.SevenDaysMs, one).Sharpe);
    }

    /// <summary>
    /// For any series and as_of, the window's returns are the batch daily returns into its days, bit for bit, and its
    /// Sharpe the batch Sharpe of those; for any trades, its columns are the trade statistics of the trades it holds.
    /// </summary>
    [Property]
    public void A_window_is_the_batch_statistics_of_what_it_holds(BalanceSeries s, TradeList trades)
    {
        var series = DailyCloseSeries.Empty(0.0);
        for (var i = 0; i < s.Count; i++)
        {
            series = series.Plus(s.Times[i], s.Balances[i]);
        }
        var batch = DailyCloses.Of(s.Times, s.Balances);
        var returns = ReturnStats.SimpleReturns(batch.Closes);
        var asOfs = s.Times.Where((_, i) => i % Math.Max(1, s.Count / 8) == 0 || i == s.Count - 1)
            .SelectMany(t => new[] { t, t + 3 * Day, t - 40 * Day });
        foreach (var asOf in asOfs)
        {
            foreach (var windowMs in new[] { RollingWindows.SevenDaysMs, RollingWindows.ThirtyDaysMs })
            {
                var (from, to) = RollingWindows.ReturnDays(asOf, windowMs);
                var lo = Math.Max(from, batch.FirstDay + 1) - batch.FirstDay - 1;
                var hi = Math.Min(to, batch.FirstDay + returns.Length) - batch.FirstDay - 1;
                var expected = lo <= hi ? returns[(int)lo..(int)(hi + 1)] : [];
                var actual = series.ReturnsIntoDays(from, to);
                Comparisons.AssertBits("window returns", actual, expected);
                Comparisons.AssertBitIdentical(
                    "window sharpe",
                    Window([], windowMs, actual, asOf).Sharpe,
                    ReturnStats.Sharpe(expected, MetricSettings.Defaults));
            }
        }
        // around some exits: at an exit, and a millisecond either side of its leaving the seven-day window
        var exits = trades.Trades.Select(t => t.ExitTimeMs).ToArray();
        var pnls = trades.Trades.Select(t => t.Pnl).ToArray();
        var riskRewards = trades.Trades.Select(t => t.RiskReward ?? double.NaN).ToArray();
        var tradeAsOfs = exits.Where((_, i) => i % Math.Max(1, exits.Length / 20) == 0)
            .SelectMany(exit => new[] { exit, exit + 7 * Day - 1, exit + 7 * Day });
        foreach (var asOf in tradeAsOfs)
        {
            foreach (var windowMs in new[] { RollingWindows.SevenDaysMs, RollingWindows.ThirtyDaysMs })
            {
                var inside = trades.Trades.Where(t => t.ExitTimeMs > asOf - windowMs && t.ExitTimeMs <= asOf).ToArray();
                var expected = TradeStats.Of(inside);
                var w = RollingWindows.Of(exits, pnls, riskRewards, asOf, windowMs, [], MetricSettings.Defaults);
                Assert.Equal(expected.TotalTrades, w.Trades);
                Comparisons.AssertBitIdentical("win_rate", w.WinRate, expected.WinRate);
                Comparisons.AssertBitIdentical("profit_factor", w.ProfitFactor, expected.ProfitFactor);
                Comparisons.AssertBitIdentical("avg_rr", w.AvgRr, expected.AvgRr);
                Comparisons.AssertBitIdentical("net_pnl", w.NetPnl, expected.NetPnl);
            }
        }
    }
}
