namespace TradingActors.Actors.Performance;

/// <summary>Ask for the strategy's current <see cref="Domain.MetricsSnapshot"/> (of its durable events only).</summary>
public sealed record GetMetrics(string StrategyId) : IStrategyMessage;
