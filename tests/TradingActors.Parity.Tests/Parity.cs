using Akka.Actor;
using TradingActors.Actors.Node;
using TradingActors.Actors.Performance;
using TradingActors.Actors.Replay;
using TradingActors.Actors.Tests.Journal;
using TradingActors.Cli.Hosting;
using TradingActors.Domain;
using TradingActors.Domain.Backtest;
using TradingActors.Domain.Events;
using TradingActors.Metrics;

namespace TradingActors.Parity.Tests;

/// <summary>An empty journal for a test class whose tests start and stop their own nodes on it.</summary>
public abstract class JournalFixture(JournalKind kind) : IAsyncLifetime
{
    public JournalKind Kind => kind;

    public TestJournal Journal { get; private set; } = null!;

    public async Task InitializeAsync() => Journal = await TestJournal.CreateAsync(kind);

    public async Task DisposeAsync() => await Journal.DisposeAsync();
}

public sealed class SqliteJournal() : JournalFixture(JournalKind.Sqlite);

public sealed class PostgresJournal() : JournalFixture(JournalKind.PostgreSql);

/// <summary>The four paths the parity suites compare, and the talk to a node through its shard regions.</summary>
public static class Paths
{
    public static readonly TimeSpan Ask = TimeSpan.FromSeconds(30);

    /// <summary>The period breakdowns the reports are compared on.</summary>
    public static readonly Period[] Periods = [Period.Daily, Period.Weekly, Period.Monthly];

    /// <summary>Path 1: the batch fold of <c>report</c>.</summary>
    public static ReportBuilder Report(NodeSettings settings, string entityId, IEnumerable<IPerformanceEvent> events)
    {
        var builder = new ReportBuilder(entityId, settings.Performance.Metrics, settings.Risk.For(entityId.Split('@')[0]));
        foreach (var e in events)
        {
            builder.Add(e);
        }
        return builder;
    }

    /// <summary>What the live actor must answer after the same events: the snapshot of the report's state.</summary>
    public static MetricsSnapshot Snapshot(string entityId, ReportBuilder report) =>
        MetricsSnapshot.Of(entityId, report.State.EventCount, report.State);

    /// <summary>Path 3: <c>replay</c> — the journal alone, read back and folded by the report's builder.</summary>
    public static async Task<Report> ReplayAsync(NodeHost node, NodeSettings settings, string entityId)
    {
        var builder = new ReportBuilder(entityId, settings.Performance.Metrics, settings.Risk.For(entityId.Split('@')[0]));
        await JournalReplay.ReplayAsync(node.System, entityId, e => builder.Add(e));
        return builder.Build(Periods);
    }

    public static IActorRef Strategies(this NodeHost node) => node.Registry.Get<StrategyPerformanceActor>();

    public static Task<object> AskAsync(this NodeHost node, IStrategyMessage message) =>
        node.Strategies().Ask<object>(message, Ask);

    public static async Task<EventsRecorded> RecordAsync(this NodeHost node, IStrategyMessage write) =>
        await node.AskAsync(write) switch
        {
            EventsRecorded r => r,
            var other => throw new Xunit.Sdk.XunitException($"expected EventsRecorded, got {other}"),
        };

    public static Task<MetricsSnapshot> MetricsAsync(this NodeHost node, string entityId) =>
        node.Strategies().Ask<MetricsSnapshot>(new GetMetrics(entityId), Ask);
}
