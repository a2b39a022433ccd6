using TradingActors.Domain.Events;

namespace TradingActors.Domain.Input;

/// <summary>
/// One valid trade read from a file, with where it came from, so later checks (e.g. a strategy id the import rejects)
/// can still point at the line.
/// </summary>
/// <param name="StrategyId">
/// The row's <c>strategy_id</c>; null when the file has no such column or the cell is empty (the caller then supplies
/// the strategy, e.g. <c>import --strategy</c>).
/// </param>
/// <param name="Trade">The trade, already accepted by <see cref="EventValidator"/>.</param>
/// <param name="Line">Physical 1-based line number of the row in the file.</param>
public sealed record ParsedTrade(string? StrategyId, TradeClosed Trade, long Line);
