namespace TradingActors.Domain.Events;

/// <summary>
/// A closed trade (DESIGN §2). <see cref="Pnl"/> is the realised result net of fees and slippage — what reached the
/// balance; <see cref="Fees"/> and <see cref="Slippage"/> are those costs reported separately. Win: pnl &gt; 0, loss:
/// pnl &lt; 0, breakeven: pnl == 0. <see cref="RiskReward"/> (the signal's planned R:R), <see cref="Mfe"/> and
/// <see cref="Mae"/> are optional and null when absent. Instances that reach the fold have passed
/// <see cref="EventValidator"/>.
/// </summary>
public sealed record TradeClosed(
    string TradeId,
    string Symbol,
    Side Side,
    DateTimeOffset EntryTime,
    DateTimeOffset ExitTime,
    double EntryPrice,
    double ExitPrice,
    double Quantity,
    double Pnl,
    double Fees,
    double Slippage,
    double? RiskReward = null,
    double? Mfe = null,
    double? Mae = null) : IPerformanceEvent
{
    /// <summary>A trade happens, for ordering and windows, at its exit.</summary>
    public DateTimeOffset Time => ExitTime;
}
