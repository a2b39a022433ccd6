using TradingActors.Domain.State;
using TradingActors.Metrics;

namespace TradingActors.Domain.Tests.State;

/// <summary>
/// Ported from the JVM build's <c>src/domain/src/test/java/io/tradingactors/domain/state/TradeWindowTest.java</c>
/// (8eafd08). The C# window keeps its trades in a ring shared by versions (<see cref="RecentColumns"/>) instead of the
/// JVM's compacting ColumnStore: a version stays exact while at most four trades (half its ring, at least) have been
/// appended to its ring after it, and past the ring's reach a read throws <see cref="InvalidOperationException"/>,
/// never a wrong answer. Every exact version answers its own rolling statistics as <see cref="RollingWindows.Of"/>
/// over the plain list. The store's capacity is private to the ring and not asserted.
/// </summary>
public class TradeWindowTest
{
    private const int RecentAppends = 4;

    [Fact]
    public void A_steady_flow_keeps_the_live_trades_in_order()
    {
        const int live = 100;
        var v = Version.Start;
        for (var i = 0; i < 5_000; i++)
        {
            v = v.Plus(i, i % 3 - 1, i % 4 == 0 ? null : 1.5).Drop(i - live);
            Assert.Equal(Math.Min(i + 1, live), v.Window.Count);
        }
        v.Check();
        var (exits, values) = v.Window.Columns();
        Assert.Equal((4_900L, 4_900 % 3 - 1.0, double.NaN), (exits[0], values[0][0], values[1][0]));
        Assert.Equal((4_901L, 4_901 % 3 - 1.0, 1.5), (exits[1], values[0][1], values[1][1]));
        Assert.Equal((4_999L, 4_999 % 3 - 1.0, 1.5), (exits[99], values[0][99], values[1][99]));
    }

    public static TheoryData<int> Seeds()
    {
        var rnd = new Random(11_22);
        var data = new TheoryData<int>();
        for (var i = 0; i < 25; i++)
        {
            data.Add(rnd.Next());
        }
        return data;
    }

    /// <summary>
    /// A random tree of versions: each step extends or trims an earlier version (mostly the newest). A version with at
    /// most four trades appended anywhere after it is exact and answers its own statistics; an older one is exact or
    /// refuses.
    /// </summary>
    [Theory]
    [MemberData(nameof(Seeds))]
    public void Every_version_of_a_random_tree_keeps_its_own_trades_or_refuses_to_answer(int seed)
    {
        var rnd = new Random(seed);
        var versions = new List<(Version Version, int AppendsBefore)> { (Version.Start, 0) };
        var appends = 0;
        long time = 0;
        for (var step = 0; step < 500; step++)
        {
            var roll = rnd.Next(20);
            var index = roll < 15 ? versions.Count - 1 : roll < 18 ? RecentIndex() : rnd.Next(versions.Count);
            var (from, before) = versions[index];
            time += rnd.Next(1_000);
            var drop = rnd.Next(3) == 0;
            var dropUpTo = time - 20_000 - rnd.Next(20_000);
            var exit = time - rnd.Next(3_000);
            var pnl = Math.Round((rnd.NextDouble() - 0.5) * 100);
            double? rr = rnd.Next(2) == 0 ? null : rnd.NextDouble() * 3;
            try
            {
                var next = drop ? from.Drop(dropUpTo) : from.Plus(exit, pnl, rr);
                versions.Add((next, drop ? before : ++appends));
            }
            catch (InvalidOperationException)
            {
                Assert.True(appends - before > RecentAppends, $"a version {appends - before} appends behind refused");
            }
            if (step % 50 == 0)
            {
                versions[^1].Version.Check();
            }
        }
        foreach (var (version, before) in versions)
        {
            if (appends - before <= RecentAppends)
            {
                version.Check();
            }
            else
            {
                version.CheckOrThrows();
            }
        }

        int RecentIndex()
        {
            var i = versions.Count - 1;
            while (i > 0 && appends - versions[i - 1].AppendsBefore <= RecentAppends && rnd.Next(3) > 0)
            {
                i--;
            }
            return i;
        }
    }

