using FsCheck.Xunit;

namespace TradingActors.Metrics.Tests;

/// <summary>
/// Properties of every metric and accumulator that the Java suite had no single test for: no metric is ever NaN or
/// infinite for valid input (docs/metrics.md: "Undefined is null"), and the accumulators are values, so folding a
/// prefix and then the rest is the same fold as one pass.
/// </summary>
[Properties(Arbitrary = [typeof(MetricArbitraries)], MaxTest = 100)]
public class AccumulatorPropertiesTest
{
    private static void AssertFiniteOrNull(string name, double? value) =>
        Assert.True(value is null || double.IsFinite(value.Value), $"{name} is {Comparisons.Show(value)}");

    private static void AssertFinite(PerformanceMetrics m, string form)
    {
        foreach (var v in m.Values())
        {
            AssertFiniteOrNull($"{form} {v.Name}", v.Value);
        }
    }

    /// <summary>
    /// Every metric of DESIGN §3, both forms, every rolling window and every period row, for any valid trades and
    /// balances, at prefixes of them that include the empty input and single observations. (300 cases: a CAGR past
    /// 10³⁰⁸ needs a deposit of 50 times the balance within two days of the start, which few cases hold.)
    /// </summary>
    [Property(MaxTest = 300)]
    public void No_metric_is_ever_NaN_or_infinite(BalanceSeries s, TradeList trades, MetricSettings settings)
    {
        var dd = default(DrawdownTracker);
        var series = DailyCloseSeries.Empty(settings.MarPerPeriod);
        var tally = TradeTally.Empty;
        var n = Math.Max(s.Count, trades.Count);
        for (var i = 0; i <= n; i++)
        {
            if (i > 0 && i <= s.Count)
            {
                dd = dd.Plus(s.Times[i - 1], s.Balances[i - 1]);
                series = series.Plus(s.Times[i - 1], s.Balances[i - 1]);
            }
            if (i > 0 && i <= trades.Count)
            {
                tally = tally.Plus(trades.Trades[i - 1]);
            }
            if (!IncrementalEqualsBatchTest.Checkpoint(i, n) && i != 0)
            {
                continue;
            }
            var (t, b) = s.Prefix(Math.Min(i, s.Count));
            var closed = trades.Trades[..Math.Min(i, trades.Count)];
            AssertFinite(
                new PerformanceMetrics(tally.Statistics(), BalanceStatistics.Of(dd, series, settings)), "incremental");
            AssertFinite(new PerformanceMetrics(TradeStats.Of(closed), BalanceStats.Of(t, b, settings)), "batch");

            var asOfs = new List<long>();
            if (t.Length > 0)
            {
                asOfs.Add(t[^1]);
            }
            if (closed.Length > 0)
            {
                asOfs.Add(closed[^1].ExitTimeMs);
            }
            foreach (var asOf in asOfs)
            {
                foreach (var windowMs in new[] { RollingWindows.SevenDaysMs, RollingWindows.ThirtyDaysMs })
                {
                    var (from, to) = RollingWindows.ReturnDays(asOf, windowMs);
                    var w = RollingWindows.Of(
                        closed.Select(x => x.ExitTimeMs).ToArray(),
                        closed.Select(x => x.Pnl).ToArray(),
                        closed.Select(x => x.RiskReward ?? double.NaN).ToArray(),
                        asOf,
                        windowMs,
                        series.ReturnsIntoDays(from, to),
                        settings);
                    AssertFiniteOrNull("window win_rate", w.WinRate);
                    AssertFiniteOrNull("window profit_factor", w.ProfitFactor);
                    AssertFiniteOrNull("window avg_rr", w.AvgRr);
                    AssertFiniteOrNull("window net_pnl", w.NetPnl);
                    AssertFiniteOrNull("window sharpe", w.Sharpe);
                }
            }
            if (i > 3 && i < n)
            {
                continue; // the period rows of the first prefixes and the whole input are enough (and cost time)
            }
            var daily = DailyCloses.Of(t, b);
            foreach (var period in Enum.GetValues<Period>())
            {
                foreach (var row in PeriodBreakdown.Of(period, closed, daily))
                {
                    AssertFiniteOrNull($"{period} period_return", row.PeriodReturn);
                    AssertFiniteOrNull($"{period} net_pnl", row.NetPnl);
                    AssertFiniteOrNull($"{period} win_rate", row.WinRate);
                    AssertFiniteOrNull($"{period} profit_factor", row.ProfitFactor);
                }
            }
        }
    }

