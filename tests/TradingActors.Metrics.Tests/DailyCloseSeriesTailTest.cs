using System.Globalization;
using static TradingActors.Metrics.Tests.Fixtures;

namespace TradingActors.Metrics.Tests;

/// <summary>
/// <see cref="DailyCloseSeries.LowestSortedReturns"/> (from the Java <c>DailyCloseSeriesTailTest.java</c>): the series
/// keeps only its lowest returns between days, yet VaR 95 and CVaR 95 from them are bit-identical to those of the full
/// sort, including when many returns tie at the percentile (flat days), when the provisional return crosses the kept
/// tail during the day, and for values a validated input never has. The seeded random walks use
/// <see cref="Random"/> where Java used <c>SplittableRandom</c>: other numbers, the same shapes.
/// </summary>
public class DailyCloseSeriesTailTest
{
    private static readonly long D0 = Ms("2025-01-01T12:00:00Z");

    /// <summary>The same bits, or both NaN (of any payload).</summary>
    private static bool Same(double? a, double? b) =>
        a is null
            ? b is null
            : b is not null
              && ((double.IsNaN(a.Value) && double.IsNaN(b.Value))
                  || BitConverter.DoubleToInt64Bits(a.Value) == BitConverter.DoubleToInt64Bits(b.Value));

    /// <summary>
    /// The prefix is a prefix of the full sort, and VaR and CVaR from it are those of the full sort, bit for bit.
    /// </summary>
    private static void Check(DailyCloseSeries series)
    {
        var full = series.SortedReturns();
        var lowest = series.LowestSortedReturns();
        var n = series.ReturnCount;
        Assert.Equal(n, full.Length);
        Assert.True(lowest.Length <= n);
        for (var i = 0; i < lowest.Length; i++)
        {
            Assert.True(Same(lowest[i], full[i]), string.Create(CultureInfo.InvariantCulture, $"lowest[{i}] of {n}"));
        }
        Assert.True(
            Same(ReturnStats.ValueAtRiskSortedPrefix(lowest, n), ReturnStats.ValueAtRiskSortedPrefix(full, n)),
            "var 95");
        Assert.True(
            Same(
                ReturnStats.ExpectedShortfallSortedPrefix(lowest, n),
                ReturnStats.ExpectedShortfallSortedPrefix(full, n)),
            "cvar 95");
    }

    [Fact]
    public void Only_about_the_lowest_five_percent_are_kept_for_a_long_series()
    {
        var rnd = new Random(5);
        var s = DailyCloseSeries.Empty(0.0);
        var balance = 1000.0;
        for (var day = 0; day < 2_000; day++)
        {
            balance *= 1 + (rnd.NextDouble() - 0.5) * 0.04;
            s = s.Plus(D0 + day * Day, balance);
            if (day % 97 == 0)
            {
                Check(s);
            }
        }
        Check(s);
        var n = s.ReturnCount;
        Assert.InRange(s.LowestSortedReturns().Length, n / 20, n / 20 + 4);
    }

    [Fact]
    public void A_flat_series_ties_every_return_at_the_percentile()
    {
        var s = DailyCloseSeries.Empty(0.0);
        for (var day = 0; day < 300; day++)
        {
            s = s.Plus(D0 + day * Day, 1000);
            Check(s);
        }
        // every return is 0 and the tail takes them all
        Assert.Equal(299, s.LowestSortedReturns().Length);
        Assert.All(s.LowestSortedReturns(), r => Assert.Equal(0.0, r));
        Assert.Equal(0.0, ReturnStats.ExpectedShortfallSortedPrefix(s.LowestSortedReturns(), 299));
    }

    [Fact]
    public void Gap_days_tie_at_the_boundary_of_the_tail()
    {
        // a few losing days among many flat (forward-filled) ones: the 5th percentile falls on the zeros
        var s = DailyCloseSeries.Empty(0.0);
        var balance = 1000.0;
        var t = D0;
        for (var k = 0; k < 40; k++)
        {
            balance *= k % 3 == 0 ? 0.99 : 1.01;
            s = s.Plus(t, balance);
            Check(s);
            t += (k % 5 == 0 ? 12 : 1) * Day; // every fifth step leaves 11 flat days
        }
        Check(s);
    }

    [Fact]
    public void The_provisional_return_crosses_the_kept_tail_during_the_day()
    {
        var rnd = new Random(9);
        var s = DailyCloseSeries.Empty(0.0);
        var balance = 1000.0;
        for (var day = 0; day < 200; day++)
        {
            balance *= 1 + (rnd.NextDouble() - 0.5) * 0.02;
            s = s.Plus(D0 + day * Day, balance);
        }
        // ticks within the next day from a 20% loss to a 20% gain, and exactly onto kept values
        var today = D0 + 200 * Day;
        var last = s.LastClose;
        var before = s.Plus(today, last);
        var kept = before.LowestSortedReturns();
        for (var i = 0; i <= 400; i++)
        {
            s = s.Plus(today + i * 1_000L, last * (0.8 + i * 0.001));
            Check(s);
        }
        foreach (var r in kept)
        {
            Check(before.Plus(today + Hour, last * (1 + r)));
        }
    }

    [Fact]
    public void Older_versions_answer_after_newer_ones_moved_the_memo()
    {
        var rnd = new Random(13);
        var s = DailyCloseSeries.Empty(0.0);
        var versions = new List<DailyCloseSeries>();
        var balance = 1000.0;
        for (var day = 0; day < 300; day++)
        {
            balance *= 1 + (rnd.NextDouble() - 0.5) * 0.03;
            s = s.Plus(D0 + day * Day, balance);
            versions.Add(s);
            Check(s);
        }
        for (var i = versions.Count - 1; i >= 0; i -= 7)
        {
            Check(versions[i]);
            Check(versions[i].Plus(D0 + 400 * Day, 50)); // a fork far below
        }
    }

    [Fact]
    public void Values_a_validated_input_never_has_fall_back_to_the_full_sort()
    {
        double[][] cases =
        [
            [100, 100, double.NaN, 100, 90, 80, 100, 100],
            [100, double.PositiveInfinity, 100, 50, 100],
            [100, -100, 100, 0.0, 100, -0.0, 100],
            [100, 0.0, 0.0, 0.0, 0.0, 100],
        ];
        foreach (var balances in cases)
        {
            for (var repeat = 1; repeat <= 30; repeat += 29)
            {
                var s = DailyCloseSeries.Empty(0.0);
                var t = D0;
                for (var r = 0; r < repeat; r++)
                {
                    foreach (var b in balances)
                    {
                        s = s.Plus(t, b);
                        t += Day;
                        Check(s);
                        Check(s.Plus(t - Day + Hour, double.NaN));
                        Check(s.Plus(t - Day + Hour, -0.0));
                    }
                }
            }
        }
    }
}