    [Fact]
    public void Equality_compares_trades_in_order_with_an_absent_risk_reward_distinct_from_any_number()
    {
        var a = default(TradeWindow).Plus(1, 10, null).Plus(2, -5, 2.0);
        var b = default(TradeWindow);
        for (var i = 0; i < 40; i++)
        {
            b = b.Plus(-100 + i, i, 1.0);
        }
        b = b.Plus(1, 10, null).Plus(2, -5, 2.0).DropExitedUpTo(0);
        Assert.Equal(a, b);
        Assert.True(a == b);
        Assert.Equal(a.GetHashCode(), b.GetHashCode());
        Assert.NotEqual(a, default(TradeWindow).Plus(1, 10, 0.0).Plus(2, -5, 2.0));
        Assert.NotEqual(a, default(TradeWindow).Plus(1, 10, null).Plus(2, -5, 2.5));
        Assert.NotEqual(a, default(TradeWindow).Plus(1, 11, null).Plus(2, -5, 2.0));
        Assert.True(a != default(TradeWindow).Plus(1, 10, null));
        Assert.Equal(default(TradeWindow), a.DropExitedUpTo(2));
        Assert.Equal(0, a.DropExitedUpTo(2).Count);
        Assert.Equal(a, a.DropExitedUpTo(0));
    }

    [Fact]
    public void Dropping_stops_at_the_first_trade_exited_after_the_time()
    {
        // a late trade behind a newer one stays until the newer one is dropped: the window is in recording order
        var w = default(TradeWindow).Plus(10, 1, null).Plus(30, 2, null).Plus(5, 3, null).Plus(40, 4, null);
        Assert.Equal([30L, 5, 40], w.DropExitedUpTo(10).Columns().ExitTimesMs);
        Assert.Equal([40L], w.DropExitedUpTo(30).Columns().ExitTimesMs);
        Assert.Equal(0, w.DropExitedUpTo(40).Count);
    }

    [Fact]
    public void The_pnl_exited_between_two_times_includes_the_start_and_excludes_the_end()
    {
        var w = default(TradeWindow).Plus(10, 1, null).Plus(20, 2, 1.0).Plus(15, 4, null).Plus(30, 8, null);
        Assert.Equal((3, 7.0), w.PnlExitedBetween(10, 30));
        Assert.Equal((2, 6.0), w.PnlExitedBetween(11, 21));
        Assert.Equal((0, 0.0), w.PnlExitedBetween(31, 100));
        Assert.Equal((0, 0.0), default(TradeWindow).PnlExitedBetween(0, 100));
    }

    /// <summary>A version and the trades it must hold, kept in a plain list.</summary>
    private sealed record Version(TradeWindow Window, IReadOnlyList<(long Exit, double Pnl, double? Rr)> Expected)
    {
        private static readonly long[] Windows = [RollingWindows.SevenDaysMs, 5_000, 1];

        public static Version Start { get; } = new(default, []);

        public Version Plus(long exit, double pnl, double? rr) =>
            new(Window.Plus(exit, pnl, rr), [.. Expected, (exit, pnl, rr)]);

        public Version Drop(long upTo) =>
            new(Window.DropExitedUpTo(upTo), Expected.SkipWhile(t => t.Exit <= upTo).ToList());

        public void Check()
        {
            Assert.Equal(Expected.Count, Window.Count);
            var (exits, values) = Window.Columns();
            var expectedExits = Expected.Select(t => t.Exit).ToArray();
            var expectedPnls = Expected.Select(t => t.Pnl).ToArray();
            var expectedRrs = Expected.Select(t => t.Rr ?? double.NaN).ToArray();
            Assert.Equal(expectedExits, exits);
            Assert.Equal(expectedPnls, values[0]);
            Assert.Equal(expectedRrs, values[1]);
            var rebuilt = default(TradeWindow);
            foreach (var (exit, pnl, rr) in Expected)
            {
                rebuilt = rebuilt.Plus(exit, pnl, rr);
            }
            Assert.Equal(rebuilt, Window);
            Assert.Equal(rebuilt.GetHashCode(), Window.GetHashCode());
            var asOf = Expected.Count == 0 ? 0 : Expected[^1].Exit;
            foreach (var window in Windows)
            {
                Assert.Equal(
                    RollingWindows.Of(expectedExits, expectedPnls, expectedRrs, asOf, window, [], MetricSettings.Defaults),
                    Window.Statistics(asOf, window, [], MetricSettings.Defaults));
            }
        }

        /// <summary>Exact, or a refusal to read: never a wrong answer.</summary>
        public void CheckOrThrows()
        {
            try
            {
                Window.Columns();
            }
            catch (InvalidOperationException)
            {
                return;
            }
            Check();
        }
    }
}
