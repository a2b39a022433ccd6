using TradingActors.Actors.Performance;
using TradingActors.Actors.Risk;
using TradingActors.Domain.Risk;
using TradingActors.Testing;

namespace TradingActors.Actors.Tests.Journal;

/// <summary>
/// A risk manager's decisions survive a restart: stop the node, start a new one on the same journal, and the exposure,
/// the limits, the cooldown and the last change are what they were; its state is snapshotted every 100 decisions; and
/// a node starts every risk manager of its journal, so a timer left running by the old node still lifts its limit.
/// </summary>
public abstract class RiskRecoveryTests(JournalFixture fixture)
{
    private static readonly DateTimeOffset Start = new(2025, 3, 3, 10, 0, 0, TimeSpan.Zero);
    private static readonly TimeSpan Cooldown = TimeSpan.FromMinutes(30);

    private const string Policies = """
        trading-actors.risk.strategies {
          # every trade decides: a loss cuts to 0.5, the next win lifts back to 1
          "busy" {
            consecutive-losses.ladder = [{at = 1, exposure = 0.5}]
            drawdown.ladder = []
            daily-loss.enabled = false
            recovery { cooldown = 0 seconds, wins-per-step = 1 }
          }
          # real time: the actor's own timer must lift the cut
          "fast.1" { recovery.cooldown = 2 seconds }
        }
        """;

    private TestJournal Journal => fixture.Journal;

    private Task<TestNode> StartNodeAsync(TimeProvider? clock) => TestNode.StartAsync(Journal.Settings(Policies), clock);

    private int _trades;

    private Task<EventsRecorded> TradeAsync(TestNode node, string id, DateTimeOffset exit, double pnl) =>
        node.RecordTradesAsync(id, Ev.Trade($"t{Interlocked.Increment(ref _trades)}", exit, pnl));

    [Fact]
    public async Task After_a_restart_the_exposure_limits_and_cooldown_are_those_the_journal_left()
    {
        var clock = new ManualClock(Start);
        ExposureView before;
        await using (var node = await StartNodeAsync(clock))
        {
            EventsRecorded last = null!;
            for (var i = 0; i < 3; i++)
            {
                last = await TradeAsync(node, "restart", clock.Now, -10);
            }
            before = await node.ExposureAsync("restart", last.SequenceNr);
            Assert.Equal(0.5, before.Exposure);
        }

        clock.Advance(TimeSpan.FromMinutes(10));
        await using (var node = await StartNodeAsync(clock))
        {
            var recovered = await node.ExposureAsync("restart", 3);
            BitIdentical.Assert("recovered", before, recovered);
            Assert.Equal(Start + Cooldown, recovered.NextReviewAt);

            await TradeAsync(node, "restart", clock.Now, 10);
            var wins = await TradeAsync(node, "restart", clock.Now, 10); // within the cooldown: nothing yet
            Assert.Equal(0.5, (await node.ExposureAsync("restart", wins.SequenceNr)).Exposure);
            clock.Set(Start + Cooldown);
            var third = await TradeAsync(node, "restart", clock.Now, 10);
            Assert.Equal(1.0, (await node.ExposureAsync("restart", third.SequenceNr)).Exposure);
        }

        // Restarted once more: the risk manager learns the latest figures from its strategy and stays where it was.
        clock.Advance(TimeSpan.FromHours(1));
        await using (var node = await StartNodeAsync(clock))
        {
            var view = await node.ExposureAsync("restart", 6);
            Assert.Equal(1.0, view.Exposure);
            Assert.Null(view.NextReviewAt);
            Assert.Equal(2, (await node.RiskEventsAsync("restart")).Count);
        }
    }

    [Fact]
    public async Task Decisions_are_snapshotted_every_hundred_and_a_restart_recovers_the_same_state()
    {
        var clock = new ManualClock(Start);
        ExposureView before;
        await using (var node = await StartNodeAsync(clock))
        {
            EventsRecorded last = null!;
            for (var i = 0; i < 210; i++)
            {
                clock.Advance(TimeSpan.FromMinutes(1));
                last = await TradeAsync(node, "busy", clock.Now, i % 2 == 0 ? -10 : 10);
                await node.ExposureAsync("busy", last.SequenceNr); // one decision per trade
            }
            before = await node.ExposureAsync("busy", last.SequenceNr);
            Assert.Equal(210, (await node.RiskEventsAsync("busy")).Count);
            var deadline = DateTime.UtcNow.AddSeconds(20);
            while (await Journal.ScalarAsync("SELECT MAX(sequence_number) FROM snapshot WHERE persistence_id = @pid", "risk|busy") != 200)
            {
                Assert.True(DateTime.UtcNow < deadline, "no risk snapshot at decision 200");
                await Task.Delay(50);
            }
        }
        Assert.Equal(1.0, before.Exposure);
        Assert.Equal(210, before.DecidedSequenceNr);

        await using (var node = await StartNodeAsync(clock))
        {
            BitIdentical.Assert("recovered from the snapshot at 200 and 10 events", before, await node.ExposureAsync("busy", 210));
        }
    }

    [Fact]
    public async Task A_node_starts_every_risk_manager_of_its_journal_so_a_pending_cooldown_lifts_without_any_message()
    {
        // Real time: the strategy's policy has a two-second cooldown, and the actor's own timer must fire.
        await using (var node = await StartNodeAsync(clock: null))
        {
            var now = DateTimeOffset.UtcNow;
            EventsRecorded last = null!;
            for (var i = 0; i < 3; i++)
            {
                last = await TradeAsync(node, "fast.1", now, -10);
            }
            Assert.Equal(0.5, (await node.ExposureAsync("fast.1", last.SequenceNr)).Exposure);
            await TradeAsync(node, "fast.1", now, 10);
            last = await TradeAsync(node, "fast.1", now, 10);
            var held = await node.ExposureAsync("fast.1", last.SequenceNr);
            Assert.Equal(0.5, held.Exposure);
            Assert.NotNull(held.NextReviewAt);
        }

        // Stopped within the cooldown. Nothing addresses the risk manager on the next node, yet the lift is journaled.
        await using (var node = await StartNodeAsync(clock: null))
        {
            var deadline = DateTime.UtcNow.AddSeconds(15);
            IReadOnlyList<RiskEvent> events;
            while ((events = await node.RiskEventsAsync("fast.1")).Count < 2)
            {
                Assert.True(DateTime.UtcNow < deadline, "the cut of the stopped node was never lifted");
                await Task.Delay(100);
            }
            var lift = Assert.IsType<ExposureChanged>(events[^1]);
            Assert.Equal((0.5, 1.0, RiskRule.ConsecutiveLosses), (lift.From, lift.To, lift.Rule));
        }
    }
}

public sealed class RiskRecoveryOnSqliteTests(SqliteJournal fixture)
    : RiskRecoveryTests(fixture), IClassFixture<SqliteJournal>;

public sealed class RiskRecoveryOnPostgreSqlTests(PostgresJournal fixture)
    : RiskRecoveryTests(fixture), IClassFixture<PostgresJournal>;
