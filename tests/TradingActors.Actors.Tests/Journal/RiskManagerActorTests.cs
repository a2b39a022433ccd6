using Akka.Actor;
using TradingActors.Actors.Performance;
using TradingActors.Actors.Risk;
using TradingActors.Domain.Risk;
using TradingActors.Testing;

namespace TradingActors.Actors.Tests.Journal;

/// <summary>
/// The sharded risk manager on a real journal, driven as production drives it: trades and balances into the strategy
/// actor, figures from there to the risk manager, decisions persisted as <c>risk|ID</c> and published as
/// <see cref="RiskDecided"/>. Time is the node's <see cref="ManualClock"/>; where a test moves it past a cooldown it
/// sends the <see cref="ReviewDue"/> the actor's timer would send then. Ported from the JVM build's
/// RiskManagerActorJournalTest and RiskManagerActorBehaviorTest.
/// </summary>
public abstract class RiskManagerActorTests(NodeFixture fixture)
{
    private static readonly TimeSpan Cooldown = TimeSpan.FromMinutes(30);
    private static readonly TimeSpan Quiet = TimeSpan.FromMilliseconds(300);

    private TestNode Node => fixture.Node;

    private ManualClock Clock => fixture.Clock;

    private int _trades;

    /// <summary>A trade of <paramref name="pnl"/> exiting now (the clock's time), acknowledged.</summary>
    private Task<EventsRecorded> TradeAsync(string id, double pnl) =>
        Node.RecordTradesAsync(id, Ev.Trade($"t{Interlocked.Increment(ref _trades)}", Clock.Now, pnl));

    private Task<EventsRecorded> BalanceAsync(string id, double balance) =>
        Node.RecordBalancesAsync(id, new Domain.Events.BalanceUpdated(Clock.Now, balance));

    private Probe Decisions()
    {
        var probe = new Probe(Node.System);
        Node.System.EventStream.Subscribe(probe.Ref, typeof(RiskDecided));
        return probe;
    }

    private static async Task<ExposureChanged> ExpectExposureAsync(Probe decisions, string id, double to, RiskRule rule)
    {
        var decided = await decisions.ExpectAsync<RiskDecided>();
        Assert.Equal(id, decided.StrategyId);
        var change = Assert.IsType<ExposureChanged>(decided.Decision);
        Assert.Equal((to, rule), (change.To, change.Rule));
        return change;
    }

    [Fact]
    public async Task Three_losses_in_a_row_cut_exposure_to_half_as_seen_at_the_writes_sequence_number()
    {
        Clock.Set(NodeFixture.ClockStart);
        var decisions = Decisions();
        await TradeAsync("three-losses", -10);
        var second = await TradeAsync("three-losses", -10);
        Assert.Equal(1.0, (await Node.ExposureAsync("three-losses", second.SequenceNr)).Exposure);

        var third = await TradeAsync("three-losses", -10);
        var view = await Node.ExposureAsync("three-losses", third.SequenceNr);

        Assert.Equal(0.5, view.Exposure);
        Assert.Equal(3, view.DecidedSequenceNr);
        var cut = Assert.IsType<ExposureChanged>(view.LastChange);
        Assert.Equal((1.0, 0.5, RiskRule.ConsecutiveLosses, 3L), (cut.From, cut.To, cut.Rule, cut.SnapshotSequenceNr));
        Assert.Equal("consecutive_losses 1 -> 0.5: 3 consecutive losses reached the rung at 3", cut.Reason);
        Assert.Equal(3, cut.Figures!.ConsecutiveLosses);
        Assert.Equal(Clock.Now, cut.At);
        Assert.Equal(0.5, view.Limits.ConsecutiveLosses);
        Assert.Equal(Clock.Now + Cooldown, view.NextReviewAt);
        BitIdentical.Assert("published", cut, await ExpectExposureAsync(decisions, "three-losses", 0.5, RiskRule.ConsecutiveLosses));
        BitIdentical.Assert("persisted", new RiskEvent[] { cut }, await Node.RiskEventsAsync("three-losses"));
    }

    [Fact]
    public async Task An_exposure_query_at_a_sequence_number_not_yet_decided_waits_for_it()
    {
        Clock.Set(NodeFixture.ClockStart);
        await TradeAsync("waits", -10);
        await TradeAsync("waits", -10);

        var pending = Node.ExposureAsync("waits", atLeast: 3);
        await Task.Delay(Quiet);
        Assert.False(pending.IsCompleted, "answered before the figures of sequence number 3 were decided on");
        await TradeAsync("waits", -10);

        var view = await pending;
        Assert.Equal(0.5, view.Exposure);
        Assert.Equal(3, view.DecidedSequenceNr);
    }

