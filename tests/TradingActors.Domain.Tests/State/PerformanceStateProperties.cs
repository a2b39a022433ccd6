using System.Globalization;
using FsCheck.Xunit;
using TradingActors.Domain.Events;
using TradingActors.Domain.State;
using TradingActors.Metrics;

namespace TradingActors.Domain.Tests.State;

/// <summary>
/// Properties of the fold over random valid event sequences (<see cref="EventScenario"/>): it agrees with the batch
/// functions of the metrics library, never answers NaN or an infinity, is the same whether folded in one pass, in two
/// parts or from a fork, keeps today's trades equal to a scan of the recent trades, and its rolling Sharpe ratio is the
/// plain arithmetic over the window's UTC days. New in the C# build (the JVM build checked one fixed random sequence,
/// ported in <see cref="PerformanceStateTest"/>).
/// </summary>
public class PerformanceStateProperties
{
    private const int Cases = 100;

    /// <summary>
    /// Checked at about 40 points of every sequence and at its end: bit for bit for the trade statistics, drawdowns and
    /// the closes-based figures; within 1e-12 for the moment-based ratios by the measure of docs/metrics.md.
    /// </summary>
    [Property(MaxTest = Cases, Arbitrary = [typeof(StateArbitraries)])]
    public void The_folds_metrics_equal_the_batch_functions_over_the_same_inputs(EventScenario scenario)
    {
        var events = scenario.Events;
        var state = PerformanceState.Empty(scenario.Settings);
        var reference = new Reference();
        var stride = Math.Max(1, events.Count / 40);
        for (var i = 0; i < events.Count; i++)
        {
            state = state.Apply(events[i]);
            reference.Add(events[i]);
            if (i % stride == 0 || i == events.Count - 1)
            {
                AssertMatchesBatch(state, reference, scenario.Settings, i);
            }
        }
        AssertMatchesBatch(state, reference, scenario.Settings, events.Count);
    }

    [Property(MaxTest = Cases, Arbitrary = [typeof(StateArbitraries)])]
    public void No_metric_of_the_state_is_ever_NaN_or_infinite(EventScenario scenario)
    {
        var state = PerformanceState.Empty(scenario.Settings);
        AssertAllFinite(state, -1);
        var i = 0;
        foreach (var e in scenario.Events)
        {
            state = state.Apply(e);
            AssertAllFinite(state, i++);
        }
    }

    [Property(MaxTest = Cases, Arbitrary = [typeof(StateArbitraries)])]
    public void Folding_the_rest_onto_the_state_of_a_prefix_gives_the_one_pass_state(EventScenario scenario, int cut)
    {
        var events = scenario.Events;
        var k = events.Count == 0 ? 0 : (int)((uint)cut % (uint)(events.Count + 1));
        var onePass = StateFixtures.Fold(events, scenario.Settings);
        var first = StateFixtures.Fold(events.Take(k), scenario.Settings);
        var split = StateFixtures.FoldOnto(first, events.Skip(k));
        AssertSameState(onePass, split, $"split at {k}");
    }

    /// <summary>
    /// A fork: from the state of a prefix, the next few events are folded twice (at most four, within the rings'
    /// guarantee for the state forked from); both branches and the state they forked from each equal their one-pass
    /// twin, so nothing one branch wrote into the shared stores leaks into the other; the second branch then folds the
    /// whole rest and still equals its twin. Two branches folded in lockstep from one state to the end likewise.
    /// </summary>
    [Property(MaxTest = Cases, Arbitrary = [typeof(StateArbitraries)])]
    public void A_fork_from_a_recent_state_and_its_original_each_equal_their_one_pass_twin(
        EventScenario scenario, int cut, byte ahead)
    {
        var events = scenario.Events;
        var k = events.Count == 0 ? 0 : (int)((uint)cut % (uint)(events.Count + 1));
        var m = Math.Min(ahead % 5, events.Count - k);
        var settings = scenario.Settings;
        var onePass = StateFixtures.Fold(events, settings);

        var forkPoint = StateFixtures.Fold(events.Take(k), settings);
        var firstBranch = StateFixtures.FoldOnto(forkPoint, events.Skip(k).Take(m));
        var secondBranch = StateFixtures.FoldOnto(forkPoint, events.Skip(k).Take(m));
        AssertSameState(StateFixtures.Fold(events.Take(k), settings), forkPoint, "the fork point");
        var twin = StateFixtures.Fold(events.Take(k + m), settings);
        AssertSameState(twin, firstBranch, "the first branch");
        AssertSameState(twin, secondBranch, "the second branch");
        secondBranch = StateFixtures.FoldOnto(secondBranch, events.Skip(k + m));
        AssertSameState(onePass, secondBranch, "the second branch folded to the end");

        var left = StateFixtures.Fold(events.Take(k), settings);
        var right = left;
        foreach (var e in events.Skip(k))
        {
            left = left.Apply(e);
            right = right.Apply(e);
        }
        AssertSameState(onePass, left, "the left lockstep branch");
        AssertSameState(onePass, right, "the right lockstep branch");
    }

