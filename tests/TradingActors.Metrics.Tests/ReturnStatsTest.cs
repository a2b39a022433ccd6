using static TradingActors.Metrics.Tests.Fixtures;

namespace TradingActors.Metrics.Tests;

/// <summary>
/// Known answers for the return-based statistics (from the Java <c>ReturnStatsTest.java</c>). Small cases are worked
/// out by hand in the comments; the float literals marked "reference" were printed by the Java repository's
/// <c>src/metrics/src/test/resources/reference/balance_reference.py</c> (Python <c>statistics</c>, exact rational
/// arithmetic), block "ReturnStatsTest".
/// </summary>
public class ReturnStatsTest
{
    private static readonly MetricSettings Defaults = MetricSettings.Defaults;
    private static readonly MetricSettings Equities = new(252, 0.0504, 0.0);

    /// <summary>Closes 100, 110, 99, 99, 108.9: returns +10 %, -10 %, 0, +10 %.</summary>
    private static readonly double[] SmallCloses = [100.0, 110.0, 99.0, 99.0, 108.9];

    private static readonly double[] MixedReturns =
    [
        0.012, -0.034, 0.0, 0.021, -0.007, 0.0, 0.045, -0.051, 0.003, 0.018,
        -0.022, 0.0, 0.009, -0.013, 0.027, -0.041, 0.006, 0.0, 0.015, -0.002,
        0.031, -0.019, 0.004, 0.0, -0.028, 0.011, 0.008, -0.006, 0.024, -0.015,
        0.002, 0.0, -0.037, 0.019, 0.013, -0.009, 0.005,
    ];

    private static double[] SmallReturns() => ReturnStats.SimpleReturns(SmallCloses);

    private static double[] Sorted(double[] r)
    {
        var copy = (double[])r.Clone();
        Array.Sort(copy);
        return copy;
    }

    [Fact]
    public void Simple_returns_are_close_to_close()
    {
        // 110/100 - 1 = 0.1, 99/110 - 1 = -0.1, 99/99 - 1 = 0, 108.9/99 - 1 = 0.1: n closes -> n - 1 returns
        var r = SmallReturns();
        double[] expected = [0.1, -0.1, 0.0, 0.1];
        Assert.Equal(expected.Length, r.Length);
        for (var i = 0; i < r.Length; i++)
        {
            AssertNear(r[i], expected[i], 1e-15);
        }
        Assert.Empty(ReturnStats.SimpleReturns([100.0]));
        Assert.Empty(ReturnStats.SimpleReturns([]));
    }

    [Fact]
    public void Sharpe_uses_the_sample_std_and_the_square_root_of_365()
    {
        // mean = (0.1 - 0.1 + 0 + 0.1) / 4 = 0.025
        // deviations 0.075, -0.125, -0.025, 0.075; squares 0.005625 + 0.015625 + 0.000625 + 0.005625 = 0.0275
        // std (ddof = 1) = sqrt(0.0275 / 3) = 0.0957427107756338; sqrt(365) = 19.1049731745428
        // sharpe = 0.025 / 0.0957427107756338 * 19.1049731745428 = 4.98862342098...   (reference 4.988623420981355)
        AssertRel(ReturnStats.Sharpe(SmallReturns(), Defaults), 4.988623420981355);
        AssertRel(ReturnStats.SampleStd(SmallReturns()), Math.Sqrt(0.0275 / 3));
        // with ddof = 0 it would be 0.025 / sqrt(0.0275 / 4) * sqrt(365) = 5.76
    }

    [Fact]
    public void Sharpe_with_252_periods_and_a_risk_free_rate()
    {
        // rf per period = 0.0504 / 252 = 0.0002; sqrt(252) = 15.874507866387544
        // sharpe = (0.025 - 0.0002) / 0.0957427107756338 * 15.874507866387544 = 4.1119349128...  (reference)
        AssertRel(ReturnStats.Sharpe(SmallReturns(), Equities), 4.11193491282058);
        AssertRel(Equities.RiskFreePerPeriod, 0.0002);
    }

