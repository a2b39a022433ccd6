using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;

namespace TradingActors.Metrics.Tests;

/// <summary>
/// The incremental accumulators (what the live fold keeps in its state) against the whole-array functions (the
/// reference), on random series from <see cref="MetricArbitraries"/> (from the Java
/// <c>IncrementalEqualsBatchTest.java</c>, its seeded cases turned into FsCheck properties). Everything is compared at
/// some twenty prefixes of each series (the first three, the rest spread out, the full length), so the invariants hold
/// all along the fold and not only at its end.
/// </summary>
/// <remarks>
/// Trade statistics, drawdowns, daily closes, CAGR, Calmar, VaR and CVaR must be bit-identical; the moment-based
/// ratios (volatility, Sharpe, Sortino) within a relative 1e-12 (Welford versus two-pass summation), "relative" for
/// Sharpe and Sortino as docs/metrics.md defines it (<see cref="Comparisons.AssertMomentClose"/>).
/// </remarks>
[Properties(Arbitrary = [typeof(MetricArbitraries), typeof(IncrementalEqualsBatchTest)], MaxTest = 100)]
public class IncrementalEqualsBatchTest
{
    /// <summary>
    /// Prefix lengths at which the accumulators are compared: the first three, about twenty spread over the series,
    /// and the full length.
    /// </summary>
    internal static bool Checkpoint(int count, int total) =>
        count <= 3 || count == total || count % Math.Max(1, total / 20) == 0;

    // ------------------------------------------------------------------------------------------------------ trades

    [Property]
    public void The_trade_tally_equals_trade_stats_bit_for_bit(TradeList list)
    {
        var trades = list.Trades;
        var tally = TradeTally.Empty;
        Assert.Equal(TradeStats.Of([]), tally.Statistics());
        for (var i = 0; i < trades.Length; i++)
        {
            tally = tally.Plus(trades[i]);
            if (Checkpoint(i + 1, trades.Length))
            {
                var batch = TradeStats.Of(trades.AsSpan(0, i + 1));
                Assert.Equal(batch, tally.Statistics());
                Comparisons.AssertTradeStatisticsBitIdentical(tally.Statistics(), batch);
            }
        }
    }

    // ---------------------------------------------------------------------------------------------------- balances

    [Property]
    public void The_drawdown_tracker_equals_drawdowns_bit_for_bit(BalanceSeries s)
    {
        var dd = default(DrawdownTracker);
        for (var i = 0; i < s.Count; i++)
        {
            dd = dd.Plus(s.Times[i], s.Balances[i]);
            if (Checkpoint(i + 1, s.Count))
            {
                var (t, b) = s.Prefix(i + 1);
                Comparisons.AssertBitIdentical("max_drawdown", dd.MaxDrawdown, Drawdowns.MaxDrawdown(b));
                Comparisons.AssertBitIdentical("current_drawdown", dd.CurrentDrawdown, Drawdowns.CurrentDrawdown(b));
                Comparisons.AssertBitIdentical(
                    "max_drawdown_duration_days", dd.MaxDrawdownDurationDays, Drawdowns.MaxDrawdownDurationDays(t, b));
                Comparisons.AssertBitIdentical("days_since_peak", dd.DaysSincePeak, Drawdowns.DaysSincePeak(t, b));
                Comparisons.AssertBitIdentical("peak", dd.Peak, b.Max());
            }
        }
    }

    [Property]
    public void The_daily_close_series_equals_daily_closes_bit_for_bit(BalanceSeries s)
    {
        var series = DailyCloseSeries.Empty(0.0);
        for (var i = 0; i < s.Count; i++)
        {
            series = series.Plus(s.Times[i], s.Balances[i]);
            if (Checkpoint(i + 1, s.Count))
            {
                var (t, b) = s.Prefix(i + 1);
                var batch = DailyCloses.Of(t, b);
                Assert.Equal(batch.FirstDay, series.FirstDay);
                Comparisons.AssertBits("closes", series.Closes(), batch.Closes);
                Assert.Equal(batch.Closes.Length - 1, series.ReturnCount);
            }
        }
    }

