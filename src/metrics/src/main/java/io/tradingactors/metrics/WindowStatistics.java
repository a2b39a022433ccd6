package io.tradingactors.metrics;

/**
 * Performance over a trailing window (7 or 30 days): trades whose exit time lies in (as_of − window, as_of] — a trade
 * exactly one window old is out — and the Sharpe ratio of the last 30 daily returns.
 *
 * @param trades trades closed in the window
 * @param winRate wins / trades; null without trades
 * @param profitFactor as {@link TradeStatistics#profitFactor}; null without trades
 * @param avgRr mean risk_reward of the window's trades that carry one; null when none does
 * @param netPnl sum of pnl in the window
 * @param sharpe Sharpe ratio of the last 30 daily returns (null with fewer than two)
 */
public record WindowStatistics(
    long trades, Double winRate, Double profitFactor, Double avgRr, double netPnl, Double sharpe) {}
