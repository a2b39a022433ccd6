using TradingActors.Domain.Events;

namespace TradingActors.Actors.Performance;

/// <summary>
/// Record closed trades, in order, as one atomic write: answered with <see cref="EventsRecorded"/> once they are
/// durable (a trade id already recorded is acknowledged and changes nothing), or <see cref="CommandRejected"/> naming
/// each bad field (<c>trades[2].pnl</c>) with nothing persisted.
/// </summary>
public sealed record RecordTrades(string StrategyId, IReadOnlyList<TradeClosed> Trades) : IStrategyMessage;
