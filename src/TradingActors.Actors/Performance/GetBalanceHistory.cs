namespace TradingActors.Actors.Performance;

/// <summary>Ask for the strategy's <see cref="BalanceHistory"/>.</summary>
public sealed record GetBalanceHistory(string StrategyId) : IStrategyMessage;
