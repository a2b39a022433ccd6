using TradingActors.Domain.Risk;

namespace TradingActors.Domain.Tests.Risk;

/// <summary>
/// The backtest path: every snapshot decided at its own time, the live timer's reviews in between. Ported from the JVM
/// build's <c>RiskTimelineTest</c>, which drove <c>ReportBuilder</c>; here a small figure fold
/// (<see cref="FigureFold"/>) stands in for the performance state, so the same event sequences give the same figures.
/// </summary>
public sealed class RiskTimelineTests
{
    private static readonly TimeSpan Cooldown = RiskPolicy.Defaults.Cooldown;

    private static RiskTimeline Run(Func<FigureFold, RiskInputs>[] events)
    {
        var fold = new FigureFold();
        var timeline = new RiskTimeline(RiskPolicy.Defaults);
        foreach (var e in events)
        {
            timeline.Observe(e(fold));
        }
        return timeline;
    }

    private static Func<FigureFold, RiskInputs> Balance(double hours, double balance) =>
        f => f.Balance(FigureFold.Hours(hours), balance);

    private static Func<FigureFold, RiskInputs> Trade(double exitHours, double pnl) =>
        f => f.Trade(FigureFold.Hours(exitHours), pnl);

    // Java: RiskTimelineTest.the_report_shows_when_the_live_rules_would_have_cut_and_restored_exposure
    [Fact]
    public void The_report_shows_when_the_live_rules_would_have_cut_and_restored_exposure()
    {
        var r = Run([
            Balance(0, 10_000),
            Trade(1, -10), Trade(2, -10), Trade(3, -10), // 3 losses at 03:00 → 0.5
            Trade(3.25, 20), //                            a win inside the cooldown
            Trade(5, 20), //                               the second: one step up, at 05:00
        ]);
        Assert.Equal(2, r.Events.Count);
        var cut = Assert.IsType<ExposureChanged>(r.Events[0]);
        Assert.Equal(0.5, cut.To);
        Assert.Equal(FigureFold.T0.AddHours(3), cut.At);
        Assert.Equal(4, cut.SnapshotSequenceNr);
        var up = Assert.IsType<ExposureChanged>(r.Events[1]);
        Assert.Equal(1.0, up.To);
        Assert.Equal(FigureFold.T0.AddHours(5), up.At);
        Assert.Equal(1.0, r.State.Exposure);
    }

    // Java: RiskTimelineTest
    //       .a_lift_due_at_the_end_of_the_cooldown_happens_then_as_the_live_timer_would_not_at_the_next_event
    [Fact]
    public void A_lift_due_at_the_end_of_the_cooldown_happens_then_as_the_live_timer_would_not_at_the_next_event()
    {
        var r = Run([
            Balance(0, 10_000),
            Balance(1, 8_800), //   12% drawdown at 01:00 → 0.5
            Balance(1.1, 9_800), // 2% inside the cooldown: no lift yet
            Balance(6, 9_850), //   five hours later
        ]);
        Assert.Equal(2, r.Events.Count);
        Assert.Equal(FigureFold.T0.AddHours(1) + Cooldown, r.Events[1].At);
        Assert.Equal(3, r.Events[1].SnapshotSequenceNr); // decided on the figures it had then
        Assert.Equal(1.0, r.State.Exposure);
    }

    // Java: RiskTimelineTest.the_daily_loss_limit_over_a_backtest_lifts_at_the_next_utc_midnight
    [Fact]
    public void The_daily_loss_limit_over_a_backtest_lifts_at_the_next_utc_midnight()
    {
        var r = Run([
            Balance(0, 10_000),
            Trade(22, -600), //    2025-03-01 22:00: −6% of the day's opening 10,000
            Balance(22, 9_400),
            Balance(30, 9_450), // 2025-03-02 06:00
        ]);
        Assert.Equal([RiskRule.DailyLoss, RiskRule.DailyLoss], r.Events.Select(e => e.Rule));
        Assert.Equal(FigureFold.T0.AddDays(1), r.Events[1].At);
        Assert.Equal("daily_loss 0 -> 1: a new UTC day began (2025-03-02)", r.Events[1].Reason);
    }

    // Not in the Java suite: a snapshot without a time (before any event) decides nothing.
    [Fact]
    public void A_snapshot_without_a_time_is_ignored()
    {
        var timeline = new RiskTimeline(RiskPolicy.Defaults);
        timeline.Observe(new RiskInputs(1, null, 8, 0, 8, null, null, null, null, 0));
        Assert.Empty(timeline.Events);
        Assert.Same(RiskState.Initial, timeline.State);
    }

