using Akka.Actor;
using Akka.Cluster;
using Akka.Cluster.Hosting;
using Akka.Cluster.Sharding;
using Akka.Event;
using Akka.Hosting;
using Akka.Persistence.Hosting;
using Akka.Persistence.Sql.Config;
using Akka.Persistence.Sql.Hosting;
using Akka.Remote.Hosting;
using TradingActors.Actors.Performance;
using TradingActors.Actors.Replay;
using TradingActors.Actors.Risk;
using TradingActors.Actors.Serialization;
using TradingActors.Domain.Events;
using TradingActors.Domain.Risk;

namespace TradingActors.Actors.Node;

/// <summary>
/// The one place a node is wired, top to bottom: configuration, serialization, remoting and the cluster (a single node
/// joins itself and forms a cluster of one), the SQL journal, and the two sharded entity types — the strategies'
/// performance actors (passivated when idle) and their risk managers (never passivated: their timers lift limits).
/// </summary>
public static class TradingActorsNode
{
    /// <summary>The shard region type name of the strategies' performance actors.</summary>
    public const string StrategyRegion = "strategy";

    /// <summary>The shard region type name of the risk managers.</summary>
    public const string RiskRegion = "risk";

    /// <summary>Adds a TradingActors node to an Akka.Hosting builder.</summary>
    public static AkkaConfigurationBuilder WithTradingActors(
        this AkkaConfigurationBuilder builder, NodeSettings settings, TimeProvider? clock = null)
    {
        var time = clock ?? TimeProvider.System;
        if (settings.Journal.Provider == JournalProvider.Sqlite)
        {
            SqliteJournalFile.Prepare(settings.Journal.ConnectionString);
        }
        var extractor = new StrategyMessageExtractor(settings.Shards);
        return builder
            .WithRemoting(settings.Host, settings.Port)
            .WithClustering(new ClusterOptions { SeedNodes = settings.SeedNodes.Count > 0 ? [.. settings.SeedNodes] : null })
            .WithSqlPersistence(
                settings.Journal.ConnectionString,
                settings.Journal.PluginProviderName,
                PersistenceMode.Both,
                journalBuilder: journal =>
                {
                    journal.AddWriteEventAdapter<EventTagger>("tagger", [typeof(IPerformanceEvent), typeof(RiskEvent)]);
                },
                autoInitialize: true,
                tagStorageMode: TagMode.Csv)
            .AddHocon(JournalTuning(settings.Journal.Provider), HoconAddMode.Prepend)
            .AddHocon(settings.Config, HoconAddMode.Prepend)
            .AddHocon(SerializationConfig.Config(), HoconAddMode.Prepend)
            .WithShardRegion<StrategyPerformanceActor>(
                StrategyRegion,
                (_, registry, _) => entityId => StrategyPerformanceActor.Props(
                    entityId, settings.Performance, registry.TryGet<RiskManagerActor>(out var risk) ? risk : null),
                extractor,
                new ShardOptions
                {
                    StateStoreMode = StateStoreMode.DData,
                    RememberEntities = false,
                    ShouldPassivateIdleEntities = true,
                    PassivateIdleEntityAfter = settings.PassivateAfter,
                })
            .WithShardRegion<RiskManagerActor>(
                RiskRegion,
                (_, registry, _) => strategyId => RiskManagerActor.Props(
                    strategyId, settings.Risk.For(strategyId), time,
                    registry.TryGet<StrategyPerformanceActor>(out var strategies) ? strategies : null),
                extractor,
                new ShardOptions
                {
                    StateStoreMode = StateStoreMode.DData,
                    RememberEntities = false,
                    ShouldPassivateIdleEntities = false,
                })
            .AddStartup((system, _registry) =>
            {
                var cluster = Cluster.Get(system);
                if (settings.SeedNodes.Count == 0)
                {
                    cluster.Join(cluster.SelfAddress);
                }
                if (settings.WakeRiskManagers)
                {
                    // In the background: the node is usable at once, and a risk manager addressed meanwhile starts anyway.
                    cluster.RegisterOnMemberUp(() => _ = WakeRiskManagersAsync(system));
                }
            });
    }

    /// <summary>
    /// Starts every risk manager the journal knows (docs/risk.md): each recovers, re-arms its timer and asks its
    /// strategy for the latest figures. A strategy cut to 0 sends nothing, so without this a cooldown or a UTC midnight
    /// pending when the previous node stopped would never lift its limit.
    /// </summary>
    private static async Task WakeRiskManagersAsync(ActorSystem system)
    {
        try
        {
            var region = ClusterSharding.Get(system).ShardRegion(RiskRegion);
            foreach (var strategyId in await JournalReplay.RiskManagersAsync(system).ConfigureAwait(false))
            {
                region.Tell(new WakeUp(strategyId));
            }
        }
        catch (Exception e) when (!system.WhenTerminated.IsCompleted)
        {
            system.Log.Warning("could not start the risk managers of the journal: {0}", e.Message);
        }
        catch (Exception)
        {
            // the node stopped meanwhile
        }
    }

    /// <summary>SQLite has one writer: the plugin's parallel writers would only queue on its lock.</summary>
    private static string JournalTuning(JournalProvider provider) => provider == JournalProvider.Sqlite
        ? "akka.persistence.journal.sql.parallelism = 1"
        : "";

    /// <summary>Waits until this node is an Up member of its cluster (the shard regions need it to allocate shards).</summary>
    public static Task WhenUp(ActorSystem system, TimeSpan timeout)
    {
        var up = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        Cluster.Get(system).RegisterOnMemberUp(() => up.TrySetResult());
        return up.Task.WaitAsync(timeout);
    }
}
