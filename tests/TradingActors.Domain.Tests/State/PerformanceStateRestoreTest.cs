using TradingActors.Domain.Events;
using TradingActors.Domain.State;
using TradingActors.Metrics;
using static TradingActors.Domain.Tests.State.StateFixtures;

namespace TradingActors.Domain.Tests.State;

/// <summary>
/// Ported from the JVM build's
/// <c>src/domain/src/test/java/io/tradingactors/domain/state/PerformanceStateMementoTest.java</c> (8eafd08). The C#
/// state has no memento type of its own: <see cref="PerformanceState.Restore"/> rebuilds it from the parts a snapshot
/// stores (trade ids as digests, the recent trades and balances as points, the daily closes as their array and
/// moments), so these tests rebuild every part from plain data. The JSON round trip of the memento belongs to the
/// snapshot serializer and is not tested here.
/// </summary>
public class PerformanceStateRestoreTest
{
    [Fact]
    public void A_restored_state_equals_the_original_and_folds_on_identically()
    {
        var events = RandomSequence(1_500, 23, 10_000);
        var cut = events.Count * 2 / 3;
        var original = Fold(events.Take(cut));
        Assert.Equal(PerformanceState.RecentBalancePoints, original.RecentBalances.Count);
        Assert.NotEqual(0, original.RecentTrades.Count);

        var restored = RestoreFromPlainData(original);
        Assert.Equal(original, restored);
        Assert.Equal(original.GetHashCode(), restored.GetHashCode());

        var untouched = RestoreFromPlainData(original);
        var a = original;
        var b = restored;
        var rest = events.Skip(cut).ToList();
        for (var i = 0; i < rest.Count; i++)
        {
            a = a.Apply(rest[i]);
            b = b.Apply(rest[i]);
            if (i == 3)
            {
                // The folds that went on from the original did not disturb it. (Only within the rings' guarantee: a
                // state that a fold has left far behind may no longer be read, RecentColumnsTest.)
                Assert.Equal(untouched, original);
                Assert.Equal(untouched, restored);
            }
        }
        PerformanceStateProperties.AssertSameState(a, b, "folded on from the restored state");
        PerformanceStateProperties.AssertSameState(Fold(events), a, "folded on from the original");
    }

    [Fact]
    public void The_empty_state_round_trips()
    {
        var empty = PerformanceState.Empty(S);
        Assert.Equal(empty, RestoreFromPlainData(empty));
    }

    [Fact]
    public void A_state_differs_when_its_recent_parts_differ()
    {
        var @base = PerformanceState.Empty(S).Apply(Balance(1, 1000));
        Assert.NotEqual(@base.Apply(Balance(2, 1001)), @base.Apply(Balance(2, 1002)));
        Assert.NotEqual(@base.Apply(Trade("a", 2, 10)), @base.Apply(Trade("b", 2, 10)));
        Assert.Equal(@base.Apply(Trade("a", 2, 10)), @base.Apply(Trade("a", 2, 10)));
        Assert.NotEqual(@base.Apply(Trade("a", 2, 10)), @base.Apply(TradeWithRiskReward("a", 2, 10, null)));
        Assert.NotEqual(PerformanceState.Empty(S), PerformanceState.Empty(new MetricSettings(252, 0, 0)));
    }

    private static TradeClosed TradeWithRiskReward(string id, double hours, double pnl, double? riskReward)
    {
        var exit = At(hours);
        return StateFixtures.Trade(id, exit.AddHours(-1), exit, pnl, riskReward);
    }

    /// <summary>A state rebuilt from copies of its parts as plain values and arrays: what a snapshot stores.</summary>
    private static PerformanceState RestoreFromPlainData(PerformanceState s)
    {
        var ids = TradeIdSet.FromDigests(s.TradeIds.Digests());
        var (exits, values) = s.RecentTrades.Columns();
        var trades = default(TradeWindow);
        for (var i = 0; i < exits.Length; i++)
        {
            trades = trades.Plus(exits[i], values[0][i], double.IsNaN(values[1][i]) ? null : values[1][i]);
        }
        var (times, balances) = s.RecentBalances.Points();
        var recentBalances = BalanceWindow.Empty(PerformanceState.RecentBalancePoints);
        for (var i = 0; i < times.Length; i++)
        {
            recentBalances = recentBalances.Plus(times[i], balances[i]);
        }
        var daily = s.Daily.IsEmpty
            ? DailyCloseSeries.Empty(s.Settings.MarPerPeriod)
            : DailyCloseSeries.Restore(
                s.Daily.FirstDay, s.Daily.FinalizedCloseArray(), s.Daily.CurrentDay, s.Daily.LastClose,
                s.Daily.FinalizedMoments);
        return PerformanceState.Restore(
            s.Settings, s.EventCount, s.AsOfMs, s.Tally, ids, trades, s.Drawdown, daily, recentBalances, s.TodayTrades);
    }
}
