using Akka.Cluster.Sharding;
using TradingActors.Actors.Performance;

namespace TradingActors.Actors.Node;

/// <summary>
/// Routes a message to the entity of its strategy (<see cref="IStrategyMessage.StrategyId"/>) and its shard: a stable
/// hash of the id over a fixed number of shards, the same on every node.
/// </summary>
public sealed class StrategyMessageExtractor(int shards) : HashCodeMessageExtractor(shards)
{
    public override string? EntityId(object message) => (message as IStrategyMessage)?.StrategyId;
}
