using TradingActors.Actors.Performance;
using TradingActors.Domain;
using TradingActors.Domain.Events;
using TradingActors.Domain.State;
using TradingActors.Metrics;
using TradingActors.Testing;

namespace TradingActors.Actors.Tests.Journal;

/// <summary>
/// A strategy saves a snapshot of its state every N events (N from the node's config file), keeps only the latest, and
/// recovers from snapshot + tail to exactly the state it had — and to the same state from its events alone. Its state
/// does not grow with balance ticks. Each test stops and starts its own nodes on the class's journal.
/// </summary>
public abstract class SnapshotRecoveryTests(JournalFixture fixture)
{
    private const int SnapshotEvery = 25;

    private TestJournal Journal => fixture.Journal;

    private Task<TestNode> StartNodeAsync() =>
        TestNode.StartAsync(Journal.Settings($"trading-actors.performance.snapshot-every = {SnapshotEvery}"));

    private static MetricsSnapshot Fold(string id, IEnumerable<IPerformanceEvent> events)
    {
        var state = PerformanceState.Empty(MetricSettings.Defaults);
        foreach (var e in events)
        {
            state = state.Apply(e);
        }
        return MetricsSnapshot.Of(id, state.EventCount, state);
    }

    private static async Task WriteInBatchesAsync(TestNode node, string id, List<IPerformanceEvent> events, int size)
    {
        for (var from = 0; from < events.Count; from += size)
        {
            var batch = events.Skip(from).Take(size).ToList();
            Assert.Equal(batch.Count, (await node.RecordEventsAsync(id, batch)).Recorded);
        }
    }

    /// <summary>
    /// Waits until the newest snapshot row of the id is at <paramref name="sequenceNr"/> (snapshots are saved after
    /// the write's answer) and, with <paramref name="onlyOne"/>, the older ones are deleted (after the save).
    /// </summary>
    private async Task WaitForSnapshotAsync(string persistenceId, long sequenceNr, bool onlyOne)
    {
        var deadline = DateTime.UtcNow.AddSeconds(20);
        while (true)
        {
            var latest = await Journal.ScalarAsync(
                "SELECT MAX(sequence_number) FROM snapshot WHERE persistence_id = @pid", persistenceId);
            var rows = await Journal.SnapshotRowsAsync(persistenceId);
            if (latest == sequenceNr && (!onlyOne || rows == 1))
            {
                return;
            }
            Assert.True(latest <= sequenceNr, $"{persistenceId}: a snapshot at {latest}, beyond {sequenceNr}");
            Assert.True(DateTime.UtcNow < deadline,
                $"{persistenceId}: {rows} snapshot rows, the latest at {latest}; expected {(onlyOne ? "only " : "")}one at {sequenceNr}");
            await Task.Delay(50);
        }
    }

    [Fact]
    public async Task A_snapshot_is_saved_every_n_events_of_the_config_file_and_only_the_latest_is_kept()
    {
        await using var node = await StartNodeAsync();
        var events = Ev.Random(1, 60);

        await WriteInBatchesAsync(node, "every-n", events[..20], 10);
        Assert.Equal(0, await Journal.SnapshotRowsAsync("strategy|every-n")); // 20 < 25
        await WriteInBatchesAsync(node, "every-n", events[20..], 10);

        // At 30 (30 − 0 ≥ 25) and at 60 (60 − 30 ≥ 25); the one at 30 is deleted once the one at 60 is saved.
        await WaitForSnapshotAsync("strategy|every-n", 60, onlyOne: true);
    }

