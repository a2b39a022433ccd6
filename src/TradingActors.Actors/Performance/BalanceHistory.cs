namespace TradingActors.Actors.Performance;

/// <summary>
/// The balance history a strategy keeps: one close per UTC day for its whole history (forward-filled, the last one
/// provisional), and its most recent raw observations.
/// </summary>
/// <param name="FirstDay">the UTC day of <paramref name="DailyCloses"/>[0]; null without balances</param>
/// <param name="DailyCloses">one close per consecutive UTC day</param>
/// <param name="RecentTimes">the recent raw observations' times, oldest first</param>
/// <param name="RecentBalances">their balances</param>
public sealed record BalanceHistory(
    DateOnly? FirstDay,
    IReadOnlyList<double> DailyCloses,
    IReadOnlyList<DateTimeOffset> RecentTimes,
    IReadOnlyList<double> RecentBalances);
