using TradingActors.Actors.Performance;
using TradingActors.Actors.Replay;
using TradingActors.Actors.Tests.Journal;
using TradingActors.Cli.Commands;
using TradingActors.Cli.Hosting;
using TradingActors.Domain.Events;
using TradingActors.Testing;

namespace TradingActors.Parity.Tests;

/// <summary>
/// Imports as <c>import</c> runs them (<see cref="ImportCommand.ImportAsync"/>: batches, several in flight) keep
/// parity with <c>report</c> through what goes wrong: an import run twice, an invalid batch, a node stopped in the
/// middle of an import and the import run again.
/// </summary>
public abstract class ImportParityTests(JournalFixture fixture)
{
    private const string Config = "trading-actors.performance.snapshot-every = 100";

    private TestJournal Journal => fixture.Journal;

    private static Task<EventsRecorded> ImportAsync(NodeHost node, string id, IReadOnlyList<IPerformanceEvent> events,
        int batchSize = 50, CancellationToken cancel = default) =>
        ImportCommand.ImportAsync(node.Strategies(), id, events, batchSize, progress: false, cancel);

    [Fact]
    public async Task An_import_run_twice_records_nothing_the_second_time_and_changes_nothing()
    {
        var settings = Journal.Settings(Config);
        var events = Sequences.Random(31, 200);
        var expected = Paths.Snapshot("twice", Paths.Report(settings, "twice", events));
        await using var node = await NodeHost.StartAsync(settings);

        var first = await ImportAsync(node, "twice", events);
        Assert.Equal(expected.SequenceNr, first.Recorded);
        Assert.Equal(expected.SequenceNr, first.SequenceNr);
        var second = await ImportAsync(node, "twice", events, batchSize: 37);

        Assert.Equal(new EventsRecorded(0, events.Count, expected.SequenceNr), second);
        var trades = events.OfType<TradeClosed>().ToList();
        Assert.Equal(0, (await node.RecordAsync(new RecordTrades("twice", trades))).Recorded);
        Assert.Equal(expected.SequenceNr, await Journal.JournalRowsAsync(PersistenceIds.Strategy("twice")));
        BitIdentical.Assert("after importing twice", expected, await node.MetricsAsync("twice"));
    }

    [Fact]
    public async Task An_invalid_batch_is_rejected_whole_and_nothing_of_it_is_persisted()
    {
        var settings = Journal.Settings(Config);
        var events = Sequences.Random(32, 120);
        var half = events.Count / 2;
        var expected = Paths.Snapshot("invalid", Paths.Report(settings, "invalid", events.Take(half)));
        await using var node = await NodeHost.StartAsync(settings);
        await ImportAsync(node, "invalid", events.Take(half).ToList());

        var bad = events.Skip(half).Take(20).ToList();
        var index = bad.FindIndex(e => e is BalanceUpdated);
        bad[index] = new BalanceUpdated(((BalanceUpdated)bad[index]).Time, double.NaN);
        var rejected = Assert.IsType<CommandRejected>(await node.AskAsync(new RecordEvents("invalid", bad)));

        Assert.Equal($"events[{index}].balance", Assert.Single(rejected.Violations).Field);
        Assert.Equal(expected.SequenceNr, await Journal.JournalRowsAsync(PersistenceIds.Strategy("invalid")));
        BitIdentical.Assert("after the rejected batch", expected, await node.MetricsAsync("invalid"));
        var import = await Assert.ThrowsAnyAsync<Exception>(() => ImportAsync(node, "invalid", bad));
        Assert.Contains($"events[{index}].balance", import.Message, StringComparison.Ordinal);
        Assert.Equal(expected.SequenceNr, await JournalReplay.EventCountAsync(node.System, "invalid"));
    }

    [Fact]
    public async Task A_node_stopped_in_the_middle_of_an_import_then_the_import_run_again_gives_the_reports_metrics()
    {
        var settings = Journal.Settings(Config);
        var events = Sequences.Random(33, 400);
        var report = Paths.Report(settings, "interrupted", events);
        var expected = Paths.Snapshot("interrupted", report);

        await using (var node = await NodeHost.StartAsync(settings))
        {
            await ImportAsync(node, "interrupted", events.Take(events.Count / 3).ToList());
            // One event a command (four in flight): slow enough to be stopped half way.
            using var stop = new CancellationTokenSource();
            var rest = ImportAsync(node, "interrupted", events, batchSize: 1, stop.Token);
            while (await Journal.JournalRowsAsync(PersistenceIds.Strategy("interrupted")) < events.Count / 2)
            {
                await Task.Delay(2);
            }
            await stop.CancelAsync(); // the node stops with batches in flight
            await Assert.ThrowsAnyAsync<OperationCanceledException>(() => rest);
        }
        Assert.InRange(await Journal.JournalRowsAsync(PersistenceIds.Strategy("interrupted")), events.Count / 2, expected.SequenceNr - 1);

        await using (var node = await NodeHost.StartAsync(settings))
        {
            var resumed = await ImportAsync(node, "interrupted", events);
            Assert.Equal(expected.SequenceNr, resumed.SequenceNr);
            Assert.Equal(events.Count, resumed.Recorded + resumed.AlreadyRecorded);
            BitIdentical.Assert("after the interrupted import", expected, await node.MetricsAsync("interrupted"));
            BitIdentical.Assert("replay", report.Build(Paths.Periods), await Paths.ReplayAsync(node, settings, "interrupted"));
            Assert.Equal(0, (await ImportAsync(node, "interrupted", events)).Recorded);
        }
    }
}

public sealed class ImportParityOnSqliteTests(SqliteJournal fixture)
    : ImportParityTests(fixture), IClassFixture<SqliteJournal>;

public sealed class ImportParityOnPostgreSqlTests(PostgresJournal fixture)
    : ImportParityTests(fixture), IClassFixture<PostgresJournal>;
