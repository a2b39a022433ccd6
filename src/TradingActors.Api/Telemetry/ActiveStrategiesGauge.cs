using Akka.Actor;
using Akka.Cluster.Sharding;
using Akka.Hosting;
using Microsoft.Extensions.Hosting;
using TradingActors.Actors.Performance;

namespace TradingActors.Api.Telemetry;

/// <summary>
/// <c>trading_actors_active_strategies</c>: how many strategy entities (live strategies and backtest runs) this node
/// holds in memory, asked of its shard region every <see cref="ApiSettings.HealthInterval"/>; passivated ones are not
/// counted.
/// </summary>
public sealed class ActiveStrategiesGauge(ActorRegistry registry, ApiSettings settings, ApiMetrics metrics) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(settings.HealthInterval);
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken).ConfigureAwait(false))
            {
                if (!registry.TryGet<StrategyPerformanceActor>(out var region))
                {
                    continue;
                }
                try
                {
                    var stats = await region.Ask<ShardRegionStats>(GetShardRegionStats.Instance, settings.AskTimeout, stoppingToken)
                        .ConfigureAwait(false);
                    metrics.ActiveStrategies(stats.Stats.Values.Sum());
                }
                catch (AskTimeoutException)
                {
                    // a busy or stopping node: the gauge keeps its last value
                }
            }
        }
        catch (OperationCanceledException)
        {
            // the node stops
        }
    }
}
