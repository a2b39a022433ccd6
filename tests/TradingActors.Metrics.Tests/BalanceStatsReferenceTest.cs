using System.Reflection;
using System.Text;
using static TradingActors.Metrics.Tests.Fixtures;

namespace TradingActors.Metrics.Tests;

/// <summary>
/// Every balance statistic of a realistic tick series (several ticks a day, ticks near midnight, non-UTC offsets, gap
/// days) against the values printed by the Java repository's
/// <c>src/metrics/src/test/resources/reference/balance_reference.py</c>, block "BalanceStatsReferenceTest", which
/// computes them from DESIGN §3 with Python's <c>statistics</c> module (from the Java
/// <c>BalanceStatsReferenceTest.java</c>). Both the batch <see cref="BalanceStats"/> and the accumulators are checked
/// (<see cref="Fixtures.BalanceStatsOf"/>).
/// </summary>
public class BalanceStatsReferenceTest
{
    /// <summary>The same list as OBSERVATIONS in balance_reference.py, in time order.</summary>
    private static readonly string[] TimeTexts =
    [
        "2025-03-01T09:00:00Z",
        "2025-03-01T23:59:59.999Z",
        "2025-03-02T00:00:00Z",
        "2025-03-02T13:15:00+02:00",
        "2025-03-02T21:00:00-05:00", // 2025-03-03T02:00Z
        "2025-03-03T18:00:00Z",
        "2025-03-06T08:00:00Z", // 03-04 and 03-05 have no observation
        "2025-03-06T22:00:00-03:00", // 2025-03-07T01:00Z
        "2025-03-07T12:00:00Z",
        "2025-03-08T00:00:00.000Z",
        "2025-03-10T06:00:00+09:00", // 2025-03-09T21:00Z
        "2025-03-09T23:59:59.999Z",
        "2025-03-12T10:00:00Z",
        "2025-03-13T10:00:00Z",
        "2025-03-14T10:00:00Z",
    ];

    private static readonly double[] Balances =
        [10000, 10150, 10120, 9980, 9900, 10050, 10300, 10100, 9700, 9800, 10350, 10400, 10250, 10500, 10300];

    private static long[] Times() => TimeTexts.Select(Ms).ToArray();

    [Fact]
    public void Daily_closes_match_the_reference()
    {
        // reference: first day 2025-03-01 (epoch day 20148) and these 14 closes
        var d = DailyCloses.Of(Times(), Balances);
        Assert.Equal(20148, d.FirstDay);
        Assert.Equal(EpochDay("2025-03-01"), d.FirstDay);
        Assert.Equal(
            [10150, 9980, 10050, 10050, 10050, 10300, 9700, 9800, 10400, 10400, 10400, 10250, 10500, 10300],
            d.Closes);
    }

    [Fact]
    public void Default_settings_give_the_reference_values()
    {
        var s = BalanceStatsOf(Times(), Balances, MetricSettings.Defaults);
        Assert.Equal(10000.0, s.InitialBalance);
        Assert.Equal(10300.0, s.CurrentBalance);
        Assert.Equal(10500.0, s.PeakBalance);
        AssertRel(s.TotalReturn, 0.030000000000000027); // 10300 / 10000 - 1 over the raw observations
        AssertRel(s.Cagr, 0.5096740839288916); // (10300 / 10150)^(365 / 13) - 1 over the closes
        AssertRel(s.AnnualVolatility, 0.5328176518300602);
        AssertRel(s.SharpeRatio, 1.0192181075712599);
        AssertRel(s.SortinoRatio, 1.5730672932342904);
        AssertRel(s.CalmarRatio, 8.749405107445972);
        AssertRel(s.Var95, 0.03472954230235785);
        AssertRel(s.Cvar95, 0.058252427184465994);
        AssertRel(s.MaxDrawdown, 0.05825242718446602); // 1 - 9700 / 10300
        AssertRel(s.CurrentDrawdown, 0.01904761904761905); // 1 - 10300 / 10500
        // peak 10150 at 03-01T23:59:59.999Z, recovered at 03-06T08:00Z: 4 days 8 h 1 ms = 4.333333344907407 days
        AssertRel(s.MaxDrawdownDurationDays, 4.333333344907407);
        AssertRel(s.DaysSincePeak, 1.0); // peak 10500 at 03-13T10:00Z, last at 03-14T10:00Z
    }

    [Fact]
    public void Equity_settings_with_a_risk_free_rate_and_a_MAR_give_the_reference_values()
    {
        var s = BalanceStatsOf(Times(), Balances, new MetricSettings(252, 0.02, 0.01));
        AssertRel(s.Cagr, 0.328932496686682);
        AssertRel(s.AnnualVolatility, 0.4427233646471134);
        AssertRel(s.SharpeRatio, 0.8017032932376422);
        AssertRel(s.SortinoRatio, 1.2709252248741645);
        AssertRel(s.CalmarRatio, 5.646674526454707);
        // settings do not touch VaR or drawdowns
        AssertRel(s.Var95, 0.03472954230235785);
        AssertRel(s.MaxDrawdown, 0.05825242718446602);
    }

