using TradingActors.Actors.Performance;
using TradingActors.Actors.Tests.Journal;
using TradingActors.Cli.Hosting;
using TradingActors.Domain;
using TradingActors.Domain.Backtest;
using TradingActors.Domain.Events;
using TradingActors.Testing;

namespace TradingActors.Parity.Tests;

/// <summary>
/// The same events through (1) the batch fold of <c>report</c>, (2) the live sharded actor (RecordEvents in batches,
/// several in flight), (3) <c>replay</c> from the journal, and (4) an actor recovered from the journal with a snapshot
/// and without one give identical results, double for double (<see cref="BitIdentical"/>): every metric, both rolling
/// windows, the day's figures, the period breakdowns and the risk timeline. Ported from the JVM build's ParityTest.
/// </summary>
public abstract class ParityTests(JournalFixture fixture)
{
    private const string Config = "trading-actors.performance.snapshot-every = 64";

    private TestJournal Journal => fixture.Journal;

    [Fact]
    public Task The_sample_files_give_bit_identical_metrics_through_report_live_replay_and_recovery()
    {
        var input = BacktestInput.Load(Examples("sample-trades.csv"), Examples("sample-balances.csv"));
        Assert.Equal(250, input.Events.Count(e => e is TradeClosed));
        return AssertParityAsync("sample", input.Events, seed: 1);
    }

    [Fact]
    public Task A_generated_sequence_gives_bit_identical_metrics_through_report_live_replay_and_recovery() =>
        AssertParityAsync("generated", Sequences.Random(20260522, 300), seed: 2);

    private async Task AssertParityAsync(string id, IReadOnlyList<IPerformanceEvent> events, int seed)
    {
        var settings = Journal.Settings(Config);
        var report = Paths.Report(settings, id, events);
        var expectedReport = report.Build(Paths.Periods);
        var expected = Paths.Snapshot(id, report);
        Assert.True(expected.SequenceNr > 64, "long enough for snapshots");

        MetricsSnapshot live;
        Report replayed;
        await using (var node = await NodeHost.StartAsync(settings))
        {
            var subscriber = new Probe(node.System);
            node.Strategies().Tell(new SubscribeSnapshots(id, subscriber.Ref), subscriber.Ref);
            Assert.Equal(0, (await subscriber.ExpectAsync<MetricsSnapshot>()).SequenceNr);

            await SendInBatchesAsync(node, id, events, seed);
            live = await node.MetricsAsync(id);
            MetricsSnapshot published;
            do
            {
                published = await subscriber.ExpectAsync<MetricsSnapshot>();
            }
            while (published.SequenceNr < live.SequenceNr);
            BitIdentical.Assert("published", live, published);
            replayed = await Paths.ReplayAsync(node, settings, id);
        }
        BitIdentical.Assert("live", expected, live);
        BitIdentical.Assert("replay", expectedReport, replayed);

        Assert.True(await Journal.SnapshotRowsAsync(PersistenceIds.Strategy(id)) > 0, "no snapshot was saved");
        await using (var node = await NodeHost.StartAsync(settings))
        {
            BitIdentical.Assert("recovered from a snapshot and its tail", expected, await node.MetricsAsync(id));
        }
        await Journal.ExecuteAsync("DELETE FROM snapshot WHERE persistence_id = @pid", PersistenceIds.Strategy(id));
        await using (var node = await NodeHost.StartAsync(settings))
        {
            BitIdentical.Assert("recovered from the events alone", expected, await node.MetricsAsync(id));
        }
    }

    /// <summary>
    /// RecordEvents of 1 to 60 events, one to three commands in flight at once (as <c>import</c> sends them); now and
    /// then a live engine's retry of a batch's trades, acknowledged and recording nothing.
    /// </summary>
    private static async Task SendInBatchesAsync(NodeHost node, string id, IReadOnlyList<IPerformanceEvent> events, int seed)
    {
        var rnd = new Random(seed);
        for (var from = 0; from < events.Count;)
        {
            var batches = new List<List<IPerformanceEvent>>();
            for (var k = rnd.Next(1, 4); k > 0 && from < events.Count; k--)
            {
                var to = Math.Min(events.Count, from + 1 + rnd.Next(rnd.Next(2) == 0 ? 1 : 60));
                batches.Add(events.Skip(from).Take(to - from).ToList());
                from = to;
            }
            var answers = await Task.WhenAll(batches.Select(b => node.RecordAsync(new RecordEvents(id, b))));
            for (var i = 0; i < batches.Count; i++)
            {
                Assert.Equal(batches[i].Count, answers[i].Recorded + answers[i].AlreadyRecorded);
            }
            var retry = batches.SelectMany(b => b).OfType<TradeClosed>().ToList();
            if (retry.Count > 0 && rnd.Next(4) == 0)
            {
                var again = await node.RecordAsync(new RecordTrades(id, retry));
                Assert.Equal((0, retry.Count), (again.Recorded, again.AlreadyRecorded));
            }
        }
    }

    internal static string Examples(string file)
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "TradingActors.sln")))
            {
                return Path.Combine(dir.FullName, "examples", file);
            }
        }
        throw new InvalidOperationException("the tests run from inside the repository");
    }
}

public sealed class ParityOnSqliteTests(SqliteJournal fixture) : ParityTests(fixture), IClassFixture<SqliteJournal>;

public sealed class ParityOnPostgreSqlTests(PostgresJournal fixture) : ParityTests(fixture), IClassFixture<PostgresJournal>;
