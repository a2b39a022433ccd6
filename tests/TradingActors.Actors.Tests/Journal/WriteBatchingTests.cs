using Akka.Actor;
using TradingActors.Actors.Performance;
using TradingActors.Domain.Events;

namespace TradingActors.Actors.Tests.Journal;

/// <summary>
/// Commands that arrive while a write is in flight are gathered into the next write (one PersistAllAsync), yet each is
/// validated, ordered, answered and made idempotent exactly as if it came alone. A write is observed through the
/// answers: the commands of one write share its <see cref="EventsRecorded.SequenceNr"/>.
/// </summary>
public abstract class WriteBatchingTests(NodeFixture fixture)
{
    /// <summary>The nodes of these tests gather at most this many events into one write.</summary>
    public const int MaxEventsPerWrite = 50;

    private TestNode Node => fixture.Node;

    private static TradeClosed Trade(int i) => Ev.Trade($"t-{i}", 1 + (i / 60.0), i % 3 == 0 ? -1.5 : 2.25);

    /// <summary>Sends every command at once (no answer awaited in between), then awaits every answer.</summary>
    private async Task<object[]> SendAllAtOnce(IEnumerable<IStrategyMessage> commands) =>
        await Task.WhenAll(commands.Select(c => Node.Strategies.Ask<object>(c, TestNode.AskTimeout)).ToList());

    [Fact]
    public async Task Many_concurrent_commands_are_acknowledged_in_order_each_event_written_once_in_fewer_writes()
    {
        const int commands = 300;
        var trades = Enumerable.Range(0, commands).Select(Trade).ToList();

        var answers = await SendAllAtOnce(trades.Select(t => new RecordTrades("concurrent", [t])));

        var recorded = answers.Select(a => Assert.IsType<EventsRecorded>(a)).ToList();
        Assert.All(recorded, r => Assert.Equal((1, 0), (r.Recorded, r.AlreadyRecorded)));
        for (var i = 0; i < commands; i++)
        {
            // In order: command i's event is the (i+1)th of the journal, and its answer covers it.
            Assert.True(recorded[i].SequenceNr >= i + 1, $"command {i} answered at {recorded[i].SequenceNr}");
            Assert.True(i == 0 || recorded[i].SequenceNr >= recorded[i - 1].SequenceNr, $"command {i} answered out of order");
        }
        Assert.Equal(commands, recorded[^1].SequenceNr);
        var writes = recorded.Select(r => r.SequenceNr).Distinct().ToList();
        Assert.True(writes.Count < commands / 2, $"{writes.Count} journal writes for {commands} commands");
        Assert.All(GroupSizes(recorded), size => Assert.InRange(size, 1, MaxEventsPerWrite));

        Assert.Equal(trades, await Ev.ReadJournalAsync(Node, "concurrent")); // each exactly once, in order
        Assert.Equal(commands, (await Node.MetricsAsync("concurrent")).Metrics.Trades.TotalTrades);
    }

    [Fact]
    public async Task A_bad_command_among_concurrent_ones_is_rejected_alone_and_retries_in_flight_are_acknowledged()
    {
        var commands = new List<IStrategyMessage>();
        for (var i = 0; i < 60; i++)
        {
            commands.Add(new RecordTrades("mixed-concurrent", [Trade(i)]));
            if (i == 20)
            {
                commands.Add(new RecordTrades("mixed-concurrent", [Trade(1000), Trade(1001) with { Pnl = double.NaN }]));
            }
            if (i % 10 == 5)
            {
                commands.Add(new RecordTrades("mixed-concurrent", [Trade(i - 1), Trade(i)])); // a retry, still waiting
            }
            if (i == 30)
            {
                commands.Add(new RecordBalances("mixed-concurrent", [Ev.Balance(1, 1_000)]));
                commands.Add(new RecordBalances("mixed-concurrent", [Ev.Balance(1, 1_000)])); // an exact repeat
                commands.Add(new RecordBalances("mixed-concurrent", [Ev.Balance(0.5, 1_000)])); // older than the last
            }
        }

        var answers = await SendAllAtOnce(commands);

        var rejected = answers.OfType<CommandRejected>().ToList();
        Assert.Equal(2, rejected.Count);
        Assert.Equal("trades[1].pnl", Assert.Single(rejected[0].Violations).Field);
        Assert.Equal("balances[0].time", Assert.Single(rejected[1].Violations).Field);
        var recorded = answers.OfType<EventsRecorded>().ToList();
        Assert.Equal(commands.Count - 2, recorded.Count);
        Assert.Equal(61, recorded.Sum(r => r.Recorded));
        Assert.Equal(6 * 2 + 1, recorded.Sum(r => r.AlreadyRecorded));
        var journal = await Ev.ReadJournalAsync(Node, "mixed-concurrent");
        Assert.Equal(61, journal.Count);
        Assert.Equal(60, journal.OfType<TradeClosed>().Select(t => t.TradeId).Distinct().Count());
        Assert.DoesNotContain(journal, e => e is TradeClosed { TradeId: "t-1000" });
    }

    [Fact]
    public async Task A_write_gathers_at_most_the_configured_number_of_events_but_never_splits_a_command()
    {
        var commands = new List<IStrategyMessage>();
        var next = 0;
        for (var c = 0; c < 40; c++)
        {
            var size = c == 17 ? 120 : 7; // one command bigger than a write's limit
            commands.Add(new RecordTrades("write-limit", Enumerable.Range(next, size).Select(Trade).ToList()));
            next += size;
        }

        var recorded = (await SendAllAtOnce(commands)).Select(a => Assert.IsType<EventsRecorded>(a)).ToList();

        Assert.Equal(next, recorded[^1].SequenceNr);
        var sizes = GroupSizes(recorded);
        Assert.Contains(120, sizes); // the big command was written alone and whole
        Assert.All(sizes.Where(s => s != 120), s => Assert.InRange(s, 7, MaxEventsPerWrite));
        Assert.True(sizes.Count < commands.Count, $"{sizes.Count} writes for {commands.Count} commands");
        Assert.Equal(next, (await Ev.ReadJournalAsync(Node, "write-limit")).Count);
    }

    /// <summary>Events per journal write: the differences between the distinct sequence numbers answered.</summary>
    private static List<long> GroupSizes(IEnumerable<EventsRecorded> recorded)
    {
        var ends = recorded.Select(r => r.SequenceNr).Distinct().Order().ToList();
        return ends.Select((end, i) => end - (i == 0 ? 0 : ends[i - 1])).ToList();
    }
}

public sealed class BatchingSqliteNode() : NodeFixture(
    JournalKind.Sqlite, $"trading-actors.performance.max-events-per-write = {WriteBatchingTests.MaxEventsPerWrite}");

public sealed class BatchingPostgresNode() : NodeFixture(
    JournalKind.PostgreSql, $"trading-actors.performance.max-events-per-write = {WriteBatchingTests.MaxEventsPerWrite}");

public sealed class WriteBatchingOnSqliteTests(BatchingSqliteNode fixture)
    : WriteBatchingTests(fixture), IClassFixture<BatchingSqliteNode>;

public sealed class WriteBatchingOnPostgreSqlTests(BatchingPostgresNode fixture)
    : WriteBatchingTests(fixture), IClassFixture<BatchingPostgresNode>;
