namespace TradingActors.Metrics;

/// <summary>
/// What the trade statistics need of one closed trade, as plain data: entry and exit in epoch milliseconds (exit not
/// before entry), pnl net of fees and slippage, the two costs reported separately, and the planned R:R of the signal
/// (null when the trade carries none).
/// </summary>
public readonly record struct TradeOutcome(
    long EntryTimeMs,
    long ExitTimeMs,
    double Pnl,
    double Fees,
    double Slippage,
    double? RiskReward);
