using System.Globalization;

namespace TradingActors.Metrics.Tests;

/// <summary>
/// How incremental results are compared with the batch references (from the Java <c>Comparisons.java</c>):
/// bit-identical where docs/metrics.md says so, within 1e-12 relative for the moment-based ratios.
/// </summary>
internal static class Comparisons
{
    /// <summary>The relative tolerance between Welford (incremental) and two-pass (batch) moments.</summary>
    public const double MomentTolerance = 1e-12;

    /// <summary>Both null, or the same 64 bits (so −0.0 differs from +0.0; NaNs of one payload alike).</summary>
    public static void AssertBitIdentical(string name, double? actual, double? expected)
    {
        var same = actual is null
            ? expected is null
            : expected is not null
              && BitConverter.DoubleToInt64Bits(actual.Value) == BitConverter.DoubleToInt64Bits(expected.Value);
        Assert.True(same, $"{name}: incremental {Show(actual)} vs batch {Show(expected)}");
    }

    /// <summary>Same length and the same bits at every index; reports the first index that differs.</summary>
    public static void AssertBits(string name, double[] actual, double[] expected)
    {
        Assert.True(
            actual.Length == expected.Length,
            string.Create(CultureInfo.InvariantCulture, $"{name}: {actual.Length} values vs {expected.Length}"));
        for (var i = 0; i < actual.Length; i++)
        {
            AssertBitIdentical(string.Create(CultureInfo.InvariantCulture, $"{name}[{i}]"), actual[i], expected[i]);
        }
    }

    /// <summary>
    /// Null in the same places, otherwise within <see cref="MomentTolerance"/> relative to the larger of the two values
    /// and <paramref name="scale"/>.
    /// </summary>
    /// <remarks>
    /// <paramref name="scale"/> matters for the Sharpe and Sortino ratios only. Their numerator is a mean of returns of
    /// both signs; the rounding error of a sum is relative to the sum of the magnitudes, not to the (possibly much
    /// smaller) result, so when gains and losses nearly cancel a Sharpe ratio of 0.001 carries the absolute error of one
    /// of 1. The scale is that magnitude (<see cref="CancellationScale"/>); without cancellation it is about the ratio
    /// itself and the comparison is a plain relative one (docs/metrics.md, "Incremental vs batch").
    /// </remarks>
    public static void AssertMomentClose(string name, double? actual, double? expected, double scale)
    {
        if (expected is null)
        {
            Assert.True(actual is null, $"{name}: incremental {Show(actual)} where batch is null");
            return;
        }
        Assert.True(actual is not null, $"{name}: incremental null where batch is {Show(expected)}");
        var magnitude = Math.Max(Math.Max(Math.Abs(actual.Value), Math.Abs(expected.Value)), scale);
        Assert.True(
            Math.Abs(actual.Value - expected.Value) <= MomentTolerance * magnitude,
            $"{name}: incremental {Show(actual)} vs batch {Show(expected)} (scale {Show(magnitude)})");
    }

    /// <summary>
    /// √A · mean(|r − c|) / deviation: what a ratio (mean(r) − c) / deviation · √A would be if no term of its mean
    /// cancelled another; 0 without returns or deviation.
    /// </summary>
    public static double CancellationScale(double[] r, double c, double deviation, MetricSettings s)
    {
        if (r.Length == 0 || !(deviation > 0))
        {
            return 0.0;
        }
        var sum = 0.0;
        foreach (var x in r)
        {
            sum += Math.Abs(x - c);
        }
        return sum / r.Length / deviation * Math.Sqrt(s.PeriodsPerYear);
    }

