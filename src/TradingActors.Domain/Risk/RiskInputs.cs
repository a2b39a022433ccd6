namespace TradingActors.Domain.Risk;

/// <summary>
/// The figures of one metrics snapshot that the risk rules read, kept in every decision so that each cut can be
/// explained. The live path and the backtest take them from the same accumulators, so they agree to the bit.
/// </summary>
/// <param name="SequenceNr">The snapshot's journal sequence number (snapshots are ordered by it).</param>
/// <param name="AsOf">The time of the latest event in the snapshot; null before any event.</param>
/// <param name="TotalTrades">Trades so far.</param>
/// <param name="ConsecutiveWins">The current winning streak.</param>
/// <param name="ConsecutiveLosses">The current losing streak.</param>
/// <param name="CurrentBalance">The latest balance; null without balances.</param>
/// <param name="CurrentDrawdown">1 − balance / running peak at the latest balance, a fraction; null without
/// balances.</param>
/// <param name="Day">The UTC day of <paramref name="AsOf"/>; null before any event.</param>
/// <param name="DayOpeningBalance">The balance in effect when that day began (the last one before its midnight, or
/// the day's first when the history starts that day); null without balances.</param>
/// <param name="DayNetPnl">The net pnl of the trades that exited that UTC day; 0 without any.</param>
public sealed record RiskInputs(
    long SequenceNr,
    DateTimeOffset? AsOf,
    long TotalTrades,
    long ConsecutiveWins,
    long ConsecutiveLosses,
    double? CurrentBalance,
    double? CurrentDrawdown,
    DateOnly? Day,
    double? DayOpeningBalance,
    double DayNetPnl)
{
    /// <summary>The day's net pnl as a fraction of its opening balance (negative for a loss); null without a
    /// balance.</summary>
    public double? DayReturn => DayOpeningBalance is { } opening ? DayNetPnl / opening : null;
}