    [Property(MaxTest = Cases, Arbitrary = [typeof(StateArbitraries)])]
    public void Today_trades_equal_a_scan_of_the_recent_trades_after_every_event(EventScenario scenario)
    {
        var state = PerformanceState.Empty(scenario.Settings);
        var i = 0;
        foreach (var e in scenario.Events)
        {
            state = state.Apply(e);
            var dayStart = Time.UtcDay(state.AsOfMs) * Time.MsPerDay;
            var (trades, pnl) = state.RecentTrades.PnlExitedBetween(dayStart, dayStart + Time.MsPerDay);
            var today = state.TodayTrades;
            Assert.True(
                today.Trades == trades && StateFixtures.Bits(today.Pnl) == StateFixtures.Bits(pnl),
                $"after event {i}: TodayTrades {today} but the scan gives ({trades}, {pnl:R})");
            i++;
        }
    }

    /// <summary>
    /// The expected figures are computed here from the raw events alone: daily closes as the last balance of each UTC
    /// date (System.DateTimeOffset's calendar), forward-filled; the returns into the window's W days ending on as_of's
    /// UTC day; mean, sample deviation (ddof = 1) and × √A. The window's trade figures likewise from the distinct trades
    /// with exit in (as_of − W, as_of].
    /// </summary>
    [Property(MaxTest = Cases, Arbitrary = [typeof(StateArbitraries)])]
    public void The_rolling_sharpe_ratio_is_plain_arithmetic_over_the_returns_into_the_windows_utc_days(
        EventScenario scenario)
    {
        var events = scenario.Events;
        var s = scenario.Settings;
        var state = PerformanceState.Empty(s);
        var reference = new Reference();
        var stride = Math.Max(1, events.Count / 40);
        for (var i = 0; i < events.Count; i++)
        {
            state = state.Apply(events[i]);
            reference.Add(events[i]);
            if (i % stride != 0 && i != events.Count - 1)
            {
                continue;
            }
            foreach (var days in new[] { 1, 7, 30 })
            {
                var windowMs = days * Time.MsPerDay;
                var actual = state.Rolling(windowMs);
                var expectedSharpe = PlainSharpe(reference.ReturnsIntoWindow(days), s);
                var where = $"event {i}, {days}-day window";
                Assert.True(
                    StateFixtures.Bits(expectedSharpe) == StateFixtures.Bits(actual.Sharpe),
                    $"{where}: sharpe {actual.Sharpe:R}, plain arithmetic gives {expectedSharpe:R}");
                var expected = reference.WindowTrades(windowMs);
                Assert.Equal(expected.Trades, actual.Trades);
                Assert.Equal(StateFixtures.Bits(expected.NetPnl), StateFixtures.Bits(actual.NetPnl));
                Assert.Equal(StateFixtures.Bits(expected.WinRate), StateFixtures.Bits(actual.WinRate));
                Assert.Equal(StateFixtures.Bits(expected.ProfitFactor), StateFixtures.Bits(actual.ProfitFactor));
                Assert.Equal(StateFixtures.Bits(expected.AvgRr), StateFixtures.Bits(actual.AvgRr));
            }
        }
    }

    [Property(MaxTest = Cases, Arbitrary = [typeof(StateArbitraries)])]
    public void A_retried_trade_changes_nothing_and_every_recorded_id_is_known(EventScenario scenario, int pick)
    {
        var state = StateFixtures.Fold(scenario.Events, scenario.Settings);
        var trades = scenario.Events.OfType<TradeClosed>().ToList();
        foreach (var t in trades)
        {
            Assert.True(state.HasTrade(t.TradeId), t.TradeId);
        }
        Assert.False(state.HasTrade("never-recorded"));
        Assert.Equal(trades.Select(t => t.TradeId).Distinct().Count(), state.TradeIds.Count);
        if (trades.Count == 0)
        {
            return;
        }
        var original = trades[(int)((uint)pick % (uint)trades.Count)];
        var retry = original with { Pnl = original.Pnl + 1_000, ExitTime = original.ExitTime.AddDays(3) };
        var after = state.Apply(retry);
        Assert.Equal(state.EventCount, after.EventCount);
        AssertSameState(state, after, "after a retry");
    }