    [Property]
    public void Var_and_cvar_from_the_series_equal_the_batch_bit_for_bit(BalanceSeries s)
    {
        var series = DailyCloseSeries.Empty(0.0);
        for (var i = 0; i < s.Count; i++)
        {
            series = series.Plus(s.Times[i], s.Balances[i]);
            if (Checkpoint(i + 1, s.Count))
            {
                var (t, b) = s.Prefix(i + 1);
                var r = ReturnStats.SimpleReturns(DailyCloses.Of(t, b).Closes);
                var sortedBatch = (double[])r.Clone();
                Array.Sort(sortedBatch);
                var sorted = series.SortedReturns();
                Comparisons.AssertBits("sorted returns", sorted, sortedBatch);
                Comparisons.AssertBitIdentical(
                    "var", ReturnStats.ValueAtRiskSortedPrefix(sorted, sorted.Length), ReturnStats.Var95(r));
                Comparisons.AssertBitIdentical(
                    "cvar", ReturnStats.ExpectedShortfallSortedPrefix(sorted, sorted.Length), ReturnStats.Cvar95(r));
                // what the state keeps: the lowest returns only, a prefix of the sort, giving the same bits
                var lowest = series.LowestSortedReturns();
                Comparisons.AssertBits("lowest sorted returns", lowest, sortedBatch[..lowest.Length]);
                Comparisons.AssertBitIdentical(
                    "var of the lowest", ReturnStats.ValueAtRiskSortedPrefix(lowest, r.Length), ReturnStats.Var95(r));
                Comparisons.AssertBitIdentical(
                    "cvar of the lowest",
                    ReturnStats.ExpectedShortfallSortedPrefix(lowest, r.Length),
                    ReturnStats.Cvar95(r));
            }
        }
    }

    [Property]
    public void Balance_statistics_from_the_accumulators_agree_with_balance_stats(
        BalanceSeries s, MetricSettings settings)
    {
        var dd = default(DrawdownTracker);
        var series = DailyCloseSeries.Empty(settings.MarPerPeriod);
        Assert.Equal(BalanceStatistics.Empty, BalanceStatistics.Of(dd, series, settings));
        Assert.Equal(BalanceStatistics.Empty, BalanceStats.Of([], [], settings));
        for (var i = 0; i < s.Count; i++)
        {
            dd = dd.Plus(s.Times[i], s.Balances[i]);
            series = series.Plus(s.Times[i], s.Balances[i]);
            if (Checkpoint(i + 1, s.Count))
            {
                var (t, b) = s.Prefix(i + 1);
                Comparisons.AssertBalanceStatisticsAgree(
                    BalanceStatistics.Of(dd, series, settings), BalanceStats.Of(t, b, settings), t, b, settings);
            }
        }
    }

    /// <summary>Every daily move from −30 to +30 basis points, 0 included, each over some number of days.</summary>
    public static TheoryData<int, int> ConstantReturns()
    {
        var data = new TheoryData<int, int>();
        for (var bp = -30; bp <= 30; bp++)
        {
            data.Add(2 + (bp + 30) * 127 % 400, bp);
        }
        return data;
    }

    [Theory]
    [MemberData(nameof(ConstantReturns))]
    public void A_constant_daily_return_gives_the_same_answers_on_both_paths(int days, int basisPoints)
    {
        // a balance that moves by the same fraction every day: the deviation is rounding noise on both paths
        var factor = 1 + basisPoints / 10_000.0;
        var t = new long[days];
        var b = new double[days];
        var balance = 1000.0;
        for (var i = 0; i < days; i++)
        {
            t[i] = 1_700_000_000_000L + i * Time.MsPerDay;
            b[i] = balance;
            balance *= factor;
        }
        var dd = default(DrawdownTracker);
        var series = DailyCloseSeries.Empty(0.0);
        for (var i = 0; i < days; i++)
        {
            dd = dd.Plus(t[i], b[i]);
            series = series.Plus(t[i], b[i]);
        }
        var batch = BalanceStats.Of(t, b, MetricSettings.Defaults);
        Comparisons.AssertBalanceStatisticsAgree(
            BalanceStatistics.Of(dd, series, MetricSettings.Defaults), batch, t, b, MetricSettings.Defaults);
        if (days > 2)
        {
            Assert.Null(batch.SharpeRatio);
            Assert.Equal(0.0, batch.AnnualVolatility);
        }
    }

