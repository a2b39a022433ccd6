using TradingActors.Domain.Events;

namespace TradingActors.Domain.Input;

/// <summary>
/// One valid balance observation read from a file, with its line so later checks can still point at it.
/// </summary>
/// <param name="Balance">The observation, already accepted by <see cref="EventValidator"/>.</param>
/// <param name="Line">Physical 1-based line number of the row in the file.</param>
public sealed record ParsedBalance(BalanceUpdated Balance, long Line);
