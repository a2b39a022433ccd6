using TradingActors.Domain.State;

namespace TradingActors.Domain.Tests.State;

/// <summary>
/// Ported from the JVM build's <c>src/domain/src/test/java/io/tradingactors/domain/state/BalanceWindowTest.java</c>
/// (8eafd08). The C# window keeps its points in a ring shared by versions (<see cref="RecentColumns"/>) instead of the
/// JVM's compacting ColumnStore, so where the JVM test kept every old version readable forever, these tests hold the
/// ring's guarantee: a version stays exact while at most <see cref="BalanceWindow.Limit"/> newer points have been
/// appended to its ring, and past that a read throws <see cref="InvalidOperationException"/>, never a wrong answer. The
/// store's capacity is private to the ring and not asserted; the JVM's bit-wise comparison of a 0.0 and a −0.0 balance
/// is not ported (both are invalid balances; the C# window compares balances by value).
/// </summary>
public class BalanceWindowTest
{
    [Fact]
    public void Appending_keeps_exactly_the_last_n_points_in_order()
    {
        const int n = 8;
        var w = BalanceWindow.Empty(n);
        for (var i = 0; i < 100; i++)
        {
            w = w.Plus(1_000L * i, 100.0 + i);
            var size = Math.Min(i + 1, n);
            Assert.Equal(size, w.Count);
            var (times, balances) = w.Points();
            Assert.Equal(Enumerable.Range(i + 1 - size, size).Select(k => 1_000L * k), times);
            Assert.Equal(Enumerable.Range(i + 1 - size, size).Select(k => 100.0 + k), balances);
            Assert.Equal(1_000L * (i + 1 - size), w.TimeMs(0));
            Assert.Equal(100.0 + i, w.Balance(size - 1));
        }
    }

    [Theory]
    [InlineData(1)]
    [InlineData(3)]
    [InlineData(5)]
    [InlineData(12)]
    [InlineData(100)]
    [InlineData(128)]
    [InlineData(129)]
    public void A_window_of_any_limit_keeps_its_last_points(int limit)
    {
        var v = Version.Start(limit);
        for (var i = 0; i < 5 * limit + 20; i++)
        {
            v = v.Plus(i, 1_000 + i % 37);
            v.Check();
        }
    }

    [Fact]
    public void An_older_version_is_unchanged_while_the_tip_has_appended_up_to_its_limit()
    {
        const int limit = 16;
        var v = Version.Start(limit);
        var history = new List<Version>();
        for (var i = 0; i < 200; i++)
        {
            v = v.Plus(60_000L * i, 1_000 + i % 37);
            history.Add(v);
        }
        for (var i = 0; i < history.Count; i++)
        {
            if (i >= history.Count - 1 - limit)
            {
                history[i].Check();
            }
            else
            {
                history[i].CheckOrThrows();
            }
        }
        // a fork of a version far behind the tip is refused; forks of the tip each keep their own points
        Assert.Throws<InvalidOperationException>(() => history[20].Plus(1, 5.0));
        var recent = history[199 - limit + 1];
        var forkOfRecent = recent.Plus(1, 5.0).Plus(2, 6.0);
        var forkOfTip = history[199].Plus(10_000_000L, 7.0);
        var tipAgain = history[199].Plus(10_000_000L, 8.0);
        foreach (var check in new[] { forkOfTip, tipAgain, forkOfRecent, history[199], recent })
        {
            check.Check();
        }
        Assert.Equal(6.0, forkOfRecent.Window.Balance(15));
        Assert.Equal(2, forkOfRecent.Window.TimeMs(15));
        Assert.Equal(7.0, forkOfTip.Window.Balance(15));
        Assert.Equal(8.0, tipAgain.Window.Balance(15));
    }

    public static TheoryData<int> Seeds()
    {
        var rnd = new Random(20251122);
        var data = new TheoryData<int>();
        for (var i = 0; i < 25; i++)
        {
            data.Add(rnd.Next());
        }
        return data;
    }

    /// <summary>
    /// A random tree of versions: each step extends an earlier version (mostly the newest, often a recent one,
    /// sometimes any). A version among the last <c>limit</c> created is always exact; an older one is exact or refuses.
    /// </summary>
    [Theory]
    [MemberData(nameof(Seeds))]
    public void Every_version_of_a_random_tree_keeps_its_own_points_or_refuses_to_answer(int seed)
    {
        var rnd = new Random(seed);
        var limit = 1 + rnd.Next(12);
        var versions = new List<Version> { Version.Start(limit) };
        for (var step = 0; step < 400; step++)
        {
            var roll = rnd.Next(20);
            var index = roll < 15 ? versions.Count - 1
                : roll < 18 ? Math.Max(0, versions.Count - 1 - rnd.Next(limit))
                : rnd.Next(versions.Count);
            var recent = index >= versions.Count - limit;
            var time = step * 1_000L + rnd.Next(1_000);
            var balance = 50 + rnd.NextDouble() * 100;
            if (recent)
            {
                versions.Add(versions[index].Plus(time, balance));
            }
            else
            {
                try
                {
                    versions.Add(versions[index].Plus(time, balance));
                }
                catch (InvalidOperationException)
                {
                    // a version far behind its ring's tip: refused, as documented
                }
            }
            if (step % 50 == 0)
            {
                versions[^1].Check();
            }
        }
        for (var i = 0; i < versions.Count; i++)
        {
            if (i >= versions.Count - limit)
            {
                versions[i].Check();
            }
            else
            {
                versions[i].CheckOrThrows();
            }
        }
    }