    // Java: RiskTimelineTest.a_long_random_backtest_stays_consistent (its seed, balance and winning edge; then a
    // smaller balance without an edge, on which the same pnl moves drawdown and daily loss enough for every rule to cut
    // and lift)
    [Theory]
    [InlineData(11, 10_000, 0.05, false)]
    [InlineData(12, 1_000, 0.0, true)]
    [InlineData(13, 1_000, 0.0, true)]
    public void A_long_random_backtest_stays_consistent(int seed, double initial, double edge, bool everyRule)
    {
        var fold = new FigureFold();
        var timeline = new RiskTimeline(RiskPolicy.Defaults);
        foreach (var inputs in RandomSequence(fold, 2_000, seed, initial, edge))
        {
            timeline.Observe(inputs);
        }
        var replayed = RiskState.Initial;
        var exposure = 1.0;
        var previousAt = DateTimeOffset.MinValue;
        foreach (var e in timeline.Events)
        {
            if (e is ExposureChanged x)
            {
                Assert.Equal(exposure, x.From);
                Assert.NotEqual(x.From, x.To);
                exposure = x.To;
            }
            Assert.Equal(exposure, e.Limits.Exposure);
            Assert.True(e.At >= previousAt, "decisions are in time order");
            previousAt = e.At;
            replayed = replayed.Apply(e);
        }
        Assert.Equal(timeline.State.Exposure, replayed.Exposure);
        Assert.Equal(timeline.State, replayed);
        Assert.NotEmpty(timeline.Events);
        if (everyRule)
        {
            Assert.Contains(timeline.Events, e => e is LimitChanged);
            foreach (var rule in new[] { RiskRule.ConsecutiveLosses, RiskRule.Drawdown, RiskRule.DailyLoss })
            {
                var moves = timeline.Events.SelectMany(Moves).Where(m => m.Rule == rule).ToList();
                Assert.Contains(moves, m => m.To < m.From);
                Assert.Contains(moves, m => m.To > m.From);
            }
        }
    }

    /// <summary>Every limit a decision moved, as its reason lists them (<c>rule from -&gt; to: why</c>).</summary>
    private static IEnumerable<(RiskRule Rule, double From, double To)> Moves(RiskEvent e) =>
        e.Reason.Split("; ").Select(part =>
        {
            var head = part[..part.IndexOf(':', StringComparison.Ordinal)].Split(' ');
            Assert.True(RiskRuleNames.TryParse(head[0], out var rule));
            return (rule, double.Parse(head[1], System.Globalization.CultureInfo.InvariantCulture),
                double.Parse(head[3], System.Globalization.CultureInfo.InvariantCulture));
        });

    /// <summary>
    /// A random but valid sequence in time order (the shape of the Java fixture's <c>randomSequence</c>): trades with a
    /// balance after each, intraday ticks and multi-day gaps, starting at <paramref name="initial"/>; pnl within ±100
    /// shifted by <paramref name="edge"/> × 200.
    /// </summary>
    private static IEnumerable<RiskInputs> RandomSequence(
        FigureFold fold, int trades, int seed, double initial, double edge)
    {
#pragma warning disable CA5394 // deterministic test data, not security
        var rnd = new Random(seed);
        var t = FigureFold.T0;
        var balance = initial;
        yield return fold.Balance(t, balance);
        for (var i = 0; i < trades; i++)
        {
            var entry = t.AddMinutes(1 + rnd.Next(600));
            var exit = entry.AddMinutes(1 + rnd.Next(rnd.Next(10) == 0 ? 5_000 : 900));
            var pnl = rnd.Next(12) == 0 ? 0.0 : Math.Round((rnd.NextDouble() - 0.5 + edge) * 20_000) / 100.0;
            yield return fold.Trade(exit, pnl);
            balance = Math.Max(1.0, balance + pnl);
            yield return fold.Balance(exit, balance);
            var ticks = rnd.Next(3);
            for (var k = 0; k < ticks; k++)
            {
                exit = exit.AddMinutes(1 + rnd.Next(120));
                yield return fold.Balance(exit, Math.Max(1.0, balance + ((rnd.NextDouble() - 0.5) * 50)));
            }
            t = exit;
        }
#pragma warning restore CA5394
    }
}
