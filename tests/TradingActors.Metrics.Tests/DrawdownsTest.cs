using static TradingActors.Metrics.Tests.Fixtures;

namespace TradingActors.Metrics.Tests;

/// <summary>
/// Drawdown known answers, worked out by hand in the comments (from the Java <c>DrawdownsTest.java</c>); every case
/// checks <see cref="Drawdowns"/> and a <see cref="DrawdownTracker"/> fold against the same numbers, and against each
/// other bit for bit.
/// </summary>
public class DrawdownsTest
{
    private static readonly long T0 = Ms("2025-01-01T00:00:00Z");

    /// <summary>{max, current, duration days, days since peak}, asserted bit-identical between batch and tracker.</summary>
    private static double[] DrawdownsOf(long[] times, double[] balances)
    {
        double[] batch =
        [
            Drawdowns.MaxDrawdown(balances),
            Drawdowns.CurrentDrawdown(balances),
            Drawdowns.MaxDrawdownDurationDays(times, balances),
            Drawdowns.DaysSincePeak(times, balances),
        ];
        var t = default(DrawdownTracker);
        for (var i = 0; i < times.Length; i++)
        {
            t = t.Plus(times[i], balances[i]);
        }
        double[] tracker = [t.MaxDrawdown, t.CurrentDrawdown, t.MaxDrawdownDurationDays, t.DaysSincePeak];
        Comparisons.AssertBits("drawdowns", tracker, batch);
        Assert.Equal(times.Length, t.Count);
        Assert.Equal(balances[0], t.Initial);
        Assert.Equal(balances[^1], t.Last);
        return batch;
    }

    private static long[] Days(params double[] d) => d.Select(x => T0 + (long)Math.Round(x * Day)).ToArray();

    [Fact]
    public void Recovered_and_unrecovered_drawdowns()
    {
        // day:      0    1    2    3    4    6    7
        // balance:  100  90   120  60   90   120  108
        // peak:     100  100  120  120  120  120  120   (the first balance is the first peak)
        // drawdown: 0    .10  0    .50  .25  0    .10
        // spells:   peak day 0 -> recovered day 2 (2 days); peak day 2 -> recovered (at equal) day 6 (4 days);
        //           peak day 6 -> not recovered, last observation day 7 (1 day)
        var r = DrawdownsOf(Days(0, 1, 2, 3, 4, 6, 7), [100, 90, 120, 60, 90, 120, 108]);
        Assert.Equal(0.5, r[0]); // 1 - 60/120
        AssertRel(r[1], 0.1); // 1 - 108/120
        Assert.Equal(4.0, r[2]);
        Assert.Equal(1.0, r[3]); // day 7 - day 6
    }

    [Fact]
    public void An_unrecovered_drawdown_is_the_longest_up_to_the_last_observation()
    {
        // 100 @ day 0, 110 @ day 1 (peak), 80 @ day 2, 90 @ day 10: still under 110 at the end
        // max = 1 - 80/110 = 3/11; current = 1 - 90/110 = 2/11; duration = 10 - 1 = 9 days; since peak 9 days
        var r = DrawdownsOf(Days(0, 1, 2, 10), [100, 110, 80, 90]);
        AssertRel(r[0], 3.0 / 11.0);
        AssertRel(r[1], 2.0 / 11.0);
        Assert.Equal(9.0, r[2]);
        Assert.Equal(9.0, r[3]);
    }

    [Fact]
    public void The_first_balance_is_the_first_peak()
    {
        // straight down from the start: 100, 90, 80 -> max 1 - 80/100 = 0.2 measured from the first balance,
        // open since day 0: duration 2 days, 2 days since the peak
        var r = DrawdownsOf(Days(0, 1, 2), [100, 90, 80]);
        AssertRel(r[0], 0.2);
        AssertRel(r[1], 0.2);
        Assert.Equal(2.0, r[2]);
        Assert.Equal(2.0, r[3]);
    }

    [Fact]
    public void A_longer_earlier_spell_beats_a_later_open_one()
    {
        // 100 @0, 95 @1, 100 @5 (recovered: 5 days), 99 @6 (open: 6 -> last obs 7 = 2 days), 99.5 @7
        var r = DrawdownsOf(Days(0, 1, 5, 6, 7), [100, 95, 100, 99, 99.5]);
        Assert.Equal(5.0, r[2]);
        Assert.Equal(2.0, r[3]);
        AssertRel(r[0], 0.05); // 1 - 95/100
        AssertRel(r[1], 0.005); // 1 - 99.5/100
    }

    [Fact]
    public void Durations_are_fractional_days()
    {
        // peak at 00:00, dip at 06:00, recovered at 36:00 -> 1.5 days; new peak at 36:00, last obs there -> 0 since peak
        var r = DrawdownsOf([T0, T0 + 6 * Hour, T0 + 36 * Hour], [200, 150, 201]);
        Assert.Equal(0.25, r[0]); // 1 - 150/200
        Assert.Equal(0.0, r[1]);
        Assert.Equal(1.5, r[2]);
        Assert.Equal(0.0, r[3]);
    }

    [Fact]
    public void A_plateau_moves_the_peak_time_to_its_last_observation()
    {
        // 100 @0, 100 @2 (peak reached again), 90 @3, 100 @4: the spell runs from day 2 (last time at the peak) to 4
        var r = DrawdownsOf(Days(0, 2, 3, 4), [100, 100, 90, 100]);
        Assert.Equal(2.0, r[2]);
        Assert.Equal(0.0, r[3]);
    }

    [Fact]
    public void Never_below_a_peak_gives_zeros()
    {
        Assert.Equal([0.0, 0.0, 0.0, 0.0], DrawdownsOf(Days(0, 1, 3), [100, 100, 130]));
    }

    [Fact]
    public void A_single_observation_gives_zeros()
    {
        Assert.Equal([0.0, 0.0, 0.0, 0.0], DrawdownsOf(Days(0), [1000]));
    }

    [Fact]
    public void The_tracker_keeps_the_peak_and_its_time()
    {
        var t = default(DrawdownTracker).Plus(T0, 100).Plus(T0 + Day, 120).Plus(T0 + 2 * Day, 110);
        Assert.Equal(120.0, t.Peak);
        Assert.Equal(T0 + Day, t.PeakTimeMs);
        Assert.True(t.Underwater);
        Assert.Equal(T0 + 2 * Day, t.LastTimeMs);
        Assert.Equal(0, default(DrawdownTracker).Count);
    }
}