    // ----------------------------------------------------------------------------------------------------- moments

    /// <summary>Some returns, then a run of zeros (forward-filled days), shortfalls measured below a MAR.</summary>
    public sealed record ZeroRun(double[] Before, int Zeros, double Mar)
    {
        public override string ToString() => $"{Before.Length} returns, then {Zeros} zeros, MAR {Mar}";
    }

    public static Arbitrary<ZeroRun> ZeroRuns() =>
        Arb.From(
            from before in MetricArbitraries.ReturnSeriesGen(300)
            from take in Gen.Choose(0, 300)
            from zeros in Gen.Choose(0, 5000)
            from mar in Gen.Choose(-2, 2)
            select new ZeroRun(before.Values[..Math.Min(take, before.Values.Length)], zeros, mar * 0.0005));

    [Property]
    public void Plus_zeros_equals_that_many_single_zeros(ZeroRun run)
    {
        var start = ReturnMoments.Empty(run.Mar);
        foreach (var r in run.Before)
        {
            start = start.Plus(r);
        }
        var oneByOne = start;
        for (var k = 0; k < run.Zeros; k++)
        {
            oneByOne = oneByOne.Plus(0.0);
        }
        var merged = start.PlusZeros(run.Zeros);
        Assert.Equal(oneByOne.Count, merged.Count);
        Assert.Equal(run.Mar, merged.MarPerPeriod);
        AssertClose("mean", merged.Mean, oneByOne.Mean);
        AssertClose("m2", merged.M2, oneByOne.M2);
        AssertClose("shortfallSumSq", merged.ShortfallSumSq, oneByOne.ShortfallSumSq);
        AssertClose("sampleStd", merged.SampleStd, oneByOne.SampleStd);
        AssertClose("downsideDeviation", merged.DownsideDeviation, oneByOne.DownsideDeviation);
    }

    [Property]
    public void Welford_moments_agree_with_two_pass_statistics(ReturnSeries returns, bool withRiskFree, byte marChoice)
    {
        var r = returns.Values;
        // an annual MAR of 0, 7.3 % or 14.6 % and a risk-free rate of 0 or 3.65 %
        var s = new MetricSettings(365, withRiskFree ? 0.0365 : 0.0, marChoice % 3 * 0.073);
        var mar = s.MarPerPeriod;
        var m = ReturnMoments.Empty(mar);
        foreach (var x in r)
        {
            m = m.Plus(x);
        }
        Assert.Equal(r.Length, m.Count);
        AssertClose("sample std", m.SampleStd, ReturnStats.SampleStd(r));
        AssertClose("downside deviation", m.DownsideDeviation, ReturnStats.DownsideDeviation(r, mar));
        Comparisons.AssertMomentClose(
            "sharpe",
            ReturnStats.Sharpe(m.Count, m.Mean, m.SampleStd, s),
            ReturnStats.Sharpe(r, s),
            Comparisons.CancellationScale(r, s.RiskFreePerPeriod, ReturnStats.SampleStd(r), s));
        Comparisons.AssertMomentClose(
            "sortino",
            ReturnStats.Sortino(m.Count, m.Mean, m.DownsideDeviation, s),
            ReturnStats.Sortino(r, s),
            Comparisons.CancellationScale(r, mar, ReturnStats.DownsideDeviation(r, mar), s));
    }

    private static void AssertClose(string name, double actual, double expected)
    {
        var scale = Math.Max(Math.Abs(actual), Math.Abs(expected));
        Assert.True(
            Math.Abs(actual - expected) <= Comparisons.MomentTolerance * scale,
            $"{name}: {Comparisons.Show(actual)} vs {Comparisons.Show(expected)}");
    }
}