    private static double? PlainSharpe(List<double> r, MetricSettings s)
    {
        if (r.Count < 2)
        {
            return null;
        }
        var sum = 0.0;
        foreach (var x in r)
        {
            sum += x;
        }
        var mean = sum / r.Count;
        var squares = 0.0;
        foreach (var x in r)
        {
            squares += (x - mean) * (x - mean);
        }
        var std = Math.Sqrt(squares / (r.Count - 1));
        // docs/metrics.md: a deviation at or below 1e-12 of the mean is rounding noise of a constant series: null
        if (!(std > 1e-12 * Math.Abs(mean)))
        {
            return null;
        }
        return (mean - s.RiskFreeRate / s.PeriodsPerYear) / std * Math.Sqrt(s.PeriodsPerYear);
    }

    internal static void AssertSameState(PerformanceState expected, PerformanceState actual, string what)
    {
        Assert.True(expected.Equals(actual), $"{what}: the states differ");
        Assert.Equal(expected.EventCount, actual.EventCount);
        AssertSameBits(expected.Metrics(), actual.Metrics(), what);
        foreach (var window in new[] { RollingWindows.SevenDaysMs, RollingWindows.ThirtyDaysMs })
        {
            Assert.Equal(expected.Rolling(window), actual.Rolling(window));
        }
        Assert.Equal(expected.Today(), actual.Today());
    }

    private static void AssertSameBits(PerformanceMetrics expected, PerformanceMetrics actual, string what)
    {
        foreach (var (e, a) in expected.Values().Zip(actual.Values()))
        {
            Assert.True(
                StateFixtures.Bits(e.Value) == StateFixtures.Bits(a.Value),
                $"{what}: {e.Name} is {a.Value:R}, expected {e.Value:R}");
        }
    }

    private static void AssertMatchesBatch(PerformanceState state, Reference reference, MetricSettings s, int at)
    {
        var expected = new PerformanceMetrics(
            TradeStats.Of(reference.Trades.ToArray()),
            BalanceStats.Of(reference.BalanceTimes.ToArray(), reference.Balances.ToArray(), s));
        var actual = state.Metrics();
        var returns = reference.BalanceTimes.Count == 0
            ? []
            : ReturnStats.SimpleReturns(
                DailyCloses.Of(reference.BalanceTimes.ToArray(), reference.Balances.ToArray()).Closes);
        foreach (var (e, a) in expected.Values().Zip(actual.Values()))
        {
            var where = $"after event {at}: {e.Name} is {a.Value:R}, the batch gives {e.Value:R}";
            Assert.True(e.Value.HasValue == a.Value.HasValue, where + " (null in different places)");
            if (e.Value is not { } x || a.Value is not { } y)
            {
                continue;
            }
            switch (e.Name)
            {
                case "annual_volatility":
                    Assert.True(Math.Abs(x - y) <= 1e-12 * Math.Abs(x), where);
                    break;
                case "sharpe_ratio":
                    Assert.True(
                        Math.Abs(x - y) <= 1e-12 * RatioScale(x, returns, s.RiskFreePerPeriod, ReturnStats.SampleStd(returns), s),
                        where);
                    break;
                case "sortino_ratio":
                    Assert.True(
                        Math.Abs(x - y) <= 1e-12 * RatioScale(
                            x, returns, s.MarPerPeriod, ReturnStats.DownsideDeviation(returns, s.MarPerPeriod), s),
                        where);
                    break;
                default:
                    Assert.True(BitConverter.DoubleToInt64Bits(x) == BitConverter.DoubleToInt64Bits(y), where);
                    break;
            }
        }
    }

    /// <summary>
    /// docs/metrics.md: relative to the larger of the ratio and √A · mean(|r − c|) / deviation, the size the ratio would
    /// have if gains and losses did not cancel in its mean.
    /// </summary>
    private static double RatioScale(double ratio, double[] r, double c, double deviation, MetricSettings s)
    {
        var absSum = 0.0;
        foreach (var x in r)
        {
            absSum += Math.Abs(x - c);
        }
        return Math.Max(Math.Abs(ratio), Math.Sqrt(s.PeriodsPerYear) * (absSum / r.Length) / deviation);
    }