    [Fact]
    public async Task Forks_from_one_parent_on_two_threads_each_keep_their_own_points()
    {
        const int limit = 8;
        for (var round = 0; round < 200; round++)
        {
            var parent = Version.Start(limit);
            for (var i = 0; i < 10 + round % 7; i++)
            {
                parent = parent.Plus(i, 100 + round);
            }
            var p = parent;
            // each fork appends up to the limit: the ring's guarantee for the parent and for the fork that copies it
            var forks = Enumerable.Range(0, 2).Select(k => Task.Run(() =>
            {
                var v = p;
                for (var i = 0; i < limit; i++)
                {
                    v = v.Plus(100 + i, 200 + 100 * k + i);
                }
                return v;
            })).ToArray();
            foreach (var f in await Task.WhenAll(forks))
            {
                f.Check();
            }
            parent.Check();
        }
    }

    [Fact]
    public void Equality_compares_the_points_in_order()
    {
        var a = BalanceWindow.Empty(4).Plus(1, 10).Plus(2, 20).Plus(3, 30);
        // the same points through another history: more points, a full ring, a different limit
        var b = BalanceWindow.Empty(4);
        for (var i = 0; i < 50; i++)
        {
            b = b.Plus(-i, i);
        }
        b = b.Plus(0, 0).Plus(1, 10).Plus(2, 20).Plus(3, 30);
        var b3 = BalanceWindow.Empty(3);
        var (times, balances) = b.Points();
        for (var i = 0; i < times.Length; i++)
        {
            b3 = b3.Plus(times[i], balances[i]);
        }
        Assert.Equal(a, b3);
        Assert.True(a == b3);
        Assert.Equal(a.GetHashCode(), b3.GetHashCode());
        Assert.NotEqual(a, BalanceWindow.Empty(4).Plus(1, 10).Plus(2, 20).Plus(3, 31));
        Assert.NotEqual(a, BalanceWindow.Empty(4).Plus(1, 10).Plus(2, 20).Plus(4, 30));
        Assert.NotEqual(a, BalanceWindow.Empty(4).Plus(1, 10).Plus(2, 20));
        Assert.True(a != BalanceWindow.Empty(4).Plus(1, 10).Plus(2, 20));
        Assert.Equal(BalanceWindow.Empty(4), BalanceWindow.Empty(9));
        Assert.False(a.Equals((object)"a window"));
    }

    [Fact]
    public void An_empty_window_holds_nothing_and_reads_are_bounded()
    {
        var empty = BalanceWindow.Empty(128);
        Assert.Equal(0, empty.Count);
        Assert.Equal(128, empty.Limit);
        var (times, balances) = empty.Points();
        Assert.Empty(times);
        Assert.Empty(balances);
        Assert.Throws<ArgumentOutOfRangeException>(() => BalanceWindow.Empty(0));
        var one = BalanceWindow.Empty(3).Plus(1, 1);
        Assert.Throws<ArgumentOutOfRangeException>(() => one.Balance(1));
        Assert.Throws<ArgumentOutOfRangeException>(() => one.TimeMs(-1));
    }

    /// <summary>A version and the points it must hold, kept in a plain list.</summary>
    private sealed record Version(BalanceWindow Window, IReadOnlyList<(long Time, double Balance)> Expected)
    {
        public static Version Start(int limit) => new(BalanceWindow.Empty(limit), []);

        public Version Plus(long time, double balance)
        {
            var next = Expected.Append((time, balance)).ToList();
            if (next.Count > Window.Limit)
            {
                next.RemoveAt(0);
            }
            return new Version(Window.Plus(time, balance), next);
        }

        public void Check()
        {
            Assert.Equal(Expected.Count, Window.Count);
            for (var i = 0; i < Expected.Count; i++)
            {
                Assert.Equal(Expected[i].Time, Window.TimeMs(i));
                Assert.Equal(Expected[i].Balance, Window.Balance(i));
            }
            var (times, balances) = Window.Points();
            Assert.Equal(Expected.Select(p => p.Time), times);
            Assert.Equal(Expected.Select(p => p.Balance), balances);
            var rebuilt = BalanceWindow.Empty(Window.Limit);
            foreach (var (t, b) in Expected)
            {
                rebuilt = rebuilt.Plus(t, b);
            }
            Assert.Equal(rebuilt, Window);
            Assert.Equal(rebuilt.GetHashCode(), Window.GetHashCode());
        }

        /// <summary>Exact, or a refusal to read: never a wrong answer.</summary>
        public void CheckOrThrows()
        {
            try
            {
                Window.Points();
            }
            catch (InvalidOperationException)
            {
                return;
            }
            Check();
        }
    }
}
