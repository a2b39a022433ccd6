using TradingActors.Actors.Replay;
using TradingActors.Domain.Events;

namespace TradingActors.Actors.Tests.Journal;

/// <summary>
/// The query side <c>replay</c> and a starting node read: which strategies and risk managers the journal knows, and a
/// strategy's events in journal order — on a journal that holds both kinds of persistence ids.
/// </summary>
public abstract class JournalReplayTests(NodeFixture fixture)
{
    private TestNode Node => fixture.Node;

    [Fact]
    public async Task Strategies_and_risk_managers_are_listed_from_a_journal_holding_both_kinds_of_ids()
    {
        await Node.RecordTradesAsync("listed-b", Ev.Trade("a", 1, 1));
        await Node.RecordTradesAsync("listed-a@run-1", Ev.Trade("a", 1, 1));
        for (var i = 0; i < 3; i++)
        {
            await Node.RecordTradesAsync("listed-a", Ev.Trade($"l{i}", fixture.Clock.Now, -10));
        }
        Assert.Equal(0.5, (await Node.ExposureAsync("listed-a", 3)).Exposure); // risk|listed-a is in the journal

        Assert.Equal(["listed-a", "listed-a@run-1", "listed-b"],
            (await JournalReplay.StrategiesAsync(Node.System)).Where(id => id.StartsWith("listed-", StringComparison.Ordinal)));
        Assert.Equal(["listed-a"],
            (await JournalReplay.RiskManagersAsync(Node.System)).Where(id => id.StartsWith("listed-", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task A_strategys_events_are_replayed_in_journal_order_and_counted()
    {
        var events = Ev.Random(7, 45);
        for (var from = 0; from < events.Count; from += 10)
        {
            await Node.RecordEventsAsync("replayed", events.Skip(from).Take(10).ToList());
        }
        await Node.RecordEventsAsync("replayed", events.Take(5).ToList()); // retries add nothing

        var replayed = new List<IPerformanceEvent>();
        await JournalReplay.ReplayAsync(Node.System, "replayed", replayed.Add);

        Assert.Equal(events, replayed);
        Assert.Equal(45, await JournalReplay.EventCountAsync(Node.System, "replayed"));
        Assert.Equal(0, await JournalReplay.EventCountAsync(Node.System, "never-written"));
    }
}

public sealed class JournalReplayOnSqliteTests(SqliteNode fixture)
    : JournalReplayTests(fixture), IClassFixture<SqliteNode>;

public sealed class JournalReplayOnPostgreSqlTests(PostgresNode fixture)
    : JournalReplayTests(fixture), IClassFixture<PostgresNode>;