    [Fact]
    public void Annual_volatility_is_the_sample_std_times_the_square_root_of_A()
    {
        // 0.0957427107756338 * sqrt(365) = 1.82916192102...; * sqrt(252) = 1.51986841535...   (reference)
        AssertRel(ReturnStats.AnnualVolatility(SmallReturns(), Defaults), 1.8291619210264944);
        AssertRel(ReturnStats.AnnualVolatility(SmallReturns(), Equities), 1.519868415357067);
    }

    [Fact]
    public void Sortino_takes_the_downside_over_all_returns_zeros_included()
    {
        // min(r, 0)^2 = 0, 0.01, 0, 0 -> mean over ALL four returns = 0.0025 -> downside deviation 0.05
        // sortino = 0.025 / 0.05 * sqrt(365) = 0.5 * 19.1049731745428 = 9.5524865872714
        // (over the negative returns only it would be 0.025 / 0.1 * sqrt(365) = 4.78; without the zero, 8.27)
        AssertRel(ReturnStats.Sortino(SmallReturns(), Defaults), 9.55248658727142);
        AssertRel(ReturnStats.Sortino(SmallReturns(), Equities), 7.93725393319379); // 0.5 * sqrt(252)
        AssertRel(ReturnStats.DownsideDeviation(SmallReturns(), 0.0), 0.05);
    }

    [Fact]
    public void Sortino_against_a_minimum_acceptable_return()
    {
        // MAR 3.65 a year -> 0.01 per day. shortfalls min(r - 0.01, 0): 0, -0.11, -0.01, 0
        // squares 0.0121 + 0.0001 = 0.0122, / 4 = 0.00305 -> downside sqrt(0.00305) = 0.05522680508593630
        // sortino = (0.025 - 0.01) / 0.0552268050859363 * sqrt(365) = 5.18905...
        var mar = new MetricSettings(365, 0.0, 3.65);
        var expected = (0.025 - 0.01) / Math.Sqrt(0.0122 / 4) * Math.Sqrt(365);
        AssertNear(ReturnStats.Sortino(SmallReturns(), mar), expected, 1e-12);
    }

    [Fact]
    public void Cagr_compounds_the_close_ratio_over_A_per_return()
    {
        // (last / first)^(A / returns) - 1
        // doubling over 365 daily returns with A = 365: 2^1 - 1 = 1
        Assert.Equal(1.0, ReturnStats.Cagr(100, 200, 365, Defaults));
        // +21 % over two years of days: 1.21^(365/730) - 1 = 1.1 - 1 = 0.1
        AssertNear(ReturnStats.Cagr(100, 121, 730, Defaults), 0.1, 1e-15);
        // -10 % over 126 returns with A = 252: 0.9^2 - 1 = -0.19
        AssertNear(ReturnStats.Cagr(100, 90, 126, Equities), -0.19, 1e-15);
        // SMALL_CLOSES: 1.089^(365/4) - 1 = 2391.18...   (reference); with A = 252: 1.089^63 - 1 = 214.157...
        AssertRel(ReturnStats.Cagr(100, 108.9, 4, Defaults), 2391.180950741495);
        AssertRel(ReturnStats.Cagr(100, 108.9, 4, Equities), 214.15746790375783);
    }

    [Fact]
    public void A_cagr_beyond_a_double_is_null_not_infinity()
    {
        // 50-fold over two returns: 50^(365/2) = 10^310 > double.MaxValue (1.8e308). docs/metrics.md: never Infinity.
        Assert.True(double.IsPositiveInfinity(Math.Pow(50, 365.0 / 2)));
        Assert.Null(ReturnStats.Cagr(100, 5000, 2, Defaults));
        // 40-fold is still a double: 40^182.5 = 10^292.4
        AssertRel(ReturnStats.Cagr(100, 4000, 2, Defaults), Math.Pow(40, 182.5) - 1);
        // and a Calmar ratio past a double is null too
        Assert.Null(ReturnStats.Calmar(1e300, 1e-10));
        AssertRel(ReturnStats.Calmar(1e300, 0.5), 2e300);
    }

