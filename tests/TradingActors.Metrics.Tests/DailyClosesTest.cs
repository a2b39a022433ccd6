using static TradingActors.Metrics.Tests.Fixtures;

namespace TradingActors.Metrics.Tests;

/// <summary>
/// The daily close series: last balance of each UTC day, forward-filled, first day to last day (from the Java
/// <c>DailyClosesTest.java</c>). Each case checks the batch <see cref="DailyCloses"/> and the incremental
/// <see cref="DailyCloseSeries"/> against the same hand-made answer. The Java <c>lastReturns(k)</c> cases are ported
/// to <see cref="DailyCloseSeries.ReturnsIntoDays"/>, which replaced it, and <c>DailyCloseSeries.of(closes)</c> to
/// <see cref="DailyCloseSeries.Restore"/>.
/// </summary>
public class DailyClosesTest
{
    /// <summary>Closes by both implementations, asserted identical; returns the batch result.</summary>
    private static DailyCloses ClosesOf(long[] times, double[] balances)
    {
        var batch = DailyCloses.Of(times, balances);
        var series = DailyCloseSeries.Empty(0.0);
        for (var i = 0; i < times.Length; i++)
        {
            series = series.Plus(times[i], balances[i]);
        }
        Comparisons.AssertBits("closes", series.Closes(), batch.Closes);
        Assert.Equal(batch.Closes.Length, series.CloseCount);
        Assert.Equal(Math.Max(0, batch.Closes.Length - 1), series.ReturnCount);
        if (times.Length > 0)
        {
            Assert.Equal(batch.FirstDay, series.FirstDay);
            Assert.Equal(batch.FirstDay + batch.Closes.Length - 1, series.CurrentDay);
            Assert.Equal(batch.Closes[0], series.FirstClose);
            Assert.Equal(batch.Closes[^1], series.LastClose);
        }
        return batch;
    }

    [Fact]
    public void The_close_is_the_last_balance_of_each_UTC_day_with_offsets_converted_and_gaps_forward_filled()
    {
        long[] t =
        [
            Ms("2025-03-01T09:00:00Z"),
            Ms("2025-03-01T23:59:59.999Z"), // last instant of 03-01: the close of 03-01
            Ms("2025-03-02T00:00:00Z"), // first instant of 03-02
            Ms("2025-03-02T12:00:00Z"), // close of 03-02
            Ms("2025-03-04T01:00:00+02:00"), // = 2025-03-03T23:00Z: local date 03-04 but UTC day 03-03
            Ms("2025-03-04T23:30:00-05:00"), // = 2025-03-05T04:30Z: local date 03-04 but UTC day 03-05
        ];
        var d = ClosesOf(t, [1000, 1010, 1020, 1005, 1030, 990]);
        Assert.Equal(EpochDay("2025-03-01"), d.FirstDay);
        // 03-01: 1010, 03-02: 1005, 03-03: 1030, 03-04: no observation -> 1030 forward-filled, 03-05: 990
        Assert.Equal([1010, 1005, 1030, 1030, 990], d.Closes);
    }

    [Fact]
    public void A_long_gap_repeats_the_last_close()
    {
        var d = ClosesOf([Ms("2025-01-30T10:00:00Z"), Ms("2025-02-03T10:00:00Z")], [50, 60]);
        // 01-30 .. 02-03 is five days: 50 then three filled days then 60
        Assert.Equal([50, 50, 50, 50, 60], d.Closes);
    }

    [Fact]
    public void Several_ticks_in_one_day_give_one_close()
    {
        long[] t = [Ms("2025-06-01T00:00:00Z"), Ms("2025-06-01T08:00:00Z"), Ms("2025-06-01T23:59:59.999Z")];
        var d = ClosesOf(t, [10, 11, 12]);
        Assert.Equal(EpochDay("2025-06-01"), d.FirstDay);
        Assert.Equal([12.0], d.Closes);
    }

    [Fact]
    public void Equal_times_keep_the_later_observation()
    {
        var t = Ms("2025-06-01T12:00:00Z");
        var d = ClosesOf([t, t, t + Time.MsPerDay], [10, 11, 12]);
        Assert.Equal([11, 12], d.Closes);
    }

