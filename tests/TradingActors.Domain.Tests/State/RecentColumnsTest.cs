using TradingActors.Domain.Events;
using TradingActors.Domain.State;
using static TradingActors.Domain.Tests.State.StateFixtures;

namespace TradingActors.Domain.Tests.State;

/// <summary>
/// The documented limit of <see cref="RecentColumns"/>, the ring that the versions of <see cref="TradeWindow"/> and
/// <see cref="BalanceWindow"/> share (new in the C# build, which replaced the JVM's ColumnStore): a version whose
/// oldest row a whole ring of newer rows has overwritten throws <see cref="InvalidOperationException"/> on every read
/// rather than answer wrongly, while a version with at most half a ring of rows (at least four) appended after it is
/// exact and can be forked.
/// </summary>
public class RecentColumnsTest
{
    [Fact]
    public void A_version_whose_rows_a_whole_ring_has_overwritten_throws_on_every_read()
    {
        var (ring, start, end) = Rows(null, 0, 0, 1_000, 1_001, 1_002, 1_003);
        Assert.Equal(8, ring.Capacity);
        Assert.Equal((0L, 4L), (start, end));
        // the tip drops its rows and appends on: rows 4..8, the last one in the slot of row 0
        var tip = (ring, start: end, end);
        for (var i = 0; i < 4; i++)
        {
            tip = Rows(tip.ring, tip.end, tip.end, 5);
        }
        Assert.Same(ring, tip.ring);
        Assert.Equal(1_000, ring.Time(start)); // four rows later the old version is intact
        tip = Rows(tip.ring, tip.end, tip.end, 5);
        Assert.Same(ring, tip.ring);
        Assert.Throws<InvalidOperationException>(() => ring.Time(start));
        Assert.Throws<InvalidOperationException>(() => ring.Value(0, start));
        Assert.Throws<InvalidOperationException>(() => ring.Copy(start, end));
        Assert.Throws<InvalidOperationException>(() => ring.FirstAfter(start, end, 10));
        Assert.Throws<InvalidOperationException>(() => RecentColumns.Append(ring, start, end, 1, 2_000, [0.0]));
        // its newer rows are still there, and so is the tip
        Assert.Equal(1_001, ring.Time(start + 1));
        Assert.Equal([5L], ring.Copy(tip.start, tip.end).Times);
    }

    [Fact]
    public void A_trade_window_left_a_whole_ring_behind_refuses_every_read_and_never_answers_wrongly()
    {
        var old = default(TradeWindow).Plus(1_000, 1, null).Plus(1_001, 2, null).Plus(1_002, 3, 1.0).Plus(1_003, 4, null);
        // The fold goes on from it: it drops every trade and records late ones (exits before the old ones') in the
        // ring's slots, a ring's worth of them.
        var tip = old.DropExitedUpTo(5_000);
        for (var i = 0; i < 64; i++)
        {
            tip = tip.Plus(5, -1, null).DropExitedUpTo(5);
        }
        Assert.Equal(4, old.Count); // no read
        Assert.Throws<InvalidOperationException>(() => old.Columns());
        Assert.Throws<InvalidOperationException>(() => old.DropExitedUpTo(10));
        Assert.Throws<InvalidOperationException>(() => old.PnlExitedBetween(0, 10_000));
        Assert.Throws<InvalidOperationException>(() => old.Statistics(1_003, 10_000, [], S));
        Assert.Throws<InvalidOperationException>(() => old.Plus(2_000, 1, null));
        Assert.Equal(0, tip.Count);
        Assert.Equal(default(TradeWindow), tip);
    }

    [Fact]
    public void A_balance_window_left_a_whole_ring_behind_refuses_every_read()
    {
        var old = BalanceWindow.Empty(4);
        for (var i = 0; i < 4; i++)
        {
            old = old.Plus(i, 100 + i);
        }
        var tip = old;
        for (var i = 0; i < 20; i++)
        {
            tip = tip.Plus(10 + i, 200 + i);
        }
        Assert.Throws<InvalidOperationException>(() => old.Points());
        Assert.Throws<InvalidOperationException>(() => old.Balance(0));
        Assert.Throws<InvalidOperationException>(() => old.TimeMs(0));
        Assert.Throws<InvalidOperationException>(() => old.Plus(100, 1));
        Assert.Throws<InvalidOperationException>(() => old.Equals(tip));
        Assert.Equal([26L, 27, 28, 29], tip.Points().TimesMs);
    }

    [Fact]
    public void A_fork_of_the_previous_version_is_safe_after_the_tip_dropped_its_trades_and_reused_the_ring()
    {
        var previous = default(TradeWindow);
        for (var i = 0; i < 8; i++)
        {
            previous = previous.Plus(1_000 + i, i, null);
        }
        var expected = previous.Columns();
        var tip = previous.DropExitedUpTo(10_000);
        for (var i = 0; i < 4; i++)
        {
            tip = tip.Plus(20_000 + i, -i, 2.0);
        }
        Assert.Equal(expected.ExitTimesMs, previous.Columns().ExitTimesMs);
        Assert.Equal(expected.Values[0], previous.Columns().Values[0]);
        var fork = previous.Plus(30_000, 9, null);
        var rebuilt = default(TradeWindow);
        foreach (var (exit, pnl) in expected.ExitTimesMs.Zip(expected.Values[0]))
        {
            rebuilt = rebuilt.Plus(exit, pnl, null);
        }
        Assert.Equal(rebuilt.Plus(30_000, 9, null), fork);
        Assert.Equal(4, tip.Count);
        Assert.Equal([20_000L, 20_001, 20_002, 20_003], tip.Columns().ExitTimesMs);
    }

    [Fact]
    public void A_fork_of_the_previous_state_is_safe_after_a_month_without_trades()
    {
        var events = new List<IPerformanceEvent> { Balance(0, 1_000) };
        for (var i = 0; i < 8; i++)
        {
            events.Add(Trade("t" + i, 1 + i, 10));
        }
        var previous = Fold(events);
        // one branch: a balance 31 days later drops the recent trades, then a trade is recorded
        List<IPerformanceEvent> month = [Balance(24 * 31, 1_080), Trade("m", 24 * 31 + 1, 5)];
        var branch = FoldOnto(previous, month);
        // the other branch forks from the same state
        var fork = previous.Apply(Trade("f", 12, -3));
        PerformanceStateProperties.AssertSameState(Fold(events), previous, "the previous state");
        PerformanceStateProperties.AssertSameState(Fold([.. events, .. month]), branch, "the branch");
        PerformanceStateProperties.AssertSameState(Fold([.. events, Trade("f", 12, -3)]), fork, "the fork");
    }

    private static (RecentColumns Ring, long Start, long End) Rows(
        RecentColumns? ring, long keepFrom, long end, params long[] times)
    {
        var start = keepFrom;
        foreach (var t in times)
        {
            (ring, start) = RecentColumns.Append(ring, start, end, 1, t, [t / 10.0]);
            end = start + (end - keepFrom) + 1;
            keepFrom = start;
        }
        return (ring!, start, end);
    }
}