    [Fact]
    public void Cagr_is_null_with_fewer_than_two_returns()
    {
        Assert.Null(ReturnStats.Cagr(100, 110, 1, Defaults));
        Assert.Null(ReturnStats.Cagr(100, 100, 0, Defaults));
    }

    [Fact]
    public void Calmar_is_cagr_over_max_drawdown_and_null_without_a_drawdown()
    {
        // cagr / max_drawdown: 0.3 / 0.15 = 2; -0.2 / 0.4 = -0.5
        AssertNear(ReturnStats.Calmar(0.3, 0.15), 2.0, 1e-15);
        AssertNear(ReturnStats.Calmar(-0.2, 0.4), -0.5, 1e-15);
        // no drawdown: undefined, null (not Infinity)
        Assert.Null(ReturnStats.Calmar(0.3, 0.0));
        Assert.Null(ReturnStats.Calmar(null, 0.1));
        Assert.Null(ReturnStats.Calmar(0.1, null));
    }

    [Fact]
    public void The_percentile_is_linear_between_closest_ranks()
    {
        double[] sorted = [1, 2, 3, 4];
        Assert.Equal(1.0, ReturnStats.Percentile(sorted, 0));
        Assert.Equal(4.0, ReturnStats.Percentile(sorted, 100));
        // rank 0.5 * 3 = 1.5 -> 2 + 0.5 * (3 - 2) = 2.5
        Assert.Equal(2.5, ReturnStats.Percentile(sorted, 50));
        // rank 0.05 * 3 = 0.15 -> 1 + 0.15 * 1 = 1.15
        AssertNear(ReturnStats.Percentile(sorted, 5), 1.15, 1e-15);
    }

    [Fact]
    public void Var_and_cvar_of_21_values()
    {
        // -0.10, -0.09, ..., 0.10 (out of order): rank = 0.05 * (21 - 1) = 1 exactly -> 5th percentile = -0.09
        // var = 0.09; cvar = -mean(-0.10, -0.09) = 0.095
        var r = new double[21];
        for (var i = 0; i < 21; i++)
        {
            r[i] = (i * 8 % 21 - 10) / 100.0; // a permutation of -10..10 hundredths
        }
        AssertNear(ReturnStats.Var95(r), 0.09, 1e-15);
        AssertNear(ReturnStats.Cvar95(r), 0.095, 1e-15);
    }

    [Fact]
    public void Var_and_cvar_of_10_values()
    {
        // sorted: -0.05, -0.03, -0.02, -0.01, 0, 0.01, 0.02, 0.03, 0.04, 0.05
        // rank = 0.05 * 9 = 0.45 -> -0.05 + 0.45 * (-0.03 - -0.05) = -0.05 + 0.009 = -0.041 -> var 0.041
        // at or below -0.041: only -0.05 -> cvar 0.05
        double[] r = [0.02, -0.01, 0.05, -0.05, 0.0, 0.03, -0.03, 0.01, 0.04, -0.02];
        AssertNear(ReturnStats.Var95(r), 0.041, 1e-15);
        AssertNear(ReturnStats.Cvar95(r), 0.05, 1e-15);
    }

    [Fact]
    public void Cvar_takes_every_return_at_or_below_the_percentile_ties_included()
    {
        // 21 values: -0.08, three at -0.04, seventeen at 0.01. rank 1 -> percentile = -0.04 (var 0.04)
        // at or below -0.04: -0.08, -0.04, -0.04, -0.04 -> mean -0.05 -> cvar 0.05
        // (strictly below would give 0.08; the two ranks up to the percentile 0.06)
        var r = Enumerable.Repeat(0.01, 21).ToArray();
        r[3] = -0.04;
        r[9] = -0.08;
        r[11] = -0.04;
        r[20] = -0.04;
        AssertNear(ReturnStats.Var95(r), 0.04, 1e-15);
        AssertNear(ReturnStats.Cvar95(r), 0.05, 1e-15);
    }

