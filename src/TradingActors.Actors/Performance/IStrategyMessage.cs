namespace TradingActors.Actors.Performance;

/// <summary>
/// A message for one strategy's entities, routed by the shard regions on <see cref="StrategyId"/>: the strategy id, or
/// <c>ID@RUN</c> for a backtest run (<see cref="Domain.StrategyIds"/>).
/// </summary>
public interface IStrategyMessage
{
    string StrategyId { get; }
}
