namespace TradingActors.Metrics;

/// <summary>
/// One calendar period of the breakdown.
/// </summary>
/// <param name="Period">which kind of period</param>
/// <param name="Start">its first day (UTC)</param>
/// <param name="PeriodReturn">last close of the period / last close before it − 1 (the first period measures from the
/// first close); null for a period without a daily close</param>
/// <param name="Trades">trades closed in the period (by exit time)</param>
/// <param name="WinningTrades">trades with pnl &gt; 0</param>
/// <param name="LosingTrades">trades with pnl &lt; 0</param>
/// <param name="NetPnl">the sum of their pnl</param>
/// <param name="WinRate">wins / trades; null without trades</param>
/// <param name="ProfitFactor">as <see cref="TradeStatistics.ProfitFactorOf"/>; null without trades</param>
public sealed record PeriodRow(
    Period Period,
    DateOnly Start,
    double? PeriodReturn,
    long Trades,
    long WinningTrades,
    long LosingTrades,
    double NetPnl,
    double? WinRate,
    double? ProfitFactor);