    [Fact]
    public void Var_cvar_and_ratios_of_37_mixed_returns()
    {
        // sorted starts -0.051, -0.041, -0.037: rank 0.05 * 36 = 1.8 -> -0.041 + 0.8 * 0.004 = -0.0378
        // at or below: -0.051, -0.041 -> cvar 0.046. Reference: p5 -0.0378, var 0.0378, cvar 0.046
        AssertNear(ReturnStats.Var95(MixedReturns), 0.0378, 1e-15);
        AssertNear(ReturnStats.Cvar95(MixedReturns), 0.046, 1e-15);
        // reference (Python statistics): sharpe -0.27544395828755136, sortino -0.36418076229755414,
        // volatility 0.3939585902996289
        AssertRel(ReturnStats.Sharpe(MixedReturns, Defaults), -0.27544395828755136);
        AssertRel(ReturnStats.Sortino(MixedReturns, Defaults), -0.36418076229755414);
        AssertRel(ReturnStats.AnnualVolatility(MixedReturns, Defaults), 0.3939585902996289);
    }

    [Fact]
    public void Var_is_negative_when_the_tail_is_a_gain()
    {
        // sorted 0.01, 0.02: rank 0.05 -> 0.01 + 0.05 * 0.01 = 0.0105 -> var -0.0105; cvar -0.01
        AssertNear(ReturnStats.Var95([0.02, 0.01]), -0.0105, 1e-15);
        AssertNear(ReturnStats.Cvar95([0.02, 0.01]), -0.01, 1e-15);
    }

    [Fact]
    public void Var_of_sorted_input_equals_var_of_unsorted()
    {
        var sorted = Sorted(MixedReturns);
        var n = sorted.Length;
        Comparisons.AssertBitIdentical(
            "var", ReturnStats.ValueAtRiskSortedPrefix(sorted, n), ReturnStats.Var95(MixedReturns));
        Comparisons.AssertBitIdentical(
            "cvar", ReturnStats.ExpectedShortfallSortedPrefix(sorted, n), ReturnStats.Cvar95(MixedReturns));
        // a prefix reaching past the percentile's upper index and over the whole tail is enough
        var prefix = sorted[..(ReturnStats.PercentileUpperIndex(n, ReturnStats.VarPercentile) + 2)];
        Comparisons.AssertBitIdentical(
            "var of a prefix", ReturnStats.ValueAtRiskSortedPrefix(prefix, n), ReturnStats.Var95(MixedReturns));
        Comparisons.AssertBitIdentical(
            "cvar of a prefix", ReturnStats.ExpectedShortfallSortedPrefix(prefix, n), ReturnStats.Cvar95(MixedReturns));
    }

    [Fact]
    public void Every_return_statistic_is_null_with_fewer_than_two_returns()
    {
        foreach (var r in new[] { Array.Empty<double>(), [0.05] })
        {
            Assert.Null(ReturnStats.Sharpe(r, Defaults));
            Assert.Null(ReturnStats.Sortino(r, Defaults));
            Assert.Null(ReturnStats.AnnualVolatility(r, Defaults));
            Assert.Null(ReturnStats.Var95(r));
            Assert.Null(ReturnStats.Cvar95(r));
        }
        Assert.Equal(0.0, ReturnStats.Mean([]));
    }

    [Fact]
    public void A_flat_series_has_no_sharpe_no_sortino_and_zero_risk()
    {
        // closes 100, 100, 100, 100: returns 0, 0, 0 -> std 0, no shortfall: sharpe and sortino undefined (null)
        var r = ReturnStats.SimpleReturns([100.0, 100, 100, 100]);
        Assert.Null(ReturnStats.Sharpe(r, Defaults));
        Assert.Null(ReturnStats.Sortino(r, Defaults));
        // volatility is a measure, not a ratio: 0; VaR and CVaR 0 (and +0.0, not -0.0 printed as "-0.0" in JSON)
        AssertPositiveZero(ReturnStats.AnnualVolatility(r, Defaults));
        AssertPositiveZero(ReturnStats.Var95(r));
        AssertPositiveZero(ReturnStats.Cvar95(r));
    }