    [Fact]
    public async Task A_drawdown_of_ten_percent_cuts_exposure_to_half()
    {
        Clock.Set(NodeFixture.ClockStart);
        await BalanceAsync("drawdown", 10_000);
        Clock.Advance(TimeSpan.FromMinutes(5));
        var write = await BalanceAsync("drawdown", 8_900);

        var view = await Node.ExposureAsync("drawdown", write.SequenceNr);

        Assert.Equal(0.5, view.Exposure);
        var cut = Assert.IsType<ExposureChanged>(view.LastChange);
        Assert.Equal(RiskRule.Drawdown, cut.Rule);
        Assert.Equal(1 - (8_900 / 10_000.0), cut.Figures!.CurrentDrawdown);
    }

    [Fact]
    public async Task A_backtest_run_of_the_strategy_reaches_no_risk_manager()
    {
        Clock.Set(NodeFixture.ClockStart);
        for (var i = 0; i < 3; i++)
        {
            await Node.RecordTradesAsync("backtested@run-1", Ev.Trade($"bt{i}", Clock.Now, -10));
        }
        var live = await TradeAsync("backtested", 5);

        Assert.Equal(1.0, (await Node.ExposureAsync("backtested", live.SequenceNr)).Exposure);
        Assert.Empty(await Node.RiskEventsAsync("backtested"));
        Assert.Empty(await Node.RiskEventsAsync("backtested@run-1"));
    }

    [Fact]
    public async Task Wins_within_the_cooldown_lift_nothing_and_the_review_at_its_end_steps_back_up()
    {
        Clock.Set(NodeFixture.ClockStart);
        var decisions = Decisions();
        for (var i = 0; i < 3; i++)
        {
            await TradeAsync("cooldown", -10);
        }
        var cut = await ExpectExposureAsync(decisions, "cooldown", 0.5, RiskRule.ConsecutiveLosses);

        Clock.Advance(TimeSpan.FromMinutes(10));
        await TradeAsync("cooldown", 25);
        var wins = await TradeAsync("cooldown", 25);
        var held = await Node.ExposureAsync("cooldown", wins.SequenceNr);
        Assert.Equal(0.5, held.Exposure);
        Assert.Equal(cut.At + Cooldown, held.NextReviewAt);
        await decisions.ExpectNoMessageAsync(Quiet);

        // At the end of the cooldown the timer's review spends the two wins: one step up the ladder.
        Clock.Set(cut.At + Cooldown);
        var manager = await Node.RiskManagerEntityAsync("cooldown");
        manager.Tell(ReviewDue.Instance, ActorRefs.NoSender);
        var lifted = await ExpectExposureAsync(decisions, "cooldown", 1.0, RiskRule.ConsecutiveLosses);
        Assert.Equal("consecutive_losses 0.5 -> 1: 2 consecutive wins after the cooldown, one step up per 2 wins", lifted.Reason);
        Assert.Equal(cut.At + Cooldown, lifted.At);
        var view = await Node.ExposureAsync("cooldown");
        Assert.Equal(1.0, view.Exposure);
        Assert.Null(view.NextReviewAt);
        Assert.Equal(2, (await Node.RiskEventsAsync("cooldown")).Count);
    }

    [Fact]
    public async Task Older_and_repeated_figures_never_override_newer_ones()
    {
        Clock.Set(NodeFixture.ClockStart);
        static StrategyFigures Losses(long sequenceNr, int losses) => new("ordering", new RiskInputs(
            sequenceNr, NodeFixture.ClockStart, losses, 0, losses, null, null, DateOnly.FromDateTime(NodeFixture.ClockStart.UtcDateTime), null, -losses));

        Node.RiskManagers.Tell(Losses(5, 3), ActorRefs.NoSender);
        Assert.Equal(0.5, (await Node.ExposureAsync("ordering", 5)).Exposure);
        Node.RiskManagers.Tell(Losses(4, 8), ActorRefs.NoSender); // older, though worse
        Node.RiskManagers.Tell(Losses(5, 8), ActorRefs.NoSender); // the same sequence number again

        var view = await Node.ExposureAsync("ordering", 5);
        Assert.Equal(0.5, view.Exposure);
        Assert.Equal(5, view.DecidedSequenceNr);
        Assert.Single(await Node.RiskEventsAsync("ordering"));
        Node.RiskManagers.Tell(Losses(6, 5), ActorRefs.NoSender);
        Assert.Equal(0.25, (await Node.ExposureAsync("ordering", 6)).Exposure);
        Assert.Equal(2, (await Node.RiskEventsAsync("ordering")).Count);
    }

