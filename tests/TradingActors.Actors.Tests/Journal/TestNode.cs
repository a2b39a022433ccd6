using Akka.Actor;
using Akka.Hosting;
using Akka.Persistence.Query;
using Akka.Persistence.Sql.Query;
using Akka.Streams;
using Akka.Streams.Dsl;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using TradingActors.Actors.Node;
using TradingActors.Actors.Performance;
using TradingActors.Actors.Risk;
using TradingActors.Domain;
using TradingActors.Domain.Events;
using TradingActors.Domain.Risk;

namespace TradingActors.Actors.Tests.Journal;

/// <summary>
/// A TradingActors node as the product composes it (<see cref="TradingActorsNode.WithTradingActors"/> inside a generic
/// host: a cluster of one, the two shard regions, the SQL journal), with helpers that talk to it the way a client does:
/// through the shard regions.
/// </summary>
public sealed class TestNode : IAsyncDisposable
{
    public static readonly TimeSpan AskTimeout = TimeSpan.FromSeconds(30);

    private readonly IHost _host;

    private TestNode(IHost host, NodeSettings settings)
    {
        _host = host;
        Settings = settings;
        System = host.Services.GetRequiredService<ActorSystem>();
        var registry = host.Services.GetRequiredService<ActorRegistry>();
        Strategies = registry.Get<StrategyPerformanceActor>();
        RiskManagers = registry.Get<RiskManagerActor>();
    }

    public NodeSettings Settings { get; }

    public ActorSystem System { get; }

    /// <summary>The "strategy" shard region.</summary>
    public IActorRef Strategies { get; }

    /// <summary>The "risk" shard region.</summary>
    public IActorRef RiskManagers { get; }

    public static async Task<TestNode> StartAsync(NodeSettings settings, TimeProvider? clock = null)
    {
        var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings());
        builder.Services.AddAkka("trading-actors", akka => akka.WithTradingActors(settings, clock));
        var host = builder.Build();
        await host.StartAsync();
        var node = new TestNode(host, settings);
        await TradingActorsNode.WhenUp(node.System, TimeSpan.FromSeconds(30));
        return node;
    }

    /// <summary>Asks the strategy region; the answer as it came (EventsRecorded, CommandRejected, …).</summary>
    public Task<object> AskAsync(IStrategyMessage message) => Strategies.Ask<object>(message, AskTimeout);

    /// <summary>A write that must be acknowledged.</summary>
    public async Task<EventsRecorded> RecordAsync(IStrategyMessage write) => await AskAsync(write) switch
    {
        EventsRecorded r => r,
        var other => throw new Xunit.Sdk.XunitException($"expected EventsRecorded, got {other}"),
    };

    /// <summary>A write that must be rejected.</summary>
    public async Task<CommandRejected> RejectedAsync(IStrategyMessage write) => await AskAsync(write) switch
    {
        CommandRejected r => r,
        var other => throw new Xunit.Sdk.XunitException($"expected CommandRejected, got {other}"),
    };

    public Task<EventsRecorded> RecordTradesAsync(string id, params TradeClosed[] trades) =>
        RecordAsync(new RecordTrades(id, trades));

    public Task<EventsRecorded> RecordBalancesAsync(string id, params BalanceUpdated[] balances) =>
        RecordAsync(new RecordBalances(id, balances));

    public Task<EventsRecorded> RecordEventsAsync(string id, IReadOnlyList<IPerformanceEvent> events) =>
        RecordAsync(new RecordEvents(id, events));

    public Task<MetricsSnapshot> MetricsAsync(string id) =>
        Strategies.Ask<MetricsSnapshot>(new GetMetrics(id), AskTimeout);

    public Task<BalanceHistory> BalanceHistoryAsync(string id) =>
        Strategies.Ask<BalanceHistory>(new GetBalanceHistory(id), AskTimeout);

    /// <summary>The exposure once the risk manager has decided on the figures of journal position <paramref name="atLeast"/>.</summary>
    public Task<ExposureView> ExposureAsync(string id, long atLeast = 0) =>
        RiskManagers.Ask<ExposureView>(new GetExposure(id, atLeast), AskTimeout);

    public Task<object> AskRiskAsync(IStrategyMessage message) => RiskManagers.Ask<object>(message, AskTimeout);

    /// <summary>
    /// The risk manager entity of <paramref name="strategyId"/> itself (started if need be), to send it what its own
    /// timer would (<see cref="ReviewDue"/>) without waiting for real time to pass.
    /// </summary>
    public async Task<IActorRef> RiskManagerEntityAsync(string strategyId)
    {
        await ExposureAsync(strategyId); // started, recovered
        var shard = new StrategyMessageExtractor(Settings.Shards).ShardId(strategyId);
        var path = $"/system/sharding/{TradingActorsNode.RiskRegion}/{shard}/{Uri.EscapeDataString(strategyId)}";
        return await System.ActorSelection(path).ResolveOne(AskTimeout);
    }

    /// <summary>The strategy's persisted risk decisions (<c>risk|ID</c>), read from the journal alone.</summary>
    public async Task<IReadOnlyList<RiskEvent>> RiskEventsAsync(string strategyId) =>
        await ReadJournal.CurrentEventsByPersistenceId(PersistenceIds.Risk(strategyId), 0, long.MaxValue)
            .Select(e => (RiskEvent)e.Event)
            .RunWith(Sink.Seq<RiskEvent>(), System.Materializer());

    public SqlReadJournal ReadJournal =>
        PersistenceQuery.Get(System).ReadJournalFor<SqlReadJournal>(SqlReadJournal.Identifier);

    public async ValueTask DisposeAsync()
    {
        await _host.StopAsync();
        _host.Dispose();
    }
}
