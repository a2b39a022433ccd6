using TradingActors.Domain.Events;

namespace TradingActors.Actors.Performance;

/// <summary>
/// Record balance observations, in time order, as one atomic write: answered with <see cref="EventsRecorded"/> once
/// durable (an exact repeat of a recent observation is acknowledged and not recorded again), or
/// <see cref="CommandRejected"/> (a bad value, or a time before the last recorded balance) with nothing persisted.
/// </summary>
public sealed record RecordBalances(string StrategyId, IReadOnlyList<BalanceUpdated> Balances) : IStrategyMessage;
