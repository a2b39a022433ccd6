using Akka.Actor;
using Akka.Persistence.Query;
using Akka.Persistence.Sql.Query;
using Akka.Streams;
using Akka.Streams.Dsl;
using TradingActors.Actors.Node;
using TradingActors.Actors.Performance;
using TradingActors.Actors.Risk;
using TradingActors.Actors.Tests.Journal;
using TradingActors.Cli.Hosting;
using TradingActors.Domain.Events;
using TradingActors.Domain.Risk;
using TradingActors.Testing;

namespace TradingActors.Parity.Tests;

/// <summary>
/// The risk decisions of the live path — persisted as <c>risk|ID</c>, across a restart of the node in the middle —
/// equal those the backtest path (<c>report</c>'s risk timeline) takes for the same events, field by field and doubles
/// by their bits. The live node decides at its clock's time, set here to each event's time, and the reviews its timer
/// would run (ends of cooldowns, UTC midnights) are sent when due, as the timer would. Ported from the JVM build's
/// RiskParityTest.
/// </summary>
public abstract class RiskParityTests(JournalFixture fixture)
{
    private const string Id = "risk-parity";

    private TestJournal Journal => fixture.Journal;

    [Fact]
    public async Task Live_risk_decisions_in_the_journal_equal_the_reports_also_across_a_restart()
    {
        var settings = Journal.Settings();
        var events = Sequences.RiskDays(23, 40);
        var report = Paths.Report(settings, Id, []);
        var clock = new ManualClock(events[0] is TradeClosed t ? t.ExitTime : DateTimeOffset.UnixEpoch);
        var restartAt = events.Count / 2;
        var reviews = 0;

        await using (var node = await NodeHost.StartAsync(settings, clock))
        {
            reviews += await FeedAsync(node, settings, report, clock, events.Take(restartAt));
        }
        IReadOnlyList<RiskEvent> live;
        ExposureView view;
        await using (var node = await NodeHost.StartAsync(settings, clock))
        {
            // The restarted risk manager stands where the journal left it.
            var before = report.Build([]);
            var recovered = await ExposureAsync(node, restartAt);
            Assert.Equal(before.Exposure, recovered.Exposure);
            BitIdentical.Assert("limits after the restart", before.RiskEvents[^1].Limits, recovered.Limits);
            BitIdentical.Assert("last change after the restart",
                before.RiskEvents.OfType<ExposureChanged>().LastOrDefault(), recovered.LastChange);

            reviews += await FeedAsync(node, settings, report, clock, events.Skip(restartAt));
            view = await ExposureAsync(node, events.Count);
            live = await PersistenceQuery.Get(node.System).ReadJournalFor<SqlReadJournal>(SqlReadJournal.Identifier)
                .CurrentEventsByPersistenceId(Actors.Performance.PersistenceIds.Risk(Id), 0, long.MaxValue)
                .Select(e => (RiskEvent)e.Event)
                .RunWith(Sink.Seq<RiskEvent>(), node.System.Materializer());
        }

        var expected = report.Build([]);
        Assert.Equal(
            [RiskRule.ConsecutiveLosses, RiskRule.Drawdown, RiskRule.DailyLoss],
            expected.RiskEvents.Select(e => e.Rule).Distinct().Order());
        Assert.Contains(expected.RiskEvents, e => e.To > e.From); // lifts too
        Assert.True(reviews > 0, "no review fell due between events");
        var eventTimes = events.Select(e => e is TradeClosed t ? t.ExitTime : ((BalanceUpdated)e).Time).ToHashSet();
        Assert.Contains(expected.RiskEvents, e => !eventTimes.Contains(e.At)); // a decision taken by a review
        BitIdentical.Assert("risk events", expected.RiskEvents, live);
        Assert.Equal(expected.Exposure, view.Exposure);
        BitIdentical.Assert("limits", expected.RiskEvents[^1].Limits, view.Limits);
    }

    /// <summary>
    /// Each event into the report's builder and, one command each, into the live strategy at the clock of its time,
    /// after the reviews falling due before it have run at theirs; then waits for the risk manager's decision on it.
    /// </summary>
    /// <returns>the reviews sent</returns>
    private static async Task<int> FeedAsync(
        NodeHost node, NodeSettings settings, Domain.Backtest.ReportBuilder report, ManualClock clock,
        IEnumerable<IPerformanceEvent> events)
    {
        var manager = await RiskManagerAsync(node, settings);
        var reviews = 0;
        foreach (var e in events)
        {
            report.Add(e);
            var asOf = report.State.AsOf!.Value;
            for (var x = await ExposureAsync(node, 0); x.NextReviewAt is { } review && review <= asOf;)
            {
                clock.Set(review);
                manager.Tell(ReviewDue.Instance, ActorRefs.NoSender);
                reviews++;
                x = await manager.Ask<ExposureView>(new GetExposure(Id), Paths.Ask);
            }
            clock.Set(asOf);
            var recorded = e is TradeClosed trade
                ? await node.RecordAsync(new RecordTrades(Id, [trade]))
                : await node.RecordAsync(new RecordBalances(Id, [(BalanceUpdated)e]));
            Assert.Equal(1, recorded.Recorded);
            await ExposureAsync(node, recorded.SequenceNr);
        }
        return reviews;
    }

    private static Task<ExposureView> ExposureAsync(NodeHost node, long atLeast) =>
        node.Registry.Get<RiskManagerActor>().Ask<ExposureView>(new GetExposure(Id, atLeast), Paths.Ask);

    /// <summary>The risk manager entity itself, to send it what its timer would.</summary>
    private static async Task<IActorRef> RiskManagerAsync(NodeHost node, NodeSettings settings)
    {
        await ExposureAsync(node, 0);
        var shard = new StrategyMessageExtractor(settings.Shards).ShardId(Id);
        return await node.System.ActorSelection($"/system/sharding/{TradingActorsNode.RiskRegion}/{shard}/{Id}")
            .ResolveOne(Paths.Ask);
    }
}

public sealed class RiskParityOnSqliteTests(SqliteJournal fixture) : RiskParityTests(fixture), IClassFixture<SqliteJournal>;

public sealed class RiskParityOnPostgreSqlTests(PostgresJournal fixture) : RiskParityTests(fixture), IClassFixture<PostgresJournal>;