    [Fact]
    public async Task An_operators_halt_overrides_every_rule_until_resumed_and_both_reasons_are_persisted()
    {
        Clock.Set(NodeFixture.ClockStart);
        var halted = Assert.IsType<ExposureView>(await Node.AskRiskAsync(new HaltStrategy("halted", "desk review")));
        Assert.Equal(0.0, halted.Exposure);
        Assert.Equal("manual_halt 1 -> 0: halted by an operator: desk review", halted.LastChange!.Reason);
        Assert.Equal(RiskRule.ManualHalt, halted.LastChange.Rule);
        // Halting again changes nothing.
        Assert.Equal(0.0, Assert.IsType<ExposureView>(await Node.AskRiskAsync(new HaltStrategy("halted", "again"))).Exposure);

        // The rules keep moving underneath: three losses cut their limit, not the exposure.
        EventsRecorded last = null!;
        for (var i = 0; i < 3; i++)
        {
            last = await TradeAsync("halted", -10);
        }
        var underneath = await Node.ExposureAsync("halted", last.SequenceNr);
        Assert.Equal((0.0, 0.5), (underneath.Exposure, underneath.Limits.ConsecutiveLosses));

        Clock.Advance(TimeSpan.FromMinutes(1));
        var resumed = Assert.IsType<ExposureView>(await Node.AskRiskAsync(new ResumeStrategy("halted", "reviewed")));
        Assert.Equal(0.5, resumed.Exposure); // what the rules allow now
        Assert.Equal(0.5, Assert.IsType<ExposureView>(await Node.AskRiskAsync(new ResumeStrategy("halted", "again"))).Exposure);

        var persisted = await Node.RiskEventsAsync("halted");
        Assert.Collection(persisted,
            e => Assert.Equal((RiskRule.ManualHalt, 0.0), (Assert.IsType<ExposureChanged>(e).Rule, e.To)),
            e => Assert.Equal((RiskRule.ConsecutiveLosses, 0.5), (Assert.IsType<LimitChanged>(e).Rule, e.To)),
            e =>
            {
                var resume = Assert.IsType<ExposureChanged>(e);
                Assert.Equal((0.0, 0.5, RiskRule.ManualHalt), (resume.From, resume.To, resume.Rule));
                Assert.Equal("manual_halt 0 -> 1: resumed by an operator: reviewed", resume.Reason);
                Assert.Equal(NodeFixture.ClockStart.AddMinutes(1), resume.At);
            });
    }

    [Fact]
    public async Task A_halt_or_resume_without_a_reason_or_with_one_over_500_characters_is_refused_and_persists_nothing()
    {
        var blank = Assert.IsType<CommandRejected>(await Node.AskRiskAsync(new HaltStrategy("no-reason", " ")));
        Assert.Equal("reason", Assert.Single(blank.Violations).Field);
        var tooLong = Assert.IsType<CommandRejected>(await Node.AskRiskAsync(new HaltStrategy("no-reason", new string('x', 501))));
        Assert.Equal("reason: 501 characters, at most 500", tooLong.ToString());
        Assert.Equal(1.0, (await Node.ExposureAsync("no-reason")).Exposure);

        await Node.AskRiskAsync(new HaltStrategy("no-reason", new string('x', 500)));
        Assert.IsType<CommandRejected>(await Node.AskRiskAsync(new ResumeStrategy("no-reason", "")));
        Assert.Equal(0.0, (await Node.ExposureAsync("no-reason")).Exposure);
        Assert.Single(await Node.RiskEventsAsync("no-reason"));
    }
}

public sealed class RiskManagerActorOnSqliteTests(SqliteNode fixture)
    : RiskManagerActorTests(fixture), IClassFixture<SqliteNode>;

public sealed class RiskManagerActorOnPostgreSqlTests(PostgresNode fixture)
    : RiskManagerActorTests(fixture), IClassFixture<PostgresNode>;
