using System.Diagnostics;
using Akka.Persistence.Query;
using Akka.Streams;
using Akka.Streams.Dsl;
using Xunit.Abstractions;
using TradingActors.Actors.Node;
using TradingActors.Domain.Events;
using TradingActors.Domain.Risk;

namespace TradingActors.Actors.Tests.Journal;

/// <summary>
/// The regression test of DESIGN §7's trap: with the plugin's tag table, every row read scans the whole tags table,
/// so reads by persistence id and by tag crawl as the journal grows (141 events/s at 132k events). Over 50,000 tagged
/// events, a small strategy's reads must cost about what they cost on an almost empty journal, and the tag stream must
/// read at thousands of events a second. Relative bounds, generous for a loaded 2-core machine (5× plus 100 ms);
/// the trap is two orders of magnitude.
/// </summary>
public abstract class TagQueryScalingTests(NodeFixture fixture, ITestOutputHelper output)
{
    private const int Strategies = 5;
    private const int BatchesPerStrategy = 10;
    private const int BatchSize = 1_000;
    private const int Bulk = Strategies * BatchesPerStrategy * BatchSize;
    /// <summary>The small strategy: written first, so its events are also the first of the tag stream; a few query
    /// pages long, so that before and after the bulk a read fetches whole pages.</summary>
    private const int SmallEvents = 1_000;

    private TestNode Node => fixture.Node;

    [Fact]
    public async Task Reads_by_tag_and_by_persistence_id_do_not_slow_down_as_the_journal_grows_past_50000_events()
    {
        var small = Ev.Random(11, SmallEvents);
        await Node.RecordEventsAsync("small", small);
        for (var i = 0; i < 3; i++)
        {
            await Node.RecordTradesAsync("small-risk", Ev.Trade($"loss-{i}", fixture.Clock.Now, -10));
        }
        Assert.Equal(0.5, (await Node.ExposureAsync("small-risk", 3)).Exposure);

        var byIdBefore = await FastestAsync(() => CountByPersistenceIdAsync("strategy|small", SmallEvents));
        var byTagBefore = await FastestAsync(() => FirstByTagAsync(SmallEvents));

        var written = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, Strategies).Select(WriteBulkAsync));
        written.Stop();

        var byIdAfter = await FastestAsync(() => CountByPersistenceIdAsync("strategy|small", SmallEvents));
        var byTagAfter = await FastestAsync(() => FirstByTagAsync(SmallEvents));
        var all = Stopwatch.StartNew();
        var performance = await CountByTagAsync(EventTagger.PerformanceTag);
        all.Stop();
        var risk = await Node.ReadJournal.CurrentEventsByTag(EventTagger.RiskTag, Offset.NoOffset())
            .RunWith(Sink.Seq<EventEnvelope>(), Node.System.Materializer());

        var report = $"{Bulk} events written in {written.ElapsedMilliseconds} ms; by id {byIdBefore.TotalMilliseconds:F1} → " +
            $"{byIdAfter.TotalMilliseconds:F1} ms; first {SmallEvents} by tag {byTagBefore.TotalMilliseconds:F1} → " +
            $"{byTagAfter.TotalMilliseconds:F1} ms; whole tag {all.ElapsedMilliseconds} ms";
        Assert.Equal(SmallEvents + 3 + Bulk, performance); // every event tagged as it was written
        Assert.Contains(risk, e => e.PersistenceId == "risk|small-risk" && e.Event is ExposureChanged);
        Assert.All(risk, e => Assert.True(e.PersistenceId.StartsWith("risk|", StringComparison.Ordinal) && e.Event is RiskEvent));
        output.WriteLine(report);
        Assert.True(byIdAfter < (5 * byIdBefore) + TimeSpan.FromMilliseconds(100), report);
        Assert.True(byTagAfter < (5 * byTagBefore) + TimeSpan.FromMilliseconds(100), report);
        Assert.True(performance / all.Elapsed.TotalSeconds > 2_000, report);
    }

    /// <summary>A synthetic strategy: a balance tick a minute, every 20th event a trade that moves the balance.</summary>
    private async Task WriteBulkAsync(int strategy)
    {
        var id = $"bulk-{strategy}";
        var rnd = new Random(strategy);
        var balance = 100_000.0;
        var t0 = new DateTimeOffset(2024, 1, 1, 0, 0, 0, TimeSpan.Zero);
        for (var b = 0; b < BatchesPerStrategy; b++)
        {
            var batch = new List<IPerformanceEvent>(BatchSize);
            for (var k = 0; k < BatchSize; k++)
            {
                var index = (b * BatchSize) + k;
                var time = t0.AddMinutes(index);
                if (index % 20 == 19)
                {
                    var pnl = Math.Round((rnd.NextDouble() - 0.48) * 40_000) / 100;
                    balance += pnl;
                    batch.Add(new TradeClosed($"t-{index}", "BTCUSDT", Side.Long, time.AddMinutes(-45), time, 100, 101, 1, pnl, 0.4, 0.1));
                }
                else
                {
                    batch.Add(new BalanceUpdated(time, balance + ((rnd.NextDouble() - 0.5) * 50)));
                }
            }
            Assert.Equal(BatchSize, (await Node.RecordEventsAsync(id, batch)).Recorded);
        }
    }

    private async Task CountByPersistenceIdAsync(string persistenceId, int expected) =>
        Assert.Equal(expected, await Node.ReadJournal.CurrentEventsByPersistenceId(persistenceId, 0, long.MaxValue)
            .RunAggregate(0, (n, _) => n + 1, Node.System.Materializer()));

    private async Task FirstByTagAsync(int count) =>
        Assert.Equal(count, (await Node.ReadJournal.CurrentEventsByTag(EventTagger.PerformanceTag, Offset.NoOffset())
            .Take(count)
            .RunWith(Sink.Seq<EventEnvelope>(), Node.System.Materializer())).Count);

    private Task<int> CountByTagAsync(string tag) =>
        Node.ReadJournal.CurrentEventsByTag(tag, Offset.NoOffset())
            .RunAggregate(0, (n, _) => n + 1, Node.System.Materializer());

    /// <summary>The fastest of five timed runs, after one untimed (warm-up) run.</summary>
    private static async Task<TimeSpan> FastestAsync(Func<Task> query)
    {
        await query();
        var fastest = TimeSpan.MaxValue;
        for (var i = 0; i < 5; i++)
        {
            var watch = Stopwatch.StartNew();
            await query();
            fastest = watch.Elapsed < fastest ? watch.Elapsed : fastest;
        }
        return fastest;
    }
}

public sealed class TagQueryScalingOnSqliteTests(SqliteNode fixture, ITestOutputHelper output)
    : TagQueryScalingTests(fixture, output), IClassFixture<SqliteNode>;

public sealed class TagQueryScalingOnPostgreSqlTests(PostgresNode fixture, ITestOutputHelper output)
    : TagQueryScalingTests(fixture, output), IClassFixture<PostgresNode>;
