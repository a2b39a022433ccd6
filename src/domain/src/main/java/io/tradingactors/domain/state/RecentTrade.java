package io.tradingactors.domain.state;

/**
 * What the state keeps of a trade of the last 30 days: what the rolling windows read (exit time for the window, pnl,
 * planned R:R). Entry time, fees and slippage are in the running tally and not kept per trade.
 *
 * @param exitTimeMs exit time, epoch milliseconds
 * @param pnl realised result net of fees and slippage
 * @param riskReward planned R:R of the signal, {@code null} when the trade did not carry one
 */
public record RecentTrade(long exitTimeMs, double pnl, Double riskReward) {}
