namespace TradingActors.Metrics;

/// <summary>
/// Performance over a trailing window (7 or 30 days, <see cref="RollingWindows"/>): the trades whose exit time lies in
/// (as_of − window, as_of] — a trade exactly one window old is out — and the daily returns of the window's days.
/// </summary>
/// <param name="Trades">trades closed in the window</param>
/// <param name="WinRate">wins / trades; null without trades</param>
/// <param name="ProfitFactor">as <see cref="TradeStatistics.ProfitFactorOf"/>; null without trades</param>
/// <param name="AvgRr">mean risk_reward of the window's trades that carry one; null when none does</param>
/// <param name="NetPnl">sum of pnl in the window</param>
/// <param name="Sharpe">Sharpe ratio of the daily returns into the window's days; null with fewer than two</param>
public sealed record WindowStatistics(
    long Trades, double? WinRate, double? ProfitFactor, double? AvgRr, double NetPnl, double? Sharpe);
