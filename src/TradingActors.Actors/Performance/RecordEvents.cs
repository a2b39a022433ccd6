using TradingActors.Domain.Events;

namespace TradingActors.Actors.Performance;

/// <summary>
/// Record trades and balances mixed, in the given order, as one atomic write (a backtest's events in time order, as
/// <c>import</c> sends them): answered like <see cref="RecordTrades"/> and <see cref="RecordBalances"/>; fields are
/// named <c>events[i].…</c>.
/// </summary>
public sealed record RecordEvents(string StrategyId, IReadOnlyList<IPerformanceEvent> Events) : IStrategyMessage;
