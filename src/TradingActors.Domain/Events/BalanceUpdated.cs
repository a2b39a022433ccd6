namespace TradingActors.Domain.Events;

/// <summary>An observation of the strategy's account balance (DESIGN §2). Valid balances are finite and &gt; 0.</summary>
public sealed record BalanceUpdated(DateTimeOffset Time, double Balance) : IPerformanceEvent;