    private static void AssertAllFinite(PerformanceState state, int at)
    {
        foreach (var v in state.Metrics().Values())
        {
            Assert.True(v.Value is not { } x || double.IsFinite(x), $"after event {at}: {v.Name} = {v.Value:R}");
        }
        foreach (var window in new[] { RollingWindows.SevenDaysMs, RollingWindows.ThirtyDaysMs })
        {
            var w = state.Rolling(window);
            double?[] figures = [w.WinRate, w.ProfitFactor, w.AvgRr, w.NetPnl, w.Sharpe];
            Assert.True(
                figures.All(f => f is not { } x || double.IsFinite(x)),
                string.Create(CultureInfo.InvariantCulture, $"after event {at}: rolling {window} ms {w}"));
        }
        if (state.Today() is { } today)
        {
            Assert.True(
                double.IsFinite(today.NetPnl) && (today.OpeningBalance is not { } b || double.IsFinite(b)),
                $"after event {at}: today {today}");
        }
        else
        {
            Assert.Equal(0, state.EventCount);
        }
    }

    /// <summary>The raw inputs of a fold kept as plain lists, independently of the state.</summary>
    private sealed class Reference
    {
        private readonly HashSet<string> _ids = [];

        public List<TradeOutcome> Trades { get; } = [];

        public List<long> BalanceTimes { get; } = [];

        public List<double> Balances { get; } = [];

        public long AsOfMs { get; private set; } = long.MinValue;

        public void Add(IPerformanceEvent e)
        {
            switch (e)
            {
                case TradeClosed t:
                    if (_ids.Add(t.TradeId))
                    {
                        Trades.Add(StateFixtures.OutcomeOf(t));
                        AsOfMs = Math.Max(AsOfMs, Instants.ToEpochMs(t.ExitTime));
                    }
                    break;
                case BalanceUpdated b:
                    BalanceTimes.Add(Instants.ToEpochMs(b.Time));
                    Balances.Add(b.Balance);
                    AsOfMs = Math.Max(AsOfMs, Instants.ToEpochMs(b.Time));
                    break;
            }
        }

        /// <summary>The returns into the <paramref name="days"/> UTC dates ending on as_of's, oldest first.</summary>
        public List<double> ReturnsIntoWindow(int days)
        {
            var returns = new List<double>();
            if (Balances.Count == 0)
            {
                return returns;
            }
            var closes = new SortedDictionary<DateOnly, double>();
            for (var i = 0; i < Balances.Count; i++)
            {
                closes[DateOf(BalanceTimes[i])] = Balances[i];
            }
            var first = closes.Keys.First();
            var last = closes.Keys.Last();
            var filled = new Dictionary<DateOnly, double>();
            var close = closes[first];
            for (var d = first; d <= last; d = d.AddDays(1))
            {
                close = closes.TryGetValue(d, out var c) ? c : close;
                filled[d] = close;
            }
            var asOfDate = DateOf(AsOfMs);
            for (var d = asOfDate.AddDays(1 - days); d <= asOfDate; d = d.AddDays(1))
            {
                if (d > first && d <= last)
                {
                    returns.Add(filled[d] / filled[d.AddDays(-1)] - 1.0);
                }
            }
            return returns;
        }

        public (long Trades, double NetPnl, double? WinRate, double? ProfitFactor, double? AvgRr) WindowTrades(
            long windowMs)
        {
            long count = 0, wins = 0, rrCount = 0;
            double net = 0, profit = 0, loss = 0, rrSum = 0;
            foreach (var t in Trades)
            {
                if (t.ExitTimeMs <= AsOfMs - windowMs || t.ExitTimeMs > AsOfMs)
                {
                    continue;
                }
                count++;
                net += t.Pnl;
                if (t.Pnl > 0)
                {
                    wins++;
                    profit += t.Pnl;
                }
                else if (t.Pnl < 0)
                {
                    loss += -t.Pnl;
                }
                if (t.RiskReward is { } rr)
                {
                    rrSum += rr;
                    rrCount++;
                }
            }
            double? profitFactor = count == 0 ? null
                : profit <= 0 ? 0.0
                : loss <= 0 ? TradeStatistics.ProfitFactorCap
                : Math.Min(profit / loss, TradeStatistics.ProfitFactorCap);
            return (count, net, count == 0 ? null : (double)wins / count, profitFactor,
                rrCount == 0 ? null : rrSum / rrCount);
        }

        private static DateOnly DateOf(long epochMs) =>
            DateOnly.FromDateTime(DateTimeOffset.FromUnixTimeMilliseconds(epochMs).UtcDateTime);
    }
}
