using System.Globalization;

namespace TradingActors.Metrics.Tests;

/// <summary>
/// Helpers shared by the tests (from the Java <c>Fixtures.java</c>): instants from ISO-8601 text, trades, relative
/// tolerances, and the two runners that put every known answer through both the batch function and the accumulator.
/// </summary>
internal static class Fixtures
{
    public const long Hour = 3_600_000L;
    public const long Day = Time.MsPerDay;

    /// <summary>Epoch milliseconds of an ISO-8601 instant with an offset ("Z", "+02:00", ...).</summary>
    public static long Ms(string iso) =>
        DateTimeOffset.Parse(iso, CultureInfo.InvariantCulture, DateTimeStyles.None).ToUnixTimeMilliseconds();

    /// <summary>The UTC day number of an ISO date ("2025-03-01").</summary>
    public static long EpochDay(string date) => Time.DayOf(DateOnly.Parse(date, CultureInfo.InvariantCulture));

    public static TradeOutcome Trade(long entryMs, long exitMs, double pnl) =>
        new(entryMs, exitMs, pnl, 0.0, 0.0, null);

    public static TradeOutcome Trade(
        long entryMs, long exitMs, double pnl, double fees, double slippage, double? riskReward) =>
        new(entryMs, exitMs, pnl, fees, slippage, riskReward);

    /// <summary>Non-null and within 1e-12 relative of <paramref name="expected"/> (absolute 1e-300 at zero).</summary>
    public static void AssertRel(double? actual, double expected)
    {
        Assert.NotNull(actual);
        var tolerance = Math.Max(Math.Abs(expected) * 1e-12, 1e-300);
        Assert.True(
            Math.Abs(actual.Value - expected) <= tolerance,
            FormattableString.Invariant($"{actual.Value:R} is not within 1e-12 relative of {expected:R}"));
    }

    /// <summary>Non-null and within an absolute <paramref name="tolerance"/> of <paramref name="expected"/>.</summary>
    public static void AssertNear(double? actual, double expected, double tolerance)
    {
        Assert.NotNull(actual);
        Assert.True(
            Math.Abs(actual.Value - expected) <= tolerance,
            FormattableString.Invariant($"{actual.Value:R} is not within {tolerance} of {expected:R}"));
    }

    /// <summary>Exactly +0.0: −0.0 equals 0.0 numerically but is written "-0.0" in JSON.</summary>
    public static void AssertPositiveZero(double? actual)
    {
        Assert.NotNull(actual);
        Assert.Equal(0L, BitConverter.DoubleToInt64Bits(actual.Value));
    }

    /// <summary>
    /// Trade statistics by the batch function and by a <see cref="TradeTally"/> fold, asserted equal bit for bit, so
    /// every known answer checks both implementations. Returns the batch result.
    /// </summary>
    public static TradeStatistics TradeStatsOf(params TradeOutcome[] trades)
    {
        var batch = TradeStats.Of(trades);
        var tally = TradeTally.Empty;
        foreach (var t in trades)
        {
            tally = tally.Plus(t);
        }
        Assert.Equal(batch, tally.Statistics());
        Comparisons.AssertTradeStatisticsBitIdentical(tally.Statistics(), batch);
        return batch;
    }

    /// <summary>
    /// Balance statistics by the batch reference and by the accumulators (<see cref="DrawdownTracker"/> and
    /// <see cref="DailyCloseSeries"/> through <see cref="BalanceStatistics.Of"/>), asserted to agree as
    /// docs/metrics.md says they must. Returns the batch result.
    /// </summary>
    public static BalanceStatistics BalanceStatsOf(long[] times, double[] balances, MetricSettings s)
    {
        var batch = BalanceStats.Of(times, balances, s);
        var dd = default(DrawdownTracker);
        var daily = DailyCloseSeries.Empty(s.MarPerPeriod);
        for (var i = 0; i < times.Length; i++)
        {
            dd = dd.Plus(times[i], balances[i]);
            daily = daily.Plus(times[i], balances[i]);
        }
        Comparisons.AssertBalanceStatisticsAgree(BalanceStatistics.Of(dd, daily, s), batch, times, balances, s);
        return batch;
    }

    /// <summary>
    /// A series holding exactly these closes, one a day from <paramref name="firstDay"/> (a tick at noon).
    /// </summary>
    public static DailyCloseSeries SeriesOfCloses(long firstDay, double[] closes, double marPerPeriod = 0.0)
    {
        var s = DailyCloseSeries.Empty(marPerPeriod);
        for (var i = 0; i < closes.Length; i++)
        {
            s = s.Plus((firstDay + i) * Day + 12 * Hour, closes[i]);
        }
        return s;
    }
}