    [Fact]
    public void Empty_input_is_all_null()
    {
        var s = BalanceStatsOf([], [], MetricSettings.Defaults);
        Assert.Equal(BalanceStatistics.Empty, s);
        foreach (var p in StatisticProperties(typeof(BalanceStatistics)))
        {
            Assert.True(p.GetValue(BalanceStatistics.Empty) is null, p.Name);
        }
    }

    [Fact]
    public void One_observation_has_no_ratio_and_no_drawdown()
    {
        var s = BalanceStatsOf([Ms("2025-03-01T12:00:00Z")], [500], MetricSettings.Defaults);
        // initial = current = peak, total return 0, no return so no ratio, drawdowns 0 (calmar null: no drawdown)
        Assert.Equal(
            new BalanceStatistics(
                500.0, 500.0, 500.0, 0.0, null, null, null, null, null, null, null, 0.0, 0.0, 0.0, 0.0),
            s);
    }

    [Fact]
    public void One_day_of_ticks_has_no_returns()
    {
        // three ticks on one UTC day: one close, no return -> every return-based value null; drawdowns still measured
        long[] t = [Ms("2025-03-01T01:00:00Z"), Ms("2025-03-01T02:00:00Z"), Ms("2025-03-01T03:00:00Z")];
        var s = BalanceStatsOf(t, [100, 80, 90], MetricSettings.Defaults);
        Assert.Null(s.Cagr);
        Assert.Null(s.SharpeRatio);
        Assert.Null(s.SortinoRatio);
        Assert.Null(s.AnnualVolatility);
        Assert.Null(s.Var95);
        Assert.Null(s.Cvar95);
        Assert.Null(s.CalmarRatio);
        AssertRel(s.MaxDrawdown, 0.2); // 1 - 80 / 100
        AssertRel(s.CurrentDrawdown, 0.1); // 1 - 90 / 100
        AssertRel(s.MaxDrawdownDurationDays, 2.0 / 24); // open for 2 h
        AssertRel(s.TotalReturn, -0.1);
    }

    [Fact]
    public void Two_days_give_one_return_and_still_no_ratios()
    {
        var s = BalanceStatsOf(
            [Ms("2025-03-01T12:00:00Z"), Ms("2025-03-02T12:00:00Z")], [100, 110], MetricSettings.Defaults);
        Assert.Null(s.Cagr);
        Assert.Null(s.SharpeRatio);
        Assert.Null(s.AnnualVolatility);
        Assert.Null(s.Var95);
    }

    [Fact]
    public void No_drawdown_gives_a_null_calmar()
    {
        // 100, 101, 102, 103 on consecutive days: cagr defined, max drawdown 0 -> calmar null (not Infinity)
        var d0 = Ms("2025-03-01T12:00:00Z");
        var s = BalanceStatsOf(
            [d0, d0 + Day, d0 + 2 * Day, d0 + 3 * Day], [100, 101, 102, 103], MetricSettings.Defaults);
        Assert.Equal(0.0, s.MaxDrawdown);
        Assert.NotNull(s.Cagr);
        Assert.True(s.Cagr > 0);
        Assert.Null(s.CalmarRatio);
        Assert.Null(s.SortinoRatio); // no return below 0
        Assert.NotNull(s.SharpeRatio);
    }

    [Fact]
    public void A_flat_balance_has_null_ratios_and_zero_risk()
    {
        var d0 = Ms("2025-03-01T12:00:00Z");
        var s = BalanceStatsOf([d0, d0 + Day, d0 + 5 * Day], [100, 100, 100], MetricSettings.Defaults);
        Assert.Null(s.SharpeRatio);
        Assert.Null(s.SortinoRatio);
        Assert.Null(s.CalmarRatio);
        Assert.Equal(0.0, s.Cagr);
        Assert.Equal(0.0, s.AnnualVolatility);
        AssertPositiveZero(s.Var95);
        AssertPositiveZero(s.Cvar95);
    }

    [Fact]
    public void A_constant_daily_return_has_a_null_sharpe_in_both_forms()
    {
        // closes grow by a constant 0.1 a day: returns 0.1 up to rounding, sharpe null, volatility 0 on both paths
        var d0 = Ms("2025-03-01T12:00:00Z");
        const int n = 40;
        var t = Enumerable.Range(0, n).Select(i => d0 + i * Day).ToArray();
        var b = Enumerable.Range(0, n).Select(i => 100 * Math.Pow(1.1, i)).ToArray();
        var s = BalanceStatsOf(t, b, MetricSettings.Defaults);
        Assert.Null(s.SharpeRatio);
        Assert.Equal(0.0, s.AnnualVolatility);
    }