    /// <summary>The accumulators after some observations, and the statistics they gave then.</summary>
    private sealed record State(
        int Count, DrawdownTracker Drawdowns, DailyCloseSeries Daily, BalanceStatistics Statistics);

    /// <summary>
    /// Split a series anywhere: the accumulators of the prefix, continued with the rest, equal those of one pass and
    /// give the same statistics bit for bit. The prefix's accumulators are values: they still answer as they did after
    /// the longer fold went past them, and continuing them twice gives the same result twice.
    /// </summary>
    [Property]
    public void Continuing_from_a_prefix_is_the_same_fold_as_one_pass(BalanceSeries s, MetricSettings settings)
    {
        // one pass, on its own
        var ddAll = default(DrawdownTracker);
        var dailyAll = DailyCloseSeries.Empty(settings.MarPerPeriod);
        for (var i = 0; i < s.Count; i++)
        {
            ddAll = ddAll.Plus(s.Times[i], s.Balances[i]);
            dailyAll = dailyAll.Plus(s.Times[i], s.Balances[i]);
        }
        var all = BalanceStatistics.Of(ddAll, dailyAll, settings);

        // another pass, keeping the state at the split points
        var saved = new List<State>();
        var dd = default(DrawdownTracker);
        var daily = DailyCloseSeries.Empty(settings.MarPerPeriod);
        for (var i = 0; i <= s.Count; i++)
        {
            if (i > 0)
            {
                dd = dd.Plus(s.Times[i - 1], s.Balances[i - 1]);
                daily = daily.Plus(s.Times[i - 1], s.Balances[i - 1]);
            }
            if (i == 0 || IncrementalEqualsBatchTest.Checkpoint(i, s.Count))
            {
                saved.Add(new State(i, dd, daily, BalanceStatistics.Of(dd, daily, settings)));
            }
        }

        foreach (var state in saved)
        {
            // still the answers it gave when it was made
            Comparisons.AssertBalanceStatisticsBitIdentical(
                BalanceStatistics.Of(state.Drawdowns, state.Daily, settings), state.Statistics);
            for (var round = 0; round < 2; round++)
            {
                var (d, c) = (state.Drawdowns, state.Daily);
                for (var i = state.Count; i < s.Count; i++)
                {
                    d = d.Plus(s.Times[i], s.Balances[i]);
                    c = c.Plus(s.Times[i], s.Balances[i]);
                }
                Assert.Equal(ddAll, d);
                Assert.Equal(dailyAll, c);
                Comparisons.AssertBalanceStatisticsBitIdentical(BalanceStatistics.Of(d, c, settings), all);
            }
        }
    }

    /// <summary>As above for the trade tally.</summary>
    [Property]
    public void Continuing_a_trade_tally_from_a_prefix_is_the_same_fold_as_one_pass(TradeList list)
    {
        var trades = list.Trades;
        var all = TradeTally.Empty;
        foreach (var t in trades)
        {
            all = all.Plus(t);
        }
        for (var k = 0; k <= trades.Length; k++)
        {
            if (k != 0 && !IncrementalEqualsBatchTest.Checkpoint(k, trades.Length))
            {
                continue;
            }
            var prefix = TradeTally.Empty;
            foreach (var t in trades.AsSpan(0, k))
            {
                prefix = prefix.Plus(t);
            }
            var continued = prefix;
            foreach (var t in trades.AsSpan(k))
            {
                continued = continued.Plus(t);
            }
            Assert.Equal(all, continued);
            Comparisons.AssertTradeStatisticsBitIdentical(continued.Statistics(), all.Statistics());
            Comparisons.AssertTradeStatisticsBitIdentical(prefix.Statistics(), TradeStats.Of(trades.AsSpan(0, k)));
        }
    }
}
