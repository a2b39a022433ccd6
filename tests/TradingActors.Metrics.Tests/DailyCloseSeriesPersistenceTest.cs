using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using static TradingActors.Metrics.Tests.Fixtures;

namespace TradingActors.Metrics.Tests;

/// <summary>
/// <see cref="DailyCloseSeries"/> is persistent (from the Java <c>DailyCloseSeriesPersistenceTest.java</c>): its
/// finalized closes live in a store shared between versions and appended in place only by the version at the tip. An
/// older version must stay valid after a newer one appended, and two versions forked from one parent must not see
/// each other's appends. The Java random trees (seeded cases) are an FsCheck property here.
/// </summary>
[Properties(Arbitrary = [typeof(MetricArbitraries), typeof(DailyCloseSeriesPersistenceTest)], MaxTest = 100)]
public class DailyCloseSeriesPersistenceTest
{
    private static readonly long D0 = Ms("2025-02-01T10:00:00Z");

    /// <summary>One version and the observations that made it.</summary>
    private sealed record Version(DailyCloseSeries Series, long[] Times, double[] Balances)
    {
        public static Version Start { get; } = new(DailyCloseSeries.Empty(0.0), [], []);

        public Version Plus(long time, double balance) =>
            new(Series.Plus(time, balance), [.. Times, time], [.. Balances, balance]);

        public long LastTime => Times.Length == 0 ? D0 : Times[^1];

        /// <summary>
        /// Its answers equal the batch closes and those of a series built afresh, in a line, from the same input.
        /// </summary>
        public void Check()
        {
            var batch = DailyCloses.Of(Times, Balances);
            Comparisons.AssertBits(
                $"closes of a version with {Times.Length} observations", Series.Closes(), batch.Closes);
            if (Times.Length > 0)
            {
                Assert.Equal(batch.FirstDay, Series.FirstDay);
            }
            var fresh = DailyCloseSeries.Empty(0.0);
            for (var i = 0; i < Times.Length; i++)
            {
                fresh = fresh.Plus(Times[i], Balances[i]);
            }
            Assert.Equal(fresh, Series);
            var m = Series.Moments();
            var f = fresh.Moments();
            Assert.Equal(f.Count, m.Count);
            Comparisons.AssertBitIdentical("mean", m.Mean, f.Mean);
            Comparisons.AssertBitIdentical("m2", m.M2, f.M2);
            Comparisons.AssertBitIdentical("shortfall", m.ShortfallSumSq, f.ShortfallSumSq);
            Comparisons.AssertBits("sorted returns", Series.SortedReturns(), fresh.SortedReturns());
            var sorted = ReturnStats.SimpleReturns(batch.Closes);
            Array.Sort(sorted);
            Comparisons.AssertBits("sorted returns against the batch", Series.SortedReturns(), sorted);
            Comparisons.AssertBits("lowest sorted returns", Series.LowestSortedReturns(), fresh.LowestSortedReturns());
        }
    }

    [Fact]
    public void Two_versions_forked_from_one_parent_keep_their_own_closes()
    {
        // parent: days 0, 1, 2 with closes 100, 101, 102 (day 2 is its current day)
        var parent = Version.Start.Plus(D0, 100).Plus(D0 + Day, 101).Plus(D0 + 2 * Day, 102);
        // a: the next day at 110, then two days later at 120 (a gap day forward-filled)
        var a = parent.Plus(D0 + 3 * Day, 110).Plus(D0 + 5 * Day, 120);
        // b: forked from the same parent after a appended: the next day at 90, then another at 95
        var b = parent.Plus(D0 + 3 * Day, 90).Plus(D0 + 4 * Day, 95);
        // c: the parent's current day moves again (same day), then it goes on
        var c = parent.Plus(D0 + 2 * Day + Hour, 99).Plus(D0 + 3 * Day, 98);
        Assert.Equal([100, 101, 102], parent.Series.Closes());
        Assert.Equal([100, 101, 102, 110, 110, 120], a.Series.Closes());
        Assert.Equal([100, 101, 102, 90, 95], b.Series.Closes());
        Assert.Equal([100, 101, 99, 98], c.Series.Closes());
        // appending to the older branches again does not disturb the newer ones, nor the other way round
        var a2 = a.Plus(D0 + 6 * Day, 121);
        var b2 = b.Plus(D0 + 9 * Day, 80);
        Assert.Equal([100, 101, 102, 110, 110, 120, 121], a2.Series.Closes());
        Assert.Equal([100, 101, 102, 90, 95, 95, 95, 95, 95, 80], b2.Series.Closes());
        foreach (var v in new[] { parent, a, b, c, a2, b2 })
        {
            v.Check();
        }
        // the sorted returns of the parent are still its own after its children sorted theirs:
        // 102/101 - 1 = 0.0099 < 101/100 - 1 = 0.01
        Assert.Equal([102.0 / 101 - 1, 101.0 / 100 - 1], parent.Series.SortedReturns());
    }