    [Fact]
    public void A_hundredfold_rise_over_two_days_has_a_null_cagr_not_infinity()
    {
        // a small account funded on its third day: closes 100, 90, 10000 -> 100^(365/2) - 1 = 10^365, past a double
        var d0 = Ms("2025-03-01T12:00:00Z");
        var s = BalanceStatsOf([d0, d0 + Day, d0 + 2 * Day], [100, 90, 10_000], MetricSettings.Defaults);
        Assert.Null(s.Cagr);
        Assert.Null(s.CalmarRatio);
        // the rest is defined as usual: total return 99, max drawdown 0.1, two returns -0.1 and 10000/90 - 1
        AssertRel(s.TotalReturn, 99.0);
        AssertRel(s.MaxDrawdown, 0.1);
        AssertRel(s.SharpeRatio, NotebookSharpe(-0.1, 10_000.0 / 90 - 1));
    }

    private static double NotebookSharpe(params double[] r)
    {
        var mean = r.Average();
        return mean / Math.Sqrt(r.Sum(x => (x - mean) * (x - mean)) / (r.Length - 1)) * Math.Sqrt(365);
    }

    /// <summary>The metric names of DESIGN §3, in the order of its lists.</summary>
    private static readonly string[] DesignNames =
    [
        "total_trades", "winning_trades", "losing_trades", "breakeven_trades", "win_rate", "gross_profit",
        "gross_loss", "net_pnl", "profit_factor", "expectancy", "expectancy_ratio", "avg_win", "avg_loss",
        "largest_win", "largest_loss", "max_consecutive_wins", "max_consecutive_losses", "consecutive_wins",
        "consecutive_losses", "avg_trade_duration_hours", "trades_per_day", "total_fees", "total_slippage", "avg_rr",
        "initial_balance", "current_balance", "peak_balance", "total_return", "cagr", "annual_volatility",
        "sharpe_ratio", "sortino_ratio", "calmar_ratio", "var_95", "cvar_95", "max_drawdown", "current_drawdown",
        "max_drawdown_duration_days", "days_since_peak",
    ];

    [Fact]
    public void Performance_metrics_carry_every_statistic_once_under_its_DESIGN_name()
    {
        var trades = TradeStatsOf(
            Trade(0, 3_600_000, 10, 1, 0.5, 2.0),
            Trade(0, 7_200_000, -4, 0.25, 0.125, null),
            Trade(0, 9_000_000, 0, 0.125, 0, 1.0));
        var balances = BalanceStats.Of(Times(), Balances, MetricSettings.Defaults);
        var values = new PerformanceMetrics(trades, balances).Values().ToArray();
        Assert.Equal(DesignNames, values.Select(v => v.Name));
        Assert.Equal(DesignNames, PerformanceMetrics.Names);
        var sources = StatisticProperties(typeof(TradeStatistics)).Select(p => (p, (object)trades))
            .Concat(StatisticProperties(typeof(BalanceStatistics)).Select(p => (p, (object)balances)))
            .ToArray();
        Assert.Equal(values.Length, sources.Length);
        foreach (var (property, owner) in sources)
        {
            var name = SnakeCase(property.Name);
            var metric = Assert.Single(values, v => v.Name == name);
            var expected = property.GetValue(owner) switch
            {
                long count => (double?)count,
                double x => x,
                null => null,
                var other => throw new InvalidOperationException($"{name} is a {other.GetType()}"),
            };
            Comparisons.AssertBitIdentical(name, metric.Value, expected);
            Assert.Equal(property.PropertyType == typeof(long), metric.IsCount);
        }
    }

    [Fact]
    public void Settings_are_validated()
    {
        Assert.Equal(new MetricSettings(365, 0.0, 0.0), MetricSettings.Defaults);
        Assert.Equal(0.0252 / 252, new MetricSettings(252, 0.0504, 0.0252).MarPerPeriod);
        Assert.Throws<ArgumentOutOfRangeException>(() => new MetricSettings(0, 0, 0));
        Assert.Throws<ArgumentOutOfRangeException>(() => new MetricSettings(365, double.NaN, 0));
        Assert.Throws<ArgumentOutOfRangeException>(() => new MetricSettings(365, 0, double.PositiveInfinity));
    }

    /// <summary>The statistics of a record: its public instance properties (the positional ones).</summary>
    private static PropertyInfo[] StatisticProperties(Type type) =>
        type.GetProperties(BindingFlags.Public | BindingFlags.Instance);

    /// <summary>TotalTrades → total_trades, Var95 → var_95.</summary>
    private static string SnakeCase(string pascal)
    {
        var text = new StringBuilder();
        for (var i = 0; i < pascal.Length; i++)
        {
            var c = pascal[i];
            var boundary = i > 0 && (char.IsUpper(c) || (char.IsDigit(c) && !char.IsDigit(pascal[i - 1])));
            if (boundary)
            {
                text.Append('_');
            }
            text.Append(char.ToLowerInvariant(c));
        }
        return text.ToString();
    }
}