    /// <summary>
    /// The moment-based ratios (volatility, Sharpe, Sortino) within a relative 1e-12 and null in the same places;
    /// every other field bit-identical. <paramref name="returns"/> are the daily returns both were computed from.
    /// </summary>
    public static void AssertBalanceStatisticsAgree(
        BalanceStatistics incremental, BalanceStatistics batch, double[] returns, MetricSettings s)
    {
        AssertBitIdentical("initial_balance", incremental.InitialBalance, batch.InitialBalance);
        AssertBitIdentical("current_balance", incremental.CurrentBalance, batch.CurrentBalance);
        AssertBitIdentical("peak_balance", incremental.PeakBalance, batch.PeakBalance);
        AssertBitIdentical("total_return", incremental.TotalReturn, batch.TotalReturn);
        AssertBitIdentical("cagr", incremental.Cagr, batch.Cagr);
        AssertMomentClose("annual_volatility", incremental.AnnualVolatility, batch.AnnualVolatility, 0.0);
        var sharpeScale = CancellationScale(returns, s.RiskFreePerPeriod, ReturnStats.SampleStd(returns), s);
        AssertMomentClose("sharpe_ratio", incremental.SharpeRatio, batch.SharpeRatio, sharpeScale);
        var sortinoScale = CancellationScale(
            returns, s.MarPerPeriod, ReturnStats.DownsideDeviation(returns, s.MarPerPeriod), s);
        AssertMomentClose("sortino_ratio", incremental.SortinoRatio, batch.SortinoRatio, sortinoScale);
        AssertBitIdentical("calmar_ratio", incremental.CalmarRatio, batch.CalmarRatio);
        AssertBitIdentical("var_95", incremental.Var95, batch.Var95);
        AssertBitIdentical("cvar_95", incremental.Cvar95, batch.Cvar95);
        AssertBitIdentical("max_drawdown", incremental.MaxDrawdown, batch.MaxDrawdown);
        AssertBitIdentical("current_drawdown", incremental.CurrentDrawdown, batch.CurrentDrawdown);
        AssertBitIdentical(
            "max_drawdown_duration_days", incremental.MaxDrawdownDurationDays, batch.MaxDrawdownDurationDays);
        AssertBitIdentical("days_since_peak", incremental.DaysSincePeak, batch.DaysSincePeak);
    }

    /// <summary>As above, the returns derived from the observations.</summary>
    public static void AssertBalanceStatisticsAgree(
        BalanceStatistics incremental, BalanceStatistics batch, long[] times, double[] balances, MetricSettings s) =>
        AssertBalanceStatisticsAgree(
            incremental, batch, ReturnStats.SimpleReturns(DailyCloses.Of(times, balances).Closes), s);

    /// <summary>Every trade statistic bit for bit, by its DESIGN §3 name.</summary>
    public static void AssertTradeStatisticsBitIdentical(TradeStatistics actual, TradeStatistics expected) =>
        AssertAllBitIdentical(
            new PerformanceMetrics(actual, BalanceStatistics.Empty),
            new PerformanceMetrics(expected, BalanceStatistics.Empty));

    /// <summary>Every balance statistic bit for bit, by its DESIGN §3 name.</summary>
    public static void AssertBalanceStatisticsBitIdentical(BalanceStatistics actual, BalanceStatistics expected) =>
        AssertAllBitIdentical(
            new PerformanceMetrics(TradeTally.Empty.Statistics(), actual),
            new PerformanceMetrics(TradeTally.Empty.Statistics(), expected));

    /// <summary>Every metric bit for bit, by name.</summary>
    public static void AssertAllBitIdentical(PerformanceMetrics actual, PerformanceMetrics expected)
    {
        var a = actual.Values().ToArray();
        var e = expected.Values().ToArray();
        Assert.Equal(e.Length, a.Length);
        for (var i = 0; i < a.Length; i++)
        {
            Assert.Equal(e[i].Name, a[i].Name);
            AssertBitIdentical(a[i].Name, a[i].Value, e[i].Value);
        }
    }

    public static string Show(double? x) => x is { } v ? v.ToString("R", CultureInfo.InvariantCulture) : "null";
}