    [Fact]
    public async Task Recovery_from_the_snapshot_and_the_tail_and_from_the_events_alone_give_the_same_state()
    {
        var events = Ev.Random(2, 137);
        var expected = Fold("x", events);
        MetricsSnapshot liveA, liveB;
        BalanceHistory historyA;
        await using (var node = await StartNodeAsync())
        {
            await WriteInBatchesAsync(node, "recover-a", events, 9);
            await WriteInBatchesAsync(node, "recover-b", events, 9);
            liveA = await node.MetricsAsync("recover-a");
            liveB = await node.MetricsAsync("recover-b");
            historyA = await node.BalanceHistoryAsync("recover-a");
            // 27, 54, 81, 108, 135: a tail of 2 events
            await WaitForSnapshotAsync("strategy|recover-a", 135, onlyOne: true);
            await WaitForSnapshotAsync("strategy|recover-b", 135, onlyOne: false);
        }
        BitIdentical.Assert("live", expected with { StrategyId = "recover-a" }, liveA);
        BitIdentical.Assert("live", expected with { StrategyId = "recover-b" }, liveB);

        // The snapshot is what recovery reads: without the events it covers, the state is still whole.
        Assert.Equal(135, await Journal.ExecuteAsync(
            "DELETE FROM journal WHERE persistence_id = @pid AND sequence_number <= 135", "strategy|recover-a"));
        // And the events alone are enough without the snapshot.
        Assert.InRange(await Journal.ExecuteAsync("DELETE FROM snapshot WHERE persistence_id = @pid", "strategy|recover-b"), 1, 2);

        var more = Ev.Random(3, 40).Select(e => e is TradeClosed t ? t with { TradeId = "more-" + t.TradeId } : e)
            .Select(e => Shift(e, TimeSpan.FromDays(90))).ToList();
        await using (var node = await StartNodeAsync())
        {
            BitIdentical.Assert("recovered from snapshot + tail", liveA, await node.MetricsAsync("recover-a"));
            BitIdentical.Assert("balance history", historyA, await node.BalanceHistoryAsync("recover-a"));
            BitIdentical.Assert("recovered from the events alone", liveB, await node.MetricsAsync("recover-b"));

            // The recovered strategy carries on where it stood: sequence numbers, idempotency, the fold.
            Assert.Equal(new EventsRecorded(0, 1, 137), await node.RecordEventsAsync("recover-a", [events.OfType<TradeClosed>().First()]));
            var after = await node.RecordEventsAsync("recover-a", more);
            Assert.Equal(137 + more.Count, after.SequenceNr);
            BitIdentical.Assert("after more events", Fold("recover-a", events.Concat(more)), await node.MetricsAsync("recover-a"));
        }
    }

    [Fact]
    public async Task The_state_of_a_strategy_does_not_grow_with_balance_ticks()
    {
        await using var node = await StartNodeAsync();
        var ticks = Enumerable.Range(0, 3_000)
            .Select(i => (IPerformanceEvent)new BalanceUpdated(Ev.T0.AddSeconds(10 * i), 10_000 + (i % 97) - (i % 13)))
            .ToList();

        await WriteInBatchesAsync(node, "ticks", ticks[..1_000], 100);
        var after1000 = await SnapshotBytesAsync("strategy|ticks", 1_000);
        await WriteInBatchesAsync(node, "ticks", ticks[1_000..], 100);
        var after3000 = await SnapshotBytesAsync("strategy|ticks", 3_000);

        Assert.InRange(after3000, after1000 - 64, after1000 + 64);
        var history = await node.BalanceHistoryAsync("ticks");
        Assert.Equal(PerformanceState.RecentBalancePoints, history.RecentTimes.Count);
        Assert.Single(history.DailyCloses);
    }

    private async Task<long> SnapshotBytesAsync(string persistenceId, long sequenceNr)
    {
        await WaitForSnapshotAsync(persistenceId, sequenceNr, onlyOne: true);
        return await Journal.ScalarAsync("SELECT length(snapshot) FROM snapshot WHERE persistence_id = @pid", persistenceId);
    }

    private static IPerformanceEvent Shift(IPerformanceEvent e, TimeSpan by) => e switch
    {
        TradeClosed t => t with { EntryTime = t.EntryTime + by, ExitTime = t.ExitTime + by },
        BalanceUpdated b => b with { Time = b.Time + by },
        _ => e,
    };
}

public sealed class SnapshotRecoveryOnSqliteTests(SqliteJournal fixture)
    : SnapshotRecoveryTests(fixture), IClassFixture<SqliteJournal>;

public sealed class SnapshotRecoveryOnPostgreSqlTests(PostgresJournal fixture)
    : SnapshotRecoveryTests(fixture), IClassFixture<PostgresJournal>;