    [Fact]
    public void A_constant_return_gives_a_null_sharpe_not_ten_to_the_fifteen()
    {
        // 0.1 a day, 100 times: the summed mean is a few ulps off 0.1, so the two-pass std is ~1e-16, not 0;
        // mean / std * sqrt(365) would be ~1e16. The deviation is rounding noise: sharpe null, volatility 0.
        var r = Enumerable.Repeat(0.1, 100).ToArray();
        Assert.True(ReturnStats.SampleStd(r) > 0); // the noise this test is about
        Assert.Null(ReturnStats.Sharpe(r, Defaults));
        Assert.Equal(0.0, ReturnStats.AnnualVolatility(r, Defaults));
        // the incremental moments agree
        var m = ReturnMoments.Empty(0.0);
        foreach (var x in r)
        {
            m = m.Plus(x);
        }
        Assert.Null(ReturnStats.Sharpe(m.Count, m.Mean, m.SampleStd, Defaults));
        Assert.Equal(0.0, ReturnStats.AnnualVolatility(m.Count, m.Mean, m.SampleStd, Defaults));
        // a constant loss has a downside deviation, so sortino is defined: -0.007 / 0.007 * sqrt(365) = -sqrt(365)
        var loss = Enumerable.Repeat(-0.007, 10).ToArray();
        AssertRel(ReturnStats.Sortino(loss, Defaults), -Math.Sqrt(365));
        Assert.Null(ReturnStats.Sharpe(loss, Defaults));
    }

    [Fact]
    public void A_deviation_at_or_below_1e_12_of_the_mean_is_zero()
    {
        Assert.True(ReturnStats.IsZeroDeviation(0.0, 0.0));
        Assert.True(ReturnStats.IsZeroDeviation(1e-17, 0.01));
        Assert.False(ReturnStats.IsZeroDeviation(1e-10, 0.01));
        Assert.True(ReturnStats.IsZeroDeviation(double.NaN, 0.01));
    }

    [Fact]
    public void Return_moments_of_the_small_series()
    {
        var m = ReturnMoments.Empty(0.0);
        foreach (var x in SmallReturns())
        {
            m = m.Plus(x);
        }
        // mean 0.025, std sqrt(0.0275 / 3), downside 0.05 (see above)
        Assert.Equal(4, m.Count);
        AssertNear(m.Mean, 0.025, 1e-15);
        AssertRel(m.SampleStd, Math.Sqrt(0.0275 / 3));
        AssertRel(m.DownsideDeviation, 0.05);
    }

    [Fact]
    public void Return_moments_with_zeros()
    {
        // 0.1, -0.1 then two zero days: mean 0; squares of deviations 0.01 + 0.01 + 0 + 0 = 0.02 -> std sqrt(0.02 / 3)
        // downside: 0.01 / 4 -> 0.05
        var m = ReturnMoments.Empty(0.0).Plus(0.1).Plus(-0.1).PlusZeros(2);
        Assert.Equal(4, m.Count);
        Assert.Equal(0.0, m.Mean);
        AssertRel(m.SampleStd, Math.Sqrt(0.02 / 3));
        AssertRel(m.DownsideDeviation, 0.05);
        Assert.Equal(m, m.PlusZeros(0));
        // zeros into an empty set of moments
        var zeros = ReturnMoments.Empty(0.0).PlusZeros(3);
        Assert.Equal(3, zeros.Count);
        Assert.Equal(0.0, zeros.Mean);
        Assert.Equal(0.0, zeros.SampleStd);
        // empty and single-return moments have no deviation
        Assert.Equal(0.0, ReturnMoments.Empty(0.0).SampleStd);
        Assert.Equal(0.0, ReturnMoments.Empty(0.0).DownsideDeviation);
        Assert.Equal(0.0, ReturnMoments.Empty(0.0).Plus(0.3).SampleStd);
    }
}