    [Fact]
    public void An_older_version_answers_after_the_tip_grew_its_store()
    {
        // the tip appends past the initial capacity of the shared store, which then grows (several times)
        var v = Version.Start.Plus(D0, 100);
        var history = new List<Version>();
        for (var day = 1; day <= 60; day++)
        {
            v = v.Plus(D0 + day * Day, 100 + day);
            history.Add(v);
        }
        foreach (var old in history)
        {
            old.Check();
        }
        // and an old version forks after all that
        var fork = history[3].Plus(D0 + 5 * Day, 50);
        fork.Check();
        Assert.Equal([100, 101, 102, 103, 104, 50], fork.Series.Closes());
        history[59].Check();
    }

    /// <summary>One step of a random tree: which version to extend, by how long a gap, with which balance.</summary>
    public sealed record TreeStep(bool FromNewest, double Pick, int GapKind, double GapUnit, double BalanceUnit);

    /// <summary>Up to 300 steps; each extends a random earlier version (the newest half of the time).</summary>
    public sealed record Tree(TreeStep[] Steps)
    {
        public override string ToString() => $"{Steps.Length} steps: {string.Join(", ", Steps.Take(30))}";
    }

    public static Arbitrary<Tree> Trees() =>
        Arb.From(
            from n in Gen.Choose(1, 300)
            from steps in Gen.ArrayOf(
                from newest in Gen.Elements(true, false)
                from pick in MetricArbitraries.Unit
                from gapKind in Gen.Choose(0, 3)
                from gapUnit in MetricArbitraries.Unit
                from balance in MetricArbitraries.Unit
                select new TreeStep(newest, pick, gapKind, gapUnit, balance),
                n)
            select new Tree(steps));

    /// <summary>
    /// A random tree of versions: each step extends a random earlier version (often the newest, often not) by one
    /// observation; at the end every version still answers for its own observations.
    /// </summary>
    [Property]
    public void Every_version_of_a_random_tree_keeps_its_own_answers(Tree tree)
    {
        var versions = new List<Version> { Version.Start };
        for (var step = 0; step < tree.Steps.Length; step++)
        {
            var s = tree.Steps[step];
            var from = s.FromNewest
                ? versions[^1]
                : versions[Math.Min(versions.Count - 1, (int)(s.Pick * versions.Count))];
            var gap = s.GapKind switch
            {
                0 => 0L,
                1 => (long)(s.GapUnit * 6 * Hour),
                2 => Day,
                _ => (long)(s.GapUnit * 5 * Day),
            };
            versions.Add(from.Plus(from.LastTime + gap, 50 + s.BalanceUnit * 100));
            if (step % 50 == 0)
            {
                versions[(int)(s.Pick * (versions.Count - 1))].Check(); // a check in the middle, too
            }
        }
        foreach (var v in versions)
        {
            v.Check();
        }
    }

    [Fact]
    public async Task Forks_from_one_parent_on_two_threads_keep_their_own_closes()
    {
        for (var round = 0; round < 200; round++)
        {
            var parent = Version.Start.Plus(D0, 100).Plus(D0 + Day, 100 + round);
            using var start = new Barrier(2);
            var forks = Enumerable.Range(0, 2).Select(k => Task.Run(() =>
            {
                var basis = 200.0 + 100 * k;
                var v = parent;
                start.SignalAndWait();
                for (var day = 2; day < 30; day++)
                {
                    v = v.Plus(D0 + day * Day, basis + day);
                }
                return v;
            })).ToArray();
            foreach (var v in await Task.WhenAll(forks))
            {
                v.Check();
            }
            parent.Check();
        }
    }
}