    [Fact]
    public void Empty_input_has_no_closes()
    {
        var d = ClosesOf([], []);
        Assert.Empty(d.Closes);
        var empty = DailyCloseSeries.Empty(0.0);
        Assert.True(empty.IsEmpty);
        Assert.Equal(0, empty.ReturnCount);
        Assert.Empty(empty.SortedReturns());
        Assert.Empty(empty.LowestSortedReturns());
        Assert.Empty(empty.ReturnsIntoDays(-30, 30));
        Assert.Equal(0, empty.Moments().Count);
    }

    [Fact]
    public void UTC_day_boundaries()
    {
        Assert.Equal(0, Time.UtcDay(0));
        Assert.Equal(0, Time.UtcDay(86_399_999));
        Assert.Equal(1, Time.UtcDay(86_400_000));
        Assert.Equal(-1, Time.UtcDay(-1)); // 1969-12-31T23:59:59.999Z
        Assert.Equal(EpochDay("2025-03-05"), Time.UtcDay(Ms("2025-03-04T23:30:00-05:00")));
        Assert.Equal(1.5, Time.Days(36 * 3_600_000L));
        Assert.Equal(new DateOnly(2025, 3, 5), Time.DateOf(EpochDay("2025-03-05")));
    }

    [Fact]
    public void Returns_of_the_series_include_the_provisional_day()
    {
        // closes 100, 110, 99 (the last one is the current day's, still moving): returns 0.1, -0.1
        var t0 = Ms("2025-05-01T12:00:00Z");
        var day0 = Time.UtcDay(t0);
        var s = DailyCloseSeries.Empty(0.0)
            .Plus(t0, 100).Plus(t0 + Day, 110).Plus(t0 + 2 * Day, 120).Plus(t0 + 2 * Day, 99);
        Assert.Equal([100, 110, 99], s.Closes());
        // every return: into day0 + 1 and into day0 + 2 (a wider range is clipped to the series)
        Assert.Equal([110.0 / 100 - 1, 99.0 / 110 - 1], s.ReturnsIntoDays(day0 - 5, day0 + 5));
        Assert.Equal([110.0 / 100 - 1, 99.0 / 110 - 1], s.ReturnsIntoDays(day0 + 1, day0 + 2));
        // the last one only: the provisional return into the current day
        Assert.Equal([99.0 / 110 - 1], s.ReturnsIntoDays(day0 + 2, day0 + 2));
        // no return into the first day, nor after the current one
        Assert.Empty(s.ReturnsIntoDays(day0, day0));
        Assert.Empty(s.ReturnsIntoDays(day0 + 3, day0 + 9));
        Assert.Equal([99.0 / 110 - 1, 110.0 / 100 - 1], s.SortedReturns());
        Assert.Equal(2, s.Moments().Count);
    }

    [Fact]
    public void The_close_of_a_day_is_forward_filled_and_defined_only_inside_the_series()
    {
        var t0 = Ms("2025-05-01T12:00:00Z");
        var day0 = Time.UtcDay(t0);
        var s = DailyCloseSeries.Empty(0.0).Plus(t0, 100).Plus(t0 + 3 * Day, 130);
        Assert.Equal(100.0, s.CloseOf(day0));
        Assert.Equal(100.0, s.CloseOf(day0 + 2)); // forward-filled
        Assert.Equal(130.0, s.CloseOf(day0 + 3));
        Assert.Throws<ArgumentOutOfRangeException>(() => s.CloseOf(day0 - 1));
        Assert.Throws<ArgumentOutOfRangeException>(() => s.CloseOf(day0 + 4));
        Assert.Equal([0.0, 0.0, 130.0 / 100 - 1], s.ReturnsIntoDays(day0 + 1, day0 + 3));
    }

    [Fact]
    public void Restoring_a_series_from_its_parts_gives_the_same_series()
    {
        double[] closes = [100, 101, 101, 99, 104];
        var first = EpochDay("2024-12-30");
        var s = SeriesOfCloses(first, closes);
        Assert.Equal(first, s.FirstDay);
        Assert.Equal(closes, s.Closes());
        Assert.Equal(4, s.ReturnCount);
        var restored = DailyCloseSeries.Restore(
            s.FirstDay, s.FinalizedCloseArray(), s.CurrentDay, s.LastClose, s.FinalizedMoments);
        Assert.Equal(s, restored);
        Assert.Equal(closes, restored.Closes());
        Assert.Equal(s.Moments(), restored.Moments());
        // and both go on alike
        var next = (first + 7) * Day;
        Assert.Equal(s.Plus(next, 95), restored.Plus(next, 95));
        Assert.Equal(s.Plus(next, 95).Moments(), restored.Plus(next, 95).Moments());
    }
}
